package io.factorgraph.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.compile.SweepCompileResult;
import io.factorgraph.runtime.graph.FusedGraph;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.registry.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The compiler side of a fused sweep (docs/DESIGN.md §12): what is shared, what each point keeps, what fails. */
class FusedSweepTest {
    static final FgCompiler COMPILER = FgCompiler.withRegistry(FunctionRegistry.of(List.of(new SweepLibrary())));

    static List<List<ParamOverride>> grid(String name, String... values) {
        List<List<ParamOverride>> points = new ArrayList<>();
        for (String value : values) {
            points.add(List.of(new ParamOverride(name, value)));
        }
        return points;
    }

    static SweepCompileResult sweep(List<List<ParamOverride>> points) {
        return COMPILER.compileSweep("obi_mm_like.fg", SweepLibrary.SOURCE, points);
    }

    /** How many nodes of each function the fused program holds. */
    static Map<String, Integer> nodesByFunction(FusedGraph fused) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PlanNode.Function node : fused.graph().plan().functionNodes()) {
            counts.merge(node.function().signature().name(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aGridOverASinkConstantBuildsTheFactorsOnce() {
        SweepCompileResult result = sweep(grid("half_spread", "0.00001", "0.00002", "0.00004", "0.00008"));
        FusedGraph fused = result.fused().orElseThrow();
        assertEquals(Map.of("band", 1, "bmid", 1, "wstd", 1, "zs", 1), nodesByFunction(fused));
        assertEquals(4, fused.nodeCount());
        assertEquals(16, fused.separateNodeCount());
        assertEquals(4, fused.pointCount());
        assertEquals(4, fused.graph().sinks().size());
        assertEquals("fused: 4 nodes for 4 points vs 16 in 4 separate graphs", fused.describe());
        for (int p = 0; p < 4; p++) {
            List<SinkBinding> sinks = fused.sinks(p);
            assertEquals(1, sinks.size());
            assertEquals(
                    Double.parseDouble(result.points().get(p).overrides().get(0).value()),
                    sinks.get(0).arguments().number("half_spread"),
                    "point " + p + " keeps its own sink constants");
            assertEquals(fused.sinks(0).get(0).slots(), sinks.get(0).slots(), "every point reads the same factors");
        }
    }

    @Test
    void aGridOverTheWindowBuildsOneWindowedNodePerValue() {
        FusedGraph fused = sweep(grid("window", "30", "60", "120")).fused().orElseThrow();
        assertEquals(Map.of("band", 1, "bmid", 1, "wstd", 3, "zs", 3), nodesByFunction(fused));
        assertEquals(12, fused.separateNodeCount());
        assertEquals(
                3,
                fused.graph().sinks().stream()
                        .map(s -> s.slots().get("alpha"))
                        .distinct()
                        .count(),
                "each window's sink reads its own z-score");
    }

    @Test
    void aFailingPointDoesNotStopTheOthers() {
        SweepCompileResult result = sweep(grid("half_spread", "0.00001", "0.5", "0.00004"));
        assertFalse(result.refused());
        assertEquals(1, result.failedCount());
        var failed = result.points().get(1);
        assertFalse(failed.ok());
        assertTrue(
                failed.failure().orElseThrow().contains("wider than max_spread"),
                failed.failure().orElseThrow());
        assertTrue(
                failed.failure().orElseThrow().startsWith("obi_mm_like.fg:"),
                failed.failure().orElseThrow());
        assertTrue(failed.failureText().contains("lower half_spread"), failed.failureText());
        FusedGraph fused = result.fused().orElseThrow();
        assertEquals(3, fused.pointCount());
        assertTrue(fused.ok(0) && !fused.ok(1) && fused.ok(2));
        assertEquals(List.of(), fused.sinks(1));
        assertEquals(1, fused.sinks(2).size());
        assertEquals(0.00004, fused.sinks(2).get(0).arguments().number("half_spread"));
        assertEquals(2, fused.graph().sinks().size());
        assertTrue(fused.failure(1).orElseThrow().contains("wider than max_spread"));
    }

    @Test
    void noFusedGraphWhenEveryPointFails() {
        SweepCompileResult result = sweep(grid("half_spread", "0.5", "0.6"));
        assertEquals(2, result.failedCount());
        assertTrue(result.fused().isEmpty());
        assertFalse(result.refused());
    }

    @Test
    void aWrongKindOverrideIsReportedOnceAndRefusesTheSweep() {
        List<List<ParamOverride>> points = new ArrayList<>();
        for (String spread : List.of("0.00001", "0.00002", "0.00003")) {
            points.add(List.of(new ParamOverride("window", "abc"), new ParamOverride("half_spread", spread)));
        }
        SweepCompileResult result = sweep(points);
        assertTrue(result.refused());
        assertEquals(1, result.overrideProblems().size(), result.renderOverrideProblems());
        assertTrue(result.renderOverrideProblems().startsWith("--param window=abc: error:"));
        assertTrue(result.fused().isEmpty());
    }

    @Test
    void anUnknownParamIsReportedOnceWithASuggestion() {
        SweepCompileResult result = sweep(grid("half_sprd", "0.00001", "0.00002"));
        assertTrue(result.refused());
        assertEquals(1, result.overrideProblems().size(), result.renderOverrideProblems());
        assertTrue(result.renderOverrideProblems().contains("half_spread"), result.renderOverrideProblems());
    }

    @Test
    void aPointThatMovesTheClockFails() {
        String source = SweepLibrary.SOURCE.replace("clock every 100ms", "param tick = 100ms\nclock every tick");
        SweepCompileResult result =
                COMPILER.compileSweep("clocked.fg", source, grid("tick", "100ms", "200ms", "100ms"));
        assertTrue(result.points().get(0).ok(), result.points().get(0).failureText());
        assertFalse(result.points().get(1).ok());
        assertTrue(
                result.points().get(1).failure().orElseThrow().contains("all points of a sweep tick on one clock"),
                result.points().get(1).failure().orElseThrow());
        assertTrue(result.points().get(2).ok());
        assertEquals(2, result.fused().orElseThrow().graph().sinks().size());
    }

    @Test
    void eachPointKeepsAllItsSinksAndPointsMayTradeTheSameBooks() {
        String source = """
                input perp: Book
                input spot: Book
                param window = 60
                param half_spread = 0.00002
                clock every 100ms
                alpha = zs(band(perp, 0.001), window)
                vol = wstd(bmid(perp), window)
                sink mm(alpha, vol, bmid(perp), book = perp, half_spread = half_spread, skew = 0, max_spread = 0.001)
                sink mm(alpha, vol, bmid(spot), book = spot, half_spread = half_spread, skew = 0, max_spread = 0.001)
                """;
        SweepCompileResult result =
                COMPILER.compileSweep("two.fg", source, grid("half_spread", "0.00001", "0.00002", "0.00003"));
        FusedGraph fused = result.fused().orElseThrow();
        assertEquals(Map.of("band", 1, "bmid", 2, "wstd", 1, "zs", 1), nodesByFunction(fused));
        assertEquals(6, fused.graph().sinks().size());
        for (int p = 0; p < 3; p++) {
            List<SinkBinding> sinks = fused.sinks(p);
            assertEquals(2 * p, fused.firstSink(p));
            assertEquals(
                    List.of("perp", "spot"),
                    sinks.stream().map(s -> s.tradedBook().orElseThrow().name()).toList());
            assertEquals(0.00001 * (p + 1), sinks.get(1).arguments().number("half_spread"), 1e-18);
        }
    }

    @Test
    void pointsThatFitTheMemoryBudgetAloneButNotTogetherAreNotFused() {
        // each point keeps two windows of 10,000 doubles (160 KB); four windows apart need 640 KB
        FgCompiler small = COMPILER.withMemoryBudget(io.factorgraph.runtime.compile.MemoryBudget.of(400_000));
        SweepCompileResult result =
                small.compileSweep("big.fg", SweepLibrary.SOURCE, grid("window", "10000", "10001", "10002", "10003"));
        assertEquals(0, result.failedCount(), "every point fits on its own");
        assertTrue(result.fused().isEmpty());
        String why = result.fusionFailure().orElseThrow();
        assertTrue(why.startsWith("the 4 points together: "), why);
        SweepCompileResult shared = small.compileSweep(
                "big.fg", SweepLibrary.SOURCE, grid("half_spread", "0.00001", "0.00002", "0.00003", "0.00004"));
        assertTrue(shared.fused().isPresent(), "points that share their windows fit as one");
    }

    @Test
    void aPointOutsideTheSweepIsRefusedByIndex() {
        FusedGraph fused = sweep(grid("half_spread", "0.00001")).fused().orElseThrow();
        assertEquals(1, fused.sinks(0).size());
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> fused.sinks(1));
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> fused.firstSink(-1));
    }

    @Test
    void aSweepWithoutPointsIsAProgrammingError() {
        IllegalArgumentException e =
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sweep(List.of()));
        assertEquals("a sweep needs at least one point", e.getMessage());
    }
}
