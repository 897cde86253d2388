package io.factorgraph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.runtime.data.GapPolicy;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lost messages, through the processes' test hooks, on a max-speed replay of the recorded BTCUSDT feed: the connector
 * does not send market data messages 20000 and 20001, the engine does not send factor message 1500, the strategy does
 * not send order stream message 300 (the venue then cancels all our orders). The engine sees
 * the market data gap, clears its book, asks for a snapshot, gets the connector's book and warms up again (its updates
 * say not warm for the warm-up); the strategy cancels everything on the factor gap and on the engine's not-warm
 * updates, and quotes again once the stream is whole and warm.
 */
class GapTest {
    static final int WARMUP = 50;

    @Test
    void marketDataAndFactorGapsAreDetectedAndHandled() throws Exception {
        GraphSpec spec = new GraphSpec(EngineParityTest.OBI_MM, List.of(), -1);
        try (LiveTestCluster cluster = LiveTestCluster.start();
                FactorRecorder factors = new FactorRecorder(cluster, Channels.IPC);
                HealthWatch health = new HealthWatch(cluster)) {
            LiveProcess strategy = cluster.launch(
                    "strategy",
                    "strategy",
                    new StrategyConfig(
                                    spec, cluster.transport(), 0.001, 2_000_000_000L, false, null, null, List.of("300"))
                            .toArgs());
            LiveProcess engine = cluster.launch(
                    "engine",
                    "engine",
                    new EngineConfig(
                                    spec, cluster.transport(), WARMUP, "usdm_btcusdt", 30_000_000_000L, List.of("1500"))
                            .toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    new ConnectorConfig(
                                    List.of(EngineParityTest.BTC),
                                    GapPolicy.FAIL,
                                    ReplaySpeed.MAX,
                                    false,
                                    0.1,
                                    0.001,
                                    SimulatorSettings.DEFAULTS,
                                    cluster.transport(),
                                    30_000_000_000L,
                                    true,
                                    20_000_000_000L,
                                    List.of("20000,20001"))
                            .toArgs());
            assertEquals(0, connector.waitFor(90, TimeUnit.SECONDS), cluster.log("connector"));
            assertEquals(0, strategy.waitFor(20, TimeUnit.SECONDS), cluster.log("strategy"));
            assertEquals(0, engine.waitFor(20, TimeUnit.SECONDS), cluster.log("engine"));

            String engineLog = cluster.log("engine");
            assertTrue(engineLog.contains("market data gap: expected message 20000, received 20002"), engineLog);
            assertTrue(engineLog.contains("snapshot received"), engineLog);
            // one gap (the dropped pair of messages), one re-sync, as the engine's counters say
            assertEquals(1, health.value(engine, HealthCounter.MARKET_DATA_GAPS), engineLog);
            assertEquals(1, health.value(engine, HealthCounter.RESYNCS), engineLog);
            assertTrue(health.value(connector, HealthCounter.SNAPSHOTS_SENT) >= 1, cluster.log("connector"));
            assertEquals(1, health.value(connector, HealthCounter.ORDER_STREAM_GAPS), cluster.log("connector"));
            assertEquals(1, health.value(strategy, HealthCounter.FACTOR_GAPS), cluster.log("strategy"));
            assertEquals(0, health.value(strategy, HealthCounter.EXECUTION_GAPS), cluster.log("strategy"));
            assertTrue(health.value(strategy, HealthCounter.NOT_WARM_HALTS) >= 1, cluster.log("strategy"));
            long received = health.value(strategy, HealthCounter.FACTOR_UPDATES_RECEIVED);
            long ticks = health.value(engine, HealthCounter.TICKS);
            assertTrue(
                    ticks > 3000 && (ticks - received == 0 || ticks - received == 1),
                    "every tick but message "
                            + "1500 (when it was an update, not a heartbeat) reached the strategy: " + ticks
                            + " ticks, "
                            + received + " received");
            assertTrue(
                    cluster.log("connector")
                            .contains("engine asks for a snapshot (expected market data message "
                                    + "20000, received 20002)"),
                    cluster.log("connector"));
            assertTrue(cluster.log("connector").contains("sent a snapshot of"), cluster.log("connector"));

            // the factor stream: message 1500 is missing; after the market data gap, exactly WARMUP - 1 updates say
            // not warm, then warm again
            List<FactorRecorder.Update> updates = factors.updates();
            assertFalse(updates.stream().anyMatch(u -> u.sequence() == 1500), "factor message 1500 was dropped");
            assertTrue(
                    updates.stream().anyMatch(u -> u.sequence() == 1499)
                            || updates.stream().anyMatch(u -> u.sequence() == 1501),
                    "messages around it arrived");
            int firstCold = -1;
            for (int i = 1; i < updates.size(); i++) {
                if (updates.get(i - 1).warm() && !updates.get(i).warm()) {
                    assertEquals(-1, firstCold, "one cold spell");
                    firstCold = i;
                }
            }
            assertTrue(firstCold > 0, "the engine went cold after the gap");
            int cold = 0;
            while (firstCold + cold < updates.size()
                    && !updates.get(firstCold + cold).warm()) {
                cold++;
            }
            assertEquals(WARMUP - 1, cold, "warm again on the warm-up's last tick");
            assertTrue(updates.get(firstCold).tickTime()
                    > updates.get(firstCold - 1).tickTime());

            String strategyLog = cluster.log("strategy");
            assertTrue(strategyLog.contains("factor updates 1500..1500 lost"), strategyLog);
            assertTrue(strategyLog.contains("halted (factor updates lost)"), strategyLog);
            assertTrue(strategyLog.contains("halted (engine not warm)"), strategyLog);
            assertTrue(strategyLog.indexOf("quoting again (was halted: factor updates lost)") > 0, strategyLog);
            // the order stream: command 300 never reached the venue, which swept our orders rather than keep any that
            // a lost cancel was meant for
            assertTrue(
                    cluster.log("connector").contains("order stream gap: messages 300..300 lost"),
                    cluster.log("connector"));
            assertTrue(cluster.log("connector").contains("cancel all (COMMANDS_LOST)"), cluster.log("connector"));
            assertTrue(
                    strategyLog.indexOf("quoting again (was halted: engine not warm)")
                            > strategyLog.indexOf("halted (engine not warm)"),
                    strategyLog);
        }
    }
}
