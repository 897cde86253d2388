package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventRing;
import java.util.List;

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
    /**
     * Every simulator this feed feeds, {@link #simulator} first: several strategies trading the same book (the points
     * of a sweep, docs/DESIGN.md §12) each have their own exchange, all fed the same events in the same order.
     */
    private final ExchangeSimulator[] simulators;
    /**
     * The market sides of those simulators, each once: simulators sharing an {@link ExchangeMarket} are fed and moved
     * through it, once for all.
     */
    private final ExchangeMarket[] markets;

    private final ExchangeMarket first;

    private final long lookahead;
    private final MarketEvent event = new MarketEvent();
    private final MarketEventRing ahead = new MarketEventRing(16384);
    private boolean sourceDone;

    public SimulationFeed(EventSource source, ExchangeSimulator simulator) {
        this(source, java.util.Collections.singletonList(simulator));
    }

    /**
     * A feed of one source into several simulators (a fan-out): each is fed every event, and the look-ahead is the
     * largest any of them needs. All simulators are fed the same events, so their horizons are the same; a simulator
     * that is fed further ahead than it alone would need runs the same, since it processes only the events up to the
     * time it is {@link ExchangeSimulator#advanceTo advanced to}.
     *
     * @throws IllegalArgumentException when there is no simulator
     */
    public SimulationFeed(EventSource source, List<ExchangeSimulator> simulators) {
        if (source == null || simulators == null) {
            throw new NullPointerException("source and simulators must not be null");
        }
        for (ExchangeSimulator s : simulators) {
            if (s == null) {
                throw new NullPointerException("source and simulators must not be null");
            }
        }
        if (simulators.isEmpty()) {
            throw new IllegalArgumentException("a simulation feed feeds at least one simulator");
        }
        this.source = source;
        this.simulators = simulators.toArray(new ExchangeSimulator[0]);
        this.simulator = this.simulators[0];
        java.util.ArrayList<ExchangeMarket> distinct = new java.util.ArrayList<>();
        long most = Long.MIN_VALUE;
        for (ExchangeSimulator s : this.simulators) {
            most = Math.max(most, s.config().timeline().maxFeedLatencyNanos());
            ExchangeMarket m = s.market();
            boolean seen = false;
            for (ExchangeMarket d : distinct) {
                seen |= d == m;
            }
            if (!seen) {
                if (m.simulatorCount() != count(this.simulators, m)) {
                    throw new IllegalArgumentException("a shared market is fed by one feed, with all its simulators: "
                            + m.simulatorCount() + " trade on it, " + count(this.simulators, m) + " given");
                }
                distinct.add(m);
            }
        }
        this.markets = distinct.toArray(new ExchangeMarket[0]);
        this.first = markets[0];
        this.lookahead = most;
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
        for (ExchangeMarket m : markets) {
            m.advanceTo(localTime);
        }
    }

    /** Reads until the simulator has been fed an event received after {@code target}, or the source ends. */
    private void readBeyond(long target) throws MarketDataException {
        while (!sourceDone && (first.horizon() == Long.MIN_VALUE || first.horizon() <= target)) {
            readOne();
        }
    }

    private boolean readOne() throws MarketDataException {
        if (sourceDone) {
            return false;
        }
        if (!source.next()) {
            sourceDone = true;
            for (ExchangeMarket m : markets) {
                m.endOfData();
            }
            return false;
        }
        MarketEvent e = source.event();
        try {
            for (ExchangeMarket m : markets) {
                m.onMarketEvent(e);
            }
        } catch (IllegalArgumentException ex) {
            throw new MarketDataException(source.position(), ex.getMessage(), ex);
        }
        ahead.add(e);
        return true;
    }

    private static int count(ExchangeSimulator[] all, ExchangeMarket m) {
        int n = 0;
        for (ExchangeSimulator s : all) {
            n += s.market() == m ? 1 : 0;
        }
        return n;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    /** Runs every simulator to the end of its data: after the source ended ({@link ExchangeSimulator#advanceToEnd}). */
    public void advanceToEnd() {
        for (ExchangeMarket m : markets) {
            m.advanceToEnd();
        }
    }

    /** How many simulators this feed feeds. */
    public int simulatorCount() {
        return simulators.length;
    }

    /** The (first) simulator this feed feeds. */
    public ExchangeSimulator simulator() {
        return simulator;
    }

    @Override
    public String position() {
        return source.position();
    }

    /** The underlying source's: this feed only reads ahead of it. */
    @Override
    public byte[] continuation() {
        return source.continuation();
    }

    @Override
    public void close() {
        source.close();
    }
}
