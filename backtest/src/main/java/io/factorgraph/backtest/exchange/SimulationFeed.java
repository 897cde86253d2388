package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.MarketEvent;

/**
 * An {@link EventSource} that feeds an {@link ExchangeSimulator} ahead of the strategy: it reads the underlying
 * source far enough ahead that the simulator has every event received up to the strategy's time plus the maximum
 * feed latency ({@link TimelineCorrection}), and hands the events to the caller in their original local order.
 *
 * <p>After {@link #next()} returns an event received at local time {@code L}, the simulator may be moved to any time
 * up to {@code L} ({@link ExchangeSimulator#advanceTo}); to move it further (a clock tick in a gap of the data, the
 * end of the run), call {@link #advanceTo} here, which reads on as needed. At the end of the source the simulator is
 * told {@link ExchangeSimulator#endOfData()}. A market event the simulator refuses (off the price grid, say) becomes a
 * {@link MarketDataException} naming the source's {@code file:line}.
 *
 * <p>The events read ahead wait in primitive arrays (a ring that grows by doubling to the look-ahead's working size):
 * no allocation per event. {@link #position()} is the underlying source's position, i.e. that of the latest event read
 * ahead, not necessarily the one {@link #event()} holds.
 */
public final class SimulationFeed implements EventSource {
    private final EventSource source;
    private final ExchangeSimulator simulator;
    private final long lookahead;
    private final MarketEvent event = new MarketEvent();
    private boolean sourceDone;

    private long[] ev;
    private long[] exchTs;
    private long[] localTs;
    private double[] px;
    private double[] qty;
    private long[] orderId;
    private long[] ival;
    private double[] fval;
    private boolean[] end;
    private int mask;
    private int head;
    private int size;

    public SimulationFeed(EventSource source, ExchangeSimulator simulator) {
        if (source == null || simulator == null) {
            throw new NullPointerException("source and simulator must not be null");
        }
        this.source = source;
        this.simulator = simulator;
        this.lookahead = simulator.config().timeline().maxFeedLatencyNanos();
        allocate(16384);
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
        mask = c - 1;
    }

    @Override
    public boolean next() throws MarketDataException {
        if (size == 0 && !readOne()) {
            return false;
        }
        readBeyond(saturatedAdd(localTs[head], lookahead));
        int i = head;
        event.set(ev[i], exchTs[i], localTs[i], px[i], qty[i], orderId[i], ival[i], fval[i], end[i]);
        head = (head + 1) & mask;
        size--;
        return true;
    }

    /**
     * Reads ahead as far as the simulator needs and moves it to {@code localTime} ({@link
     * ExchangeSimulator#advanceTo}).
     */
    public void advanceTo(long localTime) throws MarketDataException {
        readBeyond(saturatedAdd(localTime, lookahead));
        simulator.advanceTo(localTime);
    }

    /** Reads until the simulator has been fed an event received after {@code target}, or the source ends. */
    private void readBeyond(long target) throws MarketDataException {
        while (!sourceDone && (simulator.horizon() == Long.MIN_VALUE || simulator.horizon() <= target)) {
            readOne();
        }
    }

    private boolean readOne() throws MarketDataException {
        if (sourceDone) {
            return false;
        }
        if (!source.next()) {
            sourceDone = true;
            simulator.endOfData();
            return false;
        }
        MarketEvent e = source.event();
        try {
            simulator.onMarketEvent(e);
        } catch (IllegalArgumentException ex) {
            throw new MarketDataException(source.position(), ex.getMessage(), ex);
        }
        if (size == ev.length) {
            grow();
        }
        int i = (head + size) & mask;
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
        return true;
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

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    /** The simulator this feed feeds. */
    public ExchangeSimulator simulator() {
        return simulator;
    }

    @Override
    public String position() {
        return source.position();
    }

    @Override
    public void close() {
        source.close();
    }
}
