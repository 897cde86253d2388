package io.factorgraph.bench;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestProgress;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.Grid;
import io.factorgraph.sweep.SweepRow;
import io.factorgraph.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 64-point sweep (half_spread × skew, 8 × 8) of {@code examples/obi_mm.fg} against one backtest of it, on the same
 * recorded file (docs/DESIGN.md §10: the sweep costs at most 8× the backtest). Time per op: {@code backtest} is one
 * {@link Backtest} as {@code fg backtest} runs it; {@code sweep64} is the fused runner over {@code threads} chunks,
 * each its own fused program and read of the data (the points are compiled at set-up, as the CLI compiles them
 * before it reads data). Short iterations: an op is seconds long, and the machine is shared.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SweepBench {
    @Param(BenchData.DEFAULT_FILE)
    public String data;

    @Param({"1", "2"})
    public int threads;

    private Path graphFile;
    private List<Path> files;
    private CompiledGraph graph;
    private SweepRunner runner;
    private SweepRunner.Compiled compiled;

    private static SimulatorConfig venue(double tick) {
        return SimulatorConfig.of(tick, 0.001).withFees(0.0002, 0.0005);
    }

    @Setup
    public void setUp() throws IOException {
        files = RecordedData.commaSeparated(data);
        graphFile = Files.createTempFile("fg-sweep-bench", ".fg");
        Files.writeString(graphFile, ObiMmGraphs.OBI_MM);
        graph = FgCompiler.standard().compile(graphFile, List.of()).orElseThrow();
        Grid grid =
                Grid.parse(List.of("half_spread=0.00001:0.00008:0.00001", "skew=0.00001:0.00008:0.00001"), 64, false);
        runner = new SweepRunner(
                FgCompiler.standard(),
                graphFile,
                List.of(),
                grid,
                (point, sink, book) -> venue(sink.terms().tickSize()),
                OptionalLong.empty(),
                GapPolicy.RESYNC,
                Duration.ofSeconds(10));
        compiled = runner.compile(threads);
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(graphFile);
    }

    @Benchmark
    public double backtest() throws MarketDataException {
        Backtest backtest =
                new Backtest(graph, List.of(venue(0.1)), graph.clockNanos().orElse(0));
        return backtest.run(
                        List.of(() -> EventSources.open(files, GapPolicy.RESYNC)),
                        List.of(RunMetadata.builder()),
                        BacktestProgress.NONE)
                .total()
                .pnl();
    }

    @Benchmark
    public double sweep64() throws MarketDataException {
        List<SweepRow> rows =
                runner.run(compiled, new DataSpan("bench", Map.of("book", files)), SweepRunner.Progress.NONE);
        return rows.get(rows.size() - 1).instruments().get(0).summary().pnl();
    }
}
