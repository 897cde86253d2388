package io.factorgraph.bench;

import io.factorgraph.bench.baseline.HandFusedObiMm;
import io.factorgraph.bench.baseline.PaperGateway;
import io.factorgraph.bench.baseline.WindowRecompute;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InstanceSinkInputs;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.market.OrderBook;
import java.util.List;
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
 * The whole {@code examples/obi_mm.fg} per tick on real book states, without the cost of editing the
 * book: {@value #STATES} instances, each with its book loaded with a different state from the feed,
 * ticked round-robin (so the OBI walk is over varied books, not one the branch predictor has learnt;
 * each instance's windows see every 64th tick, which changes nothing in the cost). One op = one tick
 * of one instance: OBI, mid, z-score, change, volatility, stop, and with the sink its decision and
 * order diff against a paper gateway. The hand-fused loop and the O(W) recompute get the same books.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class BookStateBench {
    static final int STATES = 64;

    @Param({"60", "600", "6000"})
    public int window;

    @Param(BenchData.DEFAULT_FILE)
    public String data;

    private GraphInstance[] instances;
    private InstanceSinkInputs[] sinkInputs;
    private StrategySink[] sinks;
    private PaperGateway[] gateways;
    private OrderBook[] books;
    private HandFusedObiMm[] fused;
    private StrategySink[] fusedSinks;
    private PaperGateway[] fusedGateways;
    private WindowRecompute[] recompute;
    private OutputHandle alpha;
    private OutputHandle vol;
    private OutputHandle stop;
    private int i;

    @Setup
    public void setUp() {
        List<RecordedTicks.BookState> states =
                RecordedTicks.of(data, ObiMmGraphs.DEPTH).states(STATES);
        CompiledGraph graph = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM, window);
        SinkBinding binding = graph.sink().orElseThrow();
        alpha = graph.output("alpha");
        vol = graph.output("vol");
        stop = graph.output("stop");
        int n = states.size();
        instances = new GraphInstance[n];
        sinkInputs = new InstanceSinkInputs[n];
        sinks = new StrategySink[n];
        gateways = new PaperGateway[n];
        books = new OrderBook[n];
        fused = new HandFusedObiMm[n];
        fusedSinks = new StrategySink[n];
        fusedGateways = new PaperGateway[n];
        recompute = new WindowRecompute[n];
        for (int k = 0; k < n; k++) {
            instances[k] = graph.newInstance();
            states.get(k).loadInto(instances[k].book(graph.book("book")));
            sinkInputs[k] = new InstanceSinkInputs(instances[k], binding);
            sinks[k] = binding.bind();
            gateways[k] = new PaperGateway();
            books[k] = new OrderBook();
            states.get(k).loadInto(books[k]);
            fused[k] = new HandFusedObiMm(window);
            fusedSinks[k] = binding.bind();
            fusedGateways[k] = new PaperGateway();
            recompute[k] = new WindowRecompute(window);
        }
        for (int k = 0; k < n * (2 * window + 1); k++) {
            graphWithSink();
            handFusedWithSink();
            recompute();
        }
    }

    private int next() {
        final int k = i + 1;
        return i = k == instances.length ? 0 : k;
    }

    @Benchmark
    public double graph() {
        final GraphInstance instance = instances[next()];
        instance.onTick(i);
        return instance.value(alpha) + instance.value(vol) + instance.value(stop);
    }

    @Benchmark
    public long graphWithSink() {
        final int k = next();
        instances[k].onTick(k);
        sinks[k].onTick(k, sinkInputs[k], gateways[k]);
        return gateways[k].submitted();
    }

    @Benchmark
    public double handFused() {
        final int k = next();
        final HandFusedObiMm f = fused[k];
        f.onBook(books[k]);
        return f.alpha + f.vol + f.stop;
    }

    @Benchmark
    public long handFusedWithSink() {
        final int k = next();
        fused[k].onBook(books[k]);
        fusedSinks[k].onTick(k, fused[k], fusedGateways[k]);
        return fusedGateways[k].submitted();
    }

    @Benchmark
    public double recompute() {
        final int k = next();
        final WindowRecompute r = recompute[k];
        r.onBook(books[k]);
        return r.alpha + r.vol + r.stop;
    }
}
