package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exchange timeline: offset, clamps, stream order, sorting, tie rule, look-ahead. */
class TimelineCorrectionTest {

    /** (exchange time, local time, kind) of each event the exchange processed, in order. */
    private static List<long[]> tap(ExchangeSimulator sim) {
        List<long[]> seen = new ArrayList<>();
        sim.setExchangeListener(new ExchangeListener() {
            @Override
            public void onMarketEvent(
                    long exchTime, long localTime, long ev, double priceTicks, double lots, OrderBook book) {
                seen.add(new long[] {exchTime, localTime, EventFlags.kind(ev)});
            }
        });
        return seen;
    }

    @Test
    void automaticOffsetShiftsExchangeTimesSoThatTheFastestMessageHasTheMinimumLatency() {
        // the recorder's clock is behind: local - exch = -1000 for the first depth event, -950 for the trade, -1100
        // for the last depth event. Running minimum m: -1000, -1000, -1100; with min latency 5: c = m - 5.
        // E: 2000 - 1005 = 995 (local 1000); 2100 - 1005 = 1095 (local 1150); 2300 - 1105 = 1195 (local 1200).
        SimulatorConfig config = Tape.CONFIG.withTimeline(TimelineCorrection.automatic(5, 1_000_000));
        ExchangeSimulator sim = new ExchangeSimulator(config);
        List<long[]> seen = tap(sim);
        MarketEvent e = new MarketEvent();
        e.set(
                EventFlags.LOCAL_EVENT | EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT,
                2000,
                1000,
                100.0,
                1,
                0,
                0,
                0,
                true);
        sim.onMarketEvent(e);
        e.set(
                EventFlags.LOCAL_EVENT | EventFlags.TRADE_EVENT | EventFlags.SELL_EVENT,
                2100,
                1150,
                100.0,
                1,
                0,
                0,
                0,
                true);
        sim.onMarketEvent(e);
        e.set(
                EventFlags.LOCAL_EVENT | EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT,
                2300,
                1200,
                100.0,
                2,
                0,
                0,
                0,
                true);
        sim.onMarketEvent(e);
        sim.endOfData();
        sim.advanceTo(2000);
        assertEquals(3, seen.size());
        assertEquals(List.of(995L, 1095L, 1195L), List.of(seen.get(0)[0], seen.get(1)[0], seen.get(2)[0]));
        assertEquals(-1105, sim.stats().exchangeTimeOffset());
        for (long[] s : seen) {
            assertTrue(s[1] - s[0] >= 5, "feed latency at least the minimum");
        }
    }

    @Test
    void theExchangeProcessesEventsInExchangeTimeOrderNotReceiveOrder() {
        // received: depth (exch 1100, local 1110), trade (exch 1050, local 1120): the trade happened first
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .depth(1100, 1110, Side.BUY, 100.0, 7)
                .trade(1050, 1120, Side.SELL, 100.0, 1)
                .simulator(Tape.CONFIG);
        List<long[]> seen = tap(sim);
        sim.advanceTo(2000);
        long[] last = seen.get(seen.size() - 1);
        long[] beforeLast = seen.get(seen.size() - 2);
        assertEquals(List.of(1050L, EventFlags.TRADE_EVENT), List.of(beforeLast[0], beforeLast[2]));
        assertEquals(List.of(1100L, EventFlags.DEPTH_EVENT), List.of(last[0], last[2]));
        assertEquals(1, sim.stats().reorderedEvents());
    }

    @Test
    void feedLatencyIsClampedToTheMaximum() {
        // fixed offset 0, latency bounds [0, 100]. A depth event received 500 after its exchange time is placed 100
        // before its receipt (clamped, counted); a trade received 55 after its time is left alone.
        SimulatorConfig config = Tape.CONFIG.withTimeline(TimelineCorrection.fixed(0, 0, 100));
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .depth(1000, 1500, Side.BUY, 100.0, 7)
                .trade(1450, 1505, Side.SELL, 100.0, 1)
                .simulator(config);
        List<long[]> seen = tap(sim);
        sim.advanceTo(2000);
        long[] a = seen.get(seen.size() - 2);
        long[] b = seen.get(seen.size() - 1);
        assertEquals(List.of(1400L, 1500L), List.of(a[0], a[1]));
        assertEquals(List.of(1450L, 1505L), List.of(b[0], b[1]));
        assertEquals(1, sim.stats().slowEventsClamped());
    }

