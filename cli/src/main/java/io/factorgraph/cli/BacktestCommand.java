package io.factorgraph.cli;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.backtest.report.BacktestReport;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.synthetic.Instrument;
import io.factorgraph.backtest.synthetic.SyntheticMarket;
import io.factorgraph.live.launch.Durations;
import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
            "Without --data, runs on a built-in seeded synthetic market (see --seed, --duration)."
        })
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Mixin
    DataOptions data;

    @Mixin
    SimulatorOptions simulator;

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
        long interval = data.intervalNanos(compiled);
        SimulatorConfig config = simulatorConfig(compiled);
        Backtest backtest = new Backtest(compiled, config, interval);
        RunMetadata.Builder metadata = RunMetadata.builder()
                .graphFile(graph.file.toString())
                .latency(simulator.latency.canonical())
                .queueModel(simulator.queue.canonical())
                .fees(config.makerFee(), config.takerFee());
        data.data.forEach(f -> metadata.dataFile(f.toString()));
        compiled.plan().params().forEach((k, v) -> metadata.param(k, v.toString()));
        ClockShift.Opener source;
        if (data.data.isEmpty()) {
            SyntheticMarket.Config market = syntheticMarket(config);
            spec.commandLine().getErr().println("fg backtest: no --data: a synthetic market, " + market.summary());
            metadata.dataFile("synthetic: " + market.summary()).seed(seed);
            source = () -> new SyntheticMarket(market);
        } else {
            source = data::open;
        }
        Progress progress = new Progress(spec.commandLine().getErr());
        BacktestResult outcome;
        try {
            outcome = backtest.run(source, metadata, progress);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        progress.done();
        PerformanceSummary summary = outcome.summary();
        summary = PerformanceSummary.of(
                outcome.recording(),
                summary.capitalBase(),
                Duration.ofNanos(summary.sharpeIntervalNs()),
                resampleInterval);
        SummaryTable.print(spec.commandLine().getOut(), outcome, summary);
        if (report != null) {
            BacktestReport.ReportFiles files = BacktestReport.write(report, outcome.recording(), summary);
            spec.commandLine().getOut().println("report: " + files.reportHtml());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** {@code --resample}: a positive duration literal, as in the graph language. */
    private Duration resampleInterval() {
        var nanos = io.factorgraph.dsl.parse.Literals.duration(resample);
        if (nanos.isEmpty() || nanos.getAsLong() <= 0) {
            throw new UserError("--resample '" + resample + "': expected a positive duration such as 10s, 1m or 24h "
                    + "(units ns, us, ms, s, m, h)");
        }
        return Duration.ofNanos(nanos.getAsLong());
    }

    private SimulatorConfig simulatorConfig(CompiledGraph compiled) {
        double tick = compiled.sink()
                .map(s -> s.terms().tickSize())
                .orElseThrow(() -> new UserError(
                        graph.file + ": the sink has no tick_size; a backtest needs the " + "instrument's tick size"));
        try {
            return simulator.settings().config(tick, simulator.lotSize);
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
