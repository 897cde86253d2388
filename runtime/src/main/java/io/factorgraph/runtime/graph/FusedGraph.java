package io.factorgraph.runtime.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The points of a sweep planned into one graph (docs/DESIGN.md §12): one instance of {@link #graph()} is
 * ticked once per tick for every point, and each point reads its own sinks from it. A node whose function,
 * inputs and constants are the same for several points exists once, so a grid over a sink's constant
 * computes the factors once; a grid over a window has one windowed node per value. Immutable.
 *
 * <p>The fused graph has no outputs: a sweep reads sinks. Its sinks are every compiled point's sinks in
 * point order ({@link #sinks(int)} picks a point's out of them); several points' sinks may trade the same
 * book, which a single graph refuses. A point that failed to compile has no sinks and says why in
 * {@link #failure(int)}. The plan's {@code params} are the first compiled point's; a point's own values are the
 * overrides it was compiled with. A caller that spreads points over threads compiles each thread's chunk of
 * points as a sweep of its own, so the factors are shared within a chunk and each thread ticks its own instance.
 */
public final class FusedGraph {
    private final CompiledGraph graph;
    /** Index in {@code graph.sinks()} of each point's first sink; one more entry, the sink count. */
    private final int[] firstSink;

    private final List<Optional<String>> failures;
    private final int separateNodeCount;

    private FusedGraph(CompiledGraph graph, int[] firstSink, List<Optional<String>> failures, int separateNodeCount) {
        this.graph = graph;
        this.firstSink = firstSink;
        this.failures = failures;
        this.separateNodeCount = separateNodeCount;
    }

    /**
     * The fused graph of a sweep.
     *
     * @param graph the graph whose sinks are every compiled point's sinks, in point order
     * @param failures for each point, empty when it compiled, else why not (the text the user reads)
     * @param sinkCounts for each point, how many of {@code graph}'s sinks are its (0 for a failed point)
     * @param separateNodeCount the nodes the compiled points' own graphs hold together
     * @throws IllegalArgumentException when the counts do not add up to the graph's sinks
     */
    public static FusedGraph of(
            CompiledGraph graph, List<Optional<String>> failures, List<Integer> sinkCounts, int separateNodeCount) {
        Objects.requireNonNull(graph, "graph");
        if (failures.size() != sinkCounts.size()) {
            throw new IllegalArgumentException(failures.size() + " points but " + sinkCounts.size() + " sink counts");
        }
        int[] first = new int[sinkCounts.size() + 1];
        for (int i = 0; i < sinkCounts.size(); i++) {
            int count = sinkCounts.get(i);
            if (count < 0 || (count > 0 && failures.get(i).isPresent())) {
                throw new IllegalArgumentException("point " + i + ": " + count + " sinks"
                        + (failures.get(i).isPresent() ? " for a failed point" : ""));
            }
            first[i + 1] = first[i] + count;
        }
        if (first[sinkCounts.size()] != graph.sinks().size()) {
            throw new IllegalArgumentException("the points have " + first[sinkCounts.size()]
                    + " sinks but the graph has " + graph.sinks().size());
        }
        return new FusedGraph(graph, first, List.copyOf(failures), separateNodeCount);
    }

    /** The graph to instantiate and tick once per tick for all points. */
    public CompiledGraph graph() {
        return graph;
    }

    public int pointCount() {
        return failures.size();
    }

    /** The point's sinks (empty for a failed point), in its source order; they are elements of graph().sinks(). */
    public List<SinkBinding> sinks(int point) {
        Objects.checkIndex(point, pointCount());
        return graph.sinks().subList(firstSink[point], firstSink[point + 1]);
    }

    /** Index in graph().sinks() of the point's first sink. */
    public int firstSink(int point) {
        Objects.checkIndex(point, pointCount());
        return firstSink[point];
    }

    public boolean ok(int point) {
        return failures.get(point).isEmpty();
    }

    /** Why the point did not compile, as the user reads it; empty when it did. */
    public Optional<String> failure(int point) {
        return failures.get(point);
    }

    /** The library-function nodes of the fused program: what one tick of all points runs. */
    public int nodeCount() {
        return graph.plan().functionNodes().size();
    }

    /**
     * The library-function nodes the compiled points' own graphs hold together (each as {@code fg backtest}
     * compiles it, outputs included): what running the points one by one would tick.
     */
    public int separateNodeCount() {
        return separateNodeCount;
    }

    /** E.g. {@code fused: 9 nodes for 64 points vs 448 in 64 separate graphs}. */
    public String describe() {
        long compiled = failures.stream().filter(Optional::isEmpty).count();
        return "fused: " + nodeCount() + " nodes for " + compiled + (compiled == 1 ? " point" : " points") + " vs "
                + separateNodeCount + " in " + compiled + (compiled == 1 ? " separate graph" : " separate graphs");
    }

    @Override
    public String toString() {
        return describe();
    }
}
