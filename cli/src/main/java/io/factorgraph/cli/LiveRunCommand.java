package io.factorgraph.cli;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LaunchConfig;
import io.factorgraph.live.launch.Launcher;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.venue.binance.BinanceConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg live run}: driver, strategy, engine and connector, to the end of the data. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run a graph and its sink live on a replayed recorded feed: a media driver, then the strategy, "
                    + "the engine and the connector, each in its own JVM; wait for the connector to finish the data, "
                    + "shut everything down cleanly and print the strategy's summary (the rows of fg backtest's, and "
                    + "more). The processes' logs go to standard error, prefixed with their role.",
            "",
            "Example: fg live run examples/obi_mm.fg --data usdm_btcusdt_20240808.gz --speed 10",
            "On Binance's testnet: fg live run examples/obi_mm.fg --venue binance-testnet --symbol BTCUSDT "
                    + "(keys in BINANCE_API_KEY and BINANCE_API_SECRET; README, Trading on Binance)",
            "Several instruments: fg live run G.fg --data btc=usdm_btcusdt_20240808.gz --data "
                    + "eth=usdm_ethusdt_20240808.gz (one feed per Book input; one venue per sink's book; with "
                    + "several sinks --orders-log orders.csv writes orders.NAME.csv per instrument)"
        })
