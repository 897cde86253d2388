package io.factorgraph.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Grid parsing against naive references: decimal ranges, the product's order, the limit. */
class GridProperties {
    @Property
    void aRangeIsLoPlusIStepExactly(
            @ForAll @IntRange(min = -5000, max = 5000) int loUnits,
            @ForAll @IntRange(min = 1, max = 500) int stepUnits,
            @ForAll @IntRange(min = 0, max = 40) int steps,
            @ForAll @IntRange(min = 0, max = 7) int scale) {
        BigDecimal lo = BigDecimal.valueOf(loUnits, scale);
        BigDecimal step = BigDecimal.valueOf(stepUnits, scale);
        BigDecimal hi = lo.add(step.multiply(BigDecimal.valueOf(steps)));
        GridAxis axis = GridAxis.parse(
                "x=" + lo.toPlainString() + ":" + hi.toPlainString() + ":" + step.toPlainString(), Set.of());
        List<String> naive = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            naive.add(lo.add(step.multiply(BigDecimal.valueOf(i))).toPlainString());
        }
        assertEquals(naive, axis.values());
    }

    @Property
    void pointsAreTheProductWithTheLastAxisFastest(
            @ForAll @IntRange(min = 1, max = 5) int a,
            @ForAll @IntRange(min = 1, max = 5) int b,
            @ForAll @IntRange(min = 1, max = 5) int c) {
        Grid grid = Grid.parse(List.of("a=1:" + a + ":1", "b=1:" + b + ":1", "latency=" + list(c)), 1000, false);
        assertEquals(a * b * c, grid.size());
        int index = 0;
        for (int i = 1; i <= a; i++) {
            for (int j = 1; j <= b; j++) {
                for (int k = 1; k <= c; k++) {
                    GridPoint p = grid.point(index);
                    assertEquals(index++, p.index());
                    assertEquals(Integer.toString(i), p.settings().get(0).value());
                    assertEquals(Integer.toString(j), p.settings().get(1).value());
                    assertEquals(k + "ms", p.simulatorSetting("latency").orElseThrow());
                    assertEquals(2, p.overrides(List.of()).size(), "simulator settings are no params");
                }
            }
        }
    }

    private static String list(int c) {
        List<String> values = new ArrayList<>();
        for (int k = 1; k <= c; k++) {
            values.add(k + "ms");
        }
        return String.join(",", values);
    }

    @Test
    void theLimitNeedsForce() {
        List<String> texts = List.of("a=1:100:1", "b=1:101:1");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Grid.parse(texts, 10_000, false));
        assertTrue(e.getMessage().contains("10100 points, more than the limit of 10000"), e.getMessage());
        assertEquals(10_100, Grid.parse(texts, 10_000, true).size());
    }

    @Test
    void feesAreSeparatedBySemicolons() {
        Grid grid = Grid.parse(List.of("fees=0.0002,0.0005;0,0.0004"), 10, false);
        assertEquals(List.of("0.0002,0.0005", "0,0.0004"), grid.axes().get(0).values());
        assertTrue(grid.axes().get(0).simulator());
    }

    @Test
    void anAxisGivenTwiceIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of("a=1,2", "a=3"), 10, false));
        assertTrue(e.getMessage().contains("--grid a is given twice"), e.getMessage());
    }
}
