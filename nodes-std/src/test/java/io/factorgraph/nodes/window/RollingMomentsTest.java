package io.factorgraph.nodes.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.streams.BatchReference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RollingMomentsTest {
    private static final double NaN = Double.NaN;

    @Test
    void warmUpUsesTheTicksSeenSoFar() {
        final RollingMoments moments = new RollingMoments(4);
        moments.onValue(2.0);
        assertEquals(2.0, moments.mean());
        assertEquals(0.0, moments.std());
        moments.onValue(4.0);
        assertEquals(3.0, moments.mean());
        assertEquals(1.0, moments.std());
        moments.onValue(6.0);
        assertEquals(4.0, moments.mean());
        assertEquals(8.0 / 3.0, moments.variance(), 1e-15);
        moments.onValue(8.0);
        assertEquals(5.0, moments.mean());
        assertEquals(5.0, moments.variance(), 1e-15);
        // Full: 2 leaves, window [4, 6, 8, 10].
        moments.onValue(10.0);
        assertEquals(7.0, moments.mean());
        assertEquals(5.0, moments.variance(), 1e-15);
        assertEquals(4, moments.count());
    }

    @Test
    void populationStdOfAKnownWindow() {
        // numpy.std([2, 4, 4, 4, 5, 5, 7, 9]) == 2.0 (ddof = 0)
        final RollingMoments moments = new RollingMoments(8);
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            moments.onValue(x);
        }
        assertEquals(5.0, moments.mean());
        assertEquals(2.0, moments.std(), 1e-15);
    }

    @Test
    void nanOccupiesItsSlotButIsNotCounted() {
        final RollingMoments moments = new RollingMoments(3);
        moments.onValue(1.0);
        moments.onValue(NaN);
        moments.onValue(3.0);
        // window [1, NaN, 3]
        assertEquals(2, moments.count());
        assertEquals(2.0, moments.mean());
        assertEquals(1.0, moments.std());
        moments.onValue(5.0);
        // window [NaN, 3, 5]: the 1 has left; the NaN used up a slot, so 3 values were not kept
        assertEquals(2, moments.count());
        assertEquals(4.0, moments.mean());
        assertEquals(1.0, moments.std());
        moments.onValue(NaN);
        // window [3, 5, NaN]
        assertEquals(4.0, moments.mean());
        moments.onValue(NaN);
        // window [5, NaN, NaN]
        assertEquals(1, moments.count());
        assertEquals(5.0, moments.mean());
        assertEquals(0.0, moments.std());
    }

    @Test
    void windowWithNoValidValueIsNaNAndRecovers() {
        final RollingMoments moments = new RollingMoments(2);
        assertTrue(Double.isNaN(moments.mean()), "before any update");
        assertTrue(Double.isNaN(moments.std()), "before any update");
        moments.onValue(NaN);
        assertTrue(Double.isNaN(moments.mean()));
        moments.onValue(61800.5);
        moments.onValue(61801.5);
        moments.onValue(NaN);
        moments.onValue(NaN);
        assertEquals(0, moments.count());
        assertTrue(Double.isNaN(moments.mean()), "all-NaN window");
        assertTrue(Double.isNaN(moments.std()), "all-NaN window");
        assertTrue(Double.isNaN(moments.variance()), "all-NaN window");
        moments.onValue(1e9);
        assertEquals(1e9, moments.mean());
        assertEquals(0.0, moments.std());
        moments.onValue(1e9 + 2);
        assertEquals(1e9 + 1, moments.mean());
        assertEquals(1.0, moments.std());
    }

    @Test
    void windowOfOneIsTheCurrentValue() {
        final RollingMoments moments = new RollingMoments(1);
        for (double x : new double[] {3.5, -1e9, 0.1, 61800.1}) {
            moments.onValue(x);
            assertEquals(x, moments.mean());
            assertEquals(0.0, moments.std());
            assertEquals(1, moments.count());
        }
        moments.onValue(NaN);
        assertTrue(Double.isNaN(moments.mean()));
        assertEquals(0, moments.count());
    }

    @Test
    void constantWindowIsExactlyTheConstantWithZeroStd() {
        for (double constant : new double[] {61800.1, 0.1, 1e9 + 0.3, -7.25, 1e-30, 0.0, 1e12}) {
            final RollingMoments moments = new RollingMoments(600);
            for (int i = 0; i < 1000; i++) {
                moments.onValue(constant);
                assertEquals(constant, moments.mean(), "mean of a constant window is exact");
                assertEquals(0.0, moments.std(), "std of a constant window is exactly 0");
            }
        }
    }

    @Test
    void constantWindowIsExactAfterNonConstantValuesHaveLeft() {
        final SplittableRandom random = new SplittableRandom(7);
        final RollingMoments moments = new RollingMoments(600);
        for (int i = 0; i < 5000; i++) {
            moments.onValue(1e9 + random.nextDouble() * 1e3);
        }
        moments.onValue(1e12); // and a spike for good measure
        for (int i = 0; i < 599; i++) {
            moments.onValue(61800.1);
        }
        assertTrue(moments.std() > 0.0, "the spike is still in the window");
        moments.onValue(61800.1);
        assertEquals(61800.1, moments.mean());
        assertEquals(0.0, moments.std());
        assertEquals(0.0, moments.variance());
    }

    @Test
    void constantValidValuesAmongNaNAreExact() {
        final RollingMoments moments = new RollingMoments(5);
        moments.onValue(1.0);
        for (int i = 0; i < 5; i++) {
            moments.onValue(i % 2 == 0 ? 0.1 : NaN);
        }
        // window [NaN, 0.1, NaN, 0.1, ...]: only 0.1s are valid
        assertEquals(0.1, moments.mean());
        assertEquals(0.0, moments.std());
    }

    /** The sum/sum-of-squares formula gives garbage here (often a negative variance, or 0). */
    @Test
    void smallNoiseOnALargeLevelKeepsItsDigits() {
        final double[] xs = new double[2000];
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 1e9 + (random.nextDouble() - 0.5) * 1e-3;
        }
        final RollingMoments moments = new RollingMoments(600);
        for (double x : xs) {
            moments.onValue(x);
        }
        final double expected = BatchReference.std(xs, xs.length - 1, 600);
        // Uniform noise of width 1e-3, quantised to the ulp of 1e9 (1.2e-7): std near 2.9e-4.
        assertEquals(2.9e-4, expected, 0.2e-4);
        assertEquals(expected, moments.std(), 1e-12 * expected);
    }

    @Test
    void decimalPricesAgreeWithExactDecimalArithmetic() {
        // 61800.1, 61800.2, 61800.3: exact decimal std is 0.1 * sqrt(2/3). The doubles are within
        // 3.7e-12 of the decimals, so the std of the doubles is within about 1e-10 of it.
        final RollingMoments moments = new RollingMoments(3);
        moments.onValue(61800.0);
        moments.onValue(61800.1);
        moments.onValue(61800.2);
        moments.onValue(61800.3);
        assertEquals(61800.2, moments.mean(), 1e-11);
        assertEquals(0.1 * Math.sqrt(2.0 / 3.0), moments.std(), 1e-10);
    }

    @Test
    void infinitiesFollowIEEEWhileInTheWindowAndDoNotPoisonAfterwards() {
        final RollingMoments moments = new RollingMoments(3);
        moments.onValue(1.0);
        moments.onValue(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, moments.mean());
        assertTrue(Double.isNaN(moments.std()));
        assertEquals(2, moments.count());
        moments.onValue(Double.NEGATIVE_INFINITY);
        assertTrue(Double.isNaN(moments.mean()), "+inf and -inf together");
        moments.onValue(2.0);
        assertTrue(Double.isNaN(moments.mean()));
        moments.onValue(3.0);
        assertEquals(Double.NEGATIVE_INFINITY, moments.mean());
        moments.onValue(4.0);
        assertEquals(3.0, moments.mean());
        assertEquals(Math.sqrt(2.0 / 3.0), moments.std(), 1e-15);
    }

    @Test
    void hugeValuesWhoseSquaresOverflowRecoverAfterLeaving() {
        final RollingMoments moments = new RollingMoments(2);
        moments.onValue(1.0);
        moments.onValue(1e300);
        assertTrue(Double.isNaN(moments.variance()), "squared deviation overflows: no finite answer exists");
        moments.onValue(2.0);
        moments.onValue(4.0);
        assertEquals(3.0, moments.mean());
        assertEquals(1.0, moments.std());
    }

    @Test
    void tenMillionUpdatesDoNotDrift() {
        final int window = 600;
        final int updates = 10_000_000;
        final double[] last = new double[window];
        final SplittableRandom random = new SplittableRandom(42);
        final RollingMoments moments = new RollingMoments(window);
        double maxStdError = 0.0;
        for (int i = 0; i < updates; i++) {
            final double x = 61800.0 + (random.nextDouble() - 0.5) * 0.01;
            last[i % window] = x;
            moments.onValue(x);
            if ((i + 1) % 1_000_000 == 0) {
                final double[] ordered = chronological(last, i + 1);
                final double expectedStd = BatchReference.std(ordered, window - 1, window);
                final double expectedMean = BatchReference.mean(ordered, window - 1, window);
                assertEquals(expectedMean, moments.mean(), 1e-13 * 61800.0, "mean after " + (i + 1));
                assertEquals(expectedStd, moments.std(), 1e-12 * expectedStd, "std after " + (i + 1));
                maxStdError = Math.max(maxStdError, Math.abs(moments.std() - expectedStd) / expectedStd);
            }
        }
        assertTrue(maxStdError < 1e-12, "max relative std error " + maxStdError);
    }

    /**
     * Whether a constant c equals (n·c)/n in doubles is luck; without the O(1) constant-window rule,
     * the cancellation check would re-sum such windows (0.1 at W = 3, say) on every tick.
     */
    @Test
    void constantWindowsDoNotResumOnEveryTick() {
        for (int window : new int[] {3, 7, 600}) {
            for (double constant : new double[] {0.1, 0.7, 1e9 + 0.3, 61800.1, 1.0 / 3.0}) {
                final RollingMoments moments = new RollingMoments(window);
                final SplittableRandom random = new SplittableRandom(1);
                for (int i = 0; i < 1000; i++) {
                    moments.onValue(1e9 + random.nextDouble());
                }
                final long before = moments.resumCount();
                for (int i = 0; i < 10_000; i++) {
                    moments.onValue(constant);
                }
                assertTrue(
                        moments.resumCount() - before <= 3,
                        "re-sums during 10^4 constant ticks at W=" + window + ", c=" + constant + ": "
                                + (moments.resumCount() - before));
            }
        }
    }

    /**
     * The re-sum costs O(W); on price-like and trending data it must happen at most once per W/2
     * updates on average, so the cost per update stays O(1). Measured at W = 600: random walk every
     * ~17 W, trend every ~4.6 W, noise every 64 W (the periodic safety net), and a staircase once per
     * level change (here every 1000 updates), which is inherent: the mean leaves the shift behind.
     */
    @Test
    void resummingIsAmortisedConstantTime() {
        final int window = 600;
        final int updates = 1_000_000;
        for (String shape : new String[] {"random walk", "trend", "noise", "staircase"}) {
            final RollingMoments moments = new RollingMoments(window);
            final SplittableRandom random = new SplittableRandom(9);
            double price = 61800.0;
            for (int i = 0; i < updates; i++) {
                moments.onValue(
                        switch (shape) {
                            case "random walk" -> price += Math.round(random.nextGaussian()) * 0.1;
                            case "trend" -> 61800.0 + i * 0.01;
                            case "noise" -> 61800.0 + random.nextGaussian();
                            default -> 61800.0 + (i / 1000) * 0.5;
                        });
            }
            assertTrue(
                    moments.resumCount() * window <= 2L * updates,
                    shape + ": " + moments.resumCount() + " re-sums of " + window + " in " + updates + " updates");
        }
    }

    @Test
    void resetStartsOver() {
        final RollingMoments moments = new RollingMoments(3);
        moments.onValue(1e12);
        moments.onValue(NaN);
        moments.reset();
        assertEquals(0, moments.count());
        assertTrue(Double.isNaN(moments.mean()));
        moments.onValue(2.0);
        moments.onValue(4.0);
        assertEquals(3.0, moments.mean());
        assertEquals(1.0, moments.std());
        assertEquals(2, moments.count());
    }

    @Test
    void windowMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RollingMoments(0));
        assertThrows(IllegalArgumentException.class, () -> new RollingMoments(-5));
        assertEquals(600, new RollingMoments(600).window());
    }

    /** The ring {@code last} after {@code n} writes, oldest first. */
    static double[] chronological(double[] last, long n) {
        final int w = last.length;
        final double[] ordered = new double[w];
        for (int k = 0; k < w; k++) {
            ordered[k] = last[(int) ((n + k) % w)];
        }
        return ordered;
    }
}
