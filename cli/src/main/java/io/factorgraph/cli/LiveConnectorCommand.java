package io.factorgraph.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg live connector}: replays a recorded feed and runs the paper venue. */
@Command(
        name = "connector",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The connector: replays a recorded feed on the market data stream (paced by --speed) and runs "
                    + "the paper venue, the backtest's exchange simulator fed the same events, executing order "
                    + "commands at the replay's current time and reporting executions. Answers the engine's re-sync "
                    + "requests with a snapshot of its own book. Waits for the engine (and strategy) to subscribe "
                    + "before replaying."
        })
final class LiveConnectorCommand implements Callable<Integer> {
    @Mixin
    LiveVenueOptions venue;

    @Option(
            names = "--tick-size",
            paramLabel = "PRICE",
            defaultValue = "0.1",
            converter = OptionTypes.PositiveStep.class,
            description = "The instrument's price step (the sink's tick_size). Default: ${DEFAULT-VALUE}.")
    double tickSize;

    @Option(
            names = "--await",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "How long to wait for the engine and the strategy. Default: ${DEFAULT-VALUE}.")
    Duration await;

    @Option(names = "--no-strategy", description = "Replay without waiting for a strategy (factors only).")
    boolean noStrategy;

    @Option(
            names = "--linger",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "After the data, how long to wait for the strategy to finish. Default: ${DEFAULT-VALUE}.")
    Duration linger;

    @Option(
            names = "--test-drop",
            hidden = true,
            paramLabel = "SEQ,...",
            description = "Test hook: market data " + "messages not to send.")
    List<String> testDrop = new ArrayList<>();

    @Mixin
    LiveTransportOptions transport;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        venue.validate();
        return LiveProcesses.run(spec, () -> LiveProcesses.runRole("connector", args()));
    }

    List<String> args() {
        List<String> args = new ArrayList<>(venue.toArgs(tickSize));
        LiveTransportOptions.put(args, "await", LiveTransportOptions.duration(await));
        LiveTransportOptions.put(args, "await-strategy", noStrategy ? "false" : "true");
        LiveTransportOptions.put(args, "linger", LiveTransportOptions.duration(linger));
        LiveTransportOptions.putAll(args, "test-drop", testDrop);
        args.addAll(transport.toArgs());
        return args;
    }
}
