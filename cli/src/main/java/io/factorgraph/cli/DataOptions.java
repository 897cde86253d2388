package io.factorgraph.cli;

import io.factorgraph.backtest.settings.DurationText;
import io.factorgraph.runtime.compile.ClockInterval;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The recorded data to replay and how to sample it, shared by {@code fg run} and {@code fg backtest}. */
final class DataOptions {
    @Option(
            names = "--data",
            paramLabel = "FILE",
            description = {
                "Recorded data: hftbacktest's raw Binance feed files (.gz), .npz event files, or .fgev files "
                        + "made by fg convert (fastest).",
                "Repeat for files that continue one stream, in time order."
            })
    List<Path> data = new ArrayList<>();

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "Sample every DURATION (e.g. 100ms), overriding the file's `clock every`; "
                    + "without either the graph ticks after every book change.")
    Duration interval;

    @Option(
            names = "--on-gap",
            paramLabel = "fail|resync",
            defaultValue = "fail",
            description = "A sequence gap in the feed: fail (default) or resync (clear the book, wait for the "
                    + "next snapshot, count the gap).")
    GapPolicy onGap;

    /** The sampling interval in ns: {@code --interval}, else the graph's clock, else 0 (every book change). */
    long intervalNanos(CompiledGraph graph) {
        if (interval != null) {
            long nanos = interval.toNanos();
            ClockInterval.problem(nanos).ifPresent(problem -> {
                throw new UserError("--interval '" + DurationText.format(nanos) + "': " + problem);
            });
            return nanos;
        }
        return graph.clockNanos().orElse(0);
    }

    EventSource open() {
        for (Path file : data) {
            if (!Files.isRegularFile(file)) {
                throw new UserError("--data " + file + ": no such file");
            }
        }
        try {
            return EventSources.open(data, onGap);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        }
    }
}
