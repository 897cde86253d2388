package io.factorgraph.spark;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.compile.SweepCompileResult;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.FusedGraph;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.Grid;
import io.factorgraph.sweep.GridPoint;
import io.factorgraph.sweep.SimulatorFactory;
import io.factorgraph.sweep.SweepRow;
import io.factorgraph.sweep.SweepRunner;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fused sweep of the {@code sweep} module as a {@link ChunkRunner}: what {@code fg sweep} runs on one machine, a
 * chunk per task. It carries the sweep as text (the graph's source, the {@code --param}s and {@code --grid}s) and
 * rebuilds the {@link SweepRunner} on the executor, so an executor needs no file of the driver's, and a point means on
 * the cluster exactly what it means to {@code fg sweep}: its rows equal the local sweep's to the bit.
 *
 * @param fileName the graph file as the user named it, which the rows' failures name
 * @param source the graph file's text
 * @param params the {@code --param NAME=VALUE}s every point has
 * @param grid the {@code --grid} texts
 * @param simulators each point's simulator; {@link Serializable}, since every task carries it
 * @param intervalNanos {@code --interval} in ns, or -1 for the file's clock
 * @param gapPolicy {@code --on-gap}
 * @param resampleNanos hftbacktest's resampling of the summaries ({@code --resample}), ns
 */
public record FusedSweep(
        String fileName,
        String source,
        List<String> params,
        List<String> grid,
        SimulatorFactory simulators,
        long intervalNanos,
        GapPolicy gapPolicy,
        long resampleNanos)
        implements ChunkRunner {
    private static final long serialVersionUID = 1L;

    public FusedSweep {
        params = List.copyOf(params);
        grid = List.copyOf(grid);
        if (!(simulators instanceof Serializable)) {
            throw new IllegalArgumentException("the simulators travel to the executors: they must be Serializable");
        }
    }

    /** The sweep of a file on disk. */
    public static FusedSweep of(
            Path file,
            List<String> params,
            List<String> grid,
            SimulatorFactory simulators,
            OptionalLong interval,
            GapPolicy gapPolicy,
            Duration resample)
            throws IOException {
        return new FusedSweep(
                file.toString(),
                Files.readString(file, StandardCharsets.UTF_8),
                params,
                grid,
                simulators,
                interval.orElse(-1),
                gapPolicy,
                resample.toNanos());
    }

    /**
     * What the driver knows of the sweep before any task: the grid parsed and every point compiled, so that a sweep
     * the compiler refuses (an unknown param, a value of the wrong kind) stops here with its message.
     *
     * @param axes the grid's axis names
     * @param points how many points
     * @param books the books a point trades, in the file's sink order
     * @param inputs the graph's Book inputs, in declaration order, which the data binds to
     */
    public record Plan(List<String> axes, int points, List<String> books, List<String> inputs) {
        public Plan {
            axes = List.copyOf(axes);
            books = List.copyOf(books);
            inputs = List.copyOf(inputs);
        }

        /**
         * The job of this sweep over the spans, {@code chunkSize} points per task.
         *
         * @param days whether the spans are days chained in one task per chunk ({@code --days})
         */
        public SparkSweep.Job job(List<RemoteSpan> spans, int chunkSize, boolean days, ChunkRunner runner) {
            return new SparkSweep.Job(axes, points, books, spans, days, chunkSize, runner);
        }
    }

    /**
     * @throws IllegalArgumentException with the user's message when the grid or the sweep is refused, or no point
     *     compiles
     */
    public Plan plan() throws IOException {
        Grid parsed = parsedGrid();
        Path dir = Files.createTempDirectory("fg-sweep-driver-");
        try {
            SweepRunner.Compiled compiled = runner(parsed, dir).compile(1);
            String copy = sourceCopy(dir).toString();
            if (compiled.refusal().isPresent()) {
                throw new IllegalArgumentException(compiled.refusal().get().replace(copy, fileName));
            }
            SweepCompileResult result = compiled.results().get(0);
            CompiledGraph graph = compiled.anyGraph()
                    .orElseThrow(() -> new IllegalArgumentException(fileName + ": no point of the grid compiled: "
                            + result.points().get(0).failure().orElse("").replace(copy, fileName)));
            return new Plan(
                    parsed.names(),
                    parsed.size(),
                    books(result),
                    List.copyOf(graph.books().keySet()));
        } finally {
            deleteSource(dir);
        }
    }

    /** The job over the spans: {@link #plan()}'s, run by this sweep. */
    public SparkSweep.Job job(List<RemoteSpan> spans, int chunkSize) throws IOException {
        return plan().job(spans, chunkSize, false, this);
    }

    /** The books a point trades, in the file's sink order (every point trades the same): the first point's that compiled. */
    private static List<String> books(SweepCompileResult result) {
        if (result.fused().isEmpty()) {
            return List.of();
        }
        FusedGraph fused = result.fused().get();
        List<String> traded = Backtest.tradedBooks(fused.graph());
        for (int p = 0; p < fused.pointCount(); p++) {
            if (fused.ok(p)) {
                int first = fused.firstSink(p);
                return List.copyOf(traded.subList(first, first + fused.sinks(p).size()));
            }
        }
        return List.of();
    }

    @Override
    public List<SweepRow> run(List<DataSpan> spans, boolean chained, int[] points)
            throws IOException, MarketDataException {
        if (!chained && spans.size() != 1) {
            throw new IllegalArgumentException("a task runs one span, or a chain of days: " + spans.size() + " spans");
        }
        Grid parsed = parsedGrid();
        List<GridPoint> chunk = new ArrayList<>(points.length);
        for (int p : points) {
            chunk.add(parsed.point(p));
        }
        Path dir = Files.createTempDirectory("fg-sweep-task-");
        try {
            SweepRunner runner = runner(parsed, dir);
            SweepRunner.Compiled compiled = runner.compileChunk(chunk);
            // As fg sweep --days on one machine: the state of each day's run is carried to the next in memory.
            List<SweepRow> rows = chained
                    ? runner.runDays(compiled, spans, SweepRunner.Progress.NONE)
                    : runner.run(compiled, spans.get(0), SweepRunner.Progress.NONE);
            // The compiler named the task's copy of the file; the user knows it by the driver's name.
            String copy = sourceCopy(dir).toString();
            return rows.stream()
                    .map(r -> r.failure().isPresent() && r.failure().get().contains(copy)
                            ? new SweepRow(
                                    r.point(),
                                    r.span(),
                                    r.instruments(),
                                    Optional.of(r.failure().get().replace(copy, fileName)),
                                    r.total())
                            : r)
                    .toList();
        } finally {
            deleteSource(dir);
        }
    }

    /** Every point: the driver has checked the limit (fg sweep's --force is applied before the grid gets here). */
    private Grid parsedGrid() {
        return Grid.parse(grid, Grid.HARD_LIMIT, true);
    }

    private SweepRunner runner(Grid parsed, Path dir) throws IOException {
        Path file = sourceCopy(dir);
        Files.writeString(file, source, StandardCharsets.UTF_8);
        List<ParamOverride> base = params.stream().map(ParamOverride::parse).toList();
        return new SweepRunner(
                FgCompiler.standard(),
                file,
                base,
                parsed,
                simulators,
                intervalNanos < 0 ? OptionalLong.empty() : OptionalLong.of(intervalNanos),
                gapPolicy,
                Duration.ofNanos(resampleNanos));
    }

    /** Where a task keeps the file's text: the compiler reads a file. */
    private Path sourceCopy(Path dir) {
        return dir.resolve(Path.of(fileName).getFileName().toString());
    }

    private void deleteSource(Path dir) throws IOException {
        Files.deleteIfExists(sourceCopy(dir));
        Files.deleteIfExists(dir);
    }
}
