package io.factorgraph.testkit.harness;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.testkit.streams.TimedStream;
import java.util.Objects;

/**
 * Holds a streaming node to a naive batch reference, tick by tick, through the real compiler and
 * runtime. A user testing a new node writes:
 *
 * <p>A node whose result depends on time (a duration window such as {@code zscore(x, 60s)}, a half-life in
 * time) is checked the same way with timestamps: {@code .against((times, xs, t) -> ...)} and
 * {@code .check(times, stream)}, fed from {@link io.factorgraph.testkit.streams.Streams#timed}.
 *
 * <pre>{@code
 * @Property
 * void myNodeMatchesItsDefinition(@ForAll("adversarial") double[] stream) {
 *     NodeCheck.of("my_node(x, 20)")
 *             .against((xs, t) -> naiveMyNode(xs, t, 20))
 *             .within(Tolerance.relativeToData(1e-9))
 *             .check(stream);
 * }
 * }</pre>
 *
 * The expression reads one double input named {@code x}. On a mismatch the assertion error names
 * the tick, both values, the difference, and the last inputs, which is what one needs to debug it.
 */
public final class NodeCheck {
    private final String expression;
    private final CompiledGraph graph;
    private final TimedBatchFunction reference;
    private final Tolerance tolerance;

    private NodeCheck(String expression, CompiledGraph graph, TimedBatchFunction reference, Tolerance tolerance) {
        this.expression = expression;
        this.graph = graph;
        this.reference = reference;
        this.tolerance = tolerance;
    }

    /**
     * Compiles {@code y = EXPRESSION} over {@code input x: double} with the functions on the class
     * path.
     *
     * @throws AssertionError with the compiler's diagnostics when the expression does not compile
     */
    public static NodeCheck of(String expression) {
        var result =
                FgCompiler.standard().compile("<NodeCheck>", "input x: double\ny = " + expression + "\noutput y\n");
        if (result.hasErrors()) {
            throw new AssertionError("'" + expression + "' does not compile:\n" + result.render());
        }
        return new NodeCheck(expression, result.graph().orElseThrow(), null, Tolerance.exact());
    }

    public NodeCheck against(BatchFunction reference) {
        Objects.requireNonNull(reference, "reference");
        return new NodeCheck(expression, graph, (times, xs, t) -> reference.at(xs, t), tolerance);
    }

    /** A reference that reads the samples' times too: for duration windows and decays by elapsed time. */
    public NodeCheck against(TimedBatchFunction reference) {
        return new NodeCheck(expression, graph, Objects.requireNonNull(reference, "reference"), tolerance);
    }

    public NodeCheck within(Tolerance tolerance) {
        return new NodeCheck(expression, graph, reference, Objects.requireNonNull(tolerance, "tolerance"));
    }

    /**
     * Feeds {@code stream} one value per tick (tick {@code t} at time {@code t} ns) into a fresh instance and
     * compares every tick; then resets the instance and checks the whole stream again, so that
     * {@code reset()} is held to "as good as new".
     */
    public void check(double[] stream) {
        long[] times = new long[stream.length];
        for (int t = 0; t < times.length; t++) {
            times[t] = t;
        }
        check(times, stream, false);
    }

    /**
     * As {@link #check(double[])}, tick {@code t} at {@code times[t]} (local clock, nanoseconds; never
     * decreasing, equal times allowed): for nodes whose result depends on time.
     */
    public void check(long[] times, double[] stream) {
        check(times, stream, true);
    }

    /** @param timed whether the times are the caller's, and so worth naming in a failure */
    private void check(long[] times, double[] stream, boolean timed) {
        if (reference == null) {
            throw new IllegalStateException("call against(reference) before check(stream)");
        }
        new TimedStream(times, stream); // checks: same lengths, times never decreasing
        GraphInstance instance = graph.newInstance();
        run(instance, times, stream, timed, "");
        instance.reset();
        run(instance, times, stream, timed, " after reset()");
    }

    private void run(GraphInstance instance, long[] times, double[] stream, boolean timed, String when) {
        InputHandle x = graph.input("x");
        OutputHandle y = graph.output("y");
        double scale = 0;
        for (int t = 0; t < stream.length; t++) {
            if (Double.isFinite(stream[t])) {
                scale = Math.max(scale, Math.abs(stream[t]));
            }
            instance.set(x, stream[t]);
            instance.onTick(times[t]);
            double actual = instance.value(y);
            double expected = reference.at(times, stream, t);
            if (!tolerance.accepts(expected, actual, scale)) {
                throw new AssertionError(String.format(
                        "%s differs from its reference at tick %d%s%s: expected %s, was %s (difference %s,"
                                + " data scale %s)%n  last inputs: %s",
                        expression,
                        t,
                        timed ? " (time " + times[t] + ")" : "",
                        when,
                        expected,
                        actual,
                        Math.abs(expected - actual),
                        scale,
                        tail(stream, t)));
            }
        }
    }

    private static String tail(double[] stream, int tick) {
        StringBuilder out = new StringBuilder();
        int from = Math.max(0, tick - 7);
        if (from > 0) {
            out.append("..., ");
        }
        for (int i = from; i <= tick; i++) {
            out.append(stream[i]).append(i < tick ? ", " : "");
        }
        return out.toString();
    }
}
