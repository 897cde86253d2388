package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same input gives the same output, to the bit: two runs over the recorded file are identical. */
class DeterminismTest {

    private record Outcome(
            List<Fill> fills,
            List<Recorder.Report> reports,
            List<Recorder.TickRecord> records,
            Object account,
            Object exchangeAccount,
            SimulatorStats stats) {}

    private static Outcome run(SimulatorConfig config) throws Exception {
        ExchangeSimulator sim = new ExchangeSimulator(RealDataRun.resolved(config), 1 << 14);
        Recorder recorder = new Recorder(sim);
        RealDataRun.run(sim, 0, recorder, null);
        return new Outcome(
                sim.fills().toList(),
                recorder.reports,
                recorder.records,
                sim.account().snapshot(),
                sim.exchangeAccount().snapshot(),
                sim.stats());
    }

    @Test
    void twoRunsGiveIdenticalFillsReportsAndFinalState() throws Exception {
        SimulatorConfig config =
                RealDataRun.BTC.withQueueModel(QueueModel.parse("power3:2")).withFillMode(FillMode.PARTIAL);
        Outcome first = run(config);
        Outcome second = run(config);
        assertTrue(first.fills().size() > 100, "fills: " + first.fills().size());
        assertEquals(first.fills(), second.fills());
        assertEquals(first.reports(), second.reports());
        assertEquals(first.records(), second.records()); // record equality compares doubles bit for bit
        assertEquals(first.account(), second.account());
        assertEquals(first.exchangeAccount(), second.exchangeAccount());
        assertEquals(first.stats(), second.stats());
    }
}
