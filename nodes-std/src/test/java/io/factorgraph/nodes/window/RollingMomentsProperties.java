package io.factorgraph.nodes.window;

import static io.factorgraph.nodes.window.AccuracyBounds.assertMean;
import static io.factorgraph.nodes.window.AccuracyBounds.assertStd;
import static io.factorgraph.nodes.window.AccuracyBounds.at;

import io.factorgraph.testkit.streams.BatchReference;
import io.factorgraph.testkit.streams.Streams;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link RollingMoments} against the two-pass batch reference at every tick of every generated
 * stream, within the bounds of {@link AccuracyBounds}.
 */
class RollingMomentsProperties {

    @Property(tries = 300)
    void matchesReferenceOnAdversarialStreams(@ForAll("adversarial") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceOnLargeOffsets(@ForAll("largeOffsets") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 100)
    void matchesReferenceAtPriceLevelWithTinyNoise(
            @ForAll("priceWithTinyNoise") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 100)
    void matchesReferenceAtBillionWithMicroNoise(
            @ForAll("billionWithMicroNoise") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceAcrossConstantRuns(@ForAll("constantRuns") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceAcrossNaNBursts(@ForAll("nanBursts") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceAfterSpikes(@ForAll("spikes") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void matchesReferenceOnTinyValues(@ForAll("tiny") double[] xs, @ForAll("windows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 40)
    void matchesReferenceOnLongStreams(@ForAll("longStreams") double[] xs, @ForAll("longWindows") int window) {
        assertMatchesReference(xs, window);
    }

    @Property(tries = 200)
    void countsTheValidValuesOfTheWindow(@ForAll("nanBursts") double[] xs, @ForAll("windows") int window) {
        final RollingMoments moments = new RollingMoments(window);
        for (int t = 0; t < xs.length; t++) {
            moments.onValue(xs[t]);
            if (moments.count() != BatchReference.count(xs, t, window)) {
                throw new AssertionError(
                        "count " + moments.count() + " but reference " + BatchReference.count(xs, t, window) + " "
                                + at(xs, t, window).get());
            }
        }
    }

    /** After reset() the instance is indistinguishable from a new one, bit for bit. */
    @Property(tries = 100)
    void resetForgetsEverything(
            @ForAll("adversarial") double[] before,
            @ForAll("adversarial") double[] after,
            @ForAll("windows") int window) {
        final RollingMoments reused = new RollingMoments(window);
        for (double x : before) {
            reused.onValue(x);
        }
        reused.reset();
        final RollingMoments fresh = new RollingMoments(window);
        for (int t = 0; t < after.length; t++) {
            reused.onValue(after[t]);
            fresh.onValue(after[t]);
            AccuracyBounds.assertExact(reused.mean(), fresh.mean(), "mean after reset", at(after, t, window));
            AccuracyBounds.assertExact(reused.std(), fresh.std(), "std after reset", at(after, t, window));
        }
    }

    static void assertMatchesReference(double[] xs, int window) {
        final RollingMoments moments = new RollingMoments(window);
        for (int t = 0; t < xs.length; t++) {
            moments.onValue(xs[t]);
            final double scale = BatchReference.scale(xs, t, window);
            assertMean(moments.mean(), BatchReference.mean(xs, t, window), scale, at(xs, t, window));
            assertStd(moments.std(), BatchReference.std(xs, t, window), at(xs, t, window));
        }
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(1, 2, 3, 7, 64, 600);
    }

    @Provide
    Arbitrary<Integer> longWindows() {
        return Arbitraries.of(600, 7, 601);
    }

    @Provide
    Arbitrary<double[]> adversarial() {
        return Streams.adversarial();
    }

    @Provide
    Arbitrary<double[]> largeOffsets() {
        return Streams.largeOffsets();
    }

    @Provide
    Arbitrary<double[]> priceWithTinyNoise() {
        return Streams.largeOffset(61800, 1e-6);
    }

    @Provide
    Arbitrary<double[]> billionWithMicroNoise() {
        return Streams.largeOffset(1e9, 1e-3);
    }

    @Provide
    Arbitrary<double[]> constantRuns() {
        return Streams.constantRuns();
    }

    @Provide
    Arbitrary<double[]> nanBursts() {
        return Streams.withNaNBursts();
    }

    @Provide
    Arbitrary<double[]> spikes() {
        return Streams.withSpikes();
    }

    @Provide
    Arbitrary<double[]> tiny() {
        return Streams.tinyValues();
    }

    @Provide
    Arbitrary<double[]> longStreams() {
        return Streams.longStreams();
    }
}
