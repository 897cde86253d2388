package io.factorgraph.runtime.data.binance;

import java.util.Arrays;

/**
 * Depth diffs held back until a REST snapshot arrives, as Binance's book-sync procedure requires: the
 * snapshot is fetched after the diff stream has started, so the diffs that follow it in update-id order
 * may already have been received. Kept as primitive columns; reused after warm-up.
 */
final class DiffBuffer {
    /** {@code pu} of a spot diff, which has none. */
    static final long NO_PREV_ID = Long.MIN_VALUE;

    // per diff
    private long[] firstId = new long[64];
    private long[] lastId = new long[64];
    private long[] prevId = new long[64];
    private long[] exchTs = new long[64];
    private int[] file = new int[64];
    private long[] line = new long[64];
    private int[] rowStart = new int[64];
    private int[] rowCount = new int[64];
    private int count;

    // per level row
    private long[] rowFlags = new long[1024];
    private double[] rowPx = new double[1024];
    private double[] rowQty = new double[1024];
    private int rows;

    int count() {
        return count;
    }

    void clear() {
        count = 0;
        rows = 0;
    }

    /** Copies the rows {@code [from, batch.size())} of {@code batch} as one diff. */
    void add(
            long first,
            long last,
            long prev,
            long exchangeTs,
            int fileIndex,
            long lineNumber,
            EventBatch batch,
            int from) {
        if (count == firstId.length) {
            growDiffs();
        }
        int n = batch.size() - from;
        while (rows + n > rowFlags.length) {
            growRows();
        }
        int d = count++;
        firstId[d] = first;
        lastId[d] = last;
        prevId[d] = prev;
        exchTs[d] = exchangeTs;
        file[d] = fileIndex;
        line[d] = lineNumber;
        rowStart[d] = rows;
        rowCount[d] = n;
        for (int i = 0; i < n; i++) {
            rowFlags[rows + i] = batch.ev(from + i);
            rowPx[rows + i] = batch.px(from + i);
            rowQty[rows + i] = batch.qty(from + i);
        }
        rows += n;
    }

    long firstId(int d) {
        return firstId[d];
    }

    long lastId(int d) {
        return lastId[d];
    }

    long prevId(int d) {
        return prevId[d];
    }

    long exchTs(int d) {
        return exchTs[d];
    }

    int file(int d) {
        return file[d];
    }

    long line(int d) {
        return line[d];
    }

    /** Appends the level rows of diff {@code d} to {@code out}, attributed to the diff's own file and line. */
    void appendRows(int d, EventBatch out) {
        int start = rowStart[d];
        int end = start + rowCount[d];
        for (int r = start; r < end; r++) {
            out.add(rowFlags[r], rowPx[r], rowQty[r], file[d], line[d]);
        }
    }

    /** Forgets the first {@code k} diffs, keeping the rest in order. */
    void dropFirst(int k) {
        if (k >= count) {
            clear();
            return;
        }
        int rowShift = rowStart[k];
        int remaining = count - k;
        System.arraycopy(firstId, k, firstId, 0, remaining);
        System.arraycopy(lastId, k, lastId, 0, remaining);
        System.arraycopy(prevId, k, prevId, 0, remaining);
        System.arraycopy(exchTs, k, exchTs, 0, remaining);
        System.arraycopy(file, k, file, 0, remaining);
        System.arraycopy(line, k, line, 0, remaining);
        System.arraycopy(rowStart, k, rowStart, 0, remaining);
        System.arraycopy(rowCount, k, rowCount, 0, remaining);
        for (int d = 0; d < remaining; d++) {
            rowStart[d] -= rowShift;
        }
        int remainingRows = rows - rowShift;
        System.arraycopy(rowFlags, rowShift, rowFlags, 0, remainingRows);
        System.arraycopy(rowPx, rowShift, rowPx, 0, remainingRows);
        System.arraycopy(rowQty, rowShift, rowQty, 0, remainingRows);
        count = remaining;
        rows = remainingRows;
    }

    private void growDiffs() {
        int capacity = firstId.length << 1;
        firstId = Arrays.copyOf(firstId, capacity);
        lastId = Arrays.copyOf(lastId, capacity);
        prevId = Arrays.copyOf(prevId, capacity);
        exchTs = Arrays.copyOf(exchTs, capacity);
        file = Arrays.copyOf(file, capacity);
        line = Arrays.copyOf(line, capacity);
        rowStart = Arrays.copyOf(rowStart, capacity);
        rowCount = Arrays.copyOf(rowCount, capacity);
    }

    private void growRows() {
        int capacity = rowFlags.length << 1;
        rowFlags = Arrays.copyOf(rowFlags, capacity);
        rowPx = Arrays.copyOf(rowPx, capacity);
        rowQty = Arrays.copyOf(rowQty, capacity);
    }
}
