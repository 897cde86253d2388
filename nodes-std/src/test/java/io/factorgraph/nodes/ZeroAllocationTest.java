package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.testkit.allocation.AllocationMeter;
import org.junit.jupiter.api.Test;

/** A tick allocates nothing: measured in bytes over 10^5 ticks of a graph using every function. */
class ZeroAllocationTest {
    static final String EVERY_FUNCTION = """
            input x: double
            input y: double
            sum   = x + y
            diff  = x - y
            prod  = x * y
            ratio = x / y
            neg   = -x
            mag   = abs(diff)
            prev  = lag(x, 3)
            cmp   = (x < y) or (x <= y) and (x > prev) or (x >= y) and not (x == y) or (x != prev)
            mix   = sum * 0.5 - ratio / 2 + neg
            """;

    @Test
    void tickingAGraphOfEveryOperatorAllocatesNothing() {
        CompiledGraph graph =
                FgCompiler.standard().compile("every.fg", EVERY_FUNCTION).orElseThrow();
        assertTrue(graph.plan().functionNodes().size() >= 20, "the graph exercises every operator");
        GraphInstance instance = graph.newInstance();
        InputHandle x = graph.input("x");
        InputHandle y = graph.input("y");
        OutputHandle mix = graph.output("mix");
        double[] checksum = new double[1];
        long[] time = new long[1];
        long bytes = AllocationMeter.bytesAllocatedBy(3, () -> {
            for (int i = 0; i < 100_000; i++) {
                instance.set(x, 100 + (i % 17));
                instance.set(y, 99 + (i % 13));
                instance.onTick(time[0]++);
                checksum[0] += instance.value(mix);
            }
        });
        assertEquals(0, bytes, "bytes allocated over 10^5 ticks");
        assertTrue(Double.isFinite(checksum[0]));
    }
}
