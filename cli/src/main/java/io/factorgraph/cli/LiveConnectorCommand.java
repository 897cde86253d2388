package io.factorgraph.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code fg live connector}: replays a recorded feed per instrument and runs the paper venue of each traded one. */
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
            paramLabel = "[NAME=]PRICE",
            converter = TickSize.class,
            description = "The instrument's price step (its sink's tick_size); NAME=PRICE for the feed NAME "
                    + "(repeatable). Default: 0.1.")
    List<String> tickSizes = new ArrayList<>();

    @Option(
            names = "--venue",
            paramLabel = "NAME",
            description =
                    "Run a paper venue for the feed NAME (a traded instrument; repeatable). Default: every " + "feed.")
    List<String> venues = new ArrayList<>();

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

    /** {@code [NAME=]PRICE}, the price a positive step; checked when the options are parsed, as every option is. */
    static final class TickSize implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            int eq = text.indexOf('=');
            try {
                new OptionTypes.PositiveStep().convert(eq > 0 ? text.substring(eq + 1) : text);
            } catch (TypeConversionException e) {
                throw new TypeConversionException(
                        "'" + text + "': expected a positive step such as 0.001, or " + "NAME=STEP for one feed");
            }
            return text;
        }
    }

    private static double positive(String text) {
        return new OptionTypes.PositiveStep().convert(text);
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        venue.validate();
        return LiveProcesses.run(spec, () -> LiveProcesses.runRole("connector", args()));
    }

    List<String> args() {
        Map<String, List<Path>> feeds = venue.feeds();
        double plainTick = 0.1;
        Map<String, Double> ticks = new LinkedHashMap<>();
        for (String text : tickSizes) {
            int eq = text.indexOf('=');
            String name = eq > 0 ? text.substring(0, eq) : null;
            double tick = positive(eq > 0 ? text.substring(eq + 1) : text);
            if (name == null) {
                plainTick = tick;
            } else if (!feeds.containsKey(name)) {
                throw new UserError("--tick-size " + text + ": no feed " + name + "; the feeds are " + feeds.keySet());
            } else {
                ticks.put(name, tick);
            }
        }
        for (String name : venues) {
            if (!feeds.containsKey(name)) {
                throw new UserError("--venue " + name + ": no such feed; the feeds are " + feeds.keySet());
            }
        }
        List<String> args;
        if (feeds.size() == 1 && feeds.containsKey(LiveVenueOptions.UNNAMED) && venues.isEmpty()) {
            args = new ArrayList<>(venue.toArgs(plainTick));
        } else {
            for (String name : feeds.keySet()) {
                ticks.putIfAbsent(name, plainTick);
            }
            args = new ArrayList<>(venue.toArgs(
                    List.copyOf(feeds.keySet()), ticks, venues.isEmpty() ? feeds.keySet() : Set.copyOf(venues)));
        }
        LiveTransportOptions.put(args, "await", LiveTransportOptions.duration(await));
        LiveTransportOptions.put(args, "await-strategy", noStrategy ? "false" : "true");
        LiveTransportOptions.put(args, "linger", LiveTransportOptions.duration(linger));
        LiveTransportOptions.putAll(args, "test-drop", testDrop);
        args.addAll(transport.toArgs());
        return args;
    }
}
