package io.factorgraph.bench;

import io.factorgraph.bench.baseline.HandObi;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.market.TieredOrderBook;
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
 * learnt). {@code graph} ticks a one-node graph bound to that book (the tick-indexed {@link OrderBook}
 * and its band sums); {@code bandSums} is the same written by hand. The first round's forms, on the
 * first-round {@link TieredOrderBook} (the baseline) and on the new book: {@code tiered} (its band count
 * and side-by-side prefix sums, the first-round node), {@code tieredWalk} (the level-by-level walk), and
 * {@code handWritten}/{@code handWalk}, the same two on the new book. The band sums are exact and can
 * differ from the walks in the last bits (see the node's contract). A state revisited with the same mid
 * leaves the band edges where they were, so {@code graph} and {@code bandSums} show the O(1) query; the
 * cost of moving the edges as the book changes is in {@link BookTickBench}.
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
    private TieredOrderBook[] tieredBooks;
    private int i;

    @Setup
    public void setUp() {
        List<RecordedTicks.BookState> states =
                RecordedTicks.of(data, ObiMmGraphs.DEPTH).states(STATES);
        CompiledGraph graph = ObiMmGraphs.compile("obi.fg", ObiMmGraphs.OBI_ONLY);
        obi = graph.output("obi");
        instances = new GraphInstance[states.size()];
        books = new OrderBook[states.size()];
        tieredBooks = new TieredOrderBook[states.size()];
        for (int k = 0; k < states.size(); k++) {
            instances[k] = graph.newInstance();
            states.get(k).loadInto(instances[k].book(graph.book("book")));
            books[k] = new OrderBook();
            states.get(k).loadInto(books[k]);
            tieredBooks[k] = new TieredOrderBook();
            states.get(k).loadInto(tieredBooks[k]);
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

    /** The band sums the book keeps, by hand: the node's method. */
    @Benchmark
    public double bandSums() {
        return HandObi.bands(books[next()], ObiMmGraphs.DEPTH);
    }

    /** Baseline: the first-round node's method on the first-round book. */
    @Benchmark
    public double tiered() {
        return HandObi.obi(tieredBooks[next()], ObiMmGraphs.DEPTH, sums);
    }

    /** Baseline: the level-by-level walk on the first-round book. */
    @Benchmark
    public double tieredWalk() {
        return HandObi.walk(tieredBooks[next()], ObiMmGraphs.DEPTH);
    }
}
