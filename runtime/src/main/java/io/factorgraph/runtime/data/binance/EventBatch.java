package io.factorgraph.runtime.data.binance;

import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventColumns;
import java.util.Arrays;

/**
 * The events one or more feed messages expand to, in columnar primitive arrays, waiting to be handed
 * out one by one through a {@link MarketEvent} cursor.
 *
 * <p>A message can expand to thousands of rows (a 1000-level snapshot a side); the arrays grow to the
 * largest message seen and are then reused, so steady-state reading allocates nothing. Each row also
 * remembers the file and line it came from, for error messages.
 */
final class EventBatch {
    private long[] ev;
    private long[] exchTs;
    private long[] localTs;
    private double[] px;
    private double[] qty;
    private long[] ival;
    private boolean[] end;
    private int[] file;
    private long[] line;
    private int size;

    EventBatch(int capacity) {
        ev = new long[capacity];
        exchTs = new long[capacity];
        localTs = new long[capacity];
        px = new double[capacity];
        qty = new double[capacity];
        ival = new long[capacity];
        end = new boolean[capacity];
        file = new int[capacity];
        line = new long[capacity];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** Drops the rows from {@code newSize} on. */
    void truncate(int newSize) {
        size = newSize;
    }

    /** Appends a row whose timestamps and id are filled in later by {@link #stamp}; returns its index. */
    int add(long flags, double price, double quantity, int fileIndex, long lineNumber) {
        if (size == ev.length) {
            grow();
        }
        int i = size++;
        ev[i] = flags;
        px[i] = price;
        qty[i] = quantity;
        exchTs[i] = 0;
        localTs[i] = 0;
        ival[i] = 0;
        end[i] = false;
        file[i] = fileIndex;
        line[i] = lineNumber;
        return i;
    }

    void setPx(int i, double price) {
        px[i] = price;
    }

    /** Fills flags, timestamps and id into rows {@code [from, size)} and marks the last one as a message end. */
    void stamp(int from, long addFlags, long exchangeTs, long receiveTs, long id) {
        for (int i = from; i < size; i++) {
            ev[i] |= addFlags;
            exchTs[i] = exchangeTs;
            localTs[i] = receiveTs;
            ival[i] = id;
        }
        if (size > from) {
            end[size - 1] = true;
        }
    }

    /**
     * Makes rows {@code [from, size)} one message: only the last keeps its end mark. A snapshot and the diffs
     * buffered before it are applied together (docs/DESIGN.md §11), so a replay ticks once for them.
     */
    void joinMessages(int from) {
        for (int i = from; i < size - 1; i++) {
            end[i] = false;
        }
    }

    long ev(int i) {
        return ev[i];
    }

    double px(int i) {
        return px[i];
    }

    double qty(int i) {
        return qty[i];
    }

    int file(int i) {
        return file[i];
    }

    long line(int i) {
        return line[i];
    }

    /**
     * Copies rows {@code [from, from + n)} into {@code to} from row {@code at}, with their {@code file << lineBits |
     * line} position marks into {@code marks}.
     */
    void copyTo(int from, int n, MarketEventColumns to, long[] marks, int at, int lineBits) {
        to.copyRows(ev, exchTs, localTs, px, qty, ival, end, from, at, n);
        for (int k = 0; k < n; k++) {
            marks[at + k] = ((long) file[from + k] << lineBits) | line[from + k];
        }
    }

    void load(int i, MarketEvent event) {
        event.set(ev[i], exchTs[i], localTs[i], px[i], qty[i], 0L, ival[i], 0.0, end[i]);
    }

    private void grow() {
        int capacity = ev.length << 1;
        ev = Arrays.copyOf(ev, capacity);
        exchTs = Arrays.copyOf(exchTs, capacity);
        localTs = Arrays.copyOf(localTs, capacity);
        px = Arrays.copyOf(px, capacity);
        qty = Arrays.copyOf(qty, capacity);
        ival = Arrays.copyOf(ival, capacity);
        end = Arrays.copyOf(end, capacity);
        file = Arrays.copyOf(file, capacity);
        line = Arrays.copyOf(line, capacity);
    }
}
