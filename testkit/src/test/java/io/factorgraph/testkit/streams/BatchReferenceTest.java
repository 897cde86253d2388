package io.factorgraph.testkit.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The reference is what everything else is measured against, so it is itself checked against exact
 * rational arithmetic (BigDecimal, rounded once at the end) and must be far more accurate than the bounds the nodes are
 * held to (1e-13 of scale for means, 1e-12 relative for stds).
 */
class BatchReferenceTest {
    /** Only for the single final rounding of an exact rational. */
    private static final MathContext EXACT = new MathContext(80);

    private static final double NaN = Double.NaN;

    @Test
    void windowSemanticsByHand() {
        final double[] xs = {1, NaN, 3, 5, NaN, NaN, NaN};
        assertEquals(1.0, BatchReference.mean(xs, 0, 3));
        assertEquals(2.0, BatchReference.mean(xs, 2, 3), "warm-up: [1, NaN, 3]");
        assertEquals(4.0, BatchReference.mean(xs, 3, 3), "[NaN, 3, 5]");
        assertEquals(1.0, BatchReference.std(xs, 3, 3));
        assertEquals(8.0, BatchReference.sum(xs, 3, 3));
        assertEquals(3.0, BatchReference.min(xs, 3, 3));
        assertEquals(5.0, BatchReference.max(xs, 3, 3));
        assertEquals(2, BatchReference.count(xs, 3, 3));
        assertEquals(5.0, BatchReference.scale(xs, 3, 3));
        assertEquals(1, BatchReference.count(xs, 5, 3), "[5, NaN, NaN]");
        for (int window : new int[] {1, 2, 3}) {
            assertTrue(Double.isNaN(BatchReference.mean(xs, 6, window)) == (window < 4));
        }
        assertTrue(Double.isNaN(BatchReference.mean(xs, 6, 3)), "all-NaN window");
        assertTrue(Double.isNaN(BatchReference.std(xs, 6, 3)));
        assertTrue(Double.isNaN(BatchReference.sum(xs, 6, 3)), "NaN, not nansum's 0");
        assertTrue(Double.isNaN(BatchReference.min(xs, 6, 3)));
        assertTrue(Double.isNaN(BatchReference.max(xs, 6, 3)));
        assertEquals(0, BatchReference.count(xs, 6, 3));
    }

    @Test
    void constantWindowIsExact() {
        final double[] xs = {0.1, 0.1, 0.1, 1e9 + 0.3, 1e9 + 0.3, 1e9 + 0.3};
        assertEquals(0.1, BatchReference.mean(xs, 2, 3));
        assertEquals(0.0, BatchReference.std(xs, 2, 3));
        assertEquals(1e9 + 0.3, BatchReference.mean(xs, 5, 3));
        assertEquals(0.0, BatchReference.std(xs, 5, 3));
    }

