package io.factorgraph.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg live engine}: book + compiled graph, one factor update per tick. */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The factor engine: keeps the book from the connector's market data through the same BookReplay "
                    + "and SamplingClock as `fg run`, ticks the graph and publishes every output, the sink's "
                    + "arguments and the best levels per tick. After a start, restart or re-sync its updates say not "
                    + "warm until --warmup ticks have passed; on a market data gap it asks the connector for a "
                    + "snapshot. With --snapshot-dir it saves its state and, restarted, continues from it."
        })
final class LiveEngineCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "Sample every DURATION, overriding the " + "file's `clock every`.")
    Duration interval;

    @Option(
            names = "--warmup",
            paramLabel = "TICKS",
            description = "Ticks after a (re)start or re-sync before "
                    + "updates say warm. Default: the graph's largest window (600 for obi_mm.fg).")
    Long warmup;

    @Option(
            names = "--symbol",
            paramLabel = "NAME",
            defaultValue = "instrument",
            description = "The instrument's name in factor updates. Default: ${DEFAULT-VALUE}.")
    String symbol;

    @Option(
            names = "--await",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "How long to wait for a strategy to subscribe. Default: ${DEFAULT-VALUE}.")
    Duration await;

    @Option(
            names = "--test-drop",
            hidden = true,
            paramLabel = "SEQ,...",
            description = "Test hook: factor " + "stream messages not to send.")
    List<String> testDrop = new ArrayList<>();

    @Mixin
    LiveSnapshotOptions snapshots;

    @Mixin
    LiveTransportOptions transport;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return LiveProcesses.run(spec, () -> LiveProcesses.runRole("engine", args()));
    }

    List<String> args() {
        List<String> args = new ArrayList<>();
        args.addAll(graph.toArgs());
        LiveTransportOptions.put(args, "interval", LiveTransportOptions.duration(interval));
        LiveTransportOptions.put(args, "warmup", warmup);
        LiveTransportOptions.put(args, "symbol", symbol);
        LiveTransportOptions.put(args, "await", LiveTransportOptions.duration(await));
        LiveTransportOptions.putAll(args, "test-drop", testDrop);
        snapshots.put(args);
        args.addAll(transport.toArgs());
        return args;
    }
}
