package io.factorgraph.sweep;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.PortfolioSummary;
import io.factorgraph.backtest.report.Recording;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.compile.SweepCompileResult;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.FusedGraph;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the points of a grid (docs/DESIGN.md §12): the points are split into chunks, one per thread; each chunk is one
 * fused program ({@link FgCompiler#compileSweep}) run by one {@link Backtest} over one read of the data, one book per
 * instrument, each point with its own sinks, simulators (its own simulator settings), accounts and summaries. A point
 * that fails (it does not compile, its simulator cannot be made, its sink throws) is a row with its reason; the others
 * go on.
 *
 * <p>Use: {@link #compile(int)} first (no data is read: a grid that does not fit the file is refused there, with the
 * compiler's one-line problems), then {@link #run(Compiled, DataSpan, Progress)} per span.
 */
public final class SweepRunner {
    private final FgCompiler compiler;
    private final Path file;
    private final List<ParamOverride> base;
    private final Grid grid;
    private final SimulatorFactory simulators;
    private final OptionalLong interval;
    private final GapPolicy gapPolicy;
    private final Duration resample;

    /**
     * @param base the {@code --param}s every point has, before its own values
     * @param interval the sampling interval when given ({@code --interval}); else the file's clock
     * @param resample hftbacktest's resampling interval of the summaries ({@code --resample})
     */
    public SweepRunner(
            FgCompiler compiler,
            Path file,
            List<ParamOverride> base,
            Grid grid,
            SimulatorFactory simulators,
            OptionalLong interval,
            GapPolicy gapPolicy,
            Duration resample) {
        this.compiler = compiler;
        this.file = file;
        this.base = List.copyOf(base);
        this.grid = grid;
        this.simulators = simulators;
        this.interval = interval;
        this.gapPolicy = gapPolicy;
        this.resample = resample;
    }

    /** What the chunks compiled to: each chunk's points and its fused program. Immutable once made. */
    public record Compiled(List<List<GridPoint>> chunks, List<SweepCompileResult> results) {
        public Compiled {
            chunks = List.copyOf(chunks);
            results = List.copyOf(results);
        }

        /** The override problems that refuse the sweep, as the user reads them; empty when it may run. */
        public Optional<String> refusal() {
            for (SweepCompileResult result : results) {
                if (result.refused()) {
                    return Optional.of(result.renderOverrideProblems());
                }
            }
            return Optional.empty();
        }

        /** The library-function nodes of the fused programs together. */
        public int fusedNodes() {
            return results.stream()
                    .flatMap(r -> r.fused().stream())
                    .mapToInt(FusedGraph::nodeCount)
                    .sum();
        }

        /** The nodes the compiled points' own graphs would hold together. */
        public int separateNodes() {
            return results.stream()
                    .flatMap(r -> r.fused().stream())
                    .mapToInt(FusedGraph::separateNodeCount)
                    .sum();
        }

        /** The params of the grid or the base overrides that name no param or have the wrong kind, each once. */
        public List<io.factorgraph.runtime.compile.OverrideProblem> overrideProblems() {
            return results.stream()
                    .filter(SweepCompileResult::refused)
                    .findFirst()
                    .map(SweepCompileResult::overrideProblems)
                    .orElse(List.of());
        }

        /** A compiled graph of the file (the first compiled point's chunk's), for binding data; empty if none. */
        public Optional<CompiledGraph> anyGraph() {
            return results.stream()
                    .flatMap(r -> r.fused().stream())
                    .map(FusedGraph::graph)
                    .findFirst();
        }
    }

    /** Progress of a run: called from the chunks' threads. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param pointsDone points whose chunk finished
         * @param events events read by all chunks so far
         */
        void onProgress(int pointsDone, long events);

        Progress NONE = (points, events) -> {};
    }

    /**
     * Splits the points into {@code chunks} contiguous chunks (fewer when there are fewer points) and compiles each
     * into one fused program. Reads no data.
     *
     * @throws IOException when the file cannot be read
     */
    public Compiled compile(int chunks) throws IOException {
        List<GridPoint> points = grid.points();
        int n = Math.max(1, Math.min(chunks, points.size()));
        List<List<GridPoint>> split = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            split.add(points.subList(points.size() * c / n, points.size() * (c + 1) / n));
        }
        List<SweepCompileResult> results = new ArrayList<>(n);
        for (List<GridPoint> chunk : split) {
            List<List<ParamOverride>> overrides = new ArrayList<>(chunk.size());
            for (GridPoint point : chunk) {
                overrides.add(point.overrides(base));
            }
            SweepCompileResult result = compiler.compileSweep(file, overrides);
            results.add(result);
            if (result.refused()) {
                break;
            }
        }
        return new Compiled(split, results);
    }

    /**
     * Compiles the given points, a share of the grid such as one cluster task's, into one chunk: one fused program.
     * Reads no data.
     *
     * @throws IOException when the file cannot be read
     */
    public Compiled compileChunk(List<GridPoint> chunk) throws IOException {
        List<List<ParamOverride>> overrides = new ArrayList<>(chunk.size());
        for (GridPoint point : chunk) {
            overrides.add(point.overrides(base));
        }
        return new Compiled(List.of(chunk), List.of(compiler.compileSweep(file, overrides)));
    }

    /**
     * Runs every chunk on the span, a thread each, and gives one row per point in the grid's order.
     *
     * @throws MarketDataException when the data is broken (every point would fail alike), naming where
     * @throws IllegalStateException when the sweep was refused
     */
    public List<SweepRow> run(Compiled compiled, DataSpan span, Progress progress) throws MarketDataException {
        return run(compiled, span, progress, null);
    }

    /**
     * Runs the days in order as {@link #run(Compiled, DataSpan, Progress)} runs one span, each day's graphs restored
     * from the state the day before left (docs/DESIGN.md §13: windows, books, clock phase and feeds' sync state; the
     * files of a day must continue the day before's): one row per point and day, day by day. Only the graph travels:
     * every point's simulator starts each day flat, as {@code fg backtest --restore-state} does, so a day's row equals
     * that point's {@code fg backtest --restore-state} of the state its run over the day before saved.
     *
     * @throws MarketDataException when the data is broken or a day does not continue the one before, naming where
     */
    public List<SweepRow> runDays(Compiled compiled, List<DataSpan> days, Progress progress)
            throws MarketDataException {
        byte[][] carry = new byte[compiled.chunks().size()][];
        List<SweepRow> rows = new ArrayList<>(grid.size() * days.size());
        for (DataSpan day : days) {
            rows.addAll(run(compiled, day, progress, carry));
        }
        return rows;
    }

    /** @param carry per chunk, the state the day before left (null entries: none yet); null not to carry state */
    private List<SweepRow> run(Compiled compiled, DataSpan span, Progress progress, byte[][] carry)
            throws MarketDataException {
        if (compiled.refusal().isPresent()) {
            throw new IllegalStateException(
                    "the sweep was refused: " + compiled.refusal().get());
        }
        int chunks = compiled.chunks().size();
        AtomicLong events = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger pointsDone = new java.util.concurrent.atomic.AtomicInteger();
        List<SweepRow> rows = new ArrayList<>(grid.size());
        if (chunks == 1) {
            rows.addAll(
                    runChunk(compiled.chunks().get(0), compiled.results().get(0), span, progress, events, carry, 0));
            return rows;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(chunks, r -> {
            Thread t = new Thread(r, "fg-sweep");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<List<SweepRow>>> futures = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                List<GridPoint> chunk = compiled.chunks().get(c);
                SweepCompileResult result = compiled.results().get(c);
                int index = c;
                futures.add(pool.submit(() -> {
                    List<SweepRow> done = runChunk(chunk, result, span, progress, events, carry, index);
                    progress.onProgress(pointsDone.addAndGet(chunk.size()), events.get());
                    return done;
                }));
            }
            for (Future<List<SweepRow>> future : futures) {
                rows.addAll(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MarketDataException m) {
                throw m;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        return rows;
    }

    /** One chunk: its fused program over one read of the span. */
    private List<SweepRow> runChunk(
            List<GridPoint> chunk,
            SweepCompileResult result,
            DataSpan span,
            Progress progress,
            AtomicLong events,
            byte[][] carry,
            int chunkIndex)
            throws MarketDataException {
        SweepRow[] rows = new SweepRow[chunk.size()];
        if (result.fused().isEmpty()) {
            String why = result.fusionFailure().orElse("no point of the chunk compiled");
            List<SweepRow> failed = new ArrayList<>();
            for (int p = 0; p < chunk.size(); p++) {
                failed.add(SweepRow.failed(
                        chunk.get(p),
                        span.label(),
                        result.points().get(p).failure().orElse(why)));
            }
            return failed;
        }
        FusedGraph fused = result.fused().get();
        CompiledGraph graph = fused.graph();
        List<String> traded = Backtest.tradedBooks(graph);
        // Points whose simulators cannot be made fail; the others keep their sinks.
        List<SimulatorConfig> configs = new ArrayList<>(graph.sinks().size());
        List<RunMetadata.Builder> metadata = new ArrayList<>(graph.sinks().size());
        for (int p = 0; p < chunk.size(); p++) {
            GridPoint point = chunk.get(p);
            if (!fused.ok(p)) {
                rows[p] = SweepRow.failed(
                        point, span.label(), result.points().get(p).failure().orElseThrow());
                continue;
            }
            List<SinkBinding> sinks = fused.sinks(p);
            List<SimulatorConfig> own = new ArrayList<>(sinks.size());
            for (int s = 0; s < sinks.size(); s++) {
                String book = traded.get(fused.firstSink(p) + s);
                try {
                    own.add(simulators.config(point, sinks.get(s), book));
                } catch (IllegalArgumentException e) {
                    rows[p] = SweepRow.failed(point, span.label(), e.getMessage());
                    break;
                }
            }
            if (rows[p] != null) {
                // The point's sinks are in the fused program and still need a simulator: they run on another point's
                // (the first that could be made) and their results are dropped; the row says why the point failed.
                own = null;
            }
            for (int s = 0; s < sinks.size(); s++) {
                configs.add(own == null ? null : own.get(s));
                metadata.add(RunMetadata.builder().graphFile(file.toString()));
            }
        }
        SimulatorConfig fallback =
                configs.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (fallback == null) {
            for (int p = 0; p < chunk.size(); p++) {
                if (rows[p] == null) {
                    rows[p] = SweepRow.failed(chunk.get(p), span.label(), "no simulator could be made");
                }
            }
            return List.of(rows);
        }
        configs.replaceAll(c -> c == null ? fallback : c);
        long intervalNanos = interval.orElse(graph.clockNanos().orElse(0));
        Backtest backtest = new Backtest(graph, configs, intervalNanos);
        Optional<ReplaySnapshot> dayBefore = DayChain.restore(backtest, carry, chunkIndex, span, graph, intervalNanos);
        List<ClockShift.Opener> inputs = new ArrayList<>();
        int feed = 0;
        for (String book : graph.books().keySet()) {
            List<Path> files = span.files().get(book);
            if (files == null) {
                throw new IllegalArgumentException("the span " + span.label() + " has no data for the book " + book);
            }
            int index = feed++;
            inputs.add(() -> DayChain.open(dayBefore, index, files, gapPolicy));
        }
        long[] last = new long[1];
        List<Backtest.SinkOutcome> outcomes = backtest.runEach(
                inputs,
                metadata,
                (read, ts) -> {
                    long delta = read - last[0];
                    last[0] = read;
                    progress.onProgress(-1, events.addAndGet(delta));
                },
                true);
        DayChain.keep(backtest, carry, chunkIndex);
        for (int p = 0; p < chunk.size(); p++) {
            if (rows[p] != null) {
                continue;
            }
            List<SweepRow.Instrument> instruments = new ArrayList<>();
            List<Recording> recordings = new ArrayList<>();
            List<PerformanceSummary> asRun = new ArrayList<>();
            String failure = null;
            int first = fused.firstSink(p);
            for (int s = 0; s < fused.sinks(p).size(); s++) {
                Backtest.SinkOutcome outcome = outcomes.get(first + s);
                if (outcome.failure().isPresent()) {
                    failure = outcome.book() + ": " + outcome.failure().get();
                    break;
                }
                BacktestResult r = outcome.result().orElseThrow();
                PerformanceSummary summary = PerformanceSummary.of(
                        r.recording(),
                        r.summary().capitalBase(),
                        Duration.ofNanos(r.summary().sharpeIntervalNs()),
                        resample);
                instruments.add(new SweepRow.Instrument(outcome.book(), summary));
                recordings.add(r.recording());
                asRun.add(r.summary());
            }
            // the total as fg backtest's portfolio summary makes it (PortfolioResult.of): from the summaries as run
            Optional<PortfolioSummary> total = failure == null && instruments.size() > 1
                    ? Optional.of(PortfolioSummary.of(recordings, asRun))
                    : Optional.empty();
            rows[p] = failure != null
                    ? SweepRow.failed(chunk.get(p), span.label(), failure)
                    : new SweepRow(chunk.get(p), span.label(), instruments, Optional.empty(), total);
        }
        return List.of(rows);
    }

    public Grid grid() {
        return grid;
    }
}
