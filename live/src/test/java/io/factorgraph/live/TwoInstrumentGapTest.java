package io.factorgraph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.transport.Channels;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A gap in one of two feeds: the connector does not send batches 3000 and 3001 of the ETH feed (feed 1). The engine
 * sees the gap in that feed alone, clears that book, asks for a snapshot of it and pauses its clock until the book is
 * ready again (no factor is computed on a book known to be wrong, docs/DESIGN.md §11: no update carries an empty book),
 * then warms up; BTC's book goes on without a re-sync, and the clock runs to the end of the data.
 */
class TwoInstrumentGapTest {
    static final int WARMUP = 50;

    @Test
    void aGapInOneFeedResyncsThatBookAlone() throws Exception {
        GraphSpec spec = new GraphSpec(TwoInstrumentParityTest.GRAPH, List.of(), -1);
        try (LiveTestCluster cluster = LiveTestCluster.start();
                FactorRecorder factors = new FactorRecorder(cluster, Channels.IPC);
                HealthWatch health = new HealthWatch(cluster)) {
            LiveProcess engine = cluster.launch(
                    "engine",
                    "engine",
                    new EngineConfig(spec, cluster.transport(), WARMUP, "btc,eth", 30_000_000_000L, List.of())
                            .toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    TwoInstrumentParityTest.connector(cluster, false, 2_000_000_000L, List.of("1:3000,3001"))
                            .toArgs());
            assertTrue(LiveTestCluster.await(factors::ended, Duration.ofSeconds(120)), cluster.log("engine"));
            assertEquals(0, engine.waitFor(20, TimeUnit.SECONDS), cluster.log("engine"));
            assertEquals(0, connector.waitFor(20, TimeUnit.SECONDS), cluster.log("connector"));

            String engineLog = cluster.log("engine");
            assertTrue(engineLog.contains("market data gap of book eth (feed 1)"), engineLog);
            assertFalse(engineLog.contains("book btc (feed 0)"), "BTC's feed had no gap: " + engineLog);
            assertTrue(engineLog.contains("snapshot of book eth received"), engineLog);
            assertEquals(1, health.value(engine, HealthCounter.MARKET_DATA_GAPS), engineLog);
            assertEquals(1, health.value(engine, HealthCounter.RESYNCS), engineLog);
            String connectorLog = cluster.log("connector");
            assertTrue(connectorLog.contains("engine asks for a snapshot of feed 1"), connectorLog);
            assertTrue(connectorLog.contains("sent a snapshot of feed 1: "), connectorLog);
            assertFalse(connectorLog.contains("snapshot of feed 0"), connectorLog);

            // the clock paused while ETH's book was out of sync: one jump in the tick times, inside the one cold spell
            // of WARMUP - 1 ticks that the gap started
            List<FactorRecorder.Update> updates = factors.updates();
            long interval = 100_000_000L;
            int jumps = 0;
            int resumed = -1;
            int firstCold = -1;
            for (int i = 1; i < updates.size(); i++) {
                if (updates.get(i).tickTime() - updates.get(i - 1).tickTime() > interval) {
                    jumps++;
                    resumed = i;
                }
                if (updates.get(i - 1).warm() && !updates.get(i).warm()) {
                    assertEquals(-1, firstCold, "one cold spell");
                    firstCold = i;
                }
            }
            assertTrue(jumps <= 1, "the clock paused at most once (for less than a tick when the snapshot is quick)");
            for (FactorRecorder.Update u : updates) {
                for (long level : u.bookBits()) {
                    assertFalse(Double.isNaN(Double.longBitsToDouble(level)), "a tick on an empty book at " + u);
                }
            }
            assertTrue(firstCold > 0, "the engine went cold after the gap");
            int cold = 0;
            while (firstCold + cold < updates.size()
                    && !updates.get(firstCold + cold).warm()) {
                cold++;
            }
            assertEquals(WARMUP - 1, cold, "warm again on the warm-up's last tick");
            assertTrue(
                    jumps == 0 || (resumed >= firstCold && resumed <= firstCold + cold),
                    "the pause (at update " + resumed + ") is inside the cold spell (" + firstCold + ".."
                            + (firstCold + cold) + ")");
            assertTrue(updates.size() > 3000, "ticks go on after the re-sync: " + updates.size());
        }
    }
}
