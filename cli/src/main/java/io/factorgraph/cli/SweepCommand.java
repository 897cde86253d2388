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
import java.util.Comparator;
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
    /** Metrics where less is better: ranked ascending. */
    private static final Set<String> LOWER_IS_BETTER =
            Set.of("max_drawdown", "max_drawdown_of_capital", "fees_total", "fees_maker", "fees_taker");

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
                    + "results.csv or results.parquet.")
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
                        + "tasks of (data span, chunk of points), each a fused program; the rows one Parquet table at "
                        + "--out (a directory, any Hadoop URI). Data may be any Hadoop URI every executor can read.",
                "Needs the spark module, which bin/fg adds when --spark is given; see README \"Sweeps on a cluster\"."
            })
    String spark;

    @Option(
            names = "--days",
            description = "Each --data file of a book is one day, in order (every book the same number of days): "
                    + "the days are chained, each point's graph state (windows, books, clock phase, feeds' sync "
                    + "state) carried from one day to the next as fg backtest --restore-state carries it, while "
                    + "every day starts flat (no orders, position or cash). One row per point and day.")
    boolean days;

    @Option(
            names = "--span",
            paramLabel = "LABEL:[NAME=]URI[,URI...][;...]",
            description = "With --spark: one data span (repeatable: several days are several spans), its label, then "
                    + "the files of each Book input as --data takes them, inputs separated by ';'. Without --span, "
                    + "the --data files are one span, 'all'.")
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
        if (spark != null && days) {
            throw new UserError("--days: not with --spark yet; on a cluster, give each day as a --span");
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
        if (spark != null) {
            return onCluster();
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
        List<SweepRow> rows;
        try {
            rows = days
                    ? runner.runDays(compiled, days(files), progress)
                    : runner.run(compiled, new DataSpan("all", files), progress);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        progress.done();
        if (days) {
            for (String day : rows.stream().map(SweepRow::span).distinct().toList()) {
                stdout.println("day " + day + ":");
                printRanked(
                        stdout,
                        grid,
                        rows.stream().filter(r -> r.span().equals(day)).toList(),
                        metric);
            }
        } else {
            printRanked(stdout, grid, rows, metric);
        }
        if (report != null) {
            writeReport(grid, rows, metric, heatmapAxes);
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

    /** {@code --spark}: the sweep as text to the spark module, which must be on the class path. */
    private int onCluster() {
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
                ClusterSimulators.of(graph.file, simulatorArgs(args)),
                data.interval == null ? OptionalLong.empty() : OptionalLong.of(data.interval.toNanos()),
                data.onGap,
                BacktestCommand.resampleInterval(resample),
                outText == null
                        ? java.util.Optional.empty()
                        : java.util.Optional.of(outText.stringValues().get(0)),
                java.util.Optional.ofNullable(threads));
        try {
            return cluster.run(
                    request, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (Exception e) {
            throw new UserError("--spark " + spark + ": " + e.getMessage());
        }
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
    private void writeReport(Grid grid, List<SweepRow> rows, Figures.Figure metric, String[] axes) throws IOException {
        boolean lower = LOWER_IS_BETTER.contains(metric.name());
        List<SweepRow> ranked = ranked(rows, metric);
        java.util.Optional<String> best = java.util.Optional.empty();
        if (!ranked.isEmpty()) {
            List<String> args = bestBacktestArgs(ranked.get(0).point(), report.resolve("best"));
            java.io.StringWriter sink = new java.io.StringWriter();
            java.io.StringWriter problems = new java.io.StringWriter();
            int code = Fg.run(args.toArray(new String[0]), new PrintWriter(sink), new PrintWriter(problems));
            if (code == 0) {
                best = java.util.Optional.of("best/report.html");
            } else {
                spec.commandLine().getErr().println("fg sweep: the best point's backtest failed: " + problems);
            }
        }
        Path page = io.factorgraph.sweep.SweepReport.write(
                report,
                new io.factorgraph.sweep.SweepReport.Page(
                        graph.file.toString(),
                        grid,
                        metric,
                        axes[0],
                        axes[1],
                        lower,
                        ranked,
                        rows.size() - ranked.size(),
                        best));
        spec.commandLine().getOut().println("report: " + page);
    }

    /** The command's arguments as `fg backtest` of one point: the sweep's own options out, the point's values in. */
    private List<String> bestBacktestArgs(GridPoint point, Path dir) {
        Set<String> sweepOnly = Set.of("--grid", "--threads", "--out", "--rank", "--top", "--report", "--heatmap");
        Set<String> replaced = new java.util.HashSet<>();
        point.settings().stream().filter(GridPoint.Setting::simulator).forEach(s -> replaced.add("--" + s.name()));
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        List<String> args = new ArrayList<>();
        args.add("backtest");
        // The original arguments are the whole command line's: `sweep` itself first.
        int first = !original.isEmpty() && original.get(0).equals(spec.name()) ? 1 : 0;
        for (int i = first; i < original.size(); i++) {
            String arg = original.get(i);
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            if (arg.equals("--force")) {
                continue;
            }
            if (sweepOnly.contains(name) || replaced.contains(name)) {
                if (eq < 0 || !arg.startsWith("--")) {
                    i++;
                }
                continue;
            }
            args.add(arg);
        }
        for (GridPoint.Setting s : point.settings()) {
            args.add(s.simulator() ? "--" + s.name() : "--param");
            args.add(s.simulator() ? s.value() : s.name() + "=" + s.value());
        }
        args.add("--report");
        args.add(dir.toString());
        return args;
    }

    private static List<SweepRow> ranked(List<SweepRow> rows, Figures.Figure metric) {
        Comparator<SweepRow> byMetric = Comparator.comparingDouble(r -> total(r, metric));
        if (!LOWER_IS_BETTER.contains(metric.name())) {
            byMetric = byMetric.reversed();
        }
        return rows.stream()
                .filter(SweepRow::ok)
                .sorted(byMetric.thenComparingInt(r -> r.point().index()))
                .toList();
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

    private void printRanked(PrintWriter stdout, Grid grid, List<SweepRow> rows, Figures.Figure metric) {
        List<SweepRow> ok = ranked(rows, metric);
        stdout.printf("points ranked by %s (%d of %d ran):%n", metric.name(), ok.size(), rows.size());
        StringBuilder header = new StringBuilder(String.format("%5s %6s", "rank", "point"));
        for (String name : grid.names()) {
            header.append(String.format("  %-12s", name));
        }
        header.append(String.format(
                "  %12s %12s %10s %12s %7s %7s", "pnl", "sharpe", "return %", "max dd", "fills", "maker %"));
        stdout.println(header);
        for (int i = 0; i < Math.min(top, ok.size()); i++) {
            SweepRow row = ok.get(i);
            StringBuilder line = new StringBuilder(
                    String.format("%5d %6d", i + 1, row.point().index()));
            for (GridPoint.Setting s : row.point().settings()) {
                line.append(String.format("  %-12s", s.value()));
            }
            line.append(String.format(
                    "  %12.4f %12.2f %10.4f %12.4f %7d %7.1f",
                    total(row, Figures.named("pnl").orElseThrow()),
                    total(row, Figures.named("sharpe").orElseThrow()),
                    100 * total(row, Figures.named("return").orElseThrow()),
                    total(row, Figures.named("max_drawdown").orElseThrow()),
                    (long) total(row, Figures.named("trades").orElseThrow()),
                    100 * row.instruments().get(0).summary().makerShare()));
            stdout.println(line);
        }
        if (ok.size() > top) {
            stdout.printf("  ... %d more (--top N, --out FILE)%n", ok.size() - top);
        }
        for (SweepRow row : rows) {
            if (!row.ok()) {
                stdout.printf(
                        "failed %6d  %s: %s%n",
                        row.point().index(),
                        row.point().describe(),
                        row.failure().orElseThrow());
            }
        }
    }

    /** A row's figure: the instrument's, or for several the sum over them. */
    private static double total(SweepRow row, Figures.Figure figure) {
        return io.factorgraph.sweep.SweepReport.metric(row, figure);
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
