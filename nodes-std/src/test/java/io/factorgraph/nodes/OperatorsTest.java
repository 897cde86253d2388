package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The operators against Java's own arithmetic and comparisons, NaN and infinities included. */
class OperatorsTest {
    private static final CompiledGraph GRAPH =
            FgCompiler.standard().compile("ops.fg", """
            input a: double
            input b: double
            add = a + b; sub = a - b; mul = a * b; div = a / b; neg = -a; abs = abs(a)
            lt = a < b; le = a <= b; gt = a > b; ge = a >= b; eq = a == b; ne = a != b
            both = (a > 0) and (b > 0); either = (a > 0) or (b > 0); notpos = not (a > 0)
            """).orElseThrow();

    @Property(tries = 2000)
    void operatorsAgreeWithJava(@ForAll double a, @ForAll double b) {
        GraphInstance instance = GRAPH.newInstance();
        instance.set(GRAPH.input("a"), a);
        instance.set(GRAPH.input("b"), b);
        instance.onTick(0);
        assertEquals(a + b, value(instance, "add"));
        assertEquals(a - b, value(instance, "sub"));
        assertEquals(a * b, value(instance, "mul"));
        assertEquals(a / b, value(instance, "div"));
        assertEquals(-a, value(instance, "neg"));
        assertEquals(Math.abs(a), value(instance, "abs"));
        assertEquals(a < b ? 1.0 : 0.0, value(instance, "lt"));
        assertEquals(a <= b ? 1.0 : 0.0, value(instance, "le"));
        assertEquals(a > b ? 1.0 : 0.0, value(instance, "gt"));
        assertEquals(a >= b ? 1.0 : 0.0, value(instance, "ge"));
        assertEquals(a == b ? 1.0 : 0.0, value(instance, "eq"));
        assertEquals(a != b ? 1.0 : 0.0, value(instance, "ne"));
        assertEquals(a > 0 && b > 0 ? 1.0 : 0.0, value(instance, "both"));
        assertEquals(a > 0 || b > 0 ? 1.0 : 0.0, value(instance, "either"));
        assertEquals(a > 0 ? 0.0 : 1.0, value(instance, "notpos"));
    }

    @Property(tries = 200)
    void lagReturnsTheValueKTicksAgoAndNaNBefore(
            @ForAll @IntRange(min = 0, max = 20) int k, @ForAll @IntRange(min = 1, max = 60) int ticks) {
        CompiledGraph graph = FgCompiler.standard()
                .compile("lag.fg", "input x: double; y = lag(x, " + k + ")")
                .orElseThrow();
        GraphInstance instance = graph.newInstance();
        for (int t = 0; t < ticks; t++) {
            instance.set(graph.input("x"), t * 1.5);
            instance.onTick(t);
            double expected = t >= k ? (t - k) * 1.5 : Double.NaN;
            assertEquals(expected, instance.value(graph.output("y")), "tick " + t + ", k " + k);
        }
    }

    private static double value(GraphInstance instance, String name) {
        return instance.value(instance.graph().output(name));
    }
}
