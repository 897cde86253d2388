package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.OrderBook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exchange clock of docs/DESIGN.md §7: hftbacktest's one constant shift over the whole input, from depth, trade
 * and snapshot rows (not bookTicker), applied to every exchange time; the running maximum only by name; trades before
 * depth at equal exchange time.
 */
class ExchangeClockTest {

    /** Exchange times of the market events the exchange processed, in order. */
    private static List<Long> exchangeTimes(ExchangeSimulator sim) {
        List<Long> seen = new ArrayList<>();
        sim.setExchangeListener(new ExchangeListener() {
            @Override
            public void onMarketEvent(
                    long exchTime, long localTime, long ev, double priceTicks, double lots, OrderBook book) {
                seen.add(exchTime);
            }
        });
        return seen;
    }

    /**
     * The recorder's clock runs behind: exch - local is 0 for the snapshot, 1000 for the depth update, 950 for the
     * trade; the optional bookTicker line leads by 1500.
     */
    private static Tape tape(boolean withBookTicker) {
        Tape tape = new Tape().standardBook(1000);
        if (withBookTicker) {
            tape.bbo(2500, 1000, Side.BUY, 100.0, 5);
        }
        return tape.depth(3000, 2000, Side.BUY, 100.0, 6).trade(3050, 2100, Side.SELL, 100.0, 1);
    }

    private static SimulatorConfig constant() {
        return Tape.CONFIG.withTimeline(TimelineCorrection.constant());
    }

    @Test
    void theShiftIsTheLargestLeadOfDepthTradeAndSnapshotRowsAndBookTickerTakesNoPart() throws Exception {
        for (boolean bookTicker : new boolean[] {false, true}) {
            try (EventSource source = tape(bookTicker).source()) {
                assertEquals(1000, ClockShift.largestLead(source), "with bookTicker " + bookTicker);
            }
        }
        // every exchange time moves by the same 1000 ns, with or without the bookTicker line
        for (boolean bookTicker : new boolean[] {false, true}) {
            Tape tape = tape(bookTicker);
            ExchangeSimulator sim = new ExchangeSimulator(ClockShift.resolve(constant(), tape::source));
            List<Long> seen = exchangeTimes(sim);
            tape.feed(sim).advanceTo(3000);
            assertEquals(-1000, sim.stats().exchangeTimeOffset());
            assertEquals(List.of(2000L, 2050L), seen.subList(seen.size() - 2, seen.size()), "bookTicker " + bookTicker);
        }
    }

    @Test
    void theRunningMaximumIsKeptByNameAndLetsTheBookTickerMoveTheClock() {
        Tape tape = tape(true);
        ExchangeSimulator sim =
                new ExchangeSimulator(Tape.CONFIG.withTimeline(TimelineCorrection.parse("running-max")));
        List<Long> seen = exchangeTimes(sim);
        tape.feed(sim).advanceTo(3000);
        // the bookTicker's lead of 1500 becomes the offset: the depth update and the trade run 500 ns earlier
        assertEquals(-1500, sim.stats().exchangeTimeOffset());
        assertEquals(List.of(1500L, 1550L), seen.subList(seen.size() - 2, seen.size()));
        assertEquals(
                TimelineCorrection.Rule.RUNNING_MAX,
                TimelineCorrection.parse(" Running-Max ").rule());
        assertEquals(
                TimelineCorrection.Rule.CONSTANT,
                TimelineCorrection.parse("constant").rule());
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> TimelineCorrection.parse("running"));
        assertTrue(
                bad.getMessage().contains("'running'") && bad.getMessage().contains("running-max"), bad.getMessage());
    }

    @Test
    void aSimulatorRefusesAConstantShiftNotYetMeasured() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ExchangeSimulator(constant()));
        assertTrue(e.getMessage().contains("ClockShift.resolve"), e.getMessage());
    }

    @Test
    void atEqualExchangeTimeTheTradeGoesBeforeTheDepthUpdateItCaused() {
        // our bid joins behind the 5 lots at 100.0; then a trade of 2 lots at 100.0 and the level's decrease 5 -> 3,
        // both stamped 2000. Trade first: 2 lots leave the front, and the decrease (which is those 2 lots) moves it
        // no further: 3 ahead. Depth first would take the 2 lots out twice (min(5, 3) = 3, then 3 - 2 = 1).
        for (boolean depthReceivedFirst : new boolean[] {false, true}) {
            Tape tape = new Tape().standardBook(100);
            if (depthReceivedFirst) {
                tape.depth(2000, 2001, Side.BUY, 100.0, 3).trade(2000, 2002, Side.SELL, 100.0, 2);
            } else {
                tape.trade(2000, 2001, Side.SELL, 100.0, 2).depth(2000, 2002, Side.BUY, 100.0, 3);
            }
            ExchangeSimulator sim = tape.simulator(Tape.CONFIG);
            sim.advanceTo(1000);
            long id = sim.submitAtPrice(Side.BUY, 100.0, 0.01, TimeInForce.GTX, 1000);
            sim.advanceTo(1100);
            assertEquals(5.0, sim.queueAhead(id), 1e-9);
            sim.advanceTo(3000);
            assertEquals(3.0, sim.queueAhead(id), 1e-9, "depth received first: " + depthReceivedFirst);
        }
    }

    @Test
    void onTheRecordedUsdmFileTheShiftIsHftbacktestsAndTheExchangeClockNeverRunsBackwards() throws Exception {
        try (EventSource source = BinanceFeedReader.open(List.of(RealDataRun.file()))) {
            assertEquals(1_272_156_851L, ClockShift.largestLead(source), "hftbacktest's notebook prints this");
        }
        SimulatorConfig constant = RealDataRun.resolved(RealDataRun.BTC);
        assertEquals(-1_272_156_851L, constant.timeline().offsetNanos());
        assertEquals(0, backwardSteps(constant)[0], "the exchange clock went backwards under the constant shift");
        // the running maximum, over every line including bookTicker, ends 245,617 ns further (1,272,402,468 ns, as
        // the independent re-implementation found): every exchange event before that point ran late
        long[] running = backwardSteps(RealDataRun.BTC.withTimeline(TimelineCorrection.runningMax()));
        assertEquals(-1_272_402_468L, running[1]);
    }

    /**
     * How often the exchange's clock went back between two items it processed, over the whole file, and the
     * exchange-time offset at the end.
     */
    private static long[] backwardSteps(SimulatorConfig config) throws Exception {
        ExchangeSimulator sim = new ExchangeSimulator(config, 1 << 14);
        long[] state = {Long.MIN_VALUE, 0};
        sim.setExchangeListener(new ExchangeListener() {
            @Override
            public void onMarketEvent(
                    long exchTime, long localTime, long ev, double priceTicks, double lots, OrderBook book) {
                step(exchTime);
            }

            @Override
            public void onRequest(long exchTime, long orderId, boolean cancel) {
                step(exchTime);
            }

            private void step(long t) {
                if (t < state[0]) {
                    state[1]++;
                }
                state[0] = Math.max(state[0], t);
            }
        });
        RealDataRun.run(sim, 0, null, null);
        return new long[] {state[1], sim.stats().exchangeTimeOffset()};
    }
}
