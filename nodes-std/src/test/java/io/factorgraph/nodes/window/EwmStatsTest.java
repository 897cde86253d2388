package io.factorgraph.nodes.window;

import static io.factorgraph.nodes.window.AccuracyBounds.assertDecayingStd;
import static io.factorgraph.nodes.window.AccuracyBounds.assertMean;
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

class EwmStatsTest {

    @Test
    void firstValueSetsTheMeanWithZeroVariance() {
        final EwmStats ewm = EwmStats.ofSpan(9); // a = 0.2
        assertTrue(Double.isNaN(ewm.mean()), "nothing seen yet");
        assertTrue(Double.isNaN(ewm.std()), "nothing seen yet");
        ewm.onValue(10.0);
        assertEquals(10.0, ewm.mean());
        assertEquals(0.0, ewm.variance());
    }

    @Test
    void followsTheRecurrenceByHand() {
        final EwmStats ewm = EwmStats.ofSpan(9); // a = 2/(9+1) = 0.2
        assertEquals(0.2, ewm.alpha());
        ewm.onValue(10.0);
        ewm.onValue(20.0);
        // d = 10, mean = 10 + 0.2*10 = 12, var = 0.8 * (0 + 0.2*100) = 16
        assertEquals(12.0, ewm.mean(), 1e-14);
        assertEquals(16.0, ewm.variance(), 1e-13);
        assertEquals(4.0, ewm.std(), 1e-14);
        ewm.onValue(7.0);
        // d = -5, mean = 12 - 1 = 11, var = 0.8 * (16 + 0.2*25) = 16.8
        assertEquals(11.0, ewm.mean(), 1e-14);
        assertEquals(16.8, ewm.variance(), 1e-13);
    }

    @Test
    void halflifeHalvesTheWeightEveryHalflife() {
        for (double halflife : new double[] {1, 10, 600, 1e6}) {
            final double alpha = EwmStats.ofHalflife(halflife).alpha();
            assertEquals(0.5, Math.pow(1.0 - alpha, halflife), 1e-9, "halflife " + halflife);
        }
        assertEquals(0.5, EwmStats.ofHalflife(1).alpha(), 1e-16);
    }

    @Test
    void nanLeavesTheStateUnchanged() {
        final double[] xs = {61800.1, 61800.4, Double.NaN, 61799.9, Double.NaN, Double.NaN, 61800.2};
        final EwmStats withNaN = EwmStats.ofSpan(5);
        final EwmStats withoutNaN = EwmStats.ofSpan(5);
        for (double x : xs) {
            withNaN.onValue(x);
            if (!Double.isNaN(x)) {
                withoutNaN.onValue(x);
            }
            assertEquals(withoutNaN.mean(), withNaN.mean());
            assertEquals(withoutNaN.variance(), withNaN.variance());
        }
        assertEquals(4, withNaN.count());
        final EwmStats onlyNaN = EwmStats.ofSpan(5);
        onlyNaN.onValue(Double.NaN);
        assertTrue(Double.isNaN(onlyNaN.mean()), "NaN does not seed the mean");
    }

    @Test
    void constantStreamIsExact() {
        final EwmStats ewm = EwmStats.ofSpan(600);
        for (int i = 0; i < 10_000; i++) {
            ewm.onValue(61800.1);
        }
        assertEquals(61800.1, ewm.mean());
        assertEquals(0.0, ewm.std());
    }

    @Test
    void spanOneTracksTheLastValue() {
        final EwmStats ewm = EwmStats.ofSpan(1);
        for (double x : new double[] {3, 1e9, -4.5}) {
            ewm.onValue(x);
            assertEquals(x, ewm.mean());
            assertEquals(0.0, ewm.variance());
        }
    }

