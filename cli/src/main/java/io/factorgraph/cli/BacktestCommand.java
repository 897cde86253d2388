package io.factorgraph.cli;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.PortfolioResult;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.backtest.report.BacktestReport;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.PortfolioReport;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.settings.InstrumentSettings;
import io.factorgraph.backtest.synthetic.Instrument;
import io.factorgraph.backtest.synthetic.SyntheticMarket;
import io.factorgraph.live.launch.Durations;
import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg backtest}: the graph and its sink against the exchange simulator. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Backtest a graph's sink (e.g. stateless_mm) on recorded data against an exchange simulator",
            "with order latency, queue position, fees and exact accounting; print a summary.",
            "Without --data, runs on a built-in seeded synthetic market (see --seed, --duration).",
            "--save-state/--restore-state chain days: the graph's state travels (windows, books, clock phase, "
                    + "feeds' sync state); the simulator does not: every run starts flat, with no working orders, "
                    + "no position and no cash, as a new trading day."
        })
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Mixin
    DataOptions data;

    @Mixin
    SimulatorOptions simulator;

    @Mixin
    StateOptions state;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Without --data: the synthetic market's seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "10m",
            description = "Without --data: how much synthetic market time to simulate. Default: ${DEFAULT-VALUE}.")
    java.time.Duration duration;

    @Option(
            names = "--resample",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "The interval hftbacktest's figures (SR, Sortino, Return, MaxDrawdown, daily trades and "
                    + "turnover, ...) resample equity to, as its stats().resample(...) does. Default: "
                    + "${DEFAULT-VALUE} (hftbacktest's).")
    String resample;

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Write report.html (charts), summary.json, timeseries.csv and fills.csv here.")
    Path report;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CompileResult result = graph.compile(spec.commandLine().getErr());
        if (result.hasErrors()) {
            return 1;
        }
        CompiledGraph compiled = result.graph().orElseThrow();
        Duration resampleInterval = resampleInterval();
        try {
            Backtest.requireRunnable(compiled);
        } catch (IllegalArgumentException e) {
            throw new UserError(graph.file + ": " + e.getMessage());
        }
        List<String> traded = Backtest.tradedBooks(compiled);
        InstrumentSettings settings;
        try {
            settings = simulator.instruments().check(traded, compiled.books().keySet());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        long interval = data.intervalNanos(compiled);
        Optional<ReplaySnapshot> snapshot = state.restore(compiled, interval);
        Feeds feeds = feeds(compiled, snapshot);
        List<SimulatorConfig> configs = new ArrayList<>(traded.size());
        List<RunMetadata.Builder> metadata = new ArrayList<>(traded.size());
        for (int i = 0; i < traded.size(); i++) {
            String book = traded.get(i);
            SimulatorConfig config = simulatorConfig(compiled.sinks().get(i), settings, book);
            configs.add(config);
            RunMetadata.Builder run = RunMetadata.builder()
                    .graphFile(graph.file.toString())
                    .latency(settings.latency().of(book).canonical())
                    .queueModel(settings.queue().canonical())
                    .fees(config.makerFee(), config.takerFee());
            feeds.files(compiled.book(book).index()).forEach(run::dataFile);
            compiled.plan().params().forEach((k, v) -> run.param(k, v.toString()));
            metadata.add(run);
        }
        Backtest backtest = new Backtest(compiled, configs, interval);
        snapshot.ifPresent(backtest::restoreState);
        if (state.saving()) {
            backtest.keepState();
        }
        List<ClockShift.Opener> inputs = feeds.openers();
        if (feeds.synthetic()) {
            SyntheticMarket.Config market = syntheticMarket(configs.get(0));
            spec.commandLine().getErr().println("fg backtest: no --data: a synthetic market, " + market.summary());
            metadata.get(0).dataFile("synthetic: " + market.summary()).seed(seed);
            inputs = List.of(() -> new SyntheticMarket(market));
        }
        Progress progress = new Progress(spec.commandLine().getErr());
        PortfolioResult outcome;
        try {
            outcome = backtest.run(inputs, metadata, progress);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        progress.done();
        if (state.saving()) {
            state.save(backtest.savedState());
        }
        List<PortfolioReport.Instrument> instruments = new ArrayList<>();
        for (var entry : outcome.instruments().entrySet()) {
            BacktestResult r = entry.getValue();
            PerformanceSummary summary = PerformanceSummary.of(
                    r.recording(),
                    r.summary().capitalBase(),
                    Duration.ofNanos(r.summary().sharpeIntervalNs()),
                    resampleInterval);
            instruments.add(new PortfolioReport.Instrument(entry.getKey(), r.recording(), summary));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (outcome.single()) {
            PortfolioReport.Instrument only = instruments.get(0);
            SummaryTable.print(out, outcome.instruments().get(only.name()), only.summary());
            if (report != null) {
                BacktestReport.ReportFiles files = BacktestReport.write(report, only.recording(), only.summary());
                out.println("report: " + files.reportHtml());
            }
        } else {
            SummaryTable.printPortfolio(out, outcome, instruments);
            if (report != null) {
                PortfolioReport.PortfolioFiles files = PortfolioReport.write(report, instruments, outcome.total());
                out.println("report: " + files.reportHtml());
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The feeds of the graph's books, in the order of its {@code Book} inputs: what to open and the file names for
     * the run's metadata; none (a synthetic market) without {@code --data}.
     */
    private record Feeds(List<List<String>> files, List<ClockShift.Opener> openers, boolean synthetic) {
        List<String> files(int book) {
            return synthetic ? List.of() : files.get(book);
        }
    }

    private Feeds feeds(CompiledGraph compiled, Optional<ReplaySnapshot> snapshot) {
        if (data.data.isEmpty()) {
            if (state.saving() || snapshot.isPresent()) {
                throw new UserError("--save-state/--restore-state continue recorded feeds; give them with --data");
            }
            if (compiled.books().size() != 1) {
                throw new UserError("the built-in synthetic market is one instrument, but the graph reads "
                        + compiled.books().size() + " books ("
                        + String.join(", ", compiled.books().keySet())
                        + "); give each its recorded data with --data NAME=FILE");
            }
            return new Feeds(List.of(), List.of(), true);
        }
        DataBindings bindings = data.bind(compiled);
        List<List<String>> files = new ArrayList<>(bindings.size());
        List<ClockShift.Opener> openers = new ArrayList<>(bindings.size());
        for (int i = 0; i < bindings.size(); i++) {
            int book = i;
            files.add(bindings.files(i).stream().map(Path::toString).toList());
            openers.add(() -> bindings.open(book, snapshot));
        }
        return new Feeds(files, openers, false);
    }

    /** {@code --resample}: a positive duration literal, as in the graph language. */
    private Duration resampleInterval() {
        return resampleInterval(resample);
    }

    /** {@code --resample TEXT} as a duration, shared with {@code fg sweep}. */
    static Duration resampleInterval(String resample) {
        var nanos = io.factorgraph.dsl.parse.Literals.duration(resample);
        if (nanos.isEmpty() || nanos.getAsLong() <= 0) {
            throw new UserError("--resample '" + resample + "': expected a positive duration such as 10s, 1m or 24h "
                    + "(units ns, us, ms, s, m, h)");
        }
        return Duration.ofNanos(nanos.getAsLong());
    }

    /** The simulator of the sink trading {@code book}, on the grid the sink quotes on. */
    private SimulatorConfig simulatorConfig(SinkBinding sink, InstrumentSettings settings, String book) {
        return simulatorConfig(graph.file, sink, settings, book);
    }

    /** The simulator of the sink trading {@code book} in {@code file}, shared with {@code fg sweep}. */
    static SimulatorConfig simulatorConfig(Path file, SinkBinding sink, InstrumentSettings settings, String book) {
        double tick = sink.terms().tickSize();
        if (!(tick > 0)) {
            throw new UserError(file + ": the sink trading " + book
                    + " has no tick_size; a backtest needs the instrument's tick size");
        }
        try {
            return settings.config(book, tick);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The built-in market, on the instrument grid the strategy quotes on. */
    private SyntheticMarket.Config syntheticMarket(SimulatorConfig config) {
        SyntheticMarket.Config defaults = SyntheticMarket.Config.defaults();
        Instrument instrument = defaults.instrument();
        if (config.tickSize() != instrument.tickSize() || config.lotSize() != instrument.lotSize()) {
            throw new UserError("the synthetic market trades on tick " + instrument.tickSize() + " and lot "
                    + instrument.lotSize() + " (like USD-M BTCUSDT), but the strategy quotes on tick "
                    + config.tickSize()
                    + " and lot " + config.lotSize() + "; give recorded data with --data for other instruments");
        }
        try {
            return defaults.withSeed(seed).withDuration(duration);
        } catch (IllegalArgumentException e) {
            throw new UserError("--duration '" + Durations.format(duration.toNanos()) + "': " + e.getMessage());
        }
    }
}
