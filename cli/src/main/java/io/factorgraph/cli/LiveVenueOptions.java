package io.factorgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The recorded feed the connector replays and its paper venue, the backtest's simulator. */
final class LiveVenueOptions {
    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "Recorded feed: hftbacktest's Binance files (.gz) or .npz event files; repeat for files "
                    + "that continue one stream.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--speed", paramLabel = "N|max", defaultValue = "1",
            description = "Replay speed against the wall clock: 1 as recorded, 10 ten times faster, max as fast as "
                    + "the engine takes it. Default: ${DEFAULT-VALUE}.")
    String speed;

    @Option(names = "--on-gap", paramLabel = "fail|resync", defaultValue = "fail",
            description = "A sequence gap in the recorded feed. Default: ${DEFAULT-VALUE}.")
    String onGap;

    @Option(names = "--lockstep", description = "The venue's clock follows the strategy's ticks (with --lockstep on "
            + "the strategy): orders take effect at their tick's time, as in a backtest.")
    boolean lockstep;

    @Option(names = "--lot-size", paramLabel = "QTY", defaultValue = "0.001",
            description = "The instrument's quantity step. Default: ${DEFAULT-VALUE} (USD-M BTCUSDT).")
    String lotSize;

    @Option(names = "--fees", paramLabel = "MAKER,TAKER", defaultValue = "0.0002,0.0005",
            description = "Fees as fractions of traded value. Default: ${DEFAULT-VALUE}.")
    String fees;

    @Option(names = "--latency", paramLabel = "DURATION|FILE", defaultValue = "0ms",
            description = "Added order latency each way, or a latency file. Default: ${DEFAULT-VALUE}.")
    String latency;

    @Option(names = "--queue", paramLabel = "MODEL", defaultValue = "risk-averse",
            description = "Queue position model (as fg backtest). Default: ${DEFAULT-VALUE}.")
    String queue;

    @Option(names = "--fill", paramLabel = "no-partial|partial", defaultValue = "no-partial",
            description = "Fill model. Default: ${DEFAULT-VALUE}.")
    String fill;

    List<String> toArgs(double tickSize) {
        List<String> args = new ArrayList<>();
        LiveTransportOptions.putAll(args, "data", data);
        LiveTransportOptions.put(args, "speed", speed);
        LiveTransportOptions.put(args, "on-gap", onGap);
        LiveTransportOptions.put(args, "lockstep", lockstep ? "true" : null);
        LiveTransportOptions.put(args, "tick-size", tickSize);
        LiveTransportOptions.put(args, "lot-size", lotSize);
        LiveTransportOptions.put(args, "fees", fees);
        LiveTransportOptions.put(args, "latency", latency);
        LiveTransportOptions.put(args, "queue", queue);
        LiveTransportOptions.put(args, "fill", fill);
        return args;
    }
}
