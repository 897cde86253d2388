package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Entry and response latency, constant and interpolated, on scripted markets; expectations worked out by hand. */
class LatencyScenarioTest {

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void noFillBeforeTheOrderReachesTheExchangeEvenIfTheMarketTradesThroughEarlier(FillMode mode) {
        // entry 10: sent at 200, the order reaches the exchange at 210. A trade through its price at 205 happens before
        // it is there: nothing. The next one, at 215, fills it.
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .trade(205, Side.SELL, 99.9, 1)
                .trade(215, Side.SELL, 99.9, 1)
                .simulator(Tape.CONFIG.withFillMode(mode));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(214);
        assertEquals(0, sim.fills().size());
        sim.advanceTo(300);
        assertEquals(
                List.of(new Fill(id, Side.BUY, 1000, 100.0, 100, 1.0, 0.0, true, 215, 235)),
                sim.fills().toList());
    }

    @Test
    void theAckIsVisibleLocallyOnlyAfterTheResponseLatency() {
        // entry 50, response 30: sent at 200, at the exchange at 250, acknowledged locally at 280
        SimulatorConfig config = Tape.CONFIG.withLatency(new ConstantLatency(50, 30));
        ExchangeSimulator sim = new Tape().standardBook(100).simulator(config);
        List<Long> ackSeenAt = new ArrayList<>();
        sim.setExecutionListener(r -> ackSeenAt.add(sim.now()));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(250);
        assertEquals(1, sim.restingOrders(), "resting at the exchange from 250");
        assertEquals(OrderStatus.PENDING_NEW, sim.orders().status(0));
        sim.advanceTo(279);
        assertEquals(OrderStatus.PENDING_NEW, sim.orders().status(0));
        assertEquals(List.of(), ackSeenAt);
        sim.advanceTo(280);
        assertEquals(OrderStatus.NEW, sim.orders().status(0));
        assertEquals(id, sim.orders().id(0));
        assertEquals(List.of(280L), ackSeenAt);
    }

    @Test
    void zeroLatencyActsAtTheSameInstant() {
        ExchangeSimulator sim =
                new Tape().standardBook(100).simulator(Tape.CONFIG.withLatency(new ConstantLatency(0, 0)));
        sim.submit(Side.BUY, 1002, 1.0, TimeInForce.GTC, 200);
        sim.advanceTo(200);
        assertEquals(100, sim.account().positionLots());
        assertEquals(200, sim.fills().localTime(0));
    }

    /**
     * Rows (req, exch, resp): (0, 100, 150) and (1000, 1300, 1400). Entry latencies 100 and 300 at req 0 and 1000;
     * response latencies 50 and 100 at exch 100 and 1300.
     * <ul>
     *   <li>sent at 500: entry = 100 + (300 - 100) * 500/1000 = 200: at the exchange at 700.
     *   <li>ack at exchange time 700: response = 50 + (100 - 50) * 600/1200 = 75: locally at 775.
     *   <li>a trade through at 650 (before arrival): no fill; at 720: filled; response = 50 + 50 * 620/1200 = 75.83,
     *       truncated to 75: locally at 795.
     *   <li>before the first row and after the last the nearest row holds: sent at -50 (entry 100); at 5000 (300).
     * </ul>
     */
    @Test
    void interpolatedLatencyByHand() {
        InterpolatedLatency latency =
                InterpolatedLatency.of(new long[] {0, 1000}, new long[] {100, 1300}, new long[] {150, 1400});
        assertEquals(200, latency.entry(500));
        assertEquals(100, latency.entry(-50));
        assertEquals(300, latency.entry(5000));
        assertEquals(75, latency.response(700));
        assertEquals(75, latency.response(720));
        assertEquals(50, latency.response(0));
        assertEquals(100, latency.response(2000));

        ExchangeSimulator sim = new Tape()
                .standardBook(50)
                .trade(650, Side.SELL, 99.9, 1)
                .trade(720, Side.SELL, 99.9, 1)
                .simulator(Tape.CONFIG.withLatency(latency));
        List<long[]> reports = new ArrayList<>();
        sim.setExecutionListener(r -> reports.add(new long[] {r.type().ordinal(), r.exchTime(), r.localTime()}));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 500);
        sim.advanceTo(699);
        assertEquals(0, sim.restingOrders());
        sim.advanceTo(2000);
        assertEquals(
                List.of(new Fill(id, Side.BUY, 1000, 100.0, 100, 1.0, 0.0, true, 720, 795)),
                sim.fills().toList());
        assertEquals(2, reports.size());
        assertEquals(
                List.of((long) ReportType.ACCEPTED.ordinal(), 700L, 775L),
                List.of(reports.get(0)[0], reports.get(0)[1], reports.get(0)[2]));
        assertEquals(
                List.of((long) ReportType.FILL.ordinal(), 720L, 795L),
                List.of(reports.get(1)[0], reports.get(1)[1], reports.get(1)[2]));
    }

    @Test
    void requestsAndReportsStayInOrderWhenTheLatencyFalls() {
        // entry latency falls from 1000 (req 0) to 0 (req 1000): a request sent at 0 arrives at 1000; one sent at 900
        // would arrive at 900 + 100 = 1000 too, one sent at 950 at 950 + 50 = 1000: none overtakes the first. The
        // response latency falls likewise from 1000 (exch 0) to 0 (exch 1000).
        InterpolatedLatency latency =
                InterpolatedLatency.of(new long[] {0, 1000}, new long[] {1000, 1000}, new long[] {2000, 1000});
        assertEquals(100, latency.entry(900));
        ExchangeSimulator sim = new Tape()
                .standardBook(-500)
                .simulator(Tape.CONFIG.withLatency(latency).withTimeline(TimelineCorrection.fixed(0, 0, 1_000_000)));
        List<long[]> reports = new ArrayList<>();
        sim.setExecutionListener(r -> reports.add(new long[] {r.orderId(), r.exchTime(), r.localTime()}));
        long a = sim.submit(Side.BUY, 990, 1.0, TimeInForce.GTX, 0);
        long b = sim.submit(Side.BUY, 991, 1.0, TimeInForce.GTX, 960); // 960 + 40 = 1000: ties, after a
        sim.advanceTo(5000);
        assertEquals(2, reports.size());
        assertEquals(a, reports.get(0)[0]);
        assertEquals(b, reports.get(1)[0]);
        assertTrue(reports.get(0)[1] <= reports.get(1)[1]);
        assertTrue(reports.get(0)[2] <= reports.get(1)[2]);
        assertEquals(1000, reports.get(0)[1]);
        assertEquals(1000, reports.get(1)[1]);
    }
}
