package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventRing;

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
    private final MarketEventRing ahead = new MarketEventRing(16384);
    private boolean sourceDone;

    public SimulationFeed(EventSource source, ExchangeSimulator simulator) {
        if (source == null || simulator == null) {
            throw new NullPointerException("source and simulator must not be null");
        }
        this.source = source;
        this.simulator = simulator;
        this.lookahead = simulator.config().timeline().maxFeedLatencyNanos();
    }

    @Override
    public boolean next() throws MarketDataException {
        if (ahead.isEmpty() && !readOne()) {
            return false;
        }
        readBeyond(saturatedAdd(ahead.peekLocalTs(), lookahead));
        ahead.poll(event);
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
        ahead.add(e);
        return true;
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
