package io.factorgraph.live.engine;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.transport.TransportConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * @param graph the graph and its interval
 * @param transport Aeron directory, channels, idle strategy, heartbeats
 * @param warmupTicks ticks after a (re)start or re-sync before the engine reports warm; -1 for {@link
 *     GraphSpec#defaultWarmupTicks} (the largest window of the graph)
 * @param symbol the instrument's name in factor updates
 * @param awaitSubscriberNanos how long to wait for a factor subscriber before reading market data (0: do not wait)
 * @param testDropFactors test hook: factor stream sequence numbers not to send
 * @param snapshotDir where the engine writes its state snapshots and restores the newest from at a start; null for
 *     none (docs/DESIGN.md §13)
 * @param snapshotEveryNanos market (tick) time between periodic snapshots: deterministic, so a replay snapshots at
 *     the same ticks at any speed, and at {@code --speed 1} it is wall time
 * @param snapshotKeep how many of the newest snapshot files to keep
 * @param catchUpMaxAgeNanos a restored snapshot older than this (market time) behind the connector's replay is not
 *     caught up: the engine starts cold, from a book snapshot, and warms up
 */
public record EngineConfig(
        GraphSpec graph,
        TransportConfig transport,
        long warmupTicks,
        String symbol,
        long awaitSubscriberNanos,
        List<String> testDropFactors,
        Path snapshotDir,
        long snapshotEveryNanos,
        int snapshotKeep,
        long catchUpMaxAgeNanos) {
    /** Ten seconds of market time between snapshots. */
    public static final long DEFAULT_SNAPSHOT_EVERY_NANOS = 10_000_000_000L;
    /** The newest three snapshots are kept (one damaged still leaves two to fall back to). */
    public static final int DEFAULT_SNAPSHOT_KEEP = 3;
    /** Two minutes of market time: the catch-up is replayed at full speed while the connector's live replay waits. */
    public static final long DEFAULT_CATCH_UP_MAX_AGE_NANOS = 120_000_000_000L;

    public EngineConfig {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(symbol, "symbol");
        testDropFactors = List.copyOf(testDropFactors);
        if (snapshotEveryNanos <= 0) {
            throw new IllegalArgumentException("--snapshot-every must be positive");
        }
        if (snapshotKeep < 1) {
            throw new IllegalArgumentException("--snapshot-keep must be at least 1, was " + snapshotKeep);
        }
        if (catchUpMaxAgeNanos < 0) {
            throw new IllegalArgumentException("--catch-up-max-age must not be negative");
        }
    }

    /** An engine that takes no snapshots. */
    public EngineConfig(
            GraphSpec graph,
            TransportConfig transport,
            long warmupTicks,
            String symbol,
            long awaitSubscriberNanos,
            List<String> testDropFactors) {
        this(
                graph,
                transport,
                warmupTicks,
                symbol,
                awaitSubscriberNanos,
                testDropFactors,
                null,
                DEFAULT_SNAPSHOT_EVERY_NANOS,
                DEFAULT_SNAPSHOT_KEEP,
                DEFAULT_CATCH_UP_MAX_AGE_NANOS);
    }

    /** This configuration with snapshots in {@code dir} (null for none). */
    public EngineConfig withSnapshots(Path dir, long everyNanos, int keep, long catchUpMaxAgeNanos) {
        return new EngineConfig(
                graph,
                transport,
                warmupTicks,
                symbol,
                awaitSubscriberNanos,
                testDropFactors,
                dir,
                everyNanos,
                keep,
                catchUpMaxAgeNanos);
    }

    public static EngineConfig fromArgs(LiveArgs args) {
        return new EngineConfig(
                GraphSpec.fromArgs(args),
                TransportConfig.fromArgs(args),
                args.get("warmup", -1L, Long::parseLong),
                args.get("symbol").orElse("instrument"),
                args.nanos("await", 30_000_000_000L),
                args.all("test-drop"),
                args.get("snapshot-dir").map(Path::of).orElse(null),
                args.nanos("snapshot-every", DEFAULT_SNAPSHOT_EVERY_NANOS),
                args.get("snapshot-keep", DEFAULT_SNAPSHOT_KEEP, Integer::parseInt),
                args.nanos("catch-up-max-age", DEFAULT_CATCH_UP_MAX_AGE_NANOS));
    }

    public List<String> toArgs() {
        List<String> out = new ArrayList<>(graph.toArgs());
        out.addAll(transport.toArgs());
        out.addAll(new LiveArgs.Writer()
                .put("warmup", warmupTicks >= 0 ? warmupTicks : null)
                .put("symbol", symbol)
                .put("await", awaitSubscriberNanos + "ns")
                .putAll("test-drop", testDropFactors)
                .put("snapshot-dir", snapshotDir)
                .put("snapshot-every", snapshotDir == null ? null : snapshotEveryNanos + "ns")
                .put("snapshot-keep", snapshotDir == null ? null : snapshotKeep)
                .put("catch-up-max-age", snapshotDir == null ? null : catchUpMaxAgeNanos + "ns")
                .build());
        return out;
    }
}
