package io.factorgraph.bench;

import io.factorgraph.bench.baseline.HandFusedObiMm;
import io.factorgraph.bench.baseline.HandObi;
import io.factorgraph.bench.baseline.PaperGateway;
import io.factorgraph.bench.baseline.WindowRecompute;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.nodes.strategy.StatelessMmSink;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.Execution;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InstanceSinkInputs;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.market.TieredOrderBook;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole {@code examples/obi_mm.fg} per tick on real book states: one op applies the next recorded
 * book message (the depth edits between two ticks, as the feed delivered them) to the book, then
 * computes. {@code bookOnly} is that first half alone, {@code bookOnlyTiered} the same on the first-round
 * {@link TieredOrderBook} (the baseline); {@code obi} and {@code obiTiered} add OBI to each (band sums
 * against the first round's count and sum). Editing the book costs far more than the graph
 * (a Binance diff edits ~70 levels, many deep in the book), so this is the end-to-end view; the
 * graph's own cost on real books is measured without the edits in {@link BookStateBench}. After the last tick of the file the book is reloaded from the first
 * (one op in tens of thousands).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BookTickBench {
    @Param({"60", "600", "6000"})
    public int window;

    @Param(BenchData.DEFAULT_FILE)
    public String data;

    private RecordedTicks ticks;
    private int i;
    private OrderBook book;
    private int tieredTick;
    private TieredOrderBook tieredBook;
    private final double[] sums = new double[2];

    private GraphInstance instance;
    private OutputHandle alpha;
    private OutputHandle vol;
    private OutputHandle stop;
    private StrategySink sink;
    private InstanceSinkInputs sinkInputs;
    private PaperGateway gateway;
    private HandFusedObiMm fused;
    private WindowRecompute recompute;

    @Setup
    public void setUp() {
        ticks = RecordedTicks.of(data, ObiMmGraphs.DEPTH);
        CompiledGraph graph = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM, window);
        instance = graph.newInstance(Execution.GENERATED);
        book = instance.book(graph.book("book"));
        ticks.loadFirst(book);
        tieredBook = new TieredOrderBook();
        ticks.loadFirst(tieredBook);
        alpha = graph.output("alpha");
        vol = graph.output("vol");
        stop = graph.output("stop");
        SinkBinding binding = graph.sink().orElseThrow();
        sink = binding.bind();
        if (!(sink instanceof StatelessMmSink)) {
            throw new IllegalStateException("obi_mm's sink is stateless_mm");
        }
        sinkInputs = new InstanceSinkInputs(instance, binding);
        gateway = new PaperGateway();
        fused = new HandFusedObiMm(window);
        recompute = new WindowRecompute(window);
        for (int k = 0; k < 2 * window + 1; k++) {
            graphWithSink();
            handFused();
            recompute();
        }
    }

    private int advance() {
        return i = ticks.advance(i, book);
    }

    /** Applying the tick's book message, nothing else: the floor under every other variant. */
    @Benchmark
    public double bookOnly() {
        advance();
        return book.bestBid();
    }

    /** Baseline: the same message applied to the first-round book. */
    @Benchmark
    public double bookOnlyTiered() {
        tieredTick = ticks.advance(tieredTick, tieredBook);
        return tieredBook.bestBid();
    }

    /** Book message, then OBI from the band sums the book keeps (the node's method). */
    @Benchmark
    public double obi() {
        advance();
        return HandObi.bands(book, ObiMmGraphs.DEPTH);
    }

    /** Baseline: the message applied to the first-round book, then the first-round OBI (count and sum). */
    @Benchmark
    public double obiTiered() {
        tieredTick = ticks.advance(tieredTick, tieredBook);
        return HandObi.obi(tieredBook, ObiMmGraphs.DEPTH, sums);
    }

    /** Book message, then the compiled graph (generated tick class, the default). */
    @Benchmark
    public double graph() {
        final int k = advance();
        final GraphInstance instance = this.instance;
        instance.onTick(ticks.time(k));
        return instance.value(alpha) + instance.value(vol) + instance.value(stop);
    }

    /** Book message, the compiled graph, then the stateless_mm sink deciding and diffing its quotes. */
    @Benchmark
    public long graphWithSink() {
        final int k = advance();
        final long t = ticks.time(k);
        instance.onTick(t);
        sink.onTick(t, sinkInputs, gateway);
        return gateway.submitted();
    }

    /** Book message, then the hand-fused loop. */
    @Benchmark
    public double handFused() {
        advance();
        final HandFusedObiMm f = fused;
        f.onBook(book);
        return f.alpha + f.vol + f.stop;
    }

    /** Book message, then OBI and the O(W) recompute of the statistics. */
    @Benchmark
    public double recompute() {
        advance();
        final WindowRecompute r = recompute;
        r.onBook(book);
        return r.alpha + r.vol + r.stop;
    }
}
