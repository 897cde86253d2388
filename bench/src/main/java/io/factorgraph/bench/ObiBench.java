package io.factorgraph.bench;

import io.factorgraph.bench.baseline.HandObi;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.OutputHandle;
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
 * {@code OBI(book, 0.001)} alone on {@value #STATES} real book states spread over the feed (each in
 * its own book, visited round-robin, so the walk is not over one state the branch predictor has
 * learnt). {@code graph} ticks a one-node graph bound to that book; {@code handWritten} is the
 * node's method written against the {@link OrderBook} API directly, {@code handWalk} the obvious
 * level-by-level walk. All three give the same value to the bit.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ObiBench {
    static final int STATES = 64;

    @Param(BenchData.DEFAULT_FILE)
    public String data;

    private GraphInstance[] instances;
    private OutputHandle obi;
    private OrderBook[] books;
    private int i;

    @Setup
    public void setUp() {
        List<RecordedTicks.BookState> states = RecordedTicks.of(data, ObiMmGraphs.DEPTH).states(STATES);
        CompiledGraph graph = ObiMmGraphs.compile("obi.fg", ObiMmGraphs.OBI_ONLY);
        obi = graph.output("obi");
        instances = new GraphInstance[states.size()];
        books = new OrderBook[states.size()];
        for (int k = 0; k < states.size(); k++) {
            instances[k] = graph.newInstance();
            states.get(k).loadInto(instances[k].book(graph.book("book")));
            books[k] = new OrderBook();
            states.get(k).loadInto(books[k]);
        }
    }

    private int next() {
        final int k = i + 1;
        return i = k == books.length ? 0 : k;
    }

    @Benchmark
    public double graph() {
        final GraphInstance instance = instances[next()];
        instance.onTick(0);
        return instance.value(obi);
    }

    private final double[] sums = new double[2];

    /** The node's method written by hand (the book's band count and side-by-side sums). */
    @Benchmark
    public double handWritten() {
        return HandObi.obi(books[next()], ObiMmGraphs.DEPTH, sums);
    }

    /** The definition walked level by level, as the node did before it bisected. */
    @Benchmark
    public double handWalk() {
        return HandObi.walk(books[next()], ObiMmGraphs.DEPTH);
    }
}
