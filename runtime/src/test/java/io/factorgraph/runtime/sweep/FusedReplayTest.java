package io.factorgraph.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.compile.SweepCompileResult;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.FusedGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fused graph ticked over the recorded file: each point sees what its own graph would, and a tick allocates nothing. */
class FusedReplayTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static List<List<ParamOverride>> grid(List<String> windows, List<String> spreads) {
        List<List<ParamOverride>> points = new ArrayList<>();
        for (String window : windows) {
            for (String spread : spreads) {
                points.add(List.of(new ParamOverride("window", window), new ParamOverride("half_spread", spread)));
            }
        }
        return points;
    }

    @Test
    void everyPointsSinkArgumentsEqualItsOwnGraphsToTheBitOverTheWholeFile() throws MarketDataException {
        List<List<ParamOverride>> points = grid(List.of("30", "600"), List.of("0.00001", "0.5", "0.00004"));
        SweepCompileResult result = FusedSweepTest.sweep(points);
        assertEquals(2, result.failedCount(), "half_spread 0.5 fails the sink's cross-check in both windows");
        FusedGraph fused = result.fused().orElseThrow();
        assertEquals(6, fused.nodeCount(), "band and mid once, z-score and deviation once per window");
        long compared = Lockstep.compare(FusedSweepTest.COMPILER, SweepLibrary.SOURCE, result, Long.MAX_VALUE);
        assertTrue(compared > 30_000, "only " + compared + " arguments were numbers");
    }

    @Test
    void aTickOfSixteenFusedPointsAllocatesNothing() throws MarketDataException {
        SweepCompileResult result = FusedSweepTest.sweep(
                grid(List.of("30", "60", "300", "600"), List.of("0.00001", "0.00002", "0.00004", "0.00008")));
        FusedGraph fused = result.fused().orElseThrow();
        assertEquals(16, fused.graph().sinks().size());
        assertEquals(10, fused.nodeCount());
        assertEquals(64, fused.separateNodeCount());
        try (ReplayFactorProvider replay =
                Lockstep.provider(fused.graph(), fused.graph().clockNanos().orElseThrow())) {
            while (replay.next()) {
                // the whole file: the book grows to its working size and the tick program gets compiled
            }
            GraphInstance instance = replay.instance();
            int[] slots = fused.graph().sinks().stream()
                    .map(SinkBinding::argumentSlots)
                    .flatMap(List::stream)
                    .mapToInt(Integer::intValue)
                    .toArray();
            long time = replay.current().timestampNanos();
            double checksum = 0;
            for (int i = 0; i < 20_000; i++) {
                instance.onTick(time += 100_000_000L);
                for (int slot : slots) {
                    checksum += instance.slot(slot);
                }
            }
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++) {
                instance.onTick(time += 100_000_000L);
                for (int slot : slots) {
                    checksum += instance.slot(slot);
                }
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertEquals(0, allocated, "bytes allocated by 100,000 ticks of 16 fused points");
            assertTrue(!Double.isInfinite(checksum));
        }
    }
}