final class LiveRunCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "Sample every DURATION, overriding the " + "file's `clock every`.")
    Duration interval;

    @Mixin
    LiveVenueOptions venue;

    @Mixin
    LiveBinanceOptions binance;

    @Option(
            names = "--warmup",
            paramLabel = "TICKS",
            description = "Engine warm-up after a (re)start or re-sync. " + "Default: the graph's largest window.")
    Long warmup;

    @Mixin
    LiveSnapshotOptions snapshots;

    @Option(
            names = "--stale-after",
            paramLabel = "DURATION",
            defaultValue = "1s",
            description = "The strategy cancels every quote after this long without a factor update. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration staleAfter;

    @Option(
            names = "--orders-log",
            paramLabel = "FILE.csv",
            description = "The strategy writes every order and " + "cancel it sends here.")
    Path ordersLog;

    @Option(
            names = "--driver",
            paramLabel = "embedded|external|per-process",
            defaultValue = "embedded",
            description = "embedded (default): a media driver in this launcher; external: one already running "
                    + "(fg live driver) at --aeron-dir; per-process: each process its own (with --udp).")
    String driver;

    @Option(
            names = "--jvm-opt",
            paramLabel = "OPTION",
            description = "An extra JVM option for every process, e.g. " + "--jvm-opt=-Xmx512m (repeatable).")
    List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));

    @Mixin
    LiveTransportOptions transport;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (binance.paper()) {
            venue.validate();
        } else {
            if (!venue.data.isEmpty()) {
                throw new UserError("--data: not with --venue " + binance.venue + " (the market comes from the venue)");
            }
            binance.resolve(); // refused here, in one line, before any process starts
        }
        return LiveProcesses.run(spec, this::runHere);
    }

    private int runHere() throws Exception {
        CompileResult result = graph.compile(spec.commandLine().getErr());
        if (result.hasErrors()) {
            return 1;
        }
        CompiledGraph compiled = result.graph().orElseThrow();
        if (compiled.sinks().isEmpty()) {
            throw new UserError(graph.file + ": the graph needs a sink with a tick_size, e.g. "
                    + "`sink stateless_mm(alpha, vol, stop, tick_size = 0.1, ...)`");
        }
        List<String> books = List.copyOf(compiled.books().keySet());
        // each sink's tick_size is its instrument's price step; its book is the one it trades
        Map<String, Double> ticks = new LinkedHashMap<>();
        for (SinkBinding sink : compiled.sinks()) {
            ticks.put(books.get(GraphSpec.tradedBook(sink)), sink.terms().tickSize());
        }
        if (!binance.paper() && ticks.size() != 1) {
            throw new UserError("--venue " + binance.venue + ": one traded instrument, not " + ticks.size());
        }
        List<String> connectorVenue = binance.paper() ? connectorVenue(compiled, ticks) : List.of();
        String mode = driver.toLowerCase(Locale.ROOT);
        if (transport.aeronDir == null && mode.equals("embedded")) {
            transport.aeronDir = "/dev/shm/fg-live-" + ProcessHandle.current().pid();
        }
        if (mode.equals("per-process")) {
            transport.embeddedDriver = true;
        }
        List<String> common = transport.toArgs();
        List<String> graphArgs = graph.toArgs();
        LiveTransportOptions.put(graphArgs, "interval", LiveTransportOptions.duration(interval));

        List<String> engineArgs = new ArrayList<>(graphArgs);
        engineArgs.addAll(common);
        LiveTransportOptions.put(engineArgs, "warmup", warmup);
        LiveTransportOptions.put(engineArgs, "symbol", symbol());
        snapshots.put(engineArgs);

        List<String> strategyArgs = new ArrayList<>(graphArgs);
        strategyArgs.addAll(common);
        LiveTransportOptions.put(strategyArgs, "lot-size", venue.simulator.lotSize);
        venue.instruments(ticks.keySet(), books)
                .lotSize()
                .byBook()
                .forEach((book, lot) -> LiveTransportOptions.put(strategyArgs, "lot-size", book + "=" + lot.step()));
        LiveTransportOptions.put(strategyArgs, "stale-after", LiveTransportOptions.duration(staleAfter));
        LiveTransportOptions.put(strategyArgs, "lockstep", venue.lockstep ? "true" : null);
        LiveTransportOptions.put(strategyArgs, "orders-log", ordersLog == null ? null : ordersLog.toAbsolutePath());

        List<String> connectorArgs = new ArrayList<>(connectorVenue);
        connectorArgs.addAll(common);
        List<String> venueConnectorArgs = null;
        if (!binance.paper()) {
            double tick = ticks.values().iterator().next();
            TransportConfig transportConfig = TransportConfig.fromArgs(LiveArgs.parse(common));
            BinanceConnector.Config binanceConfig = new BinanceConnector.Config(
                    binance.resolve(),
                    tick,
                    venue.simulator.lotSize,
                    binance.maxPosition,
                    binance.maxOrderRate,
                    binance.record == null ? null : binance.record.toAbsolutePath(),
                    transportConfig,
                    Duration.ofSeconds(30).toNanos(),
                    true);
            venueConnectorArgs = new ArrayList<>(binanceConfig.toArgs());
            // a path, never the secret: the connector reads the file (or its environment) itself
            LiveTransportOptions.put(
                    venueConnectorArgs,
                    "credentials",
                    binance.credentials == null ? null : binance.credentials.toAbsolutePath());
            // the launcher takes the transport from a connector config; the replaying connector is not started
            connectorArgs = new ArrayList<>(
                    List.of("--data", "binance:" + binanceConfig.venue().symbol()));
            LiveTransportOptions.put(connectorArgs, "tick-size", tick);
            connectorArgs.addAll(common);
        }
        LaunchConfig config;
        try {
            config = new LaunchConfig(
                    ConnectorConfig.fromArgs(LiveArgs.parse(connectorArgs)),
                    EngineConfig.fromArgs(LiveArgs.parse(engineArgs)),
                    StrategyConfig.fromArgs(LiveArgs.parse(strategyArgs)),
                    mode,
                    transport.idle,
                    jvmOptions);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try {
            Launcher launcher = new Launcher(config, System.out, System.err);
            if (venueConnectorArgs != null) {
                launcher.connector(BinanceConnector.ROLE, venueConnectorArgs);
            }
            return launcher.run();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * The connector's feeds for the graph's books, bound as {@code fg run} binds them ({@link DataOptions#bind}): a
     * plain {@code --data FILE} feeds a graph's only book; with several books each is bound by name ({@code --data
     * NAME=FILE}), in the order of their {@code input} declarations; every mistake is one line before any process
     * starts.
     */
    private List<String> connectorVenue(CompiledGraph compiled, Map<String, Double> ticks) {
        // fg run's binding of --data to the graph's books, with its checks (one line each, before any data is read)
        DataOptions data = new DataOptions();
        data.data = venue.data;
        data.onGap = venue.onGap;
        DataBindings bindings = data.bind(compiled);
        Map<String, List<Path>> feeds = venue.feeds();
        if (feeds.size() == 1 && feeds.containsKey(LiveVenueOptions.UNNAMED)) {
            return venue.toArgs(ticks.values().iterator().next());
        }
        Map<String, Double> tickSizes = new LinkedHashMap<>();
        for (String book : bindings.names()) {
            // a book no sink trades has no venue: its price step is not used
            tickSizes.put(book, ticks.getOrDefault(book, 0.01));
        }
        return venue.toArgs(bindings.names(), tickSizes, ticks.keySet());
    }

    /**
     * The first data file's name up to its date: usdm_btcusdt_20240808.gz gives usdm_btcusdt; with several feeds,
     * each one's, joined by commas in the books' order.
     */
    private String symbol() {
        if (!binance.paper()) {
            return "binance_" + binance.symbol.toLowerCase(Locale.ROOT);
        }
        List<String> symbols = new ArrayList<>();
        for (List<Path> files : venue.feeds().values()) {
            String name = String.valueOf(files.get(0).getFileName());
            int dot = name.indexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            symbols.add(stem.replaceFirst("_\\d{8}$", ""));
        }
        return String.join(",", symbols);
    }
}
