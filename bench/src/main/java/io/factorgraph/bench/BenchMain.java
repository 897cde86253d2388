package io.factorgraph.bench;

import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.bench.ipc.Hop;
import io.factorgraph.bench.ipc.HopMessages;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

// Over 500 lines, for a reason: it is the suite's one report, and most of it is the Markdown of that report, table by
// table in the order BENCHMARKS.md shows them; each table reads the JMH results collected above it.
/**
 * Runs the whole suite and writes the report: {@code bin/fg-bench} calls this. Four JMH runs (per-tick,
 * replay, compile, IPC hops) with the GC profiler, a cold compile in this fresh JVM, and JOL footprints; then
 * one Markdown report with the tables, the ratios and a line per docs/DESIGN.md §10 target, printed, written
 * to {@code <out>/results.md}, and with {@code --update FILE} spliced into that file between the
 * {@code <!-- results:begin -->} and {@code <!-- results:end -->} markers.
 *
 * <p>Cells are the median of the measured iterations: on a shared machine a neighbour's build lands
 * in a few iterations and drags the mean; the raw table at the end has JMH's mean and 99.9% error too.
 */
public final class BenchMain {
    private static final String BEGIN = "<!-- results:begin -->";
    private static final String END = "<!-- results:end -->";

    private final boolean quick;
    private final String data;
    private final Path out;
    private final Path update;
    private final String only;
    private final Map<String, Stat> stats = new LinkedHashMap<>();
    private final List<String> raw = new ArrayList<>();
    /** Per {@link Mode#SampleTime} configuration: its p50, p90, p99, p99.9 over every measured sample. */
    private final Map<String, double[]> percentiles = new LinkedHashMap<>();

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    /** One benchmark configuration's result: per-op scores of the iterations, and allocation per op. */
    record Stat(
            String benchmark,
            String params,
            String unit,
            double mean,
            double error,
            double median,
            double min,
            double allocPerOp,
            double eventsPerSecond) {}

