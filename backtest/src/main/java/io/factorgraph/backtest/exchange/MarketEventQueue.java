package io.factorgraph.backtest.exchange;

/**
 * Market events waiting for the exchange, sorted by corrected exchange time, then rank (trades before depth
 * events), then arrival: a ring buffer of primitive arrays into which events are insertion-sorted from the tail
 * (they arrive almost in order, so an insertion moves few elements). Prices are in ticks and quantities in lots,
 * as doubles (a clear's price may be NaN). Grows by doubling; allocation-free otherwise.
 */
final class MarketEventQueue {
    private long[] ts;
    private long[] local;
    private long[] ev;
    private double[] px;
    private double[] qty;
    private boolean[] end;
    private byte[] rank;
    private int mask;
    private int head;
    private int size;

    MarketEventQueue(int initialCapacity) {
        int c = Integer.highestOneBit(Math.max(initialCapacity, 16) - 1) << 1;
        allocate(c);
    }

    private void allocate(int c) {
        ts = new long[c];
        local = new long[c];
        ev = new long[c];
        px = new double[c];
        qty = new double[c];
        end = new boolean[c];
        rank = new byte[c];
        mask = c - 1;
    }

    int size() {
        return size;
    }

    /** Inserts an event in order; returns whether it went before an event already queued (was reordered). */
    boolean insert(
            long time, int eventRank, long localTime, long flags, double price, double quantity, boolean endOfMessage) {
        if (size == ts.length) {
            grow();
        }
        int pos = size;
        while (pos > 0) {
            int prev = (head + pos - 1) & mask;
            if (ts[prev] > time || (ts[prev] == time && rank[prev] > eventRank)) {
                pos--;
            } else {
                break;
            }
        }
        for (int j = size; j > pos; j--) {
            int to = (head + j) & mask;
            int from = (head + j - 1) & mask;
            ts[to] = ts[from];
            local[to] = local[from];
            ev[to] = ev[from];
            px[to] = px[from];
            qty[to] = qty[from];
            end[to] = end[from];
            rank[to] = rank[from];
        }
        int at = (head + pos) & mask;
        ts[at] = time;
        local[at] = localTime;
        ev[at] = flags;
        px[at] = price;
        qty[at] = quantity;
        end[at] = endOfMessage;
        rank[at] = (byte) eventRank;
        size++;
        return pos < size - 1;
    }

    long headTs() {
        return ts[head];
    }

    long headLocal() {
        return local[head];
    }

    long headEv() {
        return ev[head];
    }

    double headPx() {
        return px[head];
    }

    double headQty() {
        return qty[head];
    }

    boolean headEnd() {
        return end[head];
    }

    void pop() {
        head = (head + 1) & mask;
        size--;
    }

    private void grow() {
        int c = ts.length;
        long[] ts2 = unwrap(ts, c);
        long[] local2 = unwrap(local, c);
        long[] ev2 = unwrap(ev, c);
        double[] px2 = unwrap(px, c);
        double[] qty2 = unwrap(qty, c);
        boolean[] end2 = new boolean[c * 2];
        byte[] rank2 = new byte[c * 2];
        for (int i = 0; i < size; i++) {
            end2[i] = end[(head + i) & mask];
            rank2[i] = rank[(head + i) & mask];
        }
        ts = ts2;
        local = local2;
        ev = ev2;
        px = px2;
        qty = qty2;
        end = end2;
        rank = rank2;
        head = 0;
        mask = c * 2 - 1;
    }

    private long[] unwrap(long[] a, int c) {
        long[] b = new long[c * 2];
        int first = Math.min(size, c - head);
        System.arraycopy(a, head, b, 0, first);
        System.arraycopy(a, 0, b, first, size - first);
        return b;
    }

    private double[] unwrap(double[] a, int c) {
        double[] b = new double[c * 2];
        int first = Math.min(size, c - head);
        System.arraycopy(a, head, b, 0, first);
        System.arraycopy(a, 0, b, first, size - first);
        return b;
    }

    @Override
    public String toString() {
        return "MarketEventQueue[" + size + " of " + ts.length + ", head ts " + (size > 0 ? ts[head] : "-") + "]";
    }
}
