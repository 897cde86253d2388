package io.factorgraph.testkit.streams;

import java.util.SplittableRandom;

/**
 * One stretch of a generated stream: a {@link SegmentKind}, its length, the level and scale it
 * works at, and the seed of its pseudo-random contents.
 *
 * <p>Contents come from the seed rather than from jqwik value by value so that a failing stream
 * shrinks by its structure (fewer segments, shorter ones, simpler levels) while each segment stays
 * reproducible; shrinking thousands of individual noise values teaches nothing.
 */
public record Segment(SegmentKind kind, int length, double level, double scale, long seed) {
    public Segment {
        if (length < 1) {
            throw new IllegalArgumentException("segment length must be >= 1, was " + length);
        }
        if (!Double.isFinite(level) || !Double.isFinite(scale) || scale < 0.0) {
            throw new IllegalArgumentException(
                    "segment needs a finite level and a finite scale >= 0, was " + level + ", " + scale);
        }
    }

    /** Writes the segment's {@link #length()} values into {@code out} starting at {@code from}. */
    public void writeTo(double[] out, int from) {
        final SplittableRandom random = new SplittableRandom(seed);
        double walk = level;
        for (int i = 0; i < length; i++) {
            out[from + i] = switch (kind) {
                case NOISE -> level + scale * symmetric(random);
                case RANDOM_WALK -> walk += scale * symmetric(random);
                case RAMP -> level + i * scale;
                case CONSTANT -> level;
                case TWO_LEVEL -> random.nextBoolean() ? level : level + scale;
                case ULP_STEPS -> level + random.nextInt(4) * Math.ulp(level == 0.0 ? 1.0 : level);
                case NAN_BURST -> Double.NaN;
                case SPARSE_NAN -> random.nextInt(3) == 0 ? Double.NaN : level + scale * symmetric(random);
                case SPIKE -> level + (random.nextBoolean() ? 1 : -1) * spikeFactor(random) * scale;
            };
        }
    }

    /** 1e2 to 1e8: small spikes leave residue that matters, big ones cross the re-sum thresholds. */
    private static double spikeFactor(SplittableRandom random) {
        return Math.pow(10.0, 2 + random.nextInt(7));
    }

    private static double symmetric(SplittableRandom random) {
        return 2.0 * random.nextDouble() - 1.0;
    }
}
