package io.factorgraph.testkit.harness;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.testkit.streams.TimedStream;
import java.util.List;
import java.util.Objects;

/**
 * Holds a node's (or a whole graph's) state snapshot to the one thing it promises (docs/DESIGN.md §13): a fresh
 * instance restored from a snapshot taken at tick {@code k} and then fed ticks {@code k..n-1} gives, bit for bit,
 * the outputs of one uninterrupted instance over all {@code n} ticks. A user testing the {@code writeState} /
 * {@code readState} of a new node writes:
 *
 * <pre>{@code
 * @Property
 * void myNodeSnapshotRoundTrips(@ForAll("adversarial") double[] stream, @ForAll @IntRange(max = 500) int at) {
 *     SnapshotCheck.of("my_node(x, 20)").check(stream, at % (stream.length + 1));
 * }
 * }</pre>
 *
 * <p>Bit for bit means {@link Double#doubleToLongBits}: NaN equals NaN, but 0.0 and -0.0 differ, because a
 * restored node that loses a sign or a compensation term is exactly the bug to catch. A node that keeps state and
 * does not implement the methods fails with the runtime's one-line refusal.
 */
public final class SnapshotCheck {
    /** Sets a tick's inputs (double inputs, books) on an instance, before the tick runs. */
    @FunctionalInterface
    public interface Feed {
        void feed(GraphInstance instance, int tick);
    }

    private final String name;
    private final CompiledGraph graph;

    private SnapshotCheck(String name, CompiledGraph graph) {
        this.name = name;
        this.graph = graph;
    }

    /**
     * Compiles {@code y = EXPRESSION} over {@code input x: double} with the functions on the class path.
     *
     * @throws AssertionError with the compiler's diagnostics when the expression does not compile
     */
    public static SnapshotCheck of(String expression) {
        var result =
                FgCompiler.standard().compile("<SnapshotCheck>", "input x: double\ny = " + expression + "\noutput y\n");
        if (result.hasErrors()) {
            throw new AssertionError("'" + expression + "' does not compile:\n" + result.render());
        }
        return new SnapshotCheck(expression, result.graph().orElseThrow());
    }

    /** A whole graph, fed by the caller ({@link #check(long[], int, Feed)}). */
    public static SnapshotCheck of(CompiledGraph graph) {
        return new SnapshotCheck(graph.toString(), Objects.requireNonNull(graph, "graph"));
    }

    /** Ticks {@code 0, 1, ...}; the snapshot is taken after {@code at} ticks ({@code 0 <= at <= stream.length}). */
    public void check(double[] stream, int at) {
        long[] times = new long[stream.length];
        for (int t = 0; t < times.length; t++) {
            times[t] = t;
        }
        check(times, stream, at);
    }

    /** As {@link #check(double[], int)}, tick {@code t} at {@code times[t]}: for nodes that depend on time. */
    public void check(long[] times, double[] stream, int at) {
        new TimedStream(times, stream); // checks: same lengths, times never decreasing
        InputHandle x = graph.input("x");
        check(times, at, (instance, t) -> instance.set(x, stream[t]));
    }

    /**
     * Runs {@code times.length} ticks uninterrupted, and again with a snapshot after {@code at} ticks restored into a
     * fresh instance, and compares every output at every tick after {@code at}.
     *
     * @throws AssertionError naming the output, the tick and both values at the first difference
     */
    public void check(long[] times, int at, Feed feed) {
        if (at < 0 || at > times.length) {
            throw new IllegalArgumentException("at must be in [0, " + times.length + "], was " + at);
        }
        List<OutputHandle> outputs = graph.outputs();
        int n = times.length;
        long[][] expected = new long[n][outputs.size()];
        GraphInstance whole = graph.newInstance();
        for (int t = 0; t < n; t++) {
            feed.feed(whole, t);
            whole.onTick(times[t]);
            for (int o = 0; o < outputs.size(); o++) {
                expected[t][o] = Double.doubleToLongBits(whole.value(outputs.get(o)));
            }
        }
        GraphInstance first = graph.newInstance();
        for (int t = 0; t < at; t++) {
            feed.feed(first, t);
            first.onTick(times[t]);
        }
        byte[] snapshot = first.saveState();
        GraphInstance restored = graph.newInstance();
        restored.restoreState(snapshot, "<snapshot of " + name + " at tick " + at + ">");
        for (int t = at; t < n; t++) {
            feed.feed(restored, t);
            restored.onTick(times[t]);
            for (int o = 0; o < outputs.size(); o++) {
                long actual = Double.doubleToLongBits(restored.value(outputs.get(o)));
                if (actual != expected[t][o]) {
                    throw new AssertionError(String.format(
                            "%s: output %s differs at tick %d (time %d) after a snapshot at tick %d restored into a"
                                    + " fresh instance: uninterrupted %s, restored %s",
                            name,
                            outputs.get(o).name(),
                            t,
                            times[t],
                            at,
                            Double.longBitsToDouble(expected[t][o]),
                            Double.longBitsToDouble(actual)));
                }
            }
        }
    }
}
