package io.factorgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.bench.baseline.PaperGateway;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.Execution;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InstanceSinkInputs;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.testkit.allocation.AllocationMeter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/DESIGN.md §10's "0 bytes allocated per tick" as a byte count, not a timing: obi_mm with its sink on
 * real book messages, both ways of running the graph, counted by the thread's allocation counter.
 */
class TickAllocationTest {
    @ParameterizedTest
    @EnumSource(Execution.class)
    void aTickOfObiMmWithItsSinkAllocatesNothing(Execution execution) {
        RecordedTicks ticks = RecordedTicks.of(BenchData.DEFAULT_FILE, ObiMmGraphs.DEPTH);
        CompiledGraph graph = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM, 600);
        GraphInstance instance = graph.newInstance(execution);
        assertEquals(execution, instance.execution());
        OrderBook book = instance.book(graph.book("book"));
        SinkBinding binding = graph.sink().orElseThrow();
        StrategySink sink = binding.bind();
        InstanceSinkInputs inputs = new InstanceSinkInputs(instance, binding);
        PaperGateway gateway = new PaperGateway();
        ticks.loadFirst(book);
        int[] cursor = {0};
        long bytes = AllocationMeter.bytesAllocatedBy(3, () -> {
            for (int n = 0; n < 2_000; n++) {
                int i = cursor[0] = ticks.advance(cursor[0], book);
                instance.onTick(ticks.time(i));
                sink.onTick(ticks.time(i), inputs, gateway);
            }
        });
        assertEquals(0, bytes, "bytes allocated over 2,000 ticks");
        assertTrue(gateway.submitted() > 0, "the sink quoted");
    }
}
