package io.factorgraph.testkit.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The generators deliver what their names and Javadoc promise. */
class StreamsTest {

    @Property(tries = 300)
    void valuesAreFiniteOrNaNWithinTheDocumentedMagnitudes(@ForAll("anyStream") double[] xs) {
        assertTrue(xs.length >= 1);
        for (double x : xs) {
            assertTrue(
                    Double.isNaN(x) || x == 0.0 || (Math.abs(x) >= 1e-117 && Math.abs(x) <= 1e13),
                    "value out of the documented range: " + x);
        }
    }

    @Property(tries = 100)
    void largeOffsetStaysAroundItsOffset(@ForAll("price") double[] xs) {
        // 300-tick segments: a trend or walk moves at most 300 noise scales away.
        for (double x : xs) {
            assertTrue(Double.isNaN(x) || Math.abs(x - 61800.0) <= 300 * 1e-3 + 1e-9, "value " + x);
        }
    }

    @Test
    void nanBurstsIncludeWindowsOf600WithNoValidValue() {
        assertTrue(someSampleHas(Streams.withNaNBursts(), xs -> longestRun(xs, true) >= 600));
    }

    @Test
    void constantRunsIncludeExactRunsLongerThan600() {
        assertTrue(someSampleHas(Streams.constantRuns(), xs -> longestRun(xs, false) > 600));
    }

    @Test
    void longStreamsAreThousandsOfTicks() {
        final Iterator<double[]> samples = Streams.longStreams().sampleStream().iterator();
        for (int i = 0; i < 20; i++) {
            final int length = samples.next().length;
            assertTrue(length >= 3 && length <= 8 * 1500, "length " + length);
        }
        assertTrue(someSampleHas(Streams.longStreams(), xs -> xs.length >= 2000));
    }

    @Test
    void spikesStandOutFromTheirNoise() {
        assertTrue(someSampleHas(Streams.withSpikes(), xs -> {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : xs) {
                if (!Double.isNaN(x)) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            return max - min >= 1e6;
        }));
    }

    @Test
    void segmentsAreReproducibleFromTheirSeed() {
        final Segment segment = new Segment(SegmentKind.RANDOM_WALK, 50, 61800.0, 0.5, 1234L);
        final double[] first = new double[50];
        final double[] second = new double[52];
        segment.writeTo(first, 0);
        segment.writeTo(second, 2);
        assertArrayEquals(first, Arrays.copyOfRange(second, 2, 52));
    }

    @Test
    void segmentKindsRenderTheirShape() {
        assertArrayEquals(new double[] {5, 5, 5}, render(SegmentKind.CONSTANT, 3, 5.0, 1.0));
        assertArrayEquals(new double[] {5, 6, 7}, render(SegmentKind.RAMP, 3, 5.0, 1.0));
        for (double x : render(SegmentKind.NAN_BURST, 4, 5.0, 1.0)) {
            assertTrue(Double.isNaN(x));
        }
        for (double x : render(SegmentKind.TWO_LEVEL, 20, 5.0, 0.25)) {
            assertTrue(x == 5.0 || x == 5.25);
        }
        for (double x : render(SegmentKind.ULP_STEPS, 20, 1e9, 0.0)) {
            assertTrue(x >= 1e9 && x <= 1e9 + 3 * Math.ulp(1e9));
        }
        for (double x : render(SegmentKind.SPIKE, 3, 0.0, 1.0)) {
            assertTrue(Math.abs(x) >= 1e2 && Math.abs(x) <= 1e8);
        }
    }

    @Test
    void segmentRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Segment(SegmentKind.NOISE, 0, 0.0, 1.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new Segment(SegmentKind.NOISE, 1, Double.NaN, 1.0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new Segment(SegmentKind.NOISE, 1, 0.0, -1.0, 1L));
    }

    @Test
    void ofConcatenatesSegmentsInOrder() {
        final double[] xs = Streams.of(Arbitraries.just(new Segment(SegmentKind.CONSTANT, 2, 7.0, 0.0, 0L)), 3, 3)
                .sample();
        assertEquals(6, xs.length);
        for (double x : xs) {
            assertEquals(7.0, x);
        }
    }

    private static double[] render(SegmentKind kind, int length, double level, double scale) {
        final double[] out = new double[length];
        new Segment(kind, length, level, scale, 99L).writeTo(out, 0);
        return out;
    }

    private static boolean someSampleHas(Arbitrary<double[]> streams, Predicate<double[]> test) {
        final Iterator<double[]> samples = streams.sampleStream().iterator();
        for (int i = 0; i < 200; i++) {
            if (test.test(samples.next())) {
                return true;
            }
        }
        return false;
    }

    /** Longest run of NaN ({@code nan}) or of one repeated valid value (otherwise). */
    private static int longestRun(double[] xs, boolean nan) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < xs.length; i++) {
            final boolean continues = nan ? Double.isNaN(xs[i]) : !Double.isNaN(xs[i]) && i > 0 && xs[i] == xs[i - 1];
            run = continues ? run + 1 : (nan || Double.isNaN(xs[i]) ? 0 : 1);
            longest = Math.max(longest, run);
        }
        return longest;
    }

    @Provide
    Arbitrary<double[]> anyStream() {
        return Arbitraries.oneOf(
                Streams.adversarial(),
                Streams.longStreams(),
                Streams.largeOffsets(),
                Streams.constantRuns(),
                Streams.withNaNBursts(),
                Streams.withSpikes(),
                Streams.tinyValues());
    }

    @Provide
    Arbitrary<double[]> price() {
        return Streams.largeOffset(61800.0, 1e-3);
    }
}
