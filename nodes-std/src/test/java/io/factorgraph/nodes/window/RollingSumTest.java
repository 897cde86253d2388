package io.factorgraph.nodes.window;

import static io.factorgraph.nodes.window.AccuracyBounds.assertSum;
import static io.factorgraph.nodes.window.AccuracyBounds.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.streams.BatchReference;
import io.factorgraph.testkit.streams.Streams;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RollingSumTest {

    @Test
    void sumsTheWindowWithNaNOccupyingSlots() {
        final RollingSum sum = new RollingSum(3);
        sum.onValue(1.0);
        assertEquals(1.0, sum.sum());
        sum.onValue(Double.NaN);
        sum.onValue(2.0);
        assertEquals(3.0, sum.sum());
        assertEquals(2, sum.count());
        sum.onValue(4.0); // [NaN, 2, 4]
        assertEquals(6.0, sum.sum());
        sum.onValue(Double.NaN);
        sum.onValue(Double.NaN);
        sum.onValue(Double.NaN);
        assertTrue(Double.isNaN(sum.sum()), "no valid value: NaN, not 0");
        sum.onValue(-0.5);
        assertEquals(-0.5, sum.sum());
    }

    @Test
    void spikeLeavesNoResidue() {
        final RollingSum sum = new RollingSum(3);
        sum.onValue(0.1);
        sum.onValue(1e20);
        sum.onValue(0.2);
        sum.onValue(0.3);
        sum.onValue(0.4); // [0.2, 0.3, 0.4]
        assertEquals(BatchReference.sum(new double[] {0.2, 0.3, 0.4}, 2, 3), sum.sum());
    }

    @Test
    void infinitiesRecoverAfterLeaving() {
        final RollingSum sum = new RollingSum(2);
        sum.onValue(Double.POSITIVE_INFINITY);
        assertEquals(Double.POSITIVE_INFINITY, sum.sum());
        sum.onValue(Double.NEGATIVE_INFINITY);
        assertTrue(Double.isNaN(sum.sum()));
        sum.onValue(1.0);
        assertEquals(Double.NEGATIVE_INFINITY, sum.sum());
        sum.onValue(2.0);
        assertEquals(3.0, sum.sum());
    }

    @Test
    void tenMillionUpdatesDoNotDrift() {
        final int window = 600;
        final double[] last = new double[window];
        final SplittableRandom random = new SplittableRandom(5);
        final RollingSum sum = new RollingSum(window);
        for (int i = 0; i < 10_000_000; i++) {
            final double x = 61800.0 + (random.nextDouble() - 0.5) * 0.01;
            last[i % window] = x;
            sum.onValue(x);
        }
        final double[] ordered = RollingMomentsTest.chronological(last, 10_000_000);
        assertEquals(BatchReference.sum(ordered, window - 1, window), sum.sum(), 1e-13 * 61800.0 * window);
    }

    @Test
    void resetAndValidation() {
        final RollingSum sum = new RollingSum(2);
        sum.onValue(5.0);
        sum.reset();
        assertTrue(Double.isNaN(sum.sum()));
        assertEquals(0, sum.count());
        sum.onValue(1.0);
        assertEquals(1.0, sum.sum());
        assertThrows(IllegalArgumentException.class, () -> new RollingSum(0));
    }

    @Property(tries = 300)
    void matchesReferenceOnAdversarialStreams(@ForAll("adversarial") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceAfterSpikes(@ForAll("spikes") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceAcrossNaNBursts(@ForAll("nanBursts") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 30)
    void matchesReferenceOnLongStreams(@ForAll("longStreams") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    private static void assertMatchesReference(double[] xs, int window) {
        final RollingSum sum = new RollingSum(window);
        for (int t = 0; t < xs.length; t++) {
            sum.onValue(xs[t]);
            assertSum(
                    sum.sum(),
                    BatchReference.sum(xs, t, window),
                    BatchReference.scale(xs, t, window),
                    at(xs, t, window));
            assertEquals(BatchReference.count(xs, t, window), sum.count());
        }
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(1, 2, 3, 7, 64, 600);
    }

    @Provide
    Arbitrary<double[]> adversarial() {
        return Streams.adversarial();
    }

    @Provide
    Arbitrary<double[]> spikes() {
        return Streams.withSpikes();
    }

    @Provide
    Arbitrary<double[]> nanBursts() {
        return Streams.withNaNBursts();
    }

    @Provide
    Arbitrary<double[]> longStreams() {
        return Streams.longStreams();
    }
}
