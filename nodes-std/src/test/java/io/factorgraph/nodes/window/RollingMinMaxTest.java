package io.factorgraph.nodes.window;

import static io.factorgraph.nodes.window.AccuracyBounds.assertExact;
import static io.factorgraph.nodes.window.AccuracyBounds.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.streams.BatchReference;
import io.factorgraph.testkit.streams.Streams;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link RollingMax} and {@link RollingMin}: exact, so compared bit for bit (up to the sign of zero). */
class RollingMinMaxTest {

    @Test
    void tracksExtremesAsTheyLeave() {
        final RollingMax max = new RollingMax(3);
        final RollingMin min = new RollingMin(3);
        final double[] xs = {5, 1, 3, 2, 4, 0, 6};
        final double[] expectedMax = {5, 5, 5, 3, 4, 4, 6};
        final double[] expectedMin = {5, 1, 1, 1, 2, 0, 0};
        for (int t = 0; t < xs.length; t++) {
            max.onValue(xs[t]);
            min.onValue(xs[t]);
            assertEquals(expectedMax[t], max.max(), "max at " + t);
            assertEquals(expectedMin[t], min.min(), "min at " + t);
        }
    }

    @Test
    void nanOccupiesItsSlotAndAllNaNWindowIsNaN() {
        final RollingMax max = new RollingMax(2);
        final RollingMin min = new RollingMin(2);
        for (double x : new double[] {7, Double.NaN}) {
            max.onValue(x);
            min.onValue(x);
        }
        assertEquals(7.0, max.max());
        assertEquals(7.0, min.min());
        max.onValue(Double.NaN);
        min.onValue(Double.NaN);
        assertTrue(Double.isNaN(max.max()));
        assertTrue(Double.isNaN(min.min()));
        max.onValue(-1.0);
        min.onValue(-1.0);
        assertEquals(-1.0, max.max());
        assertEquals(-1.0, min.min());
    }

    @Test
    void monotoneStreamsFillAndDrainTheDeque() {
        final int window = 5;
        final RollingMax max = new RollingMax(window);
        final RollingMin min = new RollingMin(window);
        for (int i = 0; i < 50; i++) {
            max.onValue(-i); // decreasing: every value stays in the max-deque until it expires
            min.onValue(-i); // and the min-deque keeps only the newest
            assertEquals(-Math.max(0, i - window + 1), max.max());
            assertEquals(-i, min.min());
        }
    }

    @Test
    void windowOfOneAndInfinities() {
        final RollingMax max = new RollingMax(1);
        final RollingMin min = new RollingMin(1);
        for (double x : new double[] {Double.NEGATIVE_INFINITY, 3.0, Double.POSITIVE_INFINITY, -2.0}) {
            max.onValue(x);
            min.onValue(x);
            assertEquals(x, max.max());
            assertEquals(x, min.min());
        }
    }

    @Test
    void resetAndValidation() {
        final RollingMax max = new RollingMax(3);
        max.onValue(10.0);
        max.reset();
        assertTrue(Double.isNaN(max.max()));
        max.onValue(1.0);
        assertEquals(1.0, max.max());
        final RollingMin min = new RollingMin(3);
        min.onValue(-10.0);
        min.reset();
        min.onValue(1.0);
        assertEquals(1.0, min.min());
        assertThrows(IllegalArgumentException.class, () -> new RollingMax(0));
        assertThrows(IllegalArgumentException.class, () -> new RollingMin(0));
        assertEquals(3, min.window());
    }

    @Property(tries = 300)
    void matchesReferenceOnAdversarialStreams(@ForAll("adversarial") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceAcrossNaNBursts(@ForAll("nanBursts") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceOnConstantRuns(@ForAll("constantRuns") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 30)
    void matchesReferenceOnLongStreams(@ForAll("longStreams") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    private static void assertMatchesReference(double[] xs, int window) {
        final RollingMax max = new RollingMax(window);
        final RollingMin min = new RollingMin(window);
        for (int t = 0; t < xs.length; t++) {
            max.onValue(xs[t]);
            min.onValue(xs[t]);
            assertExact(max.max(), BatchReference.max(xs, t, window), "max", at(xs, t, window));
            assertExact(min.min(), BatchReference.min(xs, t, window), "min", at(xs, t, window));
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
    Arbitrary<double[]> nanBursts() {
        return Streams.withNaNBursts();
    }

    @Provide
    Arbitrary<double[]> constantRuns() {
        return Streams.constantRuns();
    }

    @Provide
    Arbitrary<double[]> longStreams() {
        return Streams.longStreams();
    }
}
