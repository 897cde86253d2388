package io.factorgraph.cli;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.exchange.InterpolatedLatency;
import io.factorgraph.backtest.exchange.LatencyModel;
import io.factorgraph.backtest.exchange.QueueModel;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.report.BacktestReport;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.synthetic.SyntheticMarket;
import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg backtest}: the graph and its sink against the exchange simulator. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtest a graph's sink (e.g. stateless_mm) on recorded data against an exchange simulator",
            "with order latency, queue position, fees and exact accounting; print a summary.",
            "Without --data, runs on a built-in seeded synthetic market (see --seed, --duration)."})
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Mixin
    DataOptions data;

    @Option(names = "--latency", paramLabel = "DURATION|FILE", defaultValue = "0ms",
            description = "Order entry and response latency: a duration each way (e.g. 5ms), ENTRY/RESPONSE "
                    + "(e.g. 250us/1.5ms), or a latency file (CSV req_ts,exch_ts,resp_ts in ns) to interpolate. "
                    + "Default: ${DEFAULT-VALUE}.")
    String latency;

    @Option(names = "--queue", paramLabel = "MODEL", defaultValue = "risk-averse",
            description = "Queue position model: risk-averse, power:N, power2:N, power3:N, log, log2. "
                    + "Default: ${DEFAULT-VALUE}.")
    String queue;

    @Option(names = "--fees", paramLabel = "MAKER,TAKER", defaultValue = "0.0002,0.0005",
            description = "Fees as fractions of traded value (negative = rebate). Default: ${DEFAULT-VALUE} "
                    + "(Binance USD-M VIP 0).")
    String fees;

    @Option(names = "--fill", paramLabel = "no-partial|partial", defaultValue = "no-partial",
            description = "Whether a trade at an order's price can fill part of it. Default: ${DEFAULT-VALUE}.")
    String fill;

    @Option(names = "--lot-size", paramLabel = "QTY", defaultValue = "0.001",
            description = "The instrument's quantity step. Default: ${DEFAULT-VALUE} (USD-M BTCUSDT).")
    double lotSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Without --data: the synthetic market's seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10m",
            description = "Without --data: how much synthetic market time to simulate. Default: ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--report", paramLabel = "DIR",
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
                .latency(latency)
                .queueModel(queue)
                .fees(config.makerFee(), config.takerFee());
        data.data.forEach(f -> metadata.dataFile(f.toString()));
        compiled.plan().params().forEach((k, v) -> metadata.param(k, v.toString()));
        EventSource source;
        if (data.data.isEmpty()) {
            SyntheticMarket.Config market = syntheticMarket(config);
            spec.commandLine().getErr().println("fg backtest: no --data: a synthetic market, " + market.summary());
            metadata.dataFile("synthetic: " + market.summary()).seed(seed);
            source = new SyntheticMarket(market);
        } else {
            source = data.open();
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
        SummaryTable.print(spec.commandLine().getOut(), outcome);
        if (report != null) {
            BacktestReport.ReportFiles files = BacktestReport.write(report, outcome.recording(), outcome.summary());
            spec.commandLine().getOut().println("report: " + files.reportHtml());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private SimulatorConfig simulatorConfig(CompiledGraph compiled) {
        double tick = compiled.sink()
                .map(s -> s.terms().tickSize())
                .orElseThrow(() -> new UserError(graph.file + ": the sink has no tick_size; a backtest needs the "
                        + "instrument's tick size"));
        if (!(lotSize > 0) || Double.isInfinite(lotSize)) {
            throw new UserError("--lot-size " + lotSize + ": expected a positive quantity such as 0.001");
        }
        try {
            return SimulatorConfig.of(tick, lotSize)
                    .withFees(fee(0), fee(1))
                    .withLatency(latencyModel())
                    .withQueueModel(QueueModel.parse(queue))
                    .withFillMode(fillMode());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The built-in market, on the instrument grid the strategy quotes on. */
    private SyntheticMarket.Config syntheticMarket(SimulatorConfig config) {
        var nanos = io.factorgraph.dsl.parse.Literals.duration(duration);
        if (nanos.isEmpty() || nanos.getAsLong() <= 0) {
            throw new UserError("--duration '" + duration + "': expected a positive duration such as 10m or 90s");
        }
        SyntheticMarket.Config defaults = SyntheticMarket.Config.defaults();
        if (config.tickSize() != defaults.tickSize() || config.lotSize() != defaults.lotSize()) {
            throw new UserError("the synthetic market trades on tick " + defaults.tickSize() + " and lot "
                    + defaults.lotSize() + " (like USD-M BTCUSDT), but the strategy quotes on tick " + config.tickSize()
                    + " and lot " + config.lotSize() + "; give recorded data with --data for other instruments");
        }
        try {
            return defaults.withSeed(seed).withDuration(java.time.Duration.ofNanos(nanos.getAsLong()));
        } catch (IllegalArgumentException e) {
            throw new UserError("--duration '" + duration + "': " + e.getMessage());
        }
    }

    private double fee(int index) {
        String[] parts = fees.split(",", -1);
        if (parts.length != 2) {
            throw new UserError("--fees '" + fees + "': expected MAKER,TAKER as fractions of traded value, e.g. "
                    + "0.0002,0.0005 (or -0.0001,0.0004 with a maker rebate)");
        }
        try {
            double value = Double.parseDouble(parts[index].strip());
            if (!Double.isFinite(value) || Math.abs(value) >= 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UserError("--fees '" + fees + "': '" + parts[index].strip() + "' is not a fee fraction; expected "
                    + "MAKER,TAKER such as 0.0002,0.0005");
        }
    }

    private LatencyModel latencyModel() {
        Path file = Path.of(latency);
        if (java.nio.file.Files.isRegularFile(file)) {
            try {
                return InterpolatedLatency.load(file);
            } catch (MarketDataException e) {
                throw new UserError(e.getMessage());
            }
        }
        try {
            return LatencyModel.parse(latency);
        } catch (IllegalArgumentException e) {
            throw new UserError("--" + e.getMessage() + "; or a latency file (no such file)");
        }
    }

    private FillMode fillMode() {
        try {
            return FillMode.parse(fill);
        } catch (IllegalArgumentException e) {
            throw new UserError("--fill: " + e.getMessage());
        }
    }
}
