package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A hand-written market for scripted scenarios: events as a recorded feed would give them (flagged {@code LOCAL}
 * only), each with its exchange and local time. By default an event is received at its exchange time (feed latency
 * 0), so that with {@link #CONFIG}'s fixed zero offset its corrected exchange time is exactly the time written.
 */
final class Tape {
    /** The scenarios' venue: tick 0.1, lot 0.01, no fees, entry 10 ns, response 20 ns, exchange time = exch_ts. */
    static final SimulatorConfig CONFIG = SimulatorConfig.of(0.1, 0.01)
            .withLatency(new ConstantLatency(10, 20))
            .withInitialCash(1000.0)
            .withTimeline(TimelineCorrection.fixed(0, 0, 1_000_000));

    private record Row(long ev, long exch, long local, double px, double qty, boolean end, int seq) {}

    private final List<Row> rows = new ArrayList<>();

    /** A REST-style snapshot at time {@code t}: levels as {@code {price, qty}} pairs, best first. */
    Tape snapshot(long t, double[][] bids, double[][] asks) {
        rows.add(new Row(
                EventFlags.LOCAL_EVENT | EventFlags.DEPTH_CLEAR_EVENT | EventFlags.BUY_EVENT,
                t,
                t,
                bids[bids.length - 1][0],
                0,
                false,
                rows.size()));
        for (double[] level : bids) {
            rows.add(new Row(
                    EventFlags.LOCAL_EVENT | EventFlags.DEPTH_SNAPSHOT_EVENT | EventFlags.BUY_EVENT,
                    t,
                    t,
                    level[0],
                    level[1],
                    false,
                    rows.size()));
        }
        rows.add(new Row(
                EventFlags.LOCAL_EVENT | EventFlags.DEPTH_CLEAR_EVENT | EventFlags.SELL_EVENT,
                t,
                t,
                asks[asks.length - 1][0],
                0,
                false,
                rows.size()));
        for (int i = 0; i < asks.length; i++) {
            rows.add(new Row(
                    EventFlags.LOCAL_EVENT | EventFlags.DEPTH_SNAPSHOT_EVENT | EventFlags.SELL_EVENT,
                    t,
                    t,
                    asks[i][0],
                    asks[i][1],
                    i == asks.length - 1,
                    rows.size()));
        }
        return this;
    }

    /** The standard book of the scenarios at time {@code t}: bids 100.0 x 5, 99.9 x 10; asks 100.1 x 4, 100.2 x 8. */
    Tape standardBook(long t) {
        return snapshot(t, new double[][] {{100.0, 5}, {99.9, 10}}, new double[][] {{100.1, 4}, {100.2, 8}});
    }

    /** A depth update of one level ({@code qty} 0 removes it), received at its exchange time. */
    Tape depth(long t, Side bookSide, double px, double qty) {
        return depth(t, t, bookSide, px, qty);
    }

    Tape depth(long exch, long local, Side bookSide, double px, double qty) {
        rows.add(new Row(
                EventFlags.LOCAL_EVENT | EventFlags.DEPTH_EVENT | sideFlag(bookSide),
                exch,
                local,
                px,
                qty,
                true,
                rows.size()));
        return this;
    }

    /** A trade whose aggressor is {@code aggressor} (a SELL aggressor hits bids), received at its exchange time. */
    Tape trade(long t, Side aggressor, double px, double qty) {
        return trade(t, t, aggressor, px, qty);
    }

    Tape trade(long exch, long local, Side aggressor, double px, double qty) {
        rows.add(new Row(
                EventFlags.LOCAL_EVENT | EventFlags.TRADE_EVENT | sideFlag(aggressor),
                exch,
                local,
                px,
                qty,
                true,
                rows.size()));
        return this;
    }

    /** A best-bid/offer event (never reaches the exchange side). */
    Tape bbo(long t, Side bookSide, double px, double qty) {
        return bbo(t, t, bookSide, px, qty);
    }

    Tape bbo(long exch, long local, Side bookSide, double px, double qty) {
        rows.add(new Row(
                EventFlags.LOCAL_EVENT | EventFlags.DEPTH_BBO_EVENT | sideFlag(bookSide),
                exch,
                local,
                px,
                qty,
                true,
                rows.size()));
        return this;
    }

    /** The tape as a recorded source would give it, in local order: what {@code ClockShift} scans. */
    EventSource source() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::local).thenComparingInt(Row::seq));
        return new EventSource() {
            private final MarketEvent e = new MarketEvent();
            private int next;

            @Override
            public boolean next() {
                if (next == sorted.size()) {
                    return false;
                }
                Row r = sorted.get(next++);
                e.set(r.ev(), r.exch(), r.local(), r.px(), r.qty(), 0, 0, 0, r.end());
                return true;
            }

            @Override
            public MarketEvent event() {
                return e;
            }

            @Override
            public String position() {
                return "tape row " + next;
            }

            @Override
            public void close() {}
        };
    }

    private static long sideFlag(Side side) {
        return side == Side.BUY ? EventFlags.BUY_EVENT : EventFlags.SELL_EVENT;
    }

    /** Feeds every event in local order (stable) and ends the data: the scenario then drives time by hand. */
    ExchangeSimulator feed(ExchangeSimulator sim) {
        feed(sim.market());
        return sim;
    }

    /** Feeds every event in local order (stable) to a market, shared or not, and ends the data. */
    ExchangeMarket feed(ExchangeMarket market) {
        MarketEvent e = new MarketEvent();
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(Row::local).thenComparingInt(Row::seq));
        for (Row r : sorted) {
            e.set(r.ev(), r.exch(), r.local(), r.px(), r.qty(), 0, 0, 0, r.end());
            market.onMarketEvent(e);
        }
        market.endOfData();
        return market;
    }

    /** A simulator with {@code config}, fed this tape. */
    ExchangeSimulator simulator(SimulatorConfig config) {
        return feed(new ExchangeSimulator(config));
    }
}