    private BenchMain(boolean quick, String data, Path out, Path update, String only) {
        this.quick = quick;
        this.data = data;
        this.out = out;
        this.update = update;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String data = BenchData.DEFAULT_FILE;
        Path out = Path.of("bench/target/benchmarks");
        Path update = null;
        String only = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--data" -> data = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--update" -> update = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "-h", "--help" -> {
                    System.out.println("""
                            usage: fg-bench [--quick] [--only ticks|replay|merge|sweep|compile|ipc] [--data FILE.gz]
                                            [--out DIR] [--update BENCHMARKS.md]
                              --quick    one short fork per benchmark, W = 600 only (a smoke run, ~2 min)
                              --only     run one group of benchmarks
                              --data     the recorded feed under <data dir>/binance/ (default %s);
                                         the data dir is -Dfactorgraph.data.dir, FG_DATA_DIR or ../shared/data
                              --out      where results.md and the JMH JSON files go (default bench/target/benchmarks)
                              --update   splice the report into this file between the results markers
                            or:    fg-bench jmh [JMH ARGS...]   plain JMH on the bench jar (-l lists the benchmarks)
                            """.formatted(BenchData.DEFAULT_FILE));
                    return;
                }
                default -> {
                    System.err.println("fg-bench: unknown argument '" + args[i] + "' (try --help)");
                    System.exit(1);
                }
            }
        }
        new BenchMain(quick, data, out, update, only).run();
    }

    private void run() throws IOException, RunnerException {
        Files.createDirectories(out);
        Instant started = Instant.now();
        Machine machine = Machine.current();
        double[] cold = coldCompile();
        RecordedTicks ticks = RecordedTicks.of(data, ObiMmGraphs.DEPTH);
        List<RecordedTicks.BookState> states = ticks.states(64);
        double levels = states.stream()
                .mapToInt(s -> s.levelsInBand(ObiMmGraphs.DEPTH))
                .average()
                .orElse(0);
        List<Footprint.Row> footprint = Footprint.measure(ticks, 60, 600, 6000);
        List<String> windows = quick ? List.of("600") : List.of("60", "600", "6000");
        if (only.isEmpty() || only.equals("ticks")) {
            ChainedOptionsBuilder options = base(
                            "io\\.factorgraph\\.bench\\.(FactorTickBench|BookStateBench|BookTickBench|ObiBench)\\.",
                            "jmh-ticks.json")
                    .param("window", windows.toArray(String[]::new))
                    .warmupIterations(quick ? 2 : 3)
                    .warmupTime(TimeValue.milliseconds(400))
                    .measurementIterations(quick ? 3 : 6)
                    .measurementTime(TimeValue.milliseconds(400));
            collect(new Runner(options.build()).run());
        }
        if (only.isEmpty() || only.equals("replay")) {
            ChainedOptionsBuilder options = base("io\\.factorgraph\\.bench\\.ReplayBench\\.", "jmh-replay.json");
            if (quick) {
                options.warmupIterations(1)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.seconds(1));
            }
            collect(new Runner(options.build()).run());
        }
        if (only.isEmpty() || only.equals("merge")) {
            ChainedOptionsBuilder options = base("io\\.factorgraph\\.bench\\.MergeBench\\.", "jmh-merge.json");
            if (quick) {
                options.warmupIterations(1)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(1)
                        .measurementTime(TimeValue.seconds(1));
            }
            collect(new Runner(options.build()).run());
        }
        if (only.isEmpty() || only.equals("sweep")) {
            ChainedOptionsBuilder options = base("io\\.factorgraph\\.bench\\.SweepBench\\.", "jmh-sweep.json");
            if (quick) {
                options.param("threads", "1").warmupIterations(1).measurementIterations(1);
            }
            collect(new Runner(options.build()).run());
        }
        if (only.isEmpty() || only.equals("ipc")) {
            // a configuration that fails (a thread starved past a timeout on a loaded machine) leaves its row empty
            // rather than ending the suite
            ChainedOptionsBuilder options = base(
                            "io\\.factorgraph\\.bench\\.IpcHopBench\\.", "jmh-ipc.json", IpcHopBench.JVM_FLAG)
                    .shouldFailOnError(false);
            if (quick) {
                options.warmupIterations(1)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(2)
                        .measurementTime(TimeValue.seconds(1));
            }
            collect(new Runner(options.build()).run());
        }
        if (only.isEmpty() || only.equals("compile")) {
            ChainedOptionsBuilder options = base("io\\.factorgraph\\.bench\\.CompileBench\\.", "jmh-compile.json")
                    .param(
                            "statements",
                            quick ? new String[] {"10", "10000"} : new String[] {"10", "100", "1000", "10000"})
                    .warmupIterations(quick ? 1 : 3)
                    .warmupTime(TimeValue.milliseconds(quick ? 500 : 700))
                    .measurementIterations(quick ? 2 : 5)
                    .measurementTime(TimeValue.milliseconds(quick ? 500 : 700));
            collect(new Runner(options.build()).run());
        }
        String report = report(machine, Machine.loadAverage(), started, cold, ticks, levels, footprint, windows);
        System.out.println();
        System.out.println(report);
        Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
        if (update != null) {
            splice(update, report);
            System.out.println("fg-bench: updated " + update);
        }
        System.out.println("fg-bench: results in " + out.toAbsolutePath().normalize());
    }

    private ChainedOptionsBuilder base(String include, String json, String... jvmArgs) {
        List<String> args = new ArrayList<>(List.of(
                "-Xms1g",
                "-Xmx1g",
                "-Dfactorgraph.data.dir="
                        + RecordedData.directory().toAbsolutePath().normalize()));
        args.addAll(List.of(jvmArgs));
        return new OptionsBuilder()
                .include(include)
                .param("data", data)
                .forks(1)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(args.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(json).toString())
                .shouldFailOnError(true);
    }

    /** The first compiles in this JVM, before anything has warmed it: 10 and then 10,000 statements, ms. */
    private static double[] coldCompile() {
        FgCompiler compiler = FgCompiler.standard();
        String small = GeneratedGraphs.source(10, 42);
        String large = GeneratedGraphs.source(10_000, 42);
        long t0 = System.nanoTime();
        compiler.compile("generated10.fg", small).orElseThrow();
        long t1 = System.nanoTime();
        compiler.compile("generated10000.fg", large).orElseThrow();
        long t2 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6};
    }

    private void collect(Collection<RunResult> results) {
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            List<String> keys = new ArrayList<>(result.getParams().getParamsKeys());
            keys.remove("data");
            StringBuilder params = new StringBuilder();
            for (String key : keys) {
                params.append(params.isEmpty() ? "" : ",")
                        .append(key)
                        .append('=')
                        .append(result.getParams().getParam(key));
            }
            List<Double> scores = new ArrayList<>();
            List<Double> events = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    scores.add(iteration.getPrimaryResult().getScore());
                    Result<?> counter = iteration.getSecondaryResults().get("events");
                    if (counter != null) {
                        events.add(counter.getScore());
                    }
                }
            }
            Result<?> primary = result.getPrimaryResult();
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            Stat stat = new Stat(
                    benchmark,
                    params.toString(),
                    primary.getScoreUnit(),
                    primary.getScore(),
                    primary.getScoreError(),
                    median(scores),
                    scores.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
                    alloc == null ? Double.NaN : alloc.getScore(),
                    events.isEmpty() ? Double.NaN : median(events));
            stats.put(benchmark + "|" + params, stat);
            if (result.getParams().getMode() == Mode.SampleTime) {
                double[] at = new double[PERCENTILES.length];
                for (int i = 0; i < at.length; i++) {
                    at[i] = primary.getStatistics().getPercentile(PERCENTILES[i]);
                }
                percentiles.put(benchmark + "|" + params, at);
            }
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private Stat stat(String benchmark, String params) {
        return stats.get(benchmark + "|" + params);
    }

    private double median(String benchmark, String params) {
        Stat s = stat(benchmark, params);
        return s == null ? Double.NaN : s.median();
    }

    private double alloc(String benchmark, String params) {
        Stat s = stat(benchmark, params);
        return s == null ? Double.NaN : s.allocPerOp();
    }

    private String report(
            Machine machine,
            String loadAtEnd,
            Instant started,
            double[] cold,
            RecordedTicks ticks,
            double levels,
            List<Footprint.Row> footprint,
            List<String> windows) {
        StringBuilder md = new StringBuilder();
        long minutes = Math.max(1, ChronoUnit.SECONDS.between(started, Instant.now()) / 60);
        md.append("Measured ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(" in about ")
                .append(minutes)
                .append(" min")
                .append(quick ? " (**--quick**: short runs, W = 600 only; a smoke run, not a result)" : "")
                .append(".\n\n");
        md.append("| machine | |\n| --- | --- |\n");
        md.append("| cores (`nproc`) | ").append(machine.cores()).append(" |\n");
        md.append("| CPU (`/proc/cpuinfo`) | ").append(machine.cpu()).append(" |\n");
        md.append("| JVM | ").append(machine.jvm()).append(" |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n");
        md.append("| load average at start / end | ")
                .append(machine.load())
                .append(" / ")
                .append(loadAtEnd)
                .append(" |\n");
        md.append("| data | `")
                .append(data)
                .append("`: ")
                .append(String.format(Locale.ROOT, "%,d", ticks.events()))
                .append(" events, ")
                .append(String.format(Locale.ROOT, "%,d", ticks.ticks()))
                .append(" book-changing messages (ticks), ")
                .append(String.format(Locale.ROOT, "%.0f", (double) ticks.bookOps() / ticks.ticks()))
                .append(" depth edits per message, OBI(0.001) band ")
                .append(String.format(Locale.ROOT, "%.0f", levels))
                .append(" levels on average |\n\n");

        md.append("### 1. Per tick, obi_mm's factors on the recorded OBI/mid series (ns/tick, median)\n\n");
        md.append("| W | graph (generated) | graph (interpreted) | hand-fused | naive fused (seed's sums) "
                + "| O(W) recompute | graph / hand-fused | recompute / graph | graph B/tick |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String w : windows) {
            String p = "window=" + w;
            double graph = median("FactorTickBench.graph", p);
            double fused = median("FactorTickBench.handFused", p);
            double recompute = median("FactorTickBench.recompute", p);
            md.append("| ")
                    .append(w)
                    .append(" | ")
                    .append(ns(graph))
                    .append(" | ")
                    .append(ns(median("FactorTickBench.graphInterpreted", p)))
                    .append(" | ")
                    .append(ns(fused))
                    .append(" | ")
                    .append(ns(median("FactorTickBench.naiveFused", p)))
                    .append(" | ")
                    .append(ns(recompute))
                    .append(" | ")
                    .append(ratio(graph / fused))
                    .append(" | ")
                    .append(ratio(recompute / graph))
                    .append(" | ")
                    .append(bytes(alloc("FactorTickBench.graph", p)))
                    .append(" |\n");
        }

        md.append("\n### 2. Per tick, examples/obi_mm.fg on 64 real book states (ns/tick, median)\n\n");
        md.append(
                "| W | graph | graph + sink | hand-fused | hand-fused + sink | OBI + O(W) recompute "
                        + "| graph / hand-fused | graph + sink / hand-fused + sink | recompute / graph | B/tick graph, graph + sink |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String w : windows) {
            String p = "window=" + w;
            double graph = median("BookStateBench.graph", p);
            double graphSink = median("BookStateBench.graphWithSink", p);
            double fused = median("BookStateBench.handFused", p);
            double fusedSink = median("BookStateBench.handFusedWithSink", p);
            double recompute = median("BookStateBench.recompute", p);
            md.append("| ")
                    .append(w)
                    .append(" | ")
                    .append(ns(graph))
                    .append(" | ")
                    .append(ns(graphSink))
                    .append(" | ")
                    .append(ns(fused))
                    .append(" | ")
                    .append(ns(fusedSink))
                    .append(" | ")
                    .append(ns(recompute))
                    .append(" | ")
                    .append(ratio(graph / fused))
                    .append(" | ")
                    .append(ratio(graphSink / fusedSink))
                    .append(" | ")
                    .append(ratio(recompute / graph))
                    .append(" | ")
                    .append(bytes(alloc("BookStateBench.graph", p)))
                    .append(", ")
                    .append(bytes(alloc("BookStateBench.graphWithSink", p)))
                    .append(" |\n");
        }

        md.append("\n### 3. Per tick, examples/obi_mm.fg with its book message: apply the message's depth edits, "
                + "then compute (ns/tick, median)\n\n");
        md.append("| W | book edits only | graph | graph + sink | hand-fused | OBI + O(W) recompute "
                + "| graph − book | hand-fused − book | B/tick graph, graph + sink |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String w : windows) {
            String p = "window=" + w;
            double book = median("BookTickBench.bookOnly", p);
            double graph = median("BookTickBench.graph", p);
            double fused = median("BookTickBench.handFused", p);
            md.append("| ")
                    .append(w)
                    .append(" | ")
                    .append(ns(book))
                    .append(" | ")
                    .append(ns(graph))
                    .append(" | ")
                    .append(ns(median("BookTickBench.graphWithSink", p)))
                    .append(" | ")
                    .append(ns(fused))
                    .append(" | ")
                    .append(ns(median("BookTickBench.recompute", p)))
                    .append(" | ")
                    .append(difference(graph - book))
                    .append(" | ")
                    .append(difference(fused - book))
                    .append(" | ")
                    .append(bytes(alloc("BookTickBench.graph", p)))
                    .append(", ")
                    .append(bytes(alloc("BookTickBench.graphWithSink", p)))
                    .append(" |\n");
        }

        md.append("\n### 4. OBI(book, 0.001) alone on 64 real book states (ns, median)\n\n");
        md.append(
                "| book | graph (one node) | by hand, the node's method | first-round method (band count, prefix sums) "
                        + "| level-by-level walk | B/op graph |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        md.append("| tick-indexed, band sums kept (now) | ")
                .append(ns(median("ObiBench.graph", "")))
                .append(" | ")
                .append(ns(median("ObiBench.bandSums", "")))
                .append(" | ")
                .append(ns(median("ObiBench.handWritten", "")))
                .append(" | ")
                .append(ns(median("ObiBench.handWalk", "")))
                .append(" | ")
                .append(bytes(alloc("ObiBench.graph", "")))
                .append(" |\n");
        md.append("| first-round tiered book (baseline) | | | ")
                .append(ns(median("ObiBench.tiered", "")))
                .append(" | ")
                .append(ns(median("ObiBench.tieredWalk", "")))
                .append(" | |\n");
        md.append("\nA state revisited with the same mid leaves the band's edges where they were: these rows are the "
                + "query. Moving the edges as the book changes is paid in table 3's book edits.\n");

        md.append("\n### 5. Replay throughput on the real file (events/s, median)\n\n");
        md.append(
                "| recorded as | decode | + book | + obi_mm factors at 100 ms (`fg run`) | full `Backtest` of obi_mm.fg |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        replayRow(md, "gzip JSON feed (`.gz`: gunzip + JSON + depth sync), one thread", "");
        replayRow(md, "gzip JSON feed, decoded on a thread of its own (`PipelinedEventSource`)", "pipelined");
        replayRow(md, "`.fgev` event file (`fg convert` of the same feed; 64-byte records)", "fgev");
        md.append("\nThe book alone through a bare loop from the `.fgev` file: tick-indexed ")
                .append(rate("ReplayBench.fgevBookLoop"))
                .append(", the first-round tiered book ")
                .append(rate("ReplayBench.fgevBookLoopTiered"))
                .append(" events/s.\n");
        md.append("\nFrom memory, no file at all (the recorded depth edits applied from arrays, the graph ticked after "
                        + "every book message): ")
                .append(rate("ReplayBench.memoryBookAndGraph"))
                .append(" depth edits/s.\n");
        md.append("\nOnly inflating the gzip files, no JSON: ")
                .append(rate("ReplayBench.wholeGunzip"))
                .append(" events/s through libdeflate, whole files at once (what the reader uses when the system has "
                        + "it), ")
                .append(rate("ReplayBench.gunzip"))
                .append(" through the JDK's `GZIPInputStream`, counting the events those bytes hold: the floor under "
                        + "every gzip row on one thread, and the ceiling of the pipelined rows.\n");

        md.append("\n### 6. Compile time of generated graphs (ms, median)\n\n");
        md.append(
                "| statements | compile (warm JVM) | compile + newInstance (warm) | first compile in a fresh JVM |\n");
        md.append("| ---: | ---: | ---: | ---: |\n");
        for (String n : List.of("10", "100", "1000", "10000")) {
            String p = "statements=" + n;
            if (stat("CompileBench.compile", p) == null) {
                continue;
            }
            String coldCell = n.equals("10")
                    ? ms(cold[0]) + " (the JVM's first compile)"
                    : n.equals("10000") ? ms(cold[1]) + " (after one 10-statement compile)" : "";
            md.append("| ")
                    .append(String.format(Locale.ROOT, "%,d", Integer.parseInt(n)))
                    .append(" | ")
                    .append(ms(median("CompileBench.compile", p)))
                    .append(" | ")
                    .append(ms(median("CompileBench.compileAndInstantiate", p)))
                    .append(" | ")
                    .append(coldCell)
                    .append(" |\n");
        }

        md.append("\n### 7. Retained memory of one obi_mm graph instance (JOL, bytes)\n\n");
        md.append("| W | graph state: nodes, windows, slots | target: 2 × 8 B × W × 2 windows + 1 KB | book, new "
                + "| book after the file | instance total after the file |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Footprint.Row row : footprint) {
            md.append("| ")
                    .append(row.window())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.graphState()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.budget()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.bookEmpty()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.bookAfterFile()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", row.totalAfterFile()))
                    .append(" |\n");
        }

        ipcTable(md);
        sweepTable(md);

        md.append("\n### Targets (docs/DESIGN.md §10)\n\nFirst round:\n\n");
        targets(md, cold, footprint, windows);
        md.append("\nSecond round:\n\n");
        secondRound(md, cold);

        md.append(
                "\n<details><summary>Every configuration: JMH mean ± 99.9% error, median, min, allocation</summary>\n\n");
        md.append("| benchmark | params | unit | mean | ± error | median | min | B/op |\n");
        md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Stat s : stats.values()) {
            md.append("| ")
                    .append(s.benchmark())
                    .append(" | ")
                    .append(s.params())
                    .append(" | ")
                    .append(s.unit())
                    .append(" | ")
                    .append(num(s.mean()))
                    .append(" | ")
                    .append(num(s.error()))
                    .append(" | ")
                    .append(num(s.median()))
                    .append(" | ")
                    .append(num(s.min()))
                    .append(" | ")
                    .append(bytes(s.allocPerOp()))
                    .append(" |\n");
        }
        md.append("\n</details>\n");
        return md.toString();
    }

    /** Table 8: one-way latency of each hop and of the raw pings, from JMH's samples of single round trips. */
    private void ipcTable(StringBuilder md) {
        if (percentiles.keySet().stream().noneMatch(k -> k.startsWith("IpcHopBench."))) {
            return;
        }
        HopMessages messages = HopMessages.load(data);
        md.append("\n### 8. IPC hop latency over `aeron:ipc`, one-way = round trip / 2 (µs; both ends and the driver "
                + "idle with `yield`)\n\n");
        md.append("| hop | message | p50 | p90 | p99 | p99.9 | p50 over the raw ping of its size | B/op |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Hop hop : Hop.values()) {
            String key = "IpcHopBench.roundTrip|hop=" + hop.param();
            double[] at = percentiles.get(key);
            if (at == null) {
                md.append("| ").append(hop.label()).append(" | did not complete: see JMH's output | | | | | | |\n");
                continue;
            }
            String size = String.format(Locale.ROOT, "%,d B", messages.length(hop));
            if (hop == Hop.MARKET_DATA || hop == Hop.PING_BATCH) {
                size += " (" + messages.batch().length + " events)";
            }
            md.append("| ").append(hop.label()).append(" | ").append(size);
            for (double v : at) {
                md.append(" | ").append(us(v / 2));
            }
            double[] base = percentiles.get(
                    "IpcHopBench.roundTrip|hop=" + hop.baseline().param());
            String over = "";
            if (hop.raw()) {
                over = "(baseline)";
            } else if (base != null) {
                double difference = (at[0] - base[0]) / 2;
                over = (difference < 0 ? "< noise" : "+" + us(difference)) + " (" + ratio(at[0] / base[0]) + ")";
            }
            md.append(" | ")
                    .append(over)
                    .append(" | ")
                    .append(bytes(
                            stat("IpcHopBench.roundTrip", "hop=" + hop.param()).allocPerOp()))
                    .append(" |\n");
        }
        md.append(
                "\nEach configuration is a fork of its own, one after the other: a change in the machine's load between "
                        + "forks moves a row against the raw ping, and a hop can come out below it. B/op is JMH's gc profiler "
                        + "over every thread per round trip; in sample mode it includes JMH's own bookkeeping (its sample "
                        + "buffers, the statistics it builds after each iteration) and the Aeron client conductor's background "
                        + "allocation, a few bytes per round trip at these rates, the raw ping's row included. The round trip "
                        + "itself allocates nothing: `IpcHopBenchTest` counts 0 bytes on the benchmark thread and on the echo "
                        + "thread over 2,000 round trips of every hop.\n");
    }

    /** A row of table 5: the benchmarks {@code prefix + Decode}, ... ({@code decode}, ... without a prefix). */
    private void replayRow(StringBuilder md, String label, String prefix) {
        md.append("| ").append(label);
        for (String layer : List.of("decode", "book", "fgRun", "backtest")) {
            String name =
                    prefix.isEmpty() ? layer : prefix + Character.toUpperCase(layer.charAt(0)) + layer.substring(1);
            md.append(" | ").append(rate("ReplayBench." + name));
        }
        md.append(" |\n");
    }

    /** Table 9: a 64-point sweep against one backtest of the same file. */
    private void sweepTable(StringBuilder md) {
        double one = median("SweepBench.backtest", "threads=1");
        if (Double.isNaN(one)) {
            return;
        }
        md.append(
                "\n### 9. A 64-point sweep (half_spread × skew) against one backtest of the same file (ms, median)\n\n");
        md.append("| threads | one backtest | 64-point sweep | sweep / backtest |\n");
        md.append("| ---: | ---: | ---: | ---: |\n");
        for (String threads : List.of("1", "2")) {
            String p = "threads=" + threads;
            double backtest = median("SweepBench.backtest", p);
            double sweep = median("SweepBench.sweep64", p);
            if (Double.isNaN(sweep)) {
                continue;
            }
            md.append("| ")
                    .append(threads)
                    .append(" | ")
                    .append(ms(backtest))
                    .append(" | ")
                    .append(ms(sweep))
                    .append(" | ")
                    .append(ratio(sweep / backtest))
                    .append(" |\n");
        }
        md.append("\nThe backtest does not depend on `threads` (the parameter is the sweep's); it runs once per "
                + "configuration, so the two backtest cells show the run's noise.\n");
    }

    private static String us(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private void targets(StringBuilder md, double[] cold, List<Footprint.Row> footprint, List<String> windows) {
        double graph600 = median("FactorTickBench.graph", "window=600");
        double fused600 = median("FactorTickBench.handFused", "window=600");
        double recompute600 = median("FactorTickBench.recompute", "window=600");
        if (!Double.isNaN(graph600)) {
            double worst = 0;
            for (String w : windows) {
                worst = Math.max(
                        worst,
                        median("FactorTickBench.graph", "window=" + w)
                                / median("FactorTickBench.handFused", "window=" + w));
                worst = Math.max(
                        worst,
                        median("BookStateBench.graph", "window=" + w)
                                / median("BookStateBench.handFused", "window=" + w));
            }
            target(
                    md,
                    worst <= 1.5,
                    "compiled graph within 1.5× of the hand-fused loop per tick",
                    "factor series " + ratio(graph600 / fused600) + ", on real books "
                            + ratio(median("BookStateBench.graph", "window=600")
                                    / median("BookStateBench.handFused", "window=600"))
                            + " at W = 600; at most " + ratio(worst) + " over W in " + windows);
            double maxAlloc = 0;
            for (Stat s : stats.values()) {
                if (s.benchmark().matches("(FactorTickBench|BookStateBench|BookTickBench|ObiBench)\\.graph.*")) {
                    maxAlloc = Math.max(maxAlloc, s.allocPerOp());
                }
            }
            target(
                    md,
                    maxAlloc < 0.5,
                    "0 B allocated per tick",
                    "at most " + bytes(maxAlloc) + " B/op over every graph and graph + sink configuration "
                            + "(JMH's gc profiler; fractions of a byte are the profiler's own)");
            StringBuilder gap = new StringBuilder();
            for (String w : windows) {
                gap.append(gap.isEmpty() ? "" : ", ")
                        .append("W = ")
                        .append(w)
                        .append(": ")
                        .append(ratio(median("FactorTickBench.recompute", "window=" + w)
                                / median("FactorTickBench.graph", "window=" + w)));
            }
            target(
                    md,
                    recompute600 / graph600 >= 50,
                    "≥ 50× faster than the O(window) recompute at W = 600",
                    gap + " (factor series)");
        }
        double fgevBook = eventsPerSecond("ReplayBench.fgevBook");
        if (!Double.isNaN(fgevBook)) {
            target(
                    md,
                    fgevBook >= 10e6,
                    "≥ 10 M events/s replay",
                    "`.fgev` file with the book applied: " + eventsRate(fgevBook) + "; through `fg run`'s path "
                            + "(+ obi_mm factors): " + eventsRate(eventsPerSecond("ReplayBench.fgevFgRun"))
                            + "; the `.fgev` reader alone: " + eventsRate(eventsPerSecond("ReplayBench.fgevDecode"))
                            + ". The gzip feed: " + eventsRate(eventsPerSecond("ReplayBench.book")) + " with the book, "
                            + eventsRate(eventsPerSecond("ReplayBench.fgRun")) + " through `fg run`'s path, "
                            + eventsRate(eventsPerSecond("ReplayBench.decode")) + " for its decoder alone");
        }
        Stat compile = stat("CompileBench.compile", "statements=10000");
        if (compile != null) {
            target(
                    md,
                    compile.median() < 1000,
                    "10,000 statements compiled in under 1 s",
                    ms(compile.median()) + " ms in a warm JVM; " + ms(cold[1]) + " ms as the second compile of a "
                            + "fresh JVM (the JIT still compiling the compiler)");
        }
        Footprint.Row row600 =
                footprint.stream().filter(r -> r.window() == 600).findFirst().orElseThrow();
        boolean allMet = footprint.stream().allMatch(Footprint.Row::met);
        target(
                md,
                allMet,
                "retained memory within 2× of 8 B × W per windowed node plus a small constant",
                String.format(
                        Locale.ROOT,
                        "%,d B at W = 600 (the seed claims ~8 KB for its window; the target is %,d B)",
                        row600.graphState(),
                        row600.budget()));
    }

    /** The second round's targets (docs/DESIGN.md §10), each a rate or ratio from this run. */
    private void secondRound(StringBuilder md, double[] cold) {
        double fgevBook = eventsPerSecond("ReplayBench.fgevBook");
        if (!Double.isNaN(fgevBook)) {
            target(
                    md,
                    fgevBook >= 60e6,
                    "`.fgev` + book ≥ 60 M events/s",
                    eventsRate(fgevBook) + " (the first-round tiered book through the same bare loop: "
                            + rate("ReplayBench.fgevBookLoopTiered") + ", the tick-indexed one: "
                            + rate("ReplayBench.fgevBookLoop") + ")");
            double backtest = Math.max(
                    eventsPerSecond("ReplayBench.fgevBacktest"), eventsPerSecond("ReplayBench.pipelinedBacktest"));
            target(
                    md,
                    backtest >= 10e6,
                    "the full backtest of examples/obi_mm.fg ≥ 10 M events/s",
                    "from `.fgev` " + rate("ReplayBench.fgevBacktest") + ", from gzip decoded on its own thread "
                            + rate("ReplayBench.pipelinedBacktest") + ", on one thread "
                            + rate("ReplayBench.backtest"));
            double fgRun =
                    Math.max(eventsPerSecond("ReplayBench.pipelinedFgRun"), eventsPerSecond("ReplayBench.fgRun"));
            target(
                    md,
                    fgRun >= 8e6,
                    "the gzip feed through `fg run` ≥ 8 M events/s",
                    "decoded on its own thread " + rate("ReplayBench.pipelinedFgRun") + ", on one thread "
                            + rate("ReplayBench.fgRun") + "; the decoder alone " + rate("ReplayBench.decode")
                            + "; inflating alone " + rate("ReplayBench.wholeGunzip") + " (libdeflate, what the reader "
                            + "uses), " + rate("ReplayBench.gunzip") + " (the JDK's zlib)");
        }
        double obi = median("ObiBench.graph", "");
        if (!Double.isNaN(obi)) {
            target(
                    md,
                    obi <= 60,
                    "`OBI(book, 0.001)` ≤ 60 ns per tick",
                    ns(obi) + " ns through the graph, " + ns(median("ObiBench.bandSums", "")) + " ns by hand (the "
                            + "first round's node on its book: " + ns(median("ObiBench.tiered", "")) + " ns)");
        }
        double graph600 = median("FactorTickBench.graph", "window=600");
        if (!Double.isNaN(graph600)) {
            double ratio600 = graph600 / median("FactorTickBench.handFused", "window=600");
            target(
                    md,
                    ratio600 <= 1.1,
                    "the factor series within 1.1× of the hand-fused loop",
                    ratio(ratio600) + " at W = 600");
        }
        double sweep = median("SweepBench.sweep64", "threads=1");
        if (!Double.isNaN(sweep)) {
            double ratio = sweep / median("SweepBench.backtest", "threads=1");
            target(
                    md,
                    ratio <= 8,
                    "a fused sweep of 64 points ≤ 8× one backtest",
                    ratio(ratio) + " on one thread (table 9)");
        }
        target(
                md,
                cold[1] < 500,
                "the first compile of 10,000 statements in a fresh JVM < 0.5 s",
                ms(cold[1]) + " ms (after one 10-statement compile, " + ms(cold[0]) + " ms, in the JVM that runs "
                        + "this suite)");
    }

    private static void target(StringBuilder md, boolean met, String target, String figure) {
        md.append("- **")
                .append(met ? "met" : "missed")
                .append("**: ")
                .append(target)
                .append(": ")
                .append(figure)
                .append('\n');
    }

    private String rate(String benchmark) {
        return eventsRate(eventsPerSecond(benchmark));
    }

    private double eventsPerSecond(String benchmark) {
        Stat s = stat(benchmark, "");
        return s == null ? Double.NaN : s.eventsPerSecond();
    }

    private static String eventsRate(double perSecond) {
        return Double.isNaN(perSecond) ? "–" : String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
    }

    private static String ns(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A difference of two medians, which noise can make negative: then it says so. */
    private static String difference(double value) {
        return value < 0 ? "< noise" : ns(value);
    }

    private static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String bytes(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value < 0.5 ? "0" : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String num(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double abs = Math.abs(value);
        return abs >= 1e5
                ? String.format(Locale.ROOT, "%.4g", value)
                : abs >= 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Replaces what is between the markers in {@code file} with {@code report}. */
    static void splice(Path file, String report) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(file + " has no " + BEGIN + " ... " + END + " section to update");
        }
        String updated = text.substring(0, begin + BEGIN.length()) + "\n" + report + "\n" + text.substring(end);
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