    @Test
    void depthEventsOfOneStreamAreNeverReordered() {
        // fixed offset 0, wide bounds: the second depth event carries an older stamp (1000 < 1100): it stays after
        // the first, at the first's time
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .depth(1100, 1150, Side.BUY, 100.0, 7)
                .depth(1000, 1160, Side.BUY, 100.0, 6)
                .simulator(Tape.CONFIG);
        List<long[]> seen = tap(sim);
        sim.advanceTo(2000);
        long[] a = seen.get(seen.size() - 2);
        long[] b = seen.get(seen.size() - 1);
        assertEquals(List.of(1100L, 1150L), List.of(a[0], a[1]));
        assertEquals(List.of(1100L, 1160L), List.of(b[0], b[1]));
    }

    @Test
    void feedLatencyIsNeverNegativeEvenWithAWrongFixedOffset() {
        // offset +1000 would put events after their receipt: clamped to local - min (0)
        SimulatorConfig config = Tape.CONFIG.withTimeline(TimelineCorrection.fixed(1000, 0, 5000));
        ExchangeSimulator sim =
                new Tape().standardBook(100).trade(300, Side.SELL, 100.0, 1).simulator(config);
        List<long[]> seen = tap(sim);
        sim.advanceTo(2000);
        for (long[] s : seen) {
            assertEquals(s[1], s[0]);
        }
        assertTrue(sim.stats().fastEventsClamped() > 0);
    }

    @Test
    void bestBidOfferEventsNeverReachTheExchange() {
        ExchangeSimulator sim =
                new Tape().standardBook(100).bbo(200, Side.BUY, 100.0, 5).simulator(Tape.CONFIG);
        List<long[]> seen = tap(sim);
        sim.advanceTo(2000);
        assertEquals(7, sim.stats().marketEvents()); // 6 snapshot rows (2 clears, 4 levels) and the BBO
        assertEquals(6, seen.size());
        assertEquals(6, sim.stats().exchangeEvents());
    }

    @Test
    void advancingPastWhatTheExchangeCanKnowIsRefused() {
        // max feed latency 1000: to process time t the exchange needs events received up to t + 1000
        ExchangeSimulator sim = new ExchangeSimulator(Tape.CONFIG.withTimeline(TimelineCorrection.fixed(0, 0, 1000)));
        MarketEvent e = new MarketEvent();
        e.set(
                EventFlags.LOCAL_EVENT | EventFlags.TRADE_EVENT | EventFlags.SELL_EVENT,
                5000,
                5000,
                100.0,
                1,
                0,
                0,
                0,
                true);
        IllegalStateException nothing = assertThrows(IllegalStateException.class, () -> sim.advanceTo(0));
        assertTrue(nothing.getMessage().contains("fed only up to nothing"), nothing.getMessage());
        sim.onMarketEvent(e);
        sim.advanceTo(3999);
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> sim.advanceTo(4000));
        assertTrue(late.getMessage().contains("SimulationFeed"), late.getMessage());
        IllegalArgumentException back = assertThrows(IllegalArgumentException.class, () -> sim.advanceTo(3000));
        assertTrue(back.getMessage().contains("time went backwards"), back.getMessage());
        e.set(
                EventFlags.LOCAL_EVENT | EventFlags.TRADE_EVENT | EventFlags.SELL_EVENT,
                4000,
                4000,
                100.0,
                1,
                0,
                0,
                0,
                true);
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> sim.onMarketEvent(e));
        assertTrue(order.getMessage().contains("local time order"), order.getMessage());
        sim.endOfData();
        sim.advanceTo(10_000);
        assertThrows(IllegalStateException.class, () -> sim.onMarketEvent(e));
    }

    @Test
    void eventsWithoutTheLocalFlagAreIgnored() {
        ExchangeSimulator sim = new ExchangeSimulator(Tape.CONFIG);
        MarketEvent e = new MarketEvent();
        e.set(
                EventFlags.EXCH_EVENT | EventFlags.TRADE_EVENT | EventFlags.SELL_EVENT,
                5000,
                5000,
                100.0,
                1,
                0,
                0,
                0,
                true);
        sim.onMarketEvent(e);
        assertEquals(0, sim.stats().marketEvents());
        assertEquals(Long.MIN_VALUE, sim.horizon());
    }
}
