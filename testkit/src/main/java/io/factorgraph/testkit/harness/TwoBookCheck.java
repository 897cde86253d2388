package io.factorgraph.testkit.harness;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.testkit.books.BookLevels;
import java.util.Objects;

/**
 * {@link NodeCheck} for an expression over two books (docs/DESIGN.md §11): both books are set to the given levels
 * before each tick, the graph ticks at the given time, and the result is compared with a naive reference of both
 * books' states. A user testing a basis writes:
 *
 * <pre>{@code
 * @Property
 * void basisMatchesItsDefinition(@ForAll("books") BookLevels[] perp, @ForAll("books") BookLevels[] spot) {
 *     TwoBookCheck.of("perp", "spot", "mid(perp) / mid(spot) - 1")
 *             .against((times, a, b, t) -> mid(a[t]) / mid(b[t]) - 1)
 *             .within(Tolerance.relative(1e-15))
 *             .check(times, perp, spot);
 * }
 * }</pre>
 *
 * The two books are declared as {@code input FIRST: Book} and {@code input SECOND: Book}, in that order; a window
 * in the expression may be a count or a duration, with the times giving the ticks' clock.
 */
public final class TwoBookCheck {
    private final String expression;
    private final String first;
    private final String second;
    private final CompiledGraph graph;
    private final TwoBookFunction reference;
    private final Tolerance tolerance;

    private TwoBookCheck(
            String expression,
            String first,
            String second,
            CompiledGraph graph,
            TwoBookFunction reference,
            Tolerance tolerance) {
        this.expression = expression;
        this.first = first;
        this.second = second;
        this.graph = graph;
        this.reference = reference;
        this.tolerance = tolerance;
    }

    /**
     * Compiles {@code y = EXPRESSION} over {@code input FIRST: Book} and {@code input SECOND: Book}.
     *
     * @throws AssertionError with the compiler's diagnostics when the expression does not compile
     */
    public static TwoBookCheck of(String first, String second, String expression) {
        String text = "input " + first + ": Book\ninput " + second + ": Book\ny = " + expression + "\noutput y\n";
        var result = FgCompiler.standard().compile("<TwoBookCheck>", text);
        if (result.hasErrors()) {
            throw new AssertionError("'" + expression + "' does not compile:\n" + result.render());
        }
        return new TwoBookCheck(expression, first, second, result.graph().orElseThrow(), null, Tolerance.exact());
    }

    public TwoBookCheck against(TwoBookFunction reference) {
        return new TwoBookCheck(
                expression, first, second, graph, Objects.requireNonNull(reference, "reference"), tolerance);
    }

    public TwoBookCheck within(Tolerance tolerance) {
        return new TwoBookCheck(
                expression, first, second, graph, reference, Objects.requireNonNull(tolerance, "tolerance"));
    }

    /**
     * Ticks a fresh instance at each {@code times[t]} with the books at {@code firstBooks[t]} and
     * {@code secondBooks[t]}, comparing every tick; then resets it and checks again.
     */
    public void check(long[] times, BookLevels[] firstBooks, BookLevels[] secondBooks) {
        if (reference == null) {
            throw new IllegalStateException("call against(reference) before check(...)");
        }
        if (times.length != firstBooks.length || times.length != secondBooks.length) {
            throw new IllegalArgumentException("times, first and second books differ in length: " + times.length + ", "
                    + firstBooks.length + ", " + secondBooks.length);
        }
        GraphInstance instance = graph.newInstance();
        run(instance, times, firstBooks, secondBooks, "");
        instance.reset();
        run(instance, times, firstBooks, secondBooks, " after reset()");
    }

    private void run(
            GraphInstance instance, long[] times, BookLevels[] firstBooks, BookLevels[] secondBooks, String when) {
        OrderBook a = instance.book(graph.book(first));
        OrderBook b = instance.book(graph.book(second));
        OutputHandle y = graph.output("y");
        for (int t = 0; t < times.length; t++) {
            firstBooks[t].load(a);
            secondBooks[t].load(b);
            instance.onTick(times[t]);
            double actual = instance.value(y);
            double expected = reference.at(times, firstBooks, secondBooks, t);
            double scale = Math.max(Math.abs(firstBooks[t].bestAsk()), Math.abs(secondBooks[t].bestAsk()));
            if (!tolerance.accepts(expected, actual, Double.isFinite(scale) ? scale : 0)) {
                throw new AssertionError(String.format(
                        "%s differs from its reference at tick %d (time %d)%s: expected %s, was %s%n  %s: %s%n  %s: %s",
                        expression, t, times[t], when, expected, actual, first, firstBooks[t], second, secondBooks[t]));
            }
        }
    }
}
