package io.factorgraph.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.compile.SweepCompileResult;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.FusedGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random small grids over the depth, the window and the half spread: the fused program holds exactly one node
 * per distinct call (the naive reference: the distinct values each function's node depends on), and every
 * point's sink arguments equal its own graph's to the bit over the recorded file.
 */
class FusedSweepProperties {
    record Point(String depth, int window, String spread) {
        List<ParamOverride> overrides() {
            return List.of(
                    new ParamOverride("depth", depth),
                    new ParamOverride("window", Integer.toString(window)),
                    new ParamOverride("half_spread", spread));
        }
    }

    @Provide
    Arbitrary<List<Point>> grids() {
        Arbitrary<Point> point = Combinators.combine(
                        Arbitraries.of("0.001", "0.002", "0.0005"),
                        Arbitraries.of(10, 30, 600),
                        Arbitraries.of("0.00001", "0.00003", "0.01"))
                .as(Point::new);
        return point.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 8)
    void fusedPointsShareEqualCallsAndSeeWhatTheirOwnGraphsSee(@ForAll("grids") List<Point> grid)
            throws MarketDataException {
        List<List<ParamOverride>> points = new ArrayList<>();
        grid.forEach(p -> points.add(p.overrides()));
        SweepCompileResult result = FusedSweepTest.sweep(points);
        List<Point> ok = grid.stream().filter(p -> !p.spread().equals("0.01")).toList();
        assertEquals(grid.size() - ok.size(), result.failedCount(), "half_spread 0.01 is wider than max_spread");
        if (ok.isEmpty()) {
            assertTrue(result.fused().isEmpty());
            return;
        }
        FusedGraph fused = result.fused().orElseThrow();
        Set<String> depths = new HashSet<>();
        Set<Integer> windows = new HashSet<>();
        Set<List<Object>> scores = new HashSet<>();
        for (Point p : ok) {
            depths.add(p.depth());
            windows.add(p.window());
            scores.add(List.of(Double.parseDouble(p.depth()), p.window()));
        }
        assertEquals(
                Map.of("band", depths.size(), "bmid", 1, "wstd", windows.size(), "zs", scores.size()),
                FusedSweepTest.nodesByFunction(fused));
        assertEquals(4 * ok.size(), fused.separateNodeCount());
        assertEquals(ok.size(), fused.graph().sinks().size());
        Lockstep.compare(FusedSweepTest.COMPILER, SweepLibrary.SOURCE, result, Long.MAX_VALUE);
    }
}
