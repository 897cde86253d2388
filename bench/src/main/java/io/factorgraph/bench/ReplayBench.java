package io.factorgraph.bench;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestProgress;
import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.data.BinanceFeedReader;
import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput on the real files, in events per second (the {@code events} counter; an op is
 * one pass over the whole file). The layers, each including the ones before it:
 * <ol>
 *   <li>{@code decode}: gunzip, scan the JSON, synchronise the depth stream (the reader alone);</li>
 *   <li>{@code book}: and apply every event to the order book ({@code BookReplay});</li>
 *   <li>{@code fgRun}: and tick {@code obi_mm}'s factors on its 100 ms clock, reading every output as
 *       {@code fg run} does ({@code ReplayFactorProvider}; the CSV formatting is left out);</li>
 *   <li>{@code backtest}: the full {@code Backtest} of {@code examples/obi_mm.fg} with its sink,
 *       the exchange simulator and the recorder, as {@code fg backtest} runs it with default options;</li>
 *   <li>{@code memoryBookAndGraph}: no file at all: the recorded depth edits applied from memory, and
 *       the {@code obi_mm} graph ticked after every book message. The events counter counts depth edits.
 *       The bound for a replay whose decoding costs nothing (what a binary event file approaches).</li>
 * </ol>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ReplayBench {
    @Param(BenchData.DEFAULT_FILE)
    public String data;

    private List<Path> files;
    private CompiledGraph factors;
    private CompiledGraph obiMm;
    private RecordedTicks ticks;
    private GraphInstance memoryInstance;
    private OrderBook memoryBook;

    /** Events processed, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            events = 0;
        }
    }

    @Setup
    public void setUp() {
        files = BenchData.files(data);
        factors = ObiMmGraphs.compile("obi_mm_factors.fg", ObiMmGraphs.OBI_MM_FACTORS);
        obiMm = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM);
        ticks = RecordedTicks.of(files, ObiMmGraphs.DEPTH);
        memoryInstance = obiMm.newInstance();
        memoryBook = memoryInstance.book(obiMm.book("book"));
    }

    @Benchmark
    public long decode(Events counter) throws MarketDataException {
        long n = 0;
        try (BinanceFeedReader reader = BinanceFeedReader.open(files, GapPolicy.RESYNC)) {
            while (reader.next()) {
                n++;
            }
        }
        counter.events += n;
        return n;
    }

    @Benchmark
    public long book(Events counter) throws MarketDataException {
        long n = 0;
        try (BookReplay replay = new BookReplay(BinanceFeedReader.open(files, GapPolicy.RESYNC), new OrderBook())) {
            while (replay.next()) {
                n++;
            }
        }
        counter.events += n;
        return n;
    }

    @Benchmark
    public double fgRun(Events counter) throws MarketDataException {
        double checksum = 0;
        EventSource source = BinanceFeedReader.open(files, GapPolicy.RESYNC);
        try (ReplayFactorProvider provider = new ReplayFactorProvider(source, factors.newInstance(),
                factors.clockNanos().orElse(0), CrossedBookPolicy.FAIL)) {
            while (provider.next()) {
                FactorUpdate update = provider.current();
                for (int k = 0, n = update.size(); k < n; k++) {
                    checksum += update.value(k);
                }
            }
            counter.events += provider.eventCount();
        }
        return checksum;
    }

    @Benchmark
    public double backtest(Events counter) throws MarketDataException {
        Backtest backtest = new Backtest(obiMm, SimulatorConfig.of(0.1, 0.001).withFees(0.0002, 0.0005),
                obiMm.clockNanos().orElse(0));
        BacktestResult result = backtest.run(BinanceFeedReader.open(files, GapPolicy.RESYNC), RunMetadata.builder(),
                BacktestProgress.NONE);
        counter.events += result.events();
        return result.summary().pnl();
    }

    @Benchmark
    public double memoryBookAndGraph(Events counter) {
        final RecordedTicks ticks = this.ticks;
        final GraphInstance instance = memoryInstance;
        final OrderBook book = memoryBook;
        final OutputHandle out = obiMm.outputs().get(0);
        ticks.loadFirst(book);
        double checksum = 0;
        for (int k = 1, n = ticks.ticks(); k < n; k++) {
            ticks.apply(k, book);
            instance.onTick(ticks.time(k));
            checksum += instance.value(out);
        }
        counter.events += ticks.bookOps();
        return checksum;
    }
}
