package io.factorgraph.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.ConstantLatency;
import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.InterpolatedLatency;
import io.factorgraph.backtest.exchange.LatencyModel;
import io.factorgraph.backtest.exchange.OrderTracker;
import io.factorgraph.backtest.exchange.SimulationFeed;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.nodes.strategy.StatelessMmSink;
import io.factorgraph.nodes.strategy.StrategyParams;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/DESIGN.md §6 item 1 on the recorded USD-M BTCUSDT file, through the simulated gateway the backtest uses: with a
 * round trip longer than the 100 ms tick, a stop that stays on for a second (ten ticks) while the market moves sends
 * one closing order, never a second while the first is working or in flight. The strategy quotes a small grid between
 * stops so that there is a position to close.
 */
class OneCloseAtATimeTest {
    private static final long INTERVAL = 100_000_000L;
    private static final List<Path> FILES = List.of(RecordedData.file("usdm_btcusdt_20240808.gz"));

    /** tick 0.1, qty 0.002, max 0.01, a tight spread, no skew or alpha, 2 levels of 1 tick, flatten 100 ticks. */
    private static final StrategyParams PARAMS =
            new StrategyParams(0.1, 0.002, 0.01, 0.00001, 0, 0, 1.0, 0.0001, 2, 0.1, 100);

    private record Outcome(int closesSent, int mostClosesActive, int stopTicksNotFlat) {}

    @Test
    void constantLatencyOf150MsEachWay() throws Exception {
        Outcome o = run(new ConstantLatency(150_000_000L, 150_000_000L));
        assertTrue(o.stopTicksNotFlat() > 20 && o.closesSent() > 3, o.toString());
        assertEquals(1, o.mostClosesActive(), o.toString());
    }

    @Test
    void aLatencyFileWhoseRoundTripExceedsTheTick() throws Exception {
        // a recorded-style latency series: round trips of 240 to 420 ms, rising and falling over the file
        int n = 400;
        long start = 1_723_161_200_000_000_000L;
        long[] req = new long[n];
        long[] exch = new long[n];
        long[] resp = new long[n];
        for (int i = 0; i < n; i++) {
            req[i] = start + i * 1_000_000_000L;
            long entry = 120_000_000L + (i % 7) * 10_000_000L;
            exch[i] = req[i] + entry;
            resp[i] = exch[i] + 120_000_000L + (i % 5) * 15_000_000L;
        }
        Outcome o = run(InterpolatedLatency.of(req, exch, resp));
        assertTrue(o.stopTicksNotFlat() > 20 && o.closesSent() > 3, o.toString());
        assertEquals(1, o.mostClosesActive(), o.toString());
    }

    private static Outcome run(LatencyModel latency) throws Exception {
        SimulatorConfig config = ClockShift.resolve(
                SimulatorConfig.of(0.1, 0.001).withLatency(latency), () -> BinanceFeedReader.open(FILES));
        ExchangeSimulator sim = new ExchangeSimulator(config, 1 << 14);
        SimulatedGateway gateway = new SimulatedGateway(sim);
        StatelessMmSink sink = new StatelessMmSink(PARAMS);
        OrderBook book = new OrderBook(8192);
        BookBuilder local = BookBuilder.local(book);
        Inputs inputs = new Inputs(book);
        int closesSent = 0;
        int most = 0;
        int stopTicksNotFlat = 0;
        long next = Long.MIN_VALUE;
        try (SimulationFeed feed = new SimulationFeed(BinanceFeedReader.open(FILES), sim)) {
            MarketEvent e = feed.event();
            while (feed.next()) {
                long t = e.localTs();
                while (next != Long.MIN_VALUE && next < t) {
                    sim.advanceTo(next);
                    gateway.beginTick(next);
                    // the stop is on for one second in every three
                    inputs.stop = (next / 1_000_000_000L) % 3 == 0;
                    if (inputs.stop && Math.abs(sim.account().position()) > 1e-9) {
                        stopTicksNotFlat++;
                    }
                    int before = closes(sim.orders());
                    sink.onTick(next, inputs, gateway);
                    int after = closes(sim.orders());
                    if (after > before) {
                        closesSent += after - before;
                    }
                    most = Math.max(most, after);
                    next += INTERVAL;
                }
                local.apply(e);
                if (next == Long.MIN_VALUE && book.isReady() && e.endOfMessage()) {
                    next = (t / INTERVAL + 1) * INTERVAL;
                }
            }
            sim.advanceToEnd();
        }
        return new Outcome(closesSent, most, stopTicksNotFlat);
    }

    /** Closing orders active as the strategy knows them: plain limit orders (quotes go post-only). */
    private static int closes(OrderTracker orders) {
        int n = 0;
        for (int i = 0; i < orders.size(); i++) {
            if (orders.timeInForce(i) == TimeInForce.GTC) {
                n++;
            }
        }
        return n;
    }

    /** Alpha 0, volatility at its baseline, the stop as scripted; the top of the strategy's book. */
    private static final class Inputs implements SinkInputs {
        private final OrderBook book;
        boolean stop;

        Inputs(OrderBook book) {
            this.book = book;
        }

        @Override
        public double argument(int index) {
            return switch (index) {
                case 0 -> 0.0;
                case 1 -> 0.0001;
                default -> stop ? 1.0 : 0.0;
            };
        }

        @Override
        public double bestBid() {
            return book.bidDepth() > 0 ? book.bestBid() : Double.NaN;
        }

        @Override
        public double bestAsk() {
            return book.askDepth() > 0 ? book.bestAsk() : Double.NaN;
        }
    }
}
