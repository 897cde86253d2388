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
import io.factorgraph.live.sbe.ExecType;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.live.transport.MediaDrivers;
import io.factorgraph.runtime.data.GapPolicy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fail-safes with real processes, on the recorded BTCUSDT feed replayed at 10x: an engine killed in the middle
 * of the run, the strategy's quotes cancelled at the venue within the stale bound, a new engine that re-syncs from the
 * connector's book and warms up before the strategy quotes again, and SIGTERM to the strategy, whose cancel-all
 * reaches the venue before it exits; then a strategy killed outright, whose orders the venue cancels when its
 * heartbeats stop.
 */
class FailSafeTest {
    static final long STALE_AFTER = 1_000_000_000L;
    /**
     * What another process has logged reaches the test through that process's own pipe, possibly after something it
     * did later was seen on Aeron; a line expected there is waited for, up to this long.
     */
    static final Duration LOG_DELAY = Duration.ofSeconds(5);

    @Test
    void killedEngineStopsQuotingRestartedEngineResumesItAndSigtermCancelsEverything() throws Exception {
        GraphSpec spec = new GraphSpec(EngineParityTest.OBI_MM, List.of(), -1);
        try (LiveTestCluster cluster = LiveTestCluster.start();
                VenueMonitor venue = new VenueMonitor(cluster, Channels.IPC);
                HealthWatch health = new HealthWatch(cluster)) {
            EngineConfig engineConfig =
                    new EngineConfig(spec, cluster.transport(), 20, "usdm_btcusdt", 30_000_000_000L, List.of());
            LiveProcess strategy = cluster.launch(
                    "strategy",
                    "strategy",
                    new StrategyConfig(spec, cluster.transport(), 0.001, STALE_AFTER, false, null, null, List.of())
                            .toArgs());
            LiveProcess engine = cluster.launch("engine-1", "engine", engineConfig.toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    new ConnectorConfig(
                                    List.of(EngineParityTest.BTC),
                                    GapPolicy.FAIL,
                                    new ReplaySpeed(10),
                                    false,
                                    0.1,
                                    0.001,
                                    SimulatorSettings.DEFAULTS,
                                    cluster.transport(),
                                    30_000_000_000L,
                                    true,
                                    5_000_000_000L,
                                    List.of())
                            .toArgs());

            assertTrue(
                    LiveTestCluster.await(() -> venue.resting() > 0, Duration.ofSeconds(30)),
                    "the strategy quotes:\n" + cluster.log("strategy"));
            Thread.sleep(1_000);
            assertFalse(
                    cluster.log("strategy").contains("halted"), "quoting until the kill:\n" + cluster.log("strategy"));

            // 1. SIGKILL the engine: within the stale bound (plus a heartbeat and a poll) nothing of ours rests
            long killedAt = System.nanoTime();
            engine.kill();
            assertTrue(cluster.awaitLog("strategy", "halted (", Duration.ofSeconds(5)), cluster.log("strategy"));
            long haltedAfter = System.nanoTime() - killedAt;
            assertTrue(
                    cluster.log("strategy").contains("halted (no factor update for")
                            || cluster.log("strategy").contains("halted (no heartbeat from the engine"),
                    cluster.log("strategy"));
            // The bound plus a heartbeat and a poll, with room for a loaded 2-core machine running four JVMs.
            assertTrue(
                    haltedAfter < STALE_AFTER + 1_500_000_000L,
                    "halted within the stale bound: " + haltedAfter / 1_000_000 + " ms after the kill");
            // the venue: a heartbeat after the cancel-all was processed says nothing of ours rests, and so do all
            // later ones while no engine runs
            assertTrue(
                    cluster.awaitLog("connector", "cancel all (STALE_FACTORS)", Duration.ofSeconds(1))
                            || cluster.awaitLog("connector", "cancel all (PEER_DOWN)", Duration.ofSeconds(1)),
                    cluster.log("connector"));
            long cancelledAt = System.nanoTime();
            Thread.sleep(1_500);
            List<VenueMonitor.Beat> beats = venue.beatsSince(cancelledAt);
            assertTrue(beats.size() >= 5, "the connector keeps beating: " + beats);
            assertTrue(beats.stream().allMatch(b -> b.resting() == 0), "no quote rests while no engine runs: " + beats);
            // the strategy halted once, for the dead engine, and has not quoted since
            assertEquals(1, health.value(strategy, HealthCounter.HALTS), cluster.log("strategy"));
            assertEquals(
                    1,
                    health.value(strategy, HealthCounter.STALE_HALTS)
                            + health.value(strategy, HealthCounter.PEER_HALTS),
                    cluster.log("strategy"));
            assertEquals(0, health.value(strategy, HealthCounter.QUOTING), cluster.log("strategy"));
            assertEquals(0, health.value(connector, HealthCounter.RESTING_ORDERS), cluster.log("connector"));

            // 2. a new engine: it joined a stream under way, re-syncs from the connector's book, warms up, and only
            //    then does the strategy quote again
            long restartedAt = System.nanoTime();
            LiveProcess engine2 = cluster.launch("engine-2", "engine", engineConfig.toArgs());
            assertTrue(cluster.awaitLog("engine-2", "warm after", Duration.ofSeconds(20)), cluster.log("engine-2"));
            assertTrue(cluster.log("engine-2").contains("joined the market data stream"), cluster.log("engine-2"));
            assertTrue(cluster.log("engine-2").contains("snapshot received"), cluster.log("engine-2"));
            assertTrue(cluster.awaitLog("connector", "sent a snapshot of", LOG_DELAY), cluster.log("connector"));
            assertTrue(
                    LiveTestCluster.await(() -> venue.resting() > 0, Duration.ofSeconds(10)),
                    "quoting resumes:\n" + cluster.log("strategy"));
            assertTrue(cluster.awaitLog("strategy", "quoting again", LOG_DELAY), cluster.log("strategy"));
            assertEquals(1, health.value(engine2, HealthCounter.RESYNCS), cluster.log("engine-2"));
            assertEquals(1, health.value(strategy, HealthCounter.ENGINE_RESTARTS), cluster.log("strategy"));
            long warmTick = warmTick(cluster.log("engine-2"));
            List<VenueMonitor.Report> accepted = venue.reportsSince(restartedAt).stream()
                    .filter(r -> r.type() == ExecType.ACCEPTED)
                    .toList();
            assertFalse(accepted.isEmpty());
            assertTrue(
                    accepted.get(0).localTime() >= warmTick,
                    "the first order after the restart rests at "
                            + accepted.get(0).localTime() + ", after the new engine's first warm tick " + warmTick);

            // 3. SIGTERM the strategy: its cancel-all is acknowledged by the venue before it exits
            assertTrue(
                    LiveTestCluster.await(() -> venue.resting() > 0, Duration.ofSeconds(10)),
                    "quoting before SIGTERM:\n" + cluster.log("strategy"));
            long terminatedAt = System.nanoTime();
            strategy.terminate();
            assertEquals(0, strategy.waitFor(10, TimeUnit.SECONDS), cluster.log("strategy"));
            assertTrue(
                    cluster.log("strategy").contains("cancel-all acknowledged by the venue"), cluster.log("strategy"));
            assertTrue(cluster.awaitLog("connector", "cancel all (SHUTDOWN)", LOG_DELAY), cluster.log("connector"));
            assertFalse(
                    venue.acks().stream()
                            .filter(t -> t >= terminatedAt)
                            .toList()
                            .isEmpty(),
                    "ack seen");
            assertTrue(
                    LiveTestCluster.await(() -> venue.resting() == 0, Duration.ofSeconds(2)),
                    "nothing rests after the strategy left");

            // 4. a new strategy: the venue drops what its predecessor's ids meant; then SIGKILL it (no cancel-all, no
            //    goodbye can be sent): once it has been silent for the peer timeout the venue cancels whatever of its
            //    orders rests (cancel on disconnect). How many rest at the kill is the market's doing (a quote may just
            //    have been replaced, filled, or expired as post-only), so the venue's own account is what is checked.
            LiveProcess strategy2 = cluster.launch(
                    "strategy-2",
                    "strategy",
                    new StrategyConfig(spec, cluster.transport(), 0.001, STALE_AFTER, false, null, null, List.of())
                            .toArgs());
            assertTrue(
                    LiveTestCluster.await(() -> venue.resting() > 0, Duration.ofSeconds(15)),
                    "the new strategy quotes:\n" + cluster.log("strategy-2"));
            assertTrue(cluster.awaitLog("connector", "a new strategy instance", LOG_DELAY), cluster.log("connector"));
            long strategyKilledAt = System.nanoTime();
            strategy2.kill();
            assertTrue(
                    cluster.awaitLog("connector", "no heartbeat from the strategy", Duration.ofSeconds(10)),
                    cluster.log("connector"));
            long sweptAfter = System.nanoTime() - strategyKilledAt;
            // The sweep waits for the peer timeout and nothing else (not for the media driver to drop the dead client);
            // the driver's client liveness timeout is the room given to a loaded 2-core machine.
            long peerTimeout = cluster.transport().peerTimeoutNanos();
            assertTrue(
                    sweptAfter < peerTimeout + MediaDrivers.CLIENT_LIVENESS_TIMEOUT_NS,
                    "swept " + sweptAfter / 1_000_000 + " ms after the kill; peer timeout " + peerTimeout / 1_000_000
                            + " ms");
            assertTrue(
                    cluster.awaitLog("connector", "cancel all (STRATEGY_DOWN)", LOG_DELAY), cluster.log("connector"));
            Matcher sweep = Pattern.compile(
                            "cancel all \\(STRATEGY_DOWN\\): (\\d+) orders cancelled, (\\d+) still " + "resting")
                    .matcher(cluster.log("connector"));
            assertTrue(sweep.find(), cluster.log("connector"));
            assertEquals("0", sweep.group(2), "nothing of the dead strategy's rests after the sweep: " + sweep.group());
            assertTrue(
                    LiveTestCluster.await(() -> venue.resting() == 0, Duration.ofSeconds(3)),
                    "the venue's heartbeats say nothing rests after the sweep");
            assertEquals(1, health.value(connector, HealthCounter.STRATEGY_DOWN_SWEEPS), cluster.log("connector"));
            assertEquals(1, health.value(connector, HealthCounter.NEW_STRATEGY_INSTANCES), cluster.log("connector"));

            engine2.terminate();
            assertEquals(0, engine2.waitFor(10, TimeUnit.SECONDS), cluster.log("engine-2"));
        }
    }

    private static long warmTick(String log) {
        Matcher m =
                Pattern.compile("warm after \\d+ ticks \\(tick time (\\d+)\\)").matcher(log);
        assertTrue(m.find(), log);
        return Long.parseLong(m.group(1));
    }
}
