package io.factorgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg live strategy}: the graph's sink on live factor updates. */
@Command(
        name = "strategy",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The strategy: runs the graph's sink (e.g. stateless_mm, the same object a backtest runs) on "
                    + "the engine's factor updates, keeps position and working orders from execution reports, and "
                    + "sends orders. Cancels everything when factors are stale, a peer is silent, updates were lost "
                    + "or the engine is not warm; on SIGTERM cancels everything and waits for the venue's ack. Prints "
                    + "a summary at the end. Give it the same graph file and params as the engine: it checks."
        })
final class LiveStrategyCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Option(names = "--interval", paramLabel = "DURATION", description = "As given to the engine.")
    Duration interval;

    @Option(
            names = "--lot-size",
            paramLabel = "QTY",
            defaultValue = "0.001",
            converter = OptionTypes.PositiveStep.class,
            description = "The instrument's quantity step (the venue's). Default: ${DEFAULT-VALUE}.")
    double lotSize;

    @Option(
            names = "--stale-after",
            paramLabel = "DURATION",
            defaultValue = "1s",
            description = "Cancel every quote after this long without a factor update. Default: ${DEFAULT-VALUE}.")
    Duration staleAfter;

    @Option(
            names = "--lockstep",
            description =
                    "Move the venue's clock to each tick before deciding (paper venue " + "only; for backtest parity).")
    boolean lockstep;

    @Option(names = "--orders-log", paramLabel = "FILE.csv", description = "Write every order and cancel sent.")
    Path ordersLog;

    @Option(names = "--summary-file", paramLabel = "FILE", description = "Also write the summary here.")
    Path summaryFile;

    @Option(
            names = "--test-drop",
            hidden = true,
            paramLabel = "SEQ,...",
            description = "Test hook: order stream " + "messages not to send.")
    List<String> testDrop = new ArrayList<>();

    @Mixin
    LiveTransportOptions transport;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return LiveProcesses.run(spec, () -> LiveProcesses.runRole("strategy", args()));
    }

    List<String> args() {
        List<String> args = new ArrayList<>();
        args.addAll(graph.toArgs());
        LiveTransportOptions.put(args, "interval", LiveTransportOptions.duration(interval));
        LiveTransportOptions.put(args, "lot-size", lotSize);
        LiveTransportOptions.put(args, "stale-after", LiveTransportOptions.duration(staleAfter));
        LiveTransportOptions.put(args, "lockstep", lockstep ? "true" : null);
        LiveTransportOptions.put(args, "orders-log", ordersLog);
        LiveTransportOptions.put(args, "summary-file", summaryFile);
        LiveTransportOptions.putAll(args, "test-drop", testDrop);
        args.addAll(transport.toArgs());
        return args;
    }
}
