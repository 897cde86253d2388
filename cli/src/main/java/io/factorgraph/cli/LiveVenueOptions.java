package io.factorgraph.cli;

import io.factorgraph.backtest.settings.GapSetting;
import io.factorgraph.backtest.settings.InstrumentSettings;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The recorded feeds the connector replays, one per instrument ({@code --data NAME=FILE}; a plain {@code --data FILE}
 * for a graph of one book), and their paper venues, the backtest's simulator with its options.
 */
final class LiveVenueOptions {
    /** The name of the feed of plain {@code --data FILE}s: a graph's only book, whatever its name. */
    static final String UNNAMED = ConnectorConfig.ONE_FEED;

    @Option(
            names = "--data",
            paramLabel = "[NAME=]FILE",
            description = {
                "Recorded feed: hftbacktest's Binance files (.gz) or .npz event files; repeat for files that continue "
                        + "one stream.",
                "NAME=FILE binds a file to the graph's `input NAME: Book`, one feed per instrument (docs/DESIGN.md "
                        + "§11); a plain FILE binds a graph's only book."
            })
    List<String> data = new ArrayList<>();

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
        if (data.isEmpty()) {
            throw new UserError("Missing required option: '--data=[NAME=]FILE'");
        }
        for (List<Path> files : feeds().values()) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new UserError("--data " + file + ": no such file");
                }
            }
        }
        try {
            simulator.latency.model();
        } catch (MarketDataException e) {
            throw new UserError("--latency " + e.getMessage());
        }
    }

    /**
     * The feeds by name, in the order first given: {@code NAME=FILE} binds to NAME; plain files form the one feed
     * named {@value #UNNAMED}. Naming some feeds and not others is an error.
     */
    Map<String, List<Path>> feeds() {
        Map<String, List<Path>> feeds = new LinkedHashMap<>();
        for (String text : data) {
            DataOptions.Binding binding = DataOptions.Binding.parse(text);
            String name = binding.name() == null ? UNNAMED : binding.name();
            feeds.computeIfAbsent(name, k -> new ArrayList<>()).add(binding.file());
        }
        if (feeds.size() > 1 && feeds.containsKey(UNNAMED)) {
            throw new UserError("--data " + feeds.get(UNNAMED).get(0) + ": say which book it feeds, NAME=FILE, as the "
                    + "other --data do (" + String.join(", ", named(feeds)) + ")");
        }
        return feeds;
    }

    private static List<String> named(Map<String, List<Path>> feeds) {
        return feeds.keySet().stream().filter(n -> !n.equals(UNNAMED)).toList();
    }

    /** The first file of the first feed, e.g. for a symbol. */
    Path firstFile() {
        return feeds().values().iterator().next().get(0);
    }

    /** The connector's options for a feed of plain files, each in its canonical form (the data by absolute path). */
    List<String> toArgs(double tickSize) {
        Map<String, List<Path>> feeds = feeds();
        if (feeds.size() == 1 && feeds.containsKey(UNNAMED)) {
            List<String> args = new ArrayList<>();
            LiveTransportOptions.putAll(args, "data", absolute(feeds.get(UNNAMED)));
            LiveTransportOptions.put(args, "tick-size", tickSize);
            common(args);
            return args;
        }
        Map<String, Double> ticks = new LinkedHashMap<>();
        feeds.keySet().forEach(name -> ticks.put(name, tickSize));
        return toArgs(List.copyOf(feeds.keySet()), ticks, ticks.keySet());
    }

    /**
     * The connector's options for named feeds, in the order of {@code names} (the graph's {@code Book} inputs): each
     * feed's files and tick size, a venue for each of {@code traded}, and the venue settings every instrument shares.
     */
    List<String> toArgs(List<String> names, Map<String, Double> tickSizes, java.util.Set<String> traded) {
        Map<String, List<Path>> feeds = feeds();
        List<String> args = new ArrayList<>();
        LiveTransportOptions.putAll(args, "feed", names);
        for (String name : names) {
            LiveTransportOptions.putAll(
                    args,
                    "data",
                    absolute(feeds.get(name)).stream().map(p -> name + "=" + p).toList());
            LiveTransportOptions.put(args, "tick-size", name + "=" + tickSizes.get(name));
        }
        for (String name : names) {
            if (traded.contains(name)) {
                LiveTransportOptions.put(args, "venue", name);
            }
        }
        common(args);
        InstrumentSettings instruments = instruments(traded, names);
        instruments
                .lotSize()
                .byBook()
                .forEach((book, lot) -> LiveTransportOptions.put(args, "lot-size", book + "=" + lot.step()));
        instruments
                .fees()
                .byBook()
                .forEach((book, fees) -> LiveTransportOptions.put(args, "fees", book + "=" + fees.canonical()));
        instruments
                .latency()
                .byBook()
                .forEach(
                        (book, latency) -> LiveTransportOptions.put(args, "latency", book + "=" + latency.canonical()));
        return args;
    }

    /**
     * The venue settings of each traded book ({@code --fees eth=0,0.0004} and the like), checked against the graph's
     * books: a book that is not a {@code Book} input, or that no sink trades, is one line before any process starts.
     */
    InstrumentSettings instruments(Collection<String> traded, Collection<String> declared) {
        try {
            return simulator.instruments().check(traded, declared);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private void common(List<String> args) {
        LiveTransportOptions.put(args, "speed", speed.canonical());
        LiveTransportOptions.put(args, "on-gap", GapSetting.canonical(onGap));
        LiveTransportOptions.put(args, "lockstep", lockstep ? "true" : null);
        LiveTransportOptions.put(args, "lot-size", simulator.lotSize);
        LiveTransportOptions.put(args, "fees", simulator.fees.canonical());
        LiveTransportOptions.put(args, "latency", simulator.latency.canonical());
        LiveTransportOptions.put(args, "queue", simulator.queue.canonical());
        LiveTransportOptions.put(args, "fill", simulator.fill.label());
    }

    private static List<Path> absolute(List<Path> files) {
        return files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
