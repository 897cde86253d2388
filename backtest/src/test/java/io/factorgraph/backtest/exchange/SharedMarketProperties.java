package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Simulators sharing one {@link ExchangeMarket} (the points of a sweep) against the same simulators each alone on the
 * same random market: with their own queue models, fill modes, latencies and order flows, every report, fill, final
 * account and statistic is the same to the bit, and the shared run keeps every invariant the {@link Recorder} checks.
 */
class SharedMarketProperties {
    /** One strategy action: at {@code time}, a new order, or a cancel of the {@code cancel}-th order sent so far. */
    private record Action(
            int sim, long time, boolean isCancel, int cancel, Side side, long price, long lots, TimeInForce tif) {}

    private record Outcome(List<Recorder.Report> reports, List<?> fills, Object account, SimulatorStats stats) {}

    @Property(tries = 200)
    void simulatorsSharingAMarketGiveWhatEachGivesAlone(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(5);
        List<SimulatorConfig> configs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            configs.add(SimulatorProperties.randomConfig(r));
        }
        Tape tape = SimulatorProperties.randomMarket(r);
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long now = 50;
            int sent = 0;
            for (int a = 0; a < 40; a++) {
                now += 1 + r.nextInt(200);
                if (sent == 0 || r.nextInt(3) > 0) {
                    actions.add(new Action(
                            i,
                            now,
                            false,
                            0,
                            r.nextBoolean() ? Side.BUY : Side.SELL,
                            1000 + r.nextInt(13) - 6,
                            1 + r.nextInt(300),
                            r.nextBoolean() ? TimeInForce.GTX : TimeInForce.GTC));
                    sent++;
                } else {
                    actions.add(new Action(i, now, true, r.nextInt(sent), Side.BUY, 0, 0, TimeInForce.GTC));
                }
            }
        }
        actions.sort(Comparator.comparingLong(Action::time)); // stable: by simulator at equal times

        List<Outcome> alone = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ExchangeSimulator sim = tape.simulator(configs.get(i));
            Recorder recorder = new Recorder(sim);
            List<Long> ids = new ArrayList<>();
            for (Action a : actions) {
                if (a.sim() == i) {
                    act(sim, ids, a);
                }
            }
            sim.advanceToEnd();
            alone.add(outcome(sim, recorder));
        }

        ExchangeMarket market = new ExchangeMarket(configs.get(0));
        List<ExchangeSimulator> sims = new ArrayList<>();
        List<Recorder> recorders = new ArrayList<>();
        List<List<Long>> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ExchangeSimulator sim = market.newSimulator(configs.get(i), 64);
            sims.add(sim);
            recorders.add(new Recorder(sim));
            ids.add(new ArrayList<>());
        }
        tape.feed(market);
        for (Action a : actions) {
            act(sims.get(a.sim()), ids.get(a.sim()), a);
        }
        market.advanceToEnd();
        long fills = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(List.of(), recorders.get(i).problems(), "simulator " + i + " on the shared market");
            assertEquals(alone.get(i), outcome(sims.get(i), recorders.get(i)), "simulator " + i + " of " + n);
            fills += sims.get(i).stats().fills();
        }
        Statistics.label("fills").collect(fills > 0);
        Statistics.label("fills").coverage(c -> c.check(true).percentage(p -> p > 80));
    }

    private static void act(ExchangeSimulator sim, List<Long> ids, Action a) {
        if (a.isCancel()) {
            sim.cancel(ids.get(a.cancel()), a.time());
        } else {
            ids.add(sim.submitLots(a.side(), a.price(), a.lots(), a.tif(), a.time()));
        }
    }

    private static Outcome outcome(ExchangeSimulator sim, Recorder recorder) {
        return new Outcome(
                List.copyOf(recorder.reports),
                sim.fills().toList(),
                sim.account().snapshot(),
                sim.stats());
    }
}
