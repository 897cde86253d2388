package io.factorgraph.testkit.streams;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of adversarial {@code double} streams for testing streaming nodes against
 * {@link BatchReference}.
 *
 * <p>Each generator aims at one way incremental statistics break, so a property that fails under,
 * say, {@link #withNaNBursts()} already names the culprit: large levels with small noise
 * (cancellation), exact constant runs (std must be exactly 0), NaN bursts (windows with no valid
 * value), spikes (residue after a huge value leaves), tiny magnitudes, and their mixture. Streams
 * are built from {@link Segment}s, so failures shrink to few, short, simple segments.
 *
 * <p>Generated values are finite or NaN, never infinite, and stay within about {@code 1e-117} to
 * {@code 1e13} in magnitude (apart from exact zeros), so squared deviations stay normal doubles
 * and a two-pass reference is meaningful. Infinities are edge cases for example-based tests.
 *
 * <pre>{@code
 * @Property
 * void matchesReference(@ForAll("streams") double[] xs) { ... }
 *
 * @Provide
 * Arbitrary<double[]> streams() { return Streams.adversarial(); }
 * }</pre>
 */
public final class Streams {
    private static final Arbitrary<Double> LEVELS =
            Arbitraries.of(0.0, 1.0, -1.0, 0.1, 61800.0, 61800.1, 1e9, -1e9, 1e9 + 0.3, 1e12, 1e-30);
    private static final Arbitrary<Double> SCALES = Arbitraries.of(1.0, 1e-3, 0.1, 1e-6, 1e-9, 1000.0);
    private static final Arbitrary<Double> LARGE_OFFSETS = Arbitraries.of(61800.0, 61800.1, 1e9, -1e9, 1e12);
    private static final Arbitrary<Double> NOISE_SCALES = Arbitraries.of(1.0, 1e-3, 1e-6, 0.5, 100.0);
    private static final Arbitrary<Double> TINY_LEVELS = Arbitraries.of(0.0, 1e-30, -1e-30, 1e-12, 1e-100);
    private static final Arbitrary<Double> TINY_SCALES = Arbitraries.of(1e-12, 1e-30, 1e-33, 1e-100, 1e-103);
    private static final Arbitrary<Double> CONSTANT_LEVELS =
            Arbitraries.of(61800.0, 0.0, 0.1, 61800.1, 1e9 + 0.3, -7.25, 1e-30, 1e12);

    private static final Arbitrary<SegmentKind> ANY_KIND = Arbitraries.of(SegmentKind.class);
    private static final Arbitrary<SegmentKind> LEVEL_KINDS = Arbitraries.of(
            SegmentKind.NOISE,
            SegmentKind.RANDOM_WALK,
            SegmentKind.CONSTANT,
            SegmentKind.TWO_LEVEL,
            SegmentKind.ULP_STEPS,
            SegmentKind.RAMP,
            SegmentKind.SPARSE_NAN);

    /** A recorded day's first local time, so generated times look like real ones (and are far from 0). */
    private static final long FIRST_TIME = 1_723_161_256_302_471_518L;

    private Streams() {}

    /**
     * {@link #adversarial()} values at irregular, adversarial times: bursts of equal timestamps, gaps from 1us
     * to a few seconds, and silences of 2 to 20 minutes (longer than any window a test is likely to use, so a
     * window empties and restarts), for holding duration windows to their batch references.
     */
    public static Arbitrary<TimedStream> timed() {
        return timed(adversarial());
    }

    /**
     * {@code values} at adversarial times (see {@link #timed()}); e.g. {@code timed(withNaNBursts())} puts NaN
     * runs in a timed stream.
     */
    public static Arbitrary<TimedStream> timed(Arbitrary<double[]> values) {
        return values.flatMap(xs -> times(xs.length).map(times -> new TimedStream(times, xs)));
    }

    /**
     * {@code n} tick times (ns, never decreasing) with the adversarial gaps of {@link #timed()}: for timing
     * something other than a {@code double} stream, such as the books of a
     * {@link io.factorgraph.testkit.harness.TwoBookCheck}.
     */
    public static Arbitrary<long[]> times(int n) {
        return gaps().array(long[].class).ofSize(n).map(gaps -> {
            final long[] times = new long[n];
            long time = FIRST_TIME;
            for (int i = 0; i < n; i++) {
                time += i == 0 ? 0 : gaps[i];
                times[i] = time;
            }
            return times;
        });
    }

    /**
     * {@code values} on a regular clock of {@code intervalNanos}: every gap is the interval. The case in which
     * a duration window of {@code k · interval} must equal the count window of {@code k} ticks to the bit.
     */
    public static Arbitrary<TimedStream> clocked(Arbitrary<double[]> values, long intervalNanos) {
        return values.map(xs -> {
            final long[] times = new long[xs.length];
            final long first = Math.ceilDiv(FIRST_TIME, intervalNanos) * intervalNanos;
            for (int i = 0; i < xs.length; i++) {
                times[i] = first + i * intervalNanos;
            }
            return new TimedStream(times, xs);
        });
    }

    /** Gaps between samples, in ns: equal times (bursts), short and long gaps, and silences of minutes. */
    private static Arbitrary<Long> gaps() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(4, Arbitraries.longs().between(1_000L, 100_000_000L)),
                Tuple.of(3, Arbitraries.longs().between(100_000_000L, 5_000_000_000L)),
                Tuple.of(1, Arbitraries.longs().between(120_000_000_000L, 1_200_000_000_000L)));
    }

    /** Every segment kind at every level and scale, mixed: up to 12 segments of up to 300 ticks. */
    public static Arbitrary<double[]> adversarial() {
        return of(segments(ANY_KIND, 300, LEVELS, SCALES), 1, 12);
    }

    /**
     * The {@link #adversarial()} mixture, several thousand ticks long (3 to 8 segments of up to
     * 1500): enough to fill and slide a window of 600 many times and to hold all-NaN windows.
     */
    public static Arbitrary<double[]> longStreams() {
        return of(segments(ANY_KIND, 1500, LEVELS, SCALES), 3, 8);
    }

    /**
     * {@code offset + noise} in its price-like forms (noise, random walk, trend, exact constants,
     * two levels, ulp steps, sparse NaN), e.g. {@code largeOffset(61800, 1e-3)}: the case where
     * sum-of-squares variance loses every digit.
     */
    public static Arbitrary<double[]> largeOffset(double offset, double noiseScale) {
        return of(segments(LEVEL_KINDS, 300, Arbitraries.just(offset), Arbitraries.just(noiseScale)), 1, 8);
    }

    /** {@link #largeOffset} with the offset (61800, 1e9, -1e9, 1e12, ...) and noise scale drawn too. */
    public static Arbitrary<double[]> largeOffsets() {
        return Combinators.combine(LARGE_OFFSETS, NOISE_SCALES).flatAs(Streams::largeOffset);
    }

    /** Long exact constant runs at awkward levels (0.1, 1e9 + 0.3, ...) with short noisy interludes. */
    public static Arbitrary<double[]> constantRuns() {
        final Arbitrary<Segment> run = segments(Arbitraries.just(SegmentKind.CONSTANT), 700, CONSTANT_LEVELS, SCALES);
        final Arbitrary<Segment> interlude = segments(
                Arbitraries.of(SegmentKind.NOISE, SegmentKind.SPIKE, SegmentKind.TWO_LEVEL, SegmentKind.NAN_BURST),
                20,
                CONSTANT_LEVELS,
                SCALES);
        return of(Arbitraries.frequencyOf(Tuple.of(3, run), Tuple.of(2, interlude)), 1, 10);
    }

    /** Data interrupted by NaN bursts of up to 1000 ticks (so all-NaN windows of 600) and sparse NaN. */
    public static Arbitrary<double[]> withNaNBursts() {
        final Arbitrary<Segment> bursts = segments(Arbitraries.just(SegmentKind.NAN_BURST), 1000, LEVELS, SCALES);
        final Arbitrary<Segment> data = segments(
                Arbitraries.of(
                        SegmentKind.NOISE, SegmentKind.SPARSE_NAN, SegmentKind.CONSTANT, SegmentKind.RANDOM_WALK),
                400,
                LEVELS,
                SCALES);
        return of(Arbitraries.frequencyOf(Tuple.of(1, bursts), Tuple.of(2, data)), 1, 10);
    }

    /** Small noise with spikes of {@code 1e2} to {@code 1e8} times its scale passing through. */
    public static Arbitrary<double[]> withSpikes() {
        final Arbitrary<Segment> spikes = segments(Arbitraries.just(SegmentKind.SPIKE), 3, LEVELS, SCALES);
        final Arbitrary<Segment> data = segments(
                Arbitraries.of(SegmentKind.NOISE, SegmentKind.CONSTANT, SegmentKind.TWO_LEVEL), 200, LEVELS, SCALES);
        return of(Arbitraries.frequencyOf(Tuple.of(1, spikes), Tuple.of(2, data)), 1, 16);
    }

    /** Levels and noise between {@code 1e-12} and {@code 1e-103}: nothing near 1 to hide behind. */
    public static Arbitrary<double[]> tinyValues() {
        return of(segments(ANY_KIND, 300, TINY_LEVELS, TINY_SCALES), 1, 10);
    }

    /**
     * Streams made of {@code minSegments..maxSegments} segments drawn from {@code segments}: the
     * building block for generators of one's own.
     */
    public static Arbitrary<double[]> of(Arbitrary<Segment> segments, int minSegments, int maxSegments) {
        return segments.list().ofMinSize(minSegments).ofMaxSize(maxSegments).map(Streams::concatenate);
    }

    /**
     * Segments of the given kinds, levels and scales, {@code 1..maxLength} ticks long ({@code 1..3}
     * for spikes, which are meant to be brief). Seeds have no edge cases: a seed's value means
     * nothing, so its "edge cases" would only multiply the combinations jqwik tries first.
     */
    public static Arbitrary<Segment> segments(
            Arbitrary<SegmentKind> kinds, int maxLength, Arbitrary<Double> levels, Arbitrary<Double> scales) {
        return Combinators.combine(
                        kinds,
                        Arbitraries.integers().between(1, maxLength),
                        levels,
                        scales,
                        Arbitraries.longs().withoutEdgeCases())
                .as((kind, length, level, scale, seed) -> new Segment(
                        kind, kind == SegmentKind.SPIKE ? 1 + (length - 1) % 3 : length, level, scale, seed));
    }

    private static double[] concatenate(List<Segment> segments) {
        int total = 0;
        for (Segment segment : segments) {
            total += segment.length();
        }
        final double[] stream = new double[total];
        int at = 0;
        for (Segment segment : segments) {
            segment.writeTo(stream, at);
            at += segment.length();
        }
        return stream;
    }
}
