package io.factorgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.bench.baseline.HandFusedObiMm;
import io.factorgraph.bench.baseline.HandObi;
import io.factorgraph.bench.baseline.NaiveFusedFactors;
import io.factorgraph.bench.baseline.WindowRecompute;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.market.TieredOrderBook;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The comparisons are fair only if every variant computes the same thing: the hand-fused loop gives
 * the graph's outputs to the bit, the O(W) recompute agrees to rounding, and the graphs the
 * benchmarks compile are the example files.
 */
class BaselinesAgreeTest {
    private static RecordedTicks ticks() {
        return RecordedTicks.of(BenchData.DEFAULT_FILE, ObiMmGraphs.DEPTH);
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 600})
    void handFusedAndRecomputeAgreeWithTheGraphOnTheSeries(int window) {
        RecordedTicks ticks = ticks();
        CompiledGraph graph = ObiMmGraphs.compile("series.fg", ObiMmGraphs.OBI_MM_FACTORS_ON_SERIES, window);
        GraphInstance instance = graph.newInstance();
        HandFusedObiMm fused = new HandFusedObiMm(window);
        WindowRecompute recompute = new WindowRecompute(window);
        NaiveFusedFactors naive = new NaiveFusedFactors(window);
        double worstAlpha = 0;
        double worstVol = 0;
        int stops = 0;
        for (int i = 0; i < ticks.ticks(); i++) {
            instance.set(graph.input("obi"), ticks.obi(i));
            instance.set(graph.input("mid"), ticks.mid(i));
            instance.onTick(i);
            fused.onFactors(ticks.obi(i), ticks.mid(i));
            recompute.onFactors(ticks.obi(i), ticks.mid(i));
            naive.onFactors(ticks.obi(i), ticks.mid(i));
            double alpha = instance.value(graph.output("alpha"));
            double vol = instance.value(graph.output("vol"));
            double stop = instance.value(graph.output("stop"));
            assertEquals(Double.doubleToLongBits(alpha), Double.doubleToLongBits(fused.alpha), "alpha at " + i);
            assertEquals(Double.doubleToLongBits(vol), Double.doubleToLongBits(fused.vol), "vol at " + i);
            assertEquals(stop, fused.stop, "stop at " + i);
            worstAlpha = Math.max(worstAlpha, Math.abs(alpha - recompute.alpha));
            worstVol = Math.max(worstVol, Math.abs(vol - recompute.vol) / Math.max(vol, 1e-300));
            assertEquals(stop, recompute.stop, "recompute's stop at " + i);
            stops += stop != 0 ? 1 : 0;
        }
        assertTrue(worstAlpha < 1e-9, "recompute's alpha differs by " + worstAlpha);
        assertTrue(worstVol < 1e-9, "recompute's vol differs by a relative " + worstVol);
        assertTrue(stops < ticks.ticks(), "the stop is not on all the time");
        assertTrue(Double.isFinite(naive.alpha), "the naive variant runs");
    }

    @Test
    void handFusedAgreesWithTheGraphOnRealBooks() {
        RecordedTicks ticks = ticks();
        CompiledGraph graph = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM, 60);
        GraphInstance instance = graph.newInstance();
        OrderBook book = instance.book(graph.book("book"));
        HandFusedObiMm fused = new HandFusedObiMm(60);
        ticks.loadFirst(book);
        for (int i = 0; i < 3_000; i++) {
            if (i > 0) {
                ticks.apply(i, book);
            }
            instance.onTick(ticks.time(i));
            fused.onBook(book);
            assertEquals(
                    Double.doubleToLongBits(instance.value(graph.output("alpha"))),
                    Double.doubleToLongBits(fused.alpha),
                    "alpha at " + i);
            assertEquals(
                    Double.doubleToLongBits(instance.value(graph.output("vol"))),
                    Double.doubleToLongBits(fused.vol),
                    "vol at " + i);
            assertEquals(instance.value(graph.output("stop")), fused.stop, "stop at " + i);
            assertEquals(ticks.obi(i), HandObi.obi(book, ObiMmGraphs.DEPTH, new double[2]), "the recorded OBI at " + i);
        }
    }

    @Test
    void theObiNodeAgreesWithTheBandSumsToTheBitAndWithTheWalksToRounding() {
        CompiledGraph graph = ObiMmGraphs.compile("obi.fg", ObiMmGraphs.OBI_ONLY);
        for (RecordedTicks.BookState state : ticks().states(64)) {
            GraphInstance instance = graph.newInstance();
            OrderBook book = instance.book(graph.book("book"));
            state.loadInto(book);
            instance.onTick(0);
            double node = instance.value(graph.output("obi"));
            assertEquals(
                    Double.doubleToLongBits(HandObi.bands(book, ObiMmGraphs.DEPTH)), Double.doubleToLongBits(node));
            double walk = HandObi.walk(book, ObiMmGraphs.DEPTH);
            assertEquals(
                    Double.doubleToLongBits(walk),
                    Double.doubleToLongBits(HandObi.obi(book, ObiMmGraphs.DEPTH, new double[2])),
                    "the two first-round forms add in the same order");
            TieredOrderBook tiered = new TieredOrderBook();
            state.loadInto(tiered);
            assertEquals(
                    Double.doubleToLongBits(walk),
                    Double.doubleToLongBits(HandObi.walk(tiered, ObiMmGraphs.DEPTH)),
                    "the first-round book walks to the same value");
            // exact sums against sums rounded at each of ~hundreds of additions of quantities up to ~100
            assertEquals(walk, node, 1e-11, "the exact band sums agree with the walk to its rounding");
            assertTrue(state.levelsInBand(ObiMmGraphs.DEPTH) > 100, "a real book's band holds hundreds of levels");
        }
    }

    @Test
    void theBenchmarkedGraphsAreTheExampleFiles() throws Exception {
        Path examples = Path.of("../examples");
        assertEquals(Files.readString(examples.resolve("obi_mm.fg")), ObiMmGraphs.OBI_MM);
        assertEquals(Files.readString(examples.resolve("obi_mm_factors.fg")), ObiMmGraphs.OBI_MM_FACTORS);
    }
}
