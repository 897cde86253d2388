package io.factorgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import io.factorgraph.testkit.allocation.AllocationMeter;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zero allocation per event and per tick holds with several books (docs/DESIGN.md §10, §11): {@code fg run}'s path over
 * two recorded feeds merged, counted by the thread's allocation counter once the books have grown to their depth.
 */
class MergedReplayAllocationTest {
    private static final String GRAPH = """
            input btc: Book
            input eth: Book
            clock every 100ms
            ratio = mid(eth) / mid(btc)
            obi = obi_norm(btc, 0.001) - obi_norm(eth, 0.001)
            """;

    @Test
    void ticksOfATwoBookGraphOverMergedFeedsAllocateNothing() throws MarketDataException {
        CompiledGraph graph =
                FgCompiler.standard().compile("two_books.fg", GRAPH).orElseThrow();
        try (ReplayFactorProvider warm = open(graph)) { // compiles the whole path
            while (warm.next()) {
                assertTrue(warm.current().size() == 2);
            }
        }
        try (ReplayFactorProvider replay = open(graph)) {
            for (int i = 0; i < 1_500; i++) { // the books grow to the files' depth
                assertTrue(replay.next());
            }
            long before = replay.eventCount();
            double[] checksum = {0};
            long bytes = AllocationMeter.bytesAllocatedBy(3, () -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        if (replay.next()) {
                            checksum[0] += replay.current().value(0);
                        }
                    }
                } catch (MarketDataException e) {
                    throw new UncheckedIOException(new java.io.IOException(e));
                }
            });
            assertEquals(0, bytes, "bytes allocated over 200 ticks and the events between them");
            assertTrue(replay.eventCount() - before > 100_000, "events merged: " + (replay.eventCount() - before));
            assertTrue(checksum[0] > 0);
        }
    }

    private static ReplayFactorProvider open(CompiledGraph graph) throws MarketDataException {
        return new ReplayFactorProvider(
                List.of(
                        EventSources.open(List.of(RecordedData.file("usdm_btcusdt_20240808.gz")), GapPolicy.FAIL),
                        EventSources.open(List.of(RecordedData.file("usdm_ethusdt_20240808.gz")), GapPolicy.FAIL)),
                graph.newInstance(),
                graph.clockNanos().orElseThrow(),
                CrossedBookPolicy.FAIL);
    }
}