    @Test
    void tenMillionUpdatesOnABillionLevelDoNotDrift() {
        final double span = 600;
        final int tail = 50_000; // older values weigh (1 - 2/601)^50000 < 1e-70
        final double[] recent = new double[tail];
        final SplittableRandom random = new SplittableRandom(3);
        final EwmStats ewm = EwmStats.ofSpan(span);
        final int updates = 10_000_000;
        for (int i = 0; i < updates; i++) {
            final double x = 1e9 + (random.nextDouble() - 0.5) * 1e-3;
            recent[i % tail] = x;
            ewm.onValue(x);
        }
        final double[] ordered = RollingMomentsTest.chronological(recent, updates);
        final double alpha = 2.0 / (span + 1.0);
        final double expectedStd = BatchReference.ewmStd(ordered, tail - 1, alpha);
        assertEquals(BatchReference.ewmMean(ordered, tail - 1, alpha), ewm.mean(), 1e-13 * 1e9);
        assertEquals(expectedStd, ewm.std(), 1e-12 * expectedStd);
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EwmStats.ofSpan(0.5));
        assertThrows(IllegalArgumentException.class, () -> EwmStats.ofSpan(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> EwmStats.ofHalflife(0));
        assertThrows(IllegalArgumentException.class, () -> EwmStats.ofHalflife(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> EwmStats.ofAlpha(0));
        assertThrows(IllegalArgumentException.class, () -> EwmStats.ofAlpha(1.5));
    }

    @Test
    void resetStartsOver() {
        final EwmStats ewm = EwmStats.ofSpan(3);
        ewm.onValue(1e12);
        ewm.onValue(1.0);
        ewm.reset();
        assertTrue(Double.isNaN(ewm.mean()));
        assertEquals(0, ewm.count());
        ewm.onValue(2.0);
        assertEquals(2.0, ewm.mean());
        assertEquals(0.0, ewm.variance());
    }

    @Property(tries = 300)
    void matchesWeightedReferenceOnAdversarialStreams(
            @ForAll("adversarial") double[] xs, @ForAll("spans") double span) {
        assertMatchesReference(xs, span);
    }

    @Property(tries = 200)
    void matchesWeightedReferenceOnLargeOffsets(@ForAll("largeOffsets") double[] xs, @ForAll("spans") double span) {
        assertMatchesReference(xs, span);
    }

    @Property(tries = 100)
    void matchesWeightedReferenceAtBillionWithMicroNoise(
            @ForAll("billionWithMicroNoise") double[] xs, @ForAll("spans") double span) {
        assertMatchesReference(xs, span);
    }

    @Property(tries = 200)
    void matchesWeightedReferenceAcrossSpikesAndConstants(@ForAll("spikes") double[] xs, @ForAll("spans") double span) {
        assertMatchesReference(xs, span);
    }

    @Property(tries = 200)
    void matchesWeightedReferenceOnTinyValues(@ForAll("tiny") double[] xs, @ForAll("spans") double span) {
        assertMatchesReference(xs, span);
    }

    @Property(tries = 200)
    void matchesWeightedReferenceAcrossNaNBursts(@ForAll("nanBursts") double[] xs, @ForAll("spans") double span) {
        assertMatchesReference(xs, span);
    }

    /**
     * The reference is O(n) per tick, so long streams are checked at every 37th tick and the last:
     * enough to catch drift, which is what length adds.
     */
    @Property(tries = 20)
    void matchesWeightedReferenceOnLongStreams(@ForAll("longStreams") double[] xs, @ForAll("spans") double span) {
        final EwmStats ewm = EwmStats.ofSpan(span);
        final double alpha = 2.0 / (span + 1.0);
        for (int t = 0; t < xs.length; t++) {
            ewm.onValue(xs[t]);
            if (t % 37 == 0 || t == xs.length - 1) {
                assertMatchesReferenceAt(ewm, xs, t, alpha, (int) span);
            }
        }
    }

    private static void assertMatchesReference(double[] xs, double span) {
        final EwmStats ewm = EwmStats.ofSpan(span);
        final double alpha = 2.0 / (span + 1.0);
        for (int t = 0; t < xs.length; t++) {
            ewm.onValue(xs[t]);
            assertMatchesReferenceAt(ewm, xs, t, alpha, (int) span);
        }
    }

    private static void assertMatchesReferenceAt(EwmStats ewm, double[] xs, int t, double alpha, int span) {
        // Scale: the largest magnitude seen so far, since every valid value keeps some weight.
        final double scale = BatchReference.scale(xs, t, t + 1);
        assertMean(ewm.mean(), BatchReference.ewmMean(xs, t, alpha), scale, at(xs, t, span));
        assertDecayingStd(ewm.std(), BatchReference.ewmStd(xs, t, alpha), at(xs, t, span));
    }

    @Provide
    Arbitrary<Double> spans() {
        return Arbitraries.of(1.0, 2.0, 10.0, 100.0, 600.0);
    }

    @Provide
    Arbitrary<double[]> adversarial() {
        return Streams.adversarial().filter(xs -> xs.length <= 1500);
    }

    @Provide
    Arbitrary<double[]> largeOffsets() {
        return Streams.largeOffsets();
    }

    @Provide
    Arbitrary<double[]> billionWithMicroNoise() {
        return Streams.largeOffset(1e9, 1e-6);
    }

    @Provide
    Arbitrary<double[]> spikes() {
        return Streams.withSpikes();
    }

    @Provide
    Arbitrary<double[]> tiny() {
        return Streams.tinyValues().filter(xs -> xs.length <= 1500);
    }

    @Provide
    Arbitrary<double[]> nanBursts() {
        return Streams.withNaNBursts().filter(xs -> xs.length <= 1500);
    }

    @Provide
    Arbitrary<double[]> longStreams() {
        return Streams.longStreams();
    }
}
