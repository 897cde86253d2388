package io.factorgraph.runtime.market;

/**
 * A fixed number of market events stored column by column: one primitive array per field, so that holding
 * events costs no object per event and copying one in or out is nine array stores or loads. The storage under
 * every place that must keep events for later (a ring of events waiting their turn, a batch handed from a decoder
 * thread to the replay) rather than each keeping its own nine arrays.
 */
public final class MarketEventColumns {
    private final long[] ev;
    private final long[] exchTs;
    private final long[] localTs;
    private final double[] px;
    private final double[] qty;
    private final long[] orderId;
    private final long[] ival;
    private final double[] fval;
    private final boolean[] end;

    public MarketEventColumns(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        ev = new long[capacity];
        exchTs = new long[capacity];
        localTs = new long[capacity];
        px = new double[capacity];
        qty = new double[capacity];
        orderId = new long[capacity];
        ival = new long[capacity];
        fval = new double[capacity];
        end = new boolean[capacity];
    }

    public int capacity() {
        return ev.length;
    }

    /** Copies {@code e} into row {@code i}. */
    public void store(int i, MarketEvent e) {
        ev[i] = e.ev();
        exchTs[i] = e.exchTs();
        localTs[i] = e.localTs();
        px[i] = e.px();
        qty[i] = e.qty();
        orderId[i] = e.orderId();
        ival[i] = e.ival();
        fval[i] = e.fval();
        end[i] = e.endOfMessage();
    }

    /** Copies row {@code i} into {@code into}. */
    public void load(int i, MarketEvent into) {
        into.set(ev[i], exchTs[i], localTs[i], px[i], qty[i], orderId[i], ival[i], fval[i], end[i]);
    }

    /** Copies row {@code i} into row {@code j} of {@code to}. */
    public void copy(int i, MarketEventColumns to, int j) {
        to.ev[j] = ev[i];
        to.exchTs[j] = exchTs[i];
        to.localTs[j] = localTs[i];
        to.px[j] = px[i];
        to.qty[j] = qty[i];
        to.orderId[j] = orderId[i];
        to.ival[j] = ival[i];
        to.fval[j] = fval[i];
        to.end[j] = end[i];
    }

    /**
     * Copies {@code n} rows of another store's columns, from its row {@code from}, into rows from {@code at}, with
     * order id and fval 0: for a decoder whose events carry neither (a message's run of rows, often a few: a loop,
     * not nine {@code System.arraycopy} calls, whose fixed cost would be most of it).
     */
    public void copyRows(
            long[] ev,
            long[] exchTs,
            long[] localTs,
            double[] px,
            double[] qty,
            long[] ival,
            boolean[] end,
            int from,
            int at,
            int n) {
        for (int k = 0; k < n; k++) {
            final int i = from + k;
            final int j = at + k;
            this.ev[j] = ev[i];
            this.exchTs[j] = exchTs[i];
            this.localTs[j] = localTs[i];
            this.px[j] = px[i];
            this.qty[j] = qty[i];
            this.orderId[j] = 0L;
            this.ival[j] = ival[i];
            this.fval[j] = 0.0;
            this.end[j] = end[i];
        }
    }

    /** The local time of row {@code i}, read without copying the row. */
    public long localTs(int i) {
        return localTs[i];
    }
}
