package io.factorgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The engine's state snapshots (docs/DESIGN.md §13), shared by {@code fg live engine} and {@code fg live run}: where
 * they go, how often, how many are kept, and how old a restored one may be and still be caught up.
 */
final class LiveSnapshotOptions {
    @Option(
            names = "--snapshot-dir",
            paramLabel = "DIR",
            description = "Write the engine's state to DIR periodically and on SIGTERM; at a start, restore the newest "
                    + "and take from the connector what was missed (warm at once, see --catch-up-max-age).")
    Path snapshotDir;

    @Option(
            names = "--snapshot-every",
            paramLabel = "DURATION",
            description = "Market (tick) time between snapshots. Default: 10s.")
    Duration snapshotEvery;

    @Option(
            names = "--snapshot-keep",
            paramLabel = "N",
            description = "How many of the newest snapshots to keep. Default: 3.")
    Integer snapshotKeep;

    @Option(
            names = "--catch-up-max-age",
            paramLabel = "DURATION",
            description = "A restored snapshot further than this (market time) behind the connector's replay starts "
                    + "cold instead of catching up. Default: 2m.")
    Duration catchUpMaxAge;

    void put(List<String> args) {
        LiveTransportOptions.put(args, "snapshot-dir", snapshotDir == null ? null : snapshotDir.toAbsolutePath());
        LiveTransportOptions.put(args, "snapshot-every", LiveTransportOptions.duration(snapshotEvery));
        LiveTransportOptions.put(args, "snapshot-keep", snapshotKeep);
        LiveTransportOptions.put(args, "catch-up-max-age", LiveTransportOptions.duration(catchUpMaxAge));
    }
}
