package io.factorgraph.runtime.market;

/**
 * Market events waiting their turn, first in first out: a reader that must look ahead (the exchange
 * simulator's feed) or a receiver that gets events faster than they are handed out (the live engine)
 * parks them here. Primitive columns in a ring that doubles when full, so steady state allocates
 * nothing. Not thread-safe.
 */
public final class MarketEventRing {
    private long[] ev;
    private long[] exchTs;
    private long[] localTs;
    private double[] px;
    private double[] qty;
    private long[] orderId;
    private long[] ival;
    private double[] fval;
    private boolean[] end;
    private int head;
    private int size;

    /** @param capacity the starting capacity, rounded up to a power of two */
    public MarketEventRing(int capacity) {
        allocate(Integer.highestOneBit(Math.max(capacity, 2) - 1) << 1);
    }

    private void allocate(int c) {
        ev = new long[c];
        exchTs = new long[c];
        localTs = new long[c];
        px = new double[c];
        qty = new double[c];
        orderId = new long[c];
        ival = new long[c];
        fval = new double[c];
        end = new boolean[c];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Copies {@code e} in at the back. */
    public void add(MarketEvent e) {
        if (size == ev.length) {
            grow();
        }
        int i = (head + size) & (ev.length - 1);
        ev[i] = e.ev();
        exchTs[i] = e.exchTs();
        localTs[i] = e.localTs();
        px[i] = e.px();
        qty[i] = e.qty();
        orderId[i] = e.orderId();
        ival[i] = e.ival();
        fval[i] = e.fval();
        end[i] = e.endOfMessage();
        size++;
    }

    /** The local time of the event at the front; the ring must not be empty. */
    public long peekLocalTs() {
        return localTs[head];
    }

    /** Moves the event at the front into {@code into}; the ring must not be empty. */
    public void poll(MarketEvent into) {
        int i = head;
        into.set(ev[i], exchTs[i], localTs[i], px[i], qty[i], orderId[i], ival[i], fval[i], end[i]);
        head = (head + 1) & (ev.length - 1);
        size--;
    }

    private void grow() {
        int c = ev.length;
        long[] ev0 = ev;
        long[] exchTs0 = exchTs;
        long[] localTs0 = localTs;
        double[] px0 = px;
        double[] qty0 = qty;
        long[] orderId0 = orderId;
        long[] ival0 = ival;
        double[] fval0 = fval;
        boolean[] end0 = end;
        allocate(c * 2);
        for (int k = 0; k < size; k++) {
            int i = (head + k) & (c - 1);
            ev[k] = ev0[i];
            exchTs[k] = exchTs0[i];
            localTs[k] = localTs0[i];
            px[k] = px0[i];
            qty[k] = qty0[i];
            orderId[k] = orderId0[i];
            ival[k] = ival0[i];
            fval[k] = fval0[i];
            end[k] = end0[i];
        }
        head = 0;
    }
}
