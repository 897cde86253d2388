package io.factorgraph.backtest.synthetic;

/**
 * Steele, Lea and Flood's SplitMix64 generator (the one behind {@link java.util.SplittableRandom}), written
 * out here so that the synthetic market's stream depends on nothing but its seed: the same seed gives
 * the same numbers on every JDK and platform. The transcendental functions go through {@link StrictMath}
 * for the same reason. Not thread-safe.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, 1)}, with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in {@code [0, bound)} for {@code bound > 0} (Lemire's multiply-high; bias below 2^-24 for bounds under 2^40). */
    long nextLong(long bound) {
        return Math.unsignedMultiplyHigh(nextLong(), bound);
    }

    /** Exponential with mean 1. */
    double nextExponential() {
        return -StrictMath.log1p(-nextDouble());
    }

    /** Standard normal, by Marsaglia's polar method (pairs: every other call returns the spare). */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    /** Geometric on {@code 1, 2, 3, ...}: {@code 1 + floor(E / -ln(1 - p))}; {@code invLogQ} is {@code 1 / -ln(1 - p)}. */
    long nextGeometric(double invLogQ) {
        double x = nextExponential() * invLogQ;
        return x >= 0x1.0p62 ? 1L << 62 : 1 + (long) x;
    }
}
