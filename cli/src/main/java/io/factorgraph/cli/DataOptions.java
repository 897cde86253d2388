package io.factorgraph.cli;

import io.factorgraph.dsl.parse.Literals;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.compile.ClockInterval;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The recorded data to replay and how to sample it, shared by {@code fg run} and {@code fg backtest}. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "FILE",
            description = {"Recorded data: hftbacktest's raw Binance feed files (.gz), .npz event files, or .fgev files "
                    + "made by fg convert (fastest).",
                "Repeat for files that continue one stream, in time order."})
    List<Path> data = new ArrayList<>();

    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Sample every DURATION (e.g. 100ms), overriding the file's `clock every`; "
                    + "without either the graph ticks after every book change.")
    String interval;

    @Option(names = "--on-gap", paramLabel = "fail|resync", defaultValue = "fail",
            description = "A sequence gap in the feed: fail (default) or resync (clear the book, wait for the "
                    + "next snapshot, count the gap).")
    String onGap;

    /** The sampling interval in ns: {@code --interval}, else the graph's clock, else 0 (every book change). */
    long intervalNanos(CompiledGraph graph) {
        if (interval != null) {
            var nanos = Literals.duration(interval);
            if (nanos.isEmpty() || nanos.getAsLong() <= 0) {
                throw new UserError("--interval '" + interval + "': expected a positive duration such as 100ms, 1s "
                        + "or 5m");
            }
            ClockInterval.problem(nanos.getAsLong()).ifPresent(problem -> {
                throw new UserError("--interval '" + interval + "': " + problem);
            });
            return nanos.getAsLong();
        }
        return graph.clockNanos().orElse(0);
    }

    GapPolicy gapPolicy() {
        return switch (onGap.toLowerCase(Locale.ROOT)) {
            case "fail" -> GapPolicy.FAIL;
            case "resync" -> GapPolicy.RESYNC;
            default -> throw new UserError("--on-gap '" + onGap + "': expected fail or resync");
        };
    }

    EventSource open() {
        GapPolicy policy = gapPolicy();
        for (Path file : data) {
            if (!Files.isRegularFile(file)) {
                throw new UserError("--data " + file + ": no such file");
            }
        }
        try {
            return EventSources.open(data, policy);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        }
    }
}
