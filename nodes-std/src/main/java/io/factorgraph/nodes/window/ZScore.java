package io.factorgraph.nodes.window;

/**
 * The z-score rule of docs/DESIGN.md §4, kept in one place so the {@code zscore} node, hand-written
 * strategies and tests cannot disagree on the guard.
 *
 * <p>The guard exists because a window that is constant or nearly so has a std at rounding level,
 * and dividing by it turns noise into huge signals; below {@link #MIN_STD} the score is 0 ("no
 * information"), not ±∞. Because the guard is the comparison {@code std > MIN_STD}, a NaN std
 * (a window with no valid value) also scores 0.0, while a NaN {@code x} with a usable std scores
 * NaN.
 */
public final class ZScore {
    /** Standard deviations at or below this score 0.0. */
    public static final double MIN_STD = 1e-10;

    private ZScore() {}

    public static double of(double x, double mean, double std) {
        return std > MIN_STD ? (x - mean) / std : 0.0;
    }
}
