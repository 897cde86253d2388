package io.factorgraph.runtime.data.npz;

import java.io.IOException;
import java.util.stream.IntStream;

/**
 * hftbacktest's two corrections of converted feed data ({@code correct_local_timestamp} and
 * {@code correct_event_order} in its {@code data/validation.py}), applied to messages rather than rows: all
 * rows of a message share both timestamps, and both orders are stable sorts, so a message's rows stay
 * together in both and the row-by-row merge hftbacktest runs takes them as a block.
 *
 * <ul>
 *   <li>The local clock of a recorder runs behind the exchange's, so some feed latencies
 *       ({@code local_ts - exch_ts}) come out negative. {@link #localShift} is the amount every local timestamp
 *       moves later so that none is: the largest {@code exch_ts - local_ts}, or 0 when no latency is negative.
 *   <li>Exchange times in receive order go backwards (streams travel with different latencies), but
 *       hftbacktest's exchange side needs them in order. {@link #merge} walks the messages in exchange order and
 *       in local order at once, as a merge: a message that is next in both orders is emitted once, for both
 *       timelines; otherwise the one that comes first is emitted for its timeline only, and the same message is
 *       emitted again, for the other timeline, when that order reaches it.
 * </ul>
 */
final class CorrectedOrder {
    /** Where a message is emitted: {@code EXCH_EVENT}, {@code LOCAL_EVENT} or both. */
    @FunctionalInterface
    interface Emitter {
        void emit(int message, long timelines) throws IOException;
    }

    private CorrectedOrder() {}

    /** The shift {@code correct_local_timestamp} adds to every local timestamp (without a base latency). */
    static long localShift(long[] exchTs, long[] localTs) {
        long minLatency = Long.MAX_VALUE;
        for (int m = 0; m < exchTs.length; m++) {
            minLatency = Math.min(minLatency, localTs[m] - exchTs[m]);
        }
        return minLatency < 0 ? -minLatency : 0;
    }

    /**
     * {@code correct_event_order}: emits every message once per timeline, in an order in which both the
     * exchange timestamps of the {@code EXCH_EVENT} emissions and the local ones of the {@code LOCAL_EVENT}
     * emissions never go back. Ties in both timestamps pair the two orders' messages as hftbacktest pairs rows.
     */
    static void merge(long[] exchTs, long[] localTs, long exchFlag, long localFlag, Emitter out) throws IOException {
        int n = exchTs.length;
        int[] byExch = stableOrder(exchTs);
        int[] byLocal = stableOrder(localTs);
        int e = 0;
        int l = 0;
        while (e < n || l < n) {
            if (e < n && l < n) {
                int x = byExch[e];
                int y = byLocal[l];
                if (exchTs[x] == exchTs[y] && localTs[x] == localTs[y]) {
                    out.emit(x, exchFlag | localFlag);
                    e++;
                    l++;
                } else if (exchTs[x] < exchTs[y] || (exchTs[x] == exchTs[y] && localTs[x] < localTs[y])) {
                    out.emit(x, exchFlag);
                    e++;
                } else {
                    out.emit(y, localFlag);
                    l++;
                }
            } else if (e < n) {
                out.emit(byExch[e++], exchFlag);
            } else {
                out.emit(byLocal[l++], localFlag);
            }
        }
    }

    /** The indices of {@code keys} in ascending key order, equal keys in index order (numpy's stable argsort). */
    static int[] stableOrder(long[] keys) {
        int n = keys.length;
        int[] order = IntStream.range(0, n).toArray();
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = keys[i - 1] <= keys[i];
        }
        if (sorted) {
            return order;
        }
        int[] from = order;
        int[] to = new int[n];
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += width << 1) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + (width << 1), n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    to[k] = a < mid && (b >= hi || keys[from[a]] <= keys[from[b]]) ? from[a++] : from[b++];
                }
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }
}
