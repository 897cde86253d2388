package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The simulator on random markets and random order flow, under every queue model, both fill modes, constant and
 * interpolated latency, watched by the same {@link Recorder} as the real-data runs: the exchange timeline is ordered,
 * every fill is justified by the market at that moment and comes after the order reached the exchange, every order
 * starts behind the quantity shown at its price, the risk-averse queues match an independent derivation, reports
 * arrive after their latency, and the accounts reconcile. A scenario is built from one seed (jqwik reports it).
 */
class SimulatorProperties {
    private static final String[] MODELS = {"risk-averse", "power:2", "power:3", "power2:2", "power3:3", "log", "log2"};

    @Property(tries = 300)
    void randomMarketsKeepEveryInvariant(@ForAll long seed) {
        Random r = new Random(seed);
        SimulatorConfig config = randomConfig(r);
        Tape tape = randomMarket(r);
        ExchangeSimulator sim = tape.simulator(config);
        Recorder recorder = new Recorder(sim);
        List<Long> ids = new ArrayList<>();
        long now = 50;
        for (int a = 0; a < 60; a++) {
            now += 1 + r.nextInt(200);
            if (ids.isEmpty() || r.nextInt(3) > 0) {
                long price = 1000 + r.nextInt(13) - 6;
                ids.add(sim.submitLots(
                        r.nextBoolean() ? Side.BUY : Side.SELL,
                        price,
                        1 + r.nextInt(300),
                        r.nextBoolean() ? TimeInForce.GTX : TimeInForce.GTC,
                        now));
            } else {
                sim.cancel(ids.get(r.nextInt(ids.size())), now);
            }
        }
        sim.advanceToEnd();

        assertEquals(List.of(), recorder.problems(), recorder.problemCount() + " problems");
        List<Fill> fills = sim.fills().toList();
        assertEquals(sim.account().snapshot(), sim.exchangeAccount().snapshot());
        long position = 0;
        Map<Long, Long> executed = new HashMap<>();
        for (Fill f : fills) {
            position += f.side().sign() * f.lots();
            executed.merge(f.orderId(), f.lots(), Long::sum);
            assertTrue(f.localTime() >= f.exchTime());
        }
        assertEquals(position, sim.account().positionLots());
        for (Recorder.Report rep : recorder.reports) {
            assertTrue(rep.cumExecLots() <= rep.qtyLots(), rep.toString());
            if (rep.status() == OrderStatus.FILLED) {
                assertEquals(rep.qtyLots(), executed.get(rep.orderId()), rep.toString());
            }
        }
        assertEquals(ids.size(), sim.stats().ordersSubmitted());
        SimulatorStats stats = sim.stats();
        Statistics.label("maker fills").collect(stats.makerFills() > 0);
        Statistics.label("taker fills").collect(stats.takerFills() > 0);
        Statistics.label("post-only rejects").collect(stats.expired() > 0);
        Statistics.label("late cancels").collect(stats.cancelsRejected() > 0);
        Statistics.label("reordered").collect(stats.reorderedEvents() > 0);
        Statistics.label("maker fills").coverage(c -> c.check(true).percentage(p -> p > 80));
        Statistics.label("taker fills").coverage(c -> c.check(true).percentage(p -> p > 80));
        Statistics.label("post-only rejects").coverage(c -> c.check(true).percentage(p -> p > 50));
        Statistics.label("late cancels").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("reordered").coverage(c -> c.check(true).percentage(p -> p > 80));
    }

    /** A venue with a random queue model, fill mode and latency (constant or interpolated), on a fixed timeline. */
    static SimulatorConfig randomConfig(Random r) {
        return Tape.CONFIG
                .withQueueModel(QueueModel.parse(MODELS[r.nextInt(MODELS.length)]))
                .withFillMode(r.nextBoolean() ? FillMode.PARTIAL : FillMode.NO_PARTIAL)
                .withFees(-0.0001, 0.0005)
                .withLatency(
                        r.nextBoolean()
                                ? new ConstantLatency(r.nextInt(30), r.nextInt(30))
                                : InterpolatedLatency.of(
                                        new long[] {1, 5000, 10000},
                                        new long[] {1 + r.nextInt(30), 5000 + r.nextInt(30), 10000 + r.nextInt(30)},
                                        new long[] {40, 5050, 10060}))
                .withTimeline(TimelineCorrection.fixed(0, 0, 100));
    }

    /**
     * A random market around 100.0 (tick 0.1): a snapshot of five levels a side, then 250 steps of level changes near
     * the touch, moves of the touch by a tick, and trades, with random feed latencies (depth and trades each in order).
     */
    static Tape randomMarket(Random r) {
        Tape tape = new Tape();
        long mid = 1000; // best bid in ticks; asks start one tick above
        TreeMap<Long, Long> bids = new TreeMap<>();
        TreeMap<Long, Long> asks = new TreeMap<>();
        double[][] snapBids = new double[5][];
        double[][] snapAsks = new double[5][];
        for (int k = 0; k < 5; k++) {
            long b = 1 + r.nextInt(500);
            long a = 1 + r.nextInt(500);
            bids.put(mid - k, b);
            asks.put(mid + 1 + k, a);
            snapBids[k] = new double[] {(mid - k) / 10.0, b / 100.0};
            snapAsks[k] = new double[] {(mid + 1 + k) / 10.0, a / 100.0};
        }
        tape.snapshot(100, snapBids, snapAsks);
        long t = 100;
        long depthLocal = 100;
        long tradeLocal = 100;
        for (int step = 0; step < 250; step++) {
            t += 1 + r.nextInt(40);
            double u = r.nextDouble();
            if (u < 0.08) {
                // the market moves a tick: levels that would cross go first
                int dir = r.nextBoolean() ? 1 : -1;
                mid += dir;
                if (dir > 0) {
                    while (!asks.isEmpty() && asks.firstKey() <= mid) {
                        long p = asks.pollFirstEntry().getKey();
                        depthLocal = Math.max(depthLocal, t + r.nextInt(40));
                        tape.depth(t, depthLocal, Side.SELL, p / 10.0, 0);
                    }
                } else {
                    while (!bids.isEmpty() && bids.lastKey() > mid) {
                        long p = bids.pollLastEntry().getKey();
                        depthLocal = Math.max(depthLocal, t + r.nextInt(40));
                        tape.depth(t, depthLocal, Side.BUY, p / 10.0, 0);
                    }
                }
            } else if (u < 0.65) {
                boolean bid = r.nextBoolean();
                long p = bid ? mid - r.nextInt(5) : mid + 1 + r.nextInt(5);
                long q = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(500);
                (bid ? bids : asks).put(p, q);
                if (q == 0) {
                    (bid ? bids : asks).remove(p);
                }
                depthLocal = Math.max(depthLocal, t + r.nextInt(40));
                tape.depth(t, depthLocal, bid ? Side.BUY : Side.SELL, p / 10.0, q / 100.0);
            } else {
                boolean buyer = r.nextBoolean();
                long p = buyer ? mid + 1 + r.nextInt(3) - 1 : mid - r.nextInt(3) + 1;
                tradeLocal = Math.max(tradeLocal, t + r.nextInt(40));
                tape.trade(t, tradeLocal, buyer ? Side.BUY : Side.SELL, p / 10.0, (1 + r.nextInt(300)) / 100.0);
            }
        }
        return tape;
    }
}
