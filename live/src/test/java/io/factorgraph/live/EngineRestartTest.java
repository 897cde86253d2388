package io.factorgraph.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live kill test (docs/DESIGN.md §13), with real processes on the recorded USD-M BTCUSDT file: connector, engine
 * and strategy run; the engine, snapshotting every 5 s of market time, is killed (SIGKILL) mid-run and started again
 * on the same snapshot directory. The restarted engine restores the newest snapshot, takes every event after it from
 * the connector (which reads its file again) and goes on. Checked: every update of either engine equals, bit for bit,
 * the row of an uninterrupted {@code fg run} at its tick time, and the restarted one's ticks are exactly the
 * uninterrupted run's from the snapshot's tick on (none missing); its updates say not warm only while it catches up;
 * the strategy quotes again within {@link #QUOTING_AGAIN_BOUND} of the restart.
 */
class EngineRestartTest {
    static final int WARMUP = 100;
    static final long SNAPSHOT_EVERY = 5_000_000_000L;
    /** From the second engine's launch (a new JVM) to the strategy quoting again, on the 2-core test machine. */
    static final Duration QUOTING_AGAIN_BOUND = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void killedEngineRestartsFromItsSnapshotAndContinuesTheStreamBitForBit() throws Exception {
        GraphSpec spec = new GraphSpec(EngineParityTest.OBI_MM, List.of(), -1);
        CompiledGraph graph = spec.compile();
        long interval = spec.interval(graph);
        Map<Long, EngineParityTest.Expected> expected = new HashMap<>();
        List<EngineParityTest.Expected> rows = EngineParityTest.fgRun(graph, interval);
        rows.forEach(e -> expected.put(e.tickTime(), e));
        Path snapshots = dir.resolve("snapshots");
        try (LiveTestCluster cluster = LiveTestCluster.start();
                FactorRecorder factors = new FactorRecorder(cluster, Channels.IPC)) {
            EngineConfig config = new EngineConfig(
                            spec, cluster.transport(), WARMUP, "usdm_btcusdt", 30_000_000_000L, List.of())
                    .withSnapshots(snapshots, SNAPSHOT_EVERY, 3, EngineConfig.DEFAULT_CATCH_UP_MAX_AGE_NANOS);
            LiveProcess strategy = cluster.launch(
                    "strategy",
                    "strategy",
                    new StrategyConfig(spec, cluster.transport(), 0.001, 1_000_000_000L, false, null, null, List.of())
                            .toArgs());
            LiveProcess first = cluster.launch("engine", "engine", config.toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    btcAt8x(cluster, true, 20_000_000_000L).toArgs());
            // mid-run: two minutes of market data in, two snapshots at least, the strategy quoting
            assertTrue(
                    LiveTestCluster.await(
                            () -> factors.size() > 1200
                                    && count(cluster.log("engine"), "snapshot engine-") >= 2
                                    && cluster.log("strategy").contains("quoting"),
                            Duration.ofSeconds(90)),
                    cluster.log("engine"));
            first.kill();
            assertEquals(137, first.waitFor(10, TimeUnit.SECONDS), "SIGKILL");
            long firstInstance = factors.updates().get(0).instance();
            Thread.sleep(1_500); // the strategy sees the engine gone and halts
            int quotingBefore = count(cluster.log("strategy"), "quoting again");
            long restartNanos = System.nanoTime();
            LiveProcess second = cluster.launch("engine2", "engine", config.toArgs());
            assertTrue(
                    LiveTestCluster.await(
                            () -> count(cluster.log("strategy"), "quoting again") > quotingBefore, QUOTING_AGAIN_BOUND),
                    "the strategy quotes again within " + QUOTING_AGAIN_BOUND + " of the restart\n"
                            + cluster.log("strategy") + cluster.log("engine2"));
            long quotingAgainMs = (System.nanoTime() - restartNanos) / 1_000_000;
            assertEquals(0, connector.waitFor(120, TimeUnit.SECONDS), cluster.log("connector"));
            assertEquals(0, strategy.waitFor(30, TimeUnit.SECONDS), cluster.log("strategy"));
            assertEquals(0, second.waitFor(30, TimeUnit.SECONDS), cluster.log("engine2"));

            String log2 = cluster.log("engine2");
            Matcher restored =
                    Pattern.compile("restored \\S+ \\(tick time (\\d+)").matcher(log2);
            assertTrue(restored.find(), log2);
            long snapshotTick = Long.parseLong(restored.group(1));
            Matcher caughtUp = Pattern.compile("caught up: the connector sent (\\d+) events after the snapshot "
                            + "\\(its replay at (\\d+)\\)")
                    .matcher(log2);
            assertTrue(caughtUp.find(), log2);
            long caughtUpTo = Long.parseLong(caughtUp.group(2));
            assertTrue(log2.contains("warm at once after the catch-up"), log2);
            assertTrue(cluster.log("connector").contains("catch-up sent"), cluster.log("connector"));

            List<FactorRecorder.Update> all = factors.updates();
            List<FactorRecorder.Update> before =
                    all.stream().filter(u -> u.instance() == firstInstance).toList();
            List<FactorRecorder.Update> after =
                    all.stream().filter(u -> u.instance() != firstInstance).toList();
            assertTrue(before.size() > 1200 && after.size() > 1000, before.size() + " / " + after.size());
            // both engines' updates are fg run's rows at their tick times, to the bit
            for (FactorRecorder.Update u : all) {
                EngineParityTest.Expected e = expected.get(u.tickTime());
                assertTrue(e != null, "a tick fg run does not have: " + u.tickTime());
                assertEquals(e.bid(), u.bestBidBits(), "best bid at " + u.tickTime());
                assertEquals(e.ask(), u.bestAskBits(), "best ask at " + u.tickTime());
                assertArrayEquals(e.outputs(), u.outputBits(), "outputs at " + u.tickTime());
                assertArrayEquals(e.sinkArgs(), u.sinkArgBits(), "sink arguments at " + u.tickTime());
            }
            // the restarted engine's ticks are fg run's from the snapshot's tick on, none missing, to the end
            List<Long> suffix = rows.stream()
                    .map(EngineParityTest.Expected::tickTime)
                    .filter(t -> t > snapshotTick)
                    .toList();
            assertEquals(
                    suffix, after.stream().map(FactorRecorder.Update::tickTime).toList(), "ticks after the restart");
            // not warm only during the catch-up: a prefix, every tick of it at or before the connector's replay time
            int cold = 0;
            while (cold < after.size() && !after.get(cold).warm()) {
                cold++;
            }
            for (int i = cold; i < after.size(); i++) {
                assertTrue(
                        after.get(i).warm(),
                        "warm from the end of the catch-up on: " + after.get(i).tickTime());
            }
            assertTrue(cold > 0, "the catch-up's updates say not warm");
            assertTrue(
                    after.get(cold - 1).tickTime() <= caughtUpTo,
                    "the last cold tick " + after.get(cold - 1).tickTime() + " is within the catch-up (to " + caughtUpTo
                            + ")");
            assertTrue(before.get(before.size() - 1).warm(), "the first engine was warm when killed");
            System.out.printf(
                    "kill test: snapshot tick %d, killed at tick %d, %d catch-up ticks not warm, strategy quoting "
                            + "again %d ms after the restart%n",
                    snapshotTick, before.get(before.size() - 1).tickTime(), cold, quotingAgainMs);
        }
    }

    /**
     * Two books on one stream (docs/DESIGN.md §11): the catch-up is one merge over both files, read again, and the
     * restarted engine's ticks are {@code fg run}'s over both after the snapshot's tick, every book and value to the bit.
     */
    @Test
    void twoBooksRestartContinuesTheMergedStreamBitForBit() throws Exception {
        GraphSpec spec = new GraphSpec(TwoInstrumentParityTest.GRAPH, List.of(), -1);
        CompiledGraph graph = spec.compile();
        List<TwoInstrumentParityTest.Expected> rows = TwoInstrumentParityTest.fgRun(graph, spec.interval(graph));
        Map<Long, TwoInstrumentParityTest.Expected> expected = new HashMap<>();
        rows.forEach(e -> expected.put(e.tickTime(), e));
        Path snapshots = dir.resolve("snapshots");
        try (LiveTestCluster cluster = LiveTestCluster.start();
                FactorRecorder factors = new FactorRecorder(cluster, Channels.IPC)) {
            EngineConfig config = new EngineConfig(
                            spec, cluster.transport(), WARMUP, "btc,eth", 30_000_000_000L, List.of())
                    .withSnapshots(snapshots, SNAPSHOT_EVERY, 3, EngineConfig.DEFAULT_CATCH_UP_MAX_AGE_NANOS);
            LiveProcess first = cluster.launch("engine", "engine", config.toArgs());
            ConnectorConfig two = TwoInstrumentParityTest.connector(cluster, false, 2_000_000_000L, List.of());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    new ConnectorConfig(
                                    two.feeds(),
                                    two.gapPolicy(),
                                    ReplaySpeed.parse("8"),
                                    false,
                                    two.transport(),
                                    two.awaitNanos(),
                                    false,
                                    two.lingerNanos(),
                                    List.of())
                            .toArgs());
            assertTrue(
                    LiveTestCluster.await(
                            () -> factors.size() > 1000 && count(cluster.log("engine"), "snapshot engine-") >= 2,
                            Duration.ofSeconds(90)),
                    cluster.log("engine"));
            first.kill();
            assertEquals(137, first.waitFor(10, TimeUnit.SECONDS), "SIGKILL");
            long firstInstance = factors.updates().get(0).instance();
            Thread.sleep(500);
            LiveProcess second = cluster.launch("engine2", "engine", config.toArgs());
            assertTrue(LiveTestCluster.await(factors::ended, Duration.ofSeconds(120)), cluster.log("engine2"));
            assertEquals(0, second.waitFor(20, TimeUnit.SECONDS), cluster.log("engine2"));
            assertEquals(0, connector.waitFor(20, TimeUnit.SECONDS), cluster.log("connector"));
            String log2 = cluster.log("engine2");
            Matcher restored =
                    Pattern.compile("restored \\S+ \\(tick time (\\d+)").matcher(log2);
            assertTrue(restored.find(), log2);
            long snapshotTick = Long.parseLong(restored.group(1));
            assertTrue(log2.contains("warm at once after the catch-up"), log2);
            List<FactorRecorder.Update> all = factors.updates();
            for (FactorRecorder.Update u : all) {
                TwoInstrumentParityTest.Expected e = expected.get(u.tickTime());
                assertTrue(e != null, "a tick fg run does not have: " + u.tickTime());
                assertArrayEquals(e.books(), u.bookBits(), "both books at " + u.tickTime());
                assertArrayEquals(e.outputs(), u.outputBits(), "outputs at " + u.tickTime());
                assertArrayEquals(e.sinkArgs(), u.sinkArgBits(), "sink arguments at " + u.tickTime());
            }
            List<Long> suffix = rows.stream()
                    .map(TwoInstrumentParityTest.Expected::tickTime)
                    .filter(t -> t > snapshotTick)
                    .toList();
            assertEquals(
                    suffix,
                    all.stream()
                            .filter(u -> u.instance() != firstInstance)
                            .map(FactorRecorder.Update::tickTime)
                            .toList(),
                    "ticks after the restart");
        }
    }

    @Test
    void cleanShutdownSnapshotsTooOldStartsColdAnotherGraphOrNoClockIsRefused() throws Exception {
        GraphSpec spec = new GraphSpec(EngineParityTest.OBI_MM, List.of(), -1);
        Path snapshots = dir.resolve("snapshots");
        try (LiveTestCluster cluster = LiveTestCluster.start();
                FactorRecorder factors = new FactorRecorder(cluster, Channels.IPC)) {
            EngineConfig config = new EngineConfig(
                            spec, cluster.transport(), WARMUP, "usdm_btcusdt", 30_000_000_000L, List.of())
                    .withSnapshots(snapshots, 60_000_000_000L, 2, EngineConfig.DEFAULT_CATCH_UP_MAX_AGE_NANOS);
            LiveProcess engine = cluster.launch("engine", "engine", config.toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    btcAt8x(cluster, false, 2_000_000_000L).toArgs());
            assertTrue(LiveTestCluster.await(() -> factors.size() > 300, Duration.ofSeconds(60)));
            engine.terminate();
            assertEquals(0, engine.waitFor(10, TimeUnit.SECONDS), cluster.log("engine"));
            String log = cluster.log("engine");
            assertTrue(log.contains("snapshot on shutdown"), log);
            List<FactorRecorder.Update> updates = factors.updates();
            long firstInstance = updates.get(0).instance();
            long lastTick = updates.get(updates.size() - 1).tickTime();
            Path newest;
            try (Stream<Path> files = Files.list(snapshots)) {
                List<Path> list = files.filter(f -> f.getFileName().toString().endsWith(".fgstate"))
                        .sorted()
                        .toList();
                assertTrue(list.size() <= 2, "keeps the newest 2: " + list);
                newest = list.get(list.size() - 1);
            }
            assertEquals(
                    String.format("engine-%020d.fgstate", lastTick),
                    newest.getFileName().toString(),
                    "the shutdown snapshot is as of the last tick sent");

            // restarted with a catch-up age the connector's replay has passed by now: cold, warm after the warm-up
            LiveProcess cold = cluster.launch(
                    "cold",
                    "engine",
                    config.withSnapshots(snapshots, 60_000_000_000L, 2, 1_000_000L)
                            .toArgs());
            assertTrue(
                    LiveTestCluster.await(
                            () -> factors.updates().stream()
                                            .filter(u -> u.instance() != firstInstance)
                                            .count()
                                    > WARMUP + 20,
                            Duration.ofSeconds(60)),
                    cluster.log("cold"));
            cold.terminate();
            assertEquals(0, cold.waitFor(10, TimeUnit.SECONDS), cluster.log("cold"));
            connector.stop(5_000);
            String coldLog = cluster.log("cold");
            assertTrue(
                    coldLog.contains("no catch-up after the restored snapshot: the connector refused it (TOO_OLD)"
                            + "; starting cold"),
                    coldLog);
            assertTrue(coldLog.contains("warm after " + WARMUP + " ticks"), coldLog);
            assertTrue(cluster.log("connector").contains("refused (TOO_OLD)"), cluster.log("connector"));
            List<FactorRecorder.Update> after = factors.updates().stream()
                    .filter(u -> u.instance() != firstInstance)
                    .toList();
            for (int i = 0; i < after.size(); i++) {
                assertEquals(i >= WARMUP - 1, after.get(i).warm(), "warm from the warm-up's last tick: " + i);
            }

            // the same directory, other parameter values: refused in one line, nothing else started
            try (Stream<Path> files = Files.list(snapshots)) {
                newest = files.filter(f -> f.getFileName().toString().endsWith(".fgstate"))
                        .max(Path::compareTo)
                        .orElseThrow();
            }
            GraphSpec other = new GraphSpec(EngineParityTest.OBI_MM, List.of("window=300"), -1);
            EngineConfig otherConfig = new EngineConfig(
                            other, cluster.transport(), WARMUP, "usdm_btcusdt", 1_000_000_000L, List.of())
                    .withSnapshots(snapshots, 60_000_000_000L, 2, EngineConfig.DEFAULT_CATCH_UP_MAX_AGE_NANOS);
            LiveProcess refused = cluster.launch("other", "engine", otherConfig.toArgs());
            assertEquals(1, refused.waitFor(30, TimeUnit.SECONDS), cluster.log("other"));
            String otherLog = cluster.log("other");
            assertTrue(
                    otherLog.contains(
                            "cannot restore: " + newest + ": param window is 600 in the snapshot but 300 here"),
                    otherLog);
            assertFalse(otherLog.contains("Exception"), otherLog);

            // without a clock, ticks fall on event times: a snapshot could not say which events of its instant it holds
            EngineConfig unclocked = new EngineConfig(
                            new GraphSpec(EngineParityTest.OBI_MM, List.of(), 0),
                            cluster.transport(),
                            WARMUP,
                            "usdm_btcusdt",
                            1_000_000_000L,
                            List.of())
                    .withSnapshots(snapshots, 60_000_000_000L, 2, EngineConfig.DEFAULT_CATCH_UP_MAX_AGE_NANOS);
            LiveProcess noClock = cluster.launch("noclock", "engine", unclocked.toArgs());
            assertEquals(1, noClock.waitFor(30, TimeUnit.SECONDS), cluster.log("noclock"));
            assertTrue(
                    cluster.log("noclock").contains("error: --snapshot-dir needs a graph with a clock"),
                    cluster.log("noclock"));
        }
    }

    /** A connector replaying the BTCUSDT file at 8x with its venue (tick 0.1, lot 0.001). */
    private static ConnectorConfig btcAt8x(LiveTestCluster cluster, boolean awaitStrategy, long lingerNanos) {
        return new ConnectorConfig(
                List.of(EngineParityTest.BTC),
                GapPolicy.FAIL,
                ReplaySpeed.parse("8"),
                false,
                0.1,
                0.001,
                SimulatorSettings.DEFAULTS,
                cluster.transport(),
                30_000_000_000L,
                awaitStrategy,
                lingerNanos,
                List.of());
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
