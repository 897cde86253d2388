package io.factorgraph.cli;

import io.factorgraph.backtest.settings.GapSetting;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The recorded feed the connector replays and its paper venue, the backtest's simulator with its options. */
final class LiveVenueOptions {
    @Option(
            names = "--data",
            paramLabel = "FILE",
            required = true,
            description = "Recorded feed: hftbacktest's Binance files (.gz) or .npz event files; repeat for files "
                    + "that continue one stream.")
    List<Path> data = new ArrayList<>();

    @Option(
            names = "--speed",
            paramLabel = "N|max",
            defaultValue = "1",
            description = "Replay speed against the wall clock: 1 as recorded, 10 ten times faster, max as fast as "
                    + "the engine takes it. Default: ${DEFAULT-VALUE}.")
    ReplaySpeed speed;

    @Option(
            names = "--on-gap",
            paramLabel = "fail|resync",
            defaultValue = "fail",
            description = "A sequence gap in the recorded feed. Default: ${DEFAULT-VALUE}.")
    GapPolicy onGap;

    @Option(
            names = "--lockstep",
            description = "The venue's clock follows the strategy's ticks (with --lockstep on "
                    + "the strategy): orders take effect at their tick's time, as in a backtest.")
    boolean lockstep;

    @Mixin
    SimulatorOptions simulator;

    /** Checks what can be checked before a process starts: the data files exist, a latency file reads. */
    void validate() {
        for (Path file : data) {
            if (!Files.isRegularFile(file)) {
                throw new UserError("--data " + file + ": no such file");
            }
        }
        try {
            simulator.latency.model();
        } catch (MarketDataException e) {
            throw new UserError("--latency " + e.getMessage());
        }
    }

    /** The connector's options, each in its canonical form (the data by absolute path). */
    List<String> toArgs(double tickSize) {
        List<String> args = new ArrayList<>();
        LiveTransportOptions.putAll(
                args,
                "data",
                data.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        LiveTransportOptions.put(args, "speed", speed.canonical());
        LiveTransportOptions.put(args, "on-gap", GapSetting.canonical(onGap));
        LiveTransportOptions.put(args, "lockstep", lockstep ? "true" : null);
        LiveTransportOptions.put(args, "tick-size", tickSize);
        LiveTransportOptions.put(args, "lot-size", simulator.lotSize);
        LiveTransportOptions.put(args, "fees", simulator.fees.canonical());
        LiveTransportOptions.put(args, "latency", simulator.latency.canonical());
        LiveTransportOptions.put(args, "queue", simulator.queue.canonical());
        LiveTransportOptions.put(args, "fill", simulator.fill.label());
        return args;
    }
}