    @Test
    void infinitiesFollowIEEE() {
        final double[] xs = {1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        assertEquals(Double.POSITIVE_INFINITY, BatchReference.mean(xs, 1, 2));
        assertEquals(Double.POSITIVE_INFINITY, BatchReference.sum(xs, 1, 2));
        assertTrue(Double.isNaN(BatchReference.std(xs, 1, 2)));
        assertTrue(Double.isNaN(BatchReference.mean(xs, 2, 2)));
        assertEquals(Double.POSITIVE_INFINITY, BatchReference.max(xs, 2, 3));
    }

    @Test
    void ewmByHand() {
        // a = 0.2: mean 10 -> 12 -> 11; var 0 -> 16 -> 16.8 (see docs/DESIGN.md §4's recurrence)
        final double[] xs = {10, NaN, 20, 7};
        assertEquals(10.0, BatchReference.ewmMean(xs, 0, 0.2));
        assertEquals(0.0, BatchReference.ewmVariance(xs, 1, 0.2));
        assertEquals(12.0, BatchReference.ewmMean(xs, 2, 0.2), 1e-14);
        assertEquals(16.0, BatchReference.ewmVariance(xs, 2, 0.2), 1e-13);
        assertEquals(11.0, BatchReference.ewmMean(xs, 3, 0.2), 1e-14);
        assertEquals(16.8, BatchReference.ewmVariance(xs, 3, 0.2), 1e-13);
        assertTrue(Double.isNaN(BatchReference.ewmMean(new double[] {NaN}, 0, 0.2)));
    }

    @Test
    void seriesHelpersMatchTheWindowFunctions() {
        final double[] xs = {3, NaN, -1, 4, 1e9};
        final double[] std = BatchReference.rollingStd(xs, 2);
        final double[] max = BatchReference.rollingMax(xs, 2);
        for (int t = 0; t < xs.length; t++) {
            assertEquals(BatchReference.std(xs, t, 2), std[t]);
            assertEquals(BatchReference.max(xs, t, 2), max[t]);
            assertEquals(BatchReference.mean(xs, t, 2), BatchReference.rollingMean(xs, 2)[t]);
            assertEquals(BatchReference.sum(xs, t, 2), BatchReference.rollingSum(xs, 2)[t]);
            assertEquals(BatchReference.min(xs, t, 2), BatchReference.rollingMin(xs, 2)[t]);
        }
    }

    @Test
    void windowMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> BatchReference.mean(new double[] {1}, 0, 0));
    }

    @Property(tries = 150)
    void windowStatisticsAgreeWithExactArithmetic(@ForAll("streams") double[] xs, @ForAll("windows") int window) {
        for (int end = 0; end < xs.length; end += 1 + end / 8) {
            final BigDecimal[] valid = validIn(xs, Math.max(0, end - window + 1), end);
            if (valid.length == 0) {
                continue;
            }
            // Exact rationals, rounded once: with S = Σx, variance = Σ(n·x - S)² / n³.
            final BigDecimal n = BigDecimal.valueOf(valid.length);
            final BigDecimal total = sum(valid);
            final BigDecimal mean = total.divide(n, EXACT);
            BigDecimal squares = BigDecimal.ZERO;
            for (BigDecimal x : valid) {
                squares = squares.add(n.multiply(x).subtract(total).pow(2));
            }
            final double exactStd = squares.divide(n.pow(3), EXACT).sqrt(EXACT).doubleValue();
            final double scale = BatchReference.scale(xs, end, window);
            final String where = "window " + window + " ending at " + end;
            assertTrue(
                    Math.abs(BatchReference.mean(xs, end, window) - mean.doubleValue()) <= 1e-15 * scale,
                    "mean " + where);
            assertTrue(
                    Math.abs(BatchReference.sum(xs, end, window) - sum(valid).doubleValue())
                            <= 1e-15 * Math.max(scale, Math.abs(sum(valid).doubleValue())),
                    "sum " + where);
            assertTrue(
                    Math.abs(BatchReference.std(xs, end, window) - exactStd) <= 1e-14 * exactStd,
                    "std " + where + ": " + BatchReference.std(xs, end, window) + " vs exact " + exactStd);
        }
    }

    @Property(tries = 40)
    void ewmAgreesWithExactArithmetic(@ForAll("shortStreams") double[] xs, @ForAll("spans") double span) {
        final double alpha = 2.0 / (span + 1.0);
        final int end = xs.length - 1;
        final BigDecimal[] valid = validIn(xs, 0, end);
        if (valid.length == 0) {
            return;
        }
        // Exact rationals, rounded once. Weights of the exact 1 - a, as the recurrence applies them;
        // with W = Σw·x and T = Σw, variance = Σ w·(T·x - W)² / T³.
        final BigDecimal a = new BigDecimal(alpha);
        final BigDecimal decay = BigDecimal.ONE.subtract(a);
        final BigDecimal[] weights = new BigDecimal[valid.length];
        BigDecimal decayed = BigDecimal.ONE;
        for (int k = valid.length - 1; k >= 0; k--) {
            weights[k] = k == 0 ? decayed : a.multiply(decayed);
            decayed = decayed.multiply(decay);
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (int k = 0; k < valid.length; k++) {
            weighted = weighted.add(weights[k].multiply(valid[k]));
            total = total.add(weights[k]);
        }
        final BigDecimal mean = weighted.divide(total, EXACT);
        BigDecimal squares = BigDecimal.ZERO;
        for (int k = 0; k < valid.length; k++) {
            squares = squares.add(weights[k].multiply(
                    total.multiply(valid[k]).subtract(weighted).pow(2)));
        }
        final double exactStd = squares.divide(total.pow(3), EXACT).sqrt(EXACT).doubleValue();
        final double scale = BatchReference.scale(xs, end, xs.length);
        assertTrue(
                Math.abs(BatchReference.ewmMean(xs, end, alpha) - mean.doubleValue()) <= 1e-15 * scale,
                "ewm mean " + BatchReference.ewmMean(xs, end, alpha) + " vs exact " + mean.doubleValue());
        if (exactStd > 1e-140) {
            assertTrue(
                    Math.abs(BatchReference.ewmStd(xs, end, alpha) - exactStd) <= 1e-13 * exactStd,
                    "ewm std " + BatchReference.ewmStd(xs, end, alpha) + " vs exact " + exactStd);
        }
    }

    private static BigDecimal[] validIn(double[] xs, int from, int end) {
        int n = 0;
        for (int i = from; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                n++;
            }
        }
        final BigDecimal[] valid = new BigDecimal[n];
        int at = 0;
        for (int i = from; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                valid[at++] = new BigDecimal(xs[i]);
            }
        }
        return valid;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            sum = sum.add(v);
        }
        return sum;
    }

    @Provide
    Arbitrary<double[]> streams() {
        return Arbitraries.oneOf(
                        Streams.adversarial(), Streams.largeOffsets(), Streams.withSpikes(), Streams.tinyValues())
                .filter(xs -> xs.length <= 1200);
    }

    @Provide
    Arbitrary<double[]> shortStreams() {
        return streams().filter(xs -> xs.length <= 200);
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(1, 2, 7, 64, 600);
    }

    @Provide
    Arbitrary<Double> spans() {
        return Arbitraries.of(1.0, 2.0, 10.0, 100.0);
    }
}
