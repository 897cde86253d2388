package io.factorgraph.cli;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.settings.InstrumentSettings;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.Figures;
import io.factorgraph.sweep.Grid;
import io.factorgraph.sweep.GridAxis;
import io.factorgraph.sweep.GridPoint;
import io.factorgraph.sweep.ResultsCsv;
import io.factorgraph.sweep.ResultsParquet;
import io.factorgraph.sweep.SweepRow;
import io.factorgraph.sweep.SweepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fg sweep}: the graph over a grid of params and simulator settings, fused, ranked (docs/DESIGN.md §12). */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Backtest a graph over a grid of param values and simulator settings: all points in one fused program",
            "per thread over one read of the data, each point with its own sink, simulator and account; print the",
            "points ranked. Every point's summary equals `fg backtest` with the same --param values, to the bit."
        })
final class SweepCommand implements Callable<Integer> {
    @Mixin
    GraphOptions graph;

    @Mixin
    DataOptions data;

    @Mixin
    SimulatorOptions simulator;

    @Option(
            names = "--grid",
            paramLabel = "NAME=VALUES",
            required = true,
            description = {
                "An axis of the grid (repeatable; the points are every combination): NAME=v1,v2,... or "
                        + "NAME=lo:hi:step (decimal-exact, e.g. half_spread=0.00001:0.00004:0.00001).",
                "NAME is a param of the file or a simulator option: latency, queue, fees (values separated by ';'), "
                        + "lot-size, fill, exchange-clock."
            })
    List<String> grids = new ArrayList<>();

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads, each running a chunk of the points as one fused program over its own read of "
                    + "the data. Default: the machine's cores.")
    Integer threads;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write every row (point, span, the grid's values, every summary figure, failure): "
                    + "results.csv or results.parquet; with --spark, a Parquet table written by Spark (a new "
                    + "directory, any Hadoop URI).")
    Path out;

    @Option(
            names = "--rank",
            paramLabel = "METRIC",
            defaultValue = "pnl",
            description = "The summary figure the points are ranked by (pnl, sharpe, return, max_drawdown, ...). "
                    + "Default: ${DEFAULT-VALUE}: the Sharpe ratio of a short span is noisy.")
    String rank;

    @Option(names = "--force", description = "Run a grid of more than " + Grid.DEFAULT_LIMIT + " points.")
    boolean force;

    @Option(
            names = "--resample",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "As fg backtest's: the interval hftbacktest's figures resample equity to. Default: "
                    + "${DEFAULT-VALUE}.")
    String resample;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many ranked points to print. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(
            names = "--spark",
            paramLabel = "MASTER",
            description = {
                "Run the sweep as an Apache Spark job on MASTER (local[2], local[*], spark://HOST:7077, yarn, ...): "
                        + "tasks of (data span, chunk of points), each a fused program, or with --days (the days, "
                        + "chunk of points); the rows come back to be ranked and reported as here, and are one "
                        + "Parquet table at --out if given. Data may be any Hadoop URI every executor can read.",
                "Needs the spark module, which bin/fg adds when --spark is given; see README \"Sweeps on a cluster\"."
            })
    String spark;

    @Option(
            names = "--days",
            description = "Each --data file of a book is one day, in order (every book the same number of days): "
                    + "the days are chained, each point's graph state (windows, books, clock phase, feeds' sync "
                    + "state) carried from one day to the next as fg backtest --restore-state carries it, while "
                    + "every day starts flat (no orders, position or cash). One row per point and day. With --spark "
                    + "and --span, the spans in the order given are the days.")
    boolean days;

    @Option(
            names = "--span",
            paramLabel = "LABEL:[NAME=]URI[,URI...][;...]",
            description = "With --spark: one data span (repeatable: several days are several spans; with --days, the "
                    + "days in order), its label, then the files of each Book input as --data takes them, inputs "
                    + "separated by ';'. Without --span, the --data files are one span, 'all' (with --days, a day "
                    + "each).")
    List<String> spans = new ArrayList<>();

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Write report.html here: the points ranked, a heat map over two axes (--heatmap) with "
                    + "each point's neighbours, and the best point's full backtest report (best/report.html).")
    Path report;

    @Option(
            names = "--heatmap",
            paramLabel = "X,Y",
            description = "The two grid axes of the report's heat map. Default: the first two axes.")
    String heatmap;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Duration resampleInterval = BacktestCommand.resampleInterval(resample);
        Figures.Figure metric = Figures.named(rank)
                .orElseThrow(() -> new UserError(
                        "--rank '" + rank + "': not a summary figure; one of " + String.join(", ", Figures.names())));
        if (threads != null && threads < 1) {
            throw new UserError("--threads " + threads + ": expected at least 1");
        }
        if (spark == null && !spans.isEmpty()) {
            throw new UserError("--span: only with --spark; on one machine, --data is the one span");
        }
        if (out != null && spark == null && !out.getFileName().toString().endsWith(".csv") && !parquet()) {
            throw new UserError("--out '" + out + "': expected a .csv or .parquet file");
        }
        Grid grid;
        try {
            grid = Grid.parse(grids, Grid.DEFAULT_LIMIT, force);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String[] heatmapAxes = heatmapAxes(grid);
        PointSimulators simulators = new PointSimulators(grid);
        if (!Files.isRegularFile(graph.file)) {
            throw new UserError("cannot read '" + graph.file + "': no such file");
        }
        SweepResults results = new SweepResults(grid, metric, top, days);
        if (spark != null) {
            return onCluster(results, heatmapAxes);
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepRunner runner = new SweepRunner(
                FgCompiler.standard(),
                graph.file,
                graph.overrides(),
                grid,
                simulators::config,
                data.interval == null ? OptionalLong.empty() : OptionalLong.of(data.interval.toNanos()),
                data.onGap,
                resampleInterval);
        SweepRunner.Compiled compiled = runner.compile(threadCount);
        if (!compiled.overrideProblems().isEmpty()) {
            var problem = compiled.overrideProblems().get(0);
            String name = problem.override().name();
            String where = grid.names().contains(name)
                    ? "--grid "
                            + grids.stream()
                                    .filter(g -> g.startsWith(name + "="))
                                    .findFirst()
                                    .orElse(name)
                    : "--param " + problem.override();
            throw new UserError(where + ": " + problem.message()
                    + problem.help().map(h -> "; " + h).orElse(""));
        }
        CompiledGraph any = compiled.anyGraph()
                .orElseThrow(() -> new UserError(graph.file + ": no point of the grid compiled: "
                        + compiled.results().get(0).points().get(0).failure().orElse("")));
        try {
            Backtest.requireRunnable(any);
        } catch (IllegalArgumentException e) {
            throw new UserError(graph.file + ": " + e.getMessage());
        }
        if (data.interval != null) {
            data.intervalNanos(any);
        }
        List<String> books = pointBooks(any, grid.size(), compiled);
        simulators.check(books, any.books().keySet());
        DataBindings bindings = data.bind(any);
        Map<String, List<Path>> files = new LinkedHashMap<>();
        for (int i = 0; i < bindings.size(); i++) {
            files.put(bindings.names().get(i), bindings.files(i));
        }
        int points = grid.size();
        stdout.printf(
                "fused program: %d nodes for %d points (%d %s); %d separate graphs: %d nodes%n",
                compiled.fusedNodes(),
                points,
                compiled.chunks().size(),
                compiled.chunks().size() == 1 ? "chunk" : "chunks over threads",
                points,
                compiled.separateNodes());
        stdout.flush();
        SweepProgress progress = new SweepProgress(err, points);
        List<DataSpan> spanList = days ? days(files) : List.of(new DataSpan("all", files));
        List<SweepRow> rows;
        try {
            rows = days
                    ? runner.runDays(compiled, spanList, progress)
                    : runner.run(compiled, spanList.get(0), progress);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        progress.done();
        results.print(stdout, rows);
        if (report != null) {
            writeReport(
                    results,
                    heatmapAxes,
                    rows,
                    spanList.stream().map(DataSpan::label).toList(),
                    (span, dir) -> spanList.get(span));
        }
        if (out != null) {
            if (parquet()) {
                ResultsParquet.write(out, grid, books, rows);
            } else {
                ResultsCsv.write(out, grid, books, rows);
            }
            stdout.println("results: " + out);
        }
        stdout.flush();
        return 0;
    }

    /**
     * {@code --days}: the i-th file of every book is day i, labelled by the first book's file name; every book needs
     * the same number of files.
     */
    private static List<DataSpan> days(Map<String, List<Path>> files) {
        int count = files.values().iterator().next().size();
        for (Map.Entry<String, List<Path>> book : files.entrySet()) {
            if (book.getValue().size() != count) {
                throw new UserError("--days: every book needs one file per day, but "
                        + String.join(
                                ", ",
                                files.entrySet().stream()
                                        .map(e -> e.getKey() + " has "
                                                + e.getValue().size())
                                        .toList()));
            }
        }
        List<DataSpan> days = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            Map<String, List<Path>> day = new LinkedHashMap<>();
            for (Map.Entry<String, List<Path>> book : files.entrySet()) {
                day.put(book.getKey(), List.of(book.getValue().get(d)));
            }
            String label =
                    String.valueOf(files.values().iterator().next().get(d).getFileName());
            days.add(new DataSpan(label, day));
        }
        return days;
    }

    /**
     * {@code --spark}: the sweep as text to the spark module, which must be on the class path; its rows come back and
     * are printed and reported as the local sweep's are.
     */
    private int onCluster(SweepResults results, String[] heatmapAxes) throws IOException {
        ClusterSweep cluster = ClusterSweep.find()
                .orElseThrow(() -> new UserError("--spark: the spark module is not on the class path; build it "
                        + "(mvn -B -q -DskipTests package) and run bin/fg, which adds spark/target with --spark"));
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        var outText = spec.commandLine().getParseResult().matchedOption("--out");
        ClusterSweep.Request request = new ClusterSweep.Request(
                spark,
                graph.file,
                graph.params,
                grids,
                data.data,
                spans,
                days,
                ClusterSimulators.of(graph.file, simulatorArgs(args)),
                data.interval == null ? OptionalLong.empty() : OptionalLong.of(data.interval.toNanos()),
                data.onGap,
                BacktestCommand.resampleInterval(resample),
                outText == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(outText.stringValues().get(0)),
                java.util.Optional.ofNullable(threads));
        PrintWriter stdout = spec.commandLine().getOut();
        ClusterSweep.Result result;
        try {
            result = cluster.run(request, stdout, spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (Exception e) {
            throw new UserError("--spark " + spark + ": " + e.getMessage());
        }
        results.print(stdout, result.rows());
        if (report != null) {
            writeReport(results, heatmapAxes, result.rows(), result.spans(), result.files());
        }
        stdout.flush();
        return 0;
    }

    /** {@code --heatmap X,Y}, checked against the grid before any data is read; null without {@code --report}. */
    private String[] heatmapAxes(Grid grid) {
        if (report == null) {
            if (heatmap != null) {
                throw new UserError("--heatmap needs --report DIR: the heat map is part of the report");
            }
            return null;
        }
        List<String> names = grid.names();
        if (heatmap == null) {
            return names.size() >= 2
                    ? new String[] {names.get(0), names.get(1)}
                    : new String[] {names.get(0), names.get(0)};
        }
        String[] axes = heatmap.split(",", -1);
        if (axes.length != 2
                || axes[0].isBlank()
                || axes[1].isBlank()
                || axes[0].strip().equals(axes[1].strip())) {
            throw new UserError("--heatmap '" + heatmap + "': expected two different grid axes X,Y");
        }
        for (int i = 0; i < 2; i++) {
            axes[i] = axes[i].strip();
            if (!names.contains(axes[i])) {
                throw new UserError("--heatmap '" + heatmap + "': '" + axes[i] + "' is not an axis of the grid ("
                        + String.join(", ", names) + ")");
            }
        }
        return axes;
    }

    /** The report page, and the best point's own backtest report run as `fg backtest` would run it. */
    private void writeReport(
            SweepResults results, String[] axes, List<SweepRow> rows, List<String> spanLabels, SpanFiles files)
            throws IOException {
        Path page = results.writeReport(
                report,
                graph.file.toString(),
                axes,
                rows,
                spanLabels,
                files,
                new BestPointBacktest(spec.commandLine().getParseResult().originalArgs(), spec.name()),
                spec.commandLine().getErr());
        spec.commandLine().getOut().println("report: " + page);
    }

    private boolean parquet() {
        return out.getFileName().toString().endsWith(".parquet");
    }

    /** The books one point trades, in its sinks' order (the fused graph holds every point's sinks). */
    private static List<String> pointBooks(CompiledGraph fused, int points, SweepRunner.Compiled compiled) {
        List<String> traded = Backtest.tradedBooks(fused);
        var first = compiled.results().stream()
                .flatMap(r -> r.fused().stream())
                .findFirst()
                .orElseThrow();
        for (int p = 0; p < first.pointCount(); p++) {
            if (first.ok(p)) {
                int from = first.firstSink(p);
                return traded.subList(from, from + first.sinks(p).size());
            }
        }
        return traded.subList(0, 1);
    }

    /**
     * Each point's simulators: {@code fg backtest}'s simulator options as given, with the point's simulator axes in
     * place of theirs, parsed by the same option parsers ({@link SimulatorOptions}) so that {@code --grid
     * latency=5ms} means {@code --latency 5ms}. Settings are made once per combination of the simulator axes.
     */
    private final class PointSimulators {
        private final List<String> simulatorArgs;
        private final Map<List<String>, InstrumentSettings> settings = new HashMap<>();
        private List<String> books = List.of();
        private Set<String> declared = Set.of();

        PointSimulators(Grid grid) {
            simulatorArgs = simulatorArgs(spec.commandLine().getParseResult().originalArgs());
            for (GridAxis axis : grid.axes()) {
                if (axis.simulator()) {
                    for (String value : axis.values()) {
                        parse(List.of(new GridPoint.Setting(axis.name(), value, true)));
                    }
                }
            }
        }

        void check(List<String> traded, Set<String> books) {
            this.books = traded;
            this.declared = books;
            for (InstrumentSettings s : settings.values()) {
                try {
                    s.check(traded, books);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
            }
            try {
                simulator.instruments().check(traded, books);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }

        synchronized SimulatorConfig config(
                GridPoint point, io.factorgraph.runtime.graph.SinkBinding sink, String book) {
            List<GridPoint.Setting> axes = point.settings().stream()
                    .filter(GridPoint.Setting::simulator)
                    .toList();
            InstrumentSettings s = axes.isEmpty() ? simulator.instruments() : parse(axes);
            try {
                return BacktestCommand.simulatorConfig(graph.file, sink, s.check(books, declared), book);
            } catch (UserError e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        private InstrumentSettings parse(List<GridPoint.Setting> axes) {
            List<String> key =
                    axes.stream().map(a -> a.name() + "=" + a.value()).toList();
            InstrumentSettings known = settings.get(key);
            if (known != null) {
                return known;
            }
            List<String> args = new ArrayList<>();
            Set<String> gridded = new java.util.HashSet<>();
            axes.forEach(a -> gridded.add("--" + a.name()));
            for (int i = 0; i < simulatorArgs.size(); i += 2) {
                if (!gridded.contains(simulatorArgs.get(i))) {
                    args.add(simulatorArgs.get(i));
                    args.add(simulatorArgs.get(i + 1));
                }
            }
            for (GridPoint.Setting a : axes) {
                args.add("--" + a.name());
                args.add(a.value());
            }
            SimulatorOnly holder = new SimulatorOnly();
            try {
                CommandLine line = new CommandLine(holder);
                OptionTypes.register(line);
                line.parseArgs(args.toArray(new String[0]));
            } catch (CommandLine.ParameterException e) {
                throw new UserError("--grid " + String.join(" ", key) + ": " + e.getMessage());
            }
            InstrumentSettings made = holder.simulator.instruments();
            settings.put(key, made);
            return made;
        }
    }

    /** The simulator options among the command's arguments, as pairs of option name and value. */
    static List<String> simulatorArgs(List<String> original) {
        Set<String> names = new java.util.HashSet<>();
        Grid.SIMULATOR_OPTIONS.forEach(n -> names.add("--" + n));
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            String arg = original.get(i);
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!names.contains(name)) {
                continue;
            }
            if (eq > 0) {
                pairs.add(name);
                pairs.add(arg.substring(eq + 1));
            } else if (i + 1 < original.size()) {
                pairs.add(name);
                pairs.add(original.get(++i));
            }
        }
        return pairs;
    }

    /** Parses only the simulator options, for one combination of the grid's simulator axes. */
    @Command(name = "simulator")
    static final class SimulatorOnly {
        @Mixin
        SimulatorOptions simulator;
    }

    /** The progress line on stderr: points done, events read, the data's clock, a time-left estimate. */
    private static final class SweepProgress implements SweepRunner.Progress {
        private static final long QUIET_NANOS = 2_000_000_000L;
        private static final long EVERY_NANOS = 500_000_000L;
        private final PrintWriter err;
        private final int points;
        private final long started = System.nanoTime();
        private long lastPrinted;
        private boolean printed;
        private int done;

        SweepProgress(PrintWriter err, int points) {
            this.err = err;
            this.points = points;
        }

        @Override
        public synchronized void onProgress(int pointsDone, long events) {
            if (pointsDone >= 0) {
                done = Math.max(done, pointsDone);
            }
            long now = System.nanoTime();
            if (now - started < QUIET_NANOS || now - lastPrinted < EVERY_NANOS) {
                return;
            }
            lastPrinted = now;
            printed = true;
            double seconds = (now - started) / 1e9;
            String left = done > 0 && done < points
                    ? String.format("~%.0f s left", seconds / done * (points - done))
                    : "time left: after the first chunk";
            err.printf("\r  sweep: %d/%d points  %,d events  %.1f s  %s   ", done, points, events, seconds, left);
            err.flush();
        }

        synchronized void done() {
            if (printed) {
                err.println();
                err.flush();
            }
        }
    }
}
