package io.factorgraph.testkit.streams;

/**
 * The naive batch computations streaming nodes are tested against: every statistic recomputed
 * from scratch over its whole window, in the obvious way, at O(window) cost per tick.
 *
 * <p>Conventions, matching docs/DESIGN.md §4: the window ending at tick {@code end} is ticks
 * {@code max(0, end - window + 1) .. end}; a NaN occupies its tick but is skipped (numpy's
 * {@code nanmean}/{@code nanstd}/{@code nanmin}/{@code nanmax} over the window); a window with no
 * valid value gives NaN (for the sum too, unlike {@code nansum}). Standard deviation is the
 * population one (ddof = 0). With infinities present the results are what plain IEEE arithmetic
 * gives (±∞ or NaN), as in numpy.
 *
 * <p>"Naive" is about the algorithm, not the arithmetic: a reference is only useful if it is more
 * accurate than what it checks. So every sum uses Neumaier's compensated summation; the mean is
 * refined once by the mean of the deviations from a first estimate (so it is accurate relative to
 * the spread, not just to the level, and a constant window gives back exactly the constant);
 * variances are two-pass with the correction term of Chan, Golub and LeVeque
 * ({@code Σd² - (Σd)²/n}, which absorbs what error of the mean remains). The result is within a
 * few units in the last place of the exact value for the double inputs whenever the squared
 * deviations are normal doubles. The same holds for the exponentially weighted versions, whose
 * weights are taken to the exact power rather than accumulated by repeated multiplication.
 *
 * <p>Duration windows (docs/DESIGN.md §11) use the same functions: the window of D ending at tick
 * {@code end} is the samples whose time lies in {@code (times[end] - D, times[end]]}, a run of
 * {@link #ticksWithin} ticks ending at {@code end} since times never decrease, so e.g. the reference of
 * {@code rolling_std(x, 60s)} is {@code std(xs, t, ticksWithin(times, t, 60_000_000_000L))}.
 */
public final class BatchReference {
    private BatchReference() {}

    /**
     * How many samples a duration window of {@code spanNanos} holds at tick {@code end}: those whose time lies in
     * {@code (times[end] - spanNanos, times[end]]}, found by walking back from {@code end} (naively, one by one).
     * Always at least 1, the tick itself.
     */
    public static int ticksWithin(long[] times, int end, long spanNanos) {
        if (spanNanos < 1) {
            throw new IllegalArgumentException("a duration window must be >= 1ns, was " + spanNanos);
        }
        int from = end;
        while (from > 0 && times[from - 1] > times[end] - spanNanos) {
            from--;
        }
        return end - from + 1;
    }

    /**
     * Exponentially weighted mean after tick {@code end} with a half-life in time (docs/DESIGN.md §11), from its
     * weights: of the valid values v_0..v_m at times s_0..s_m, v_0 has weight {@code 2^(-(s_m - s_0)/h)} and v_k
     * (k ≥ 1) has {@code (1 - 2^(-(s_k - s_(k-1))/h)) · 2^(-(s_m - s_k)/h)}: the product of the decays
     * {@code 2^(-Δt/h)} between consecutive valid samples, each weight computed directly. NaN before the first
     * valid value.
     */
    public static double ewmMeanElapsed(long[] times, double[] xs, int end, long halflifeNanos) {
        final double[] values = validPrefix(xs, end);
        if (values.length == 0) {
            return Double.NaN;
        }
        return weightedMean(values, elapsedWeights(times, xs, end, halflifeNanos));
    }

    /** Exponentially weighted population variance under the weights of {@link #ewmMeanElapsed}. */
    public static double ewmVarianceElapsed(long[] times, double[] xs, int end, long halflifeNanos) {
        final double[] values = validPrefix(xs, end);
        if (values.length == 0) {
            return Double.NaN;
        }
        return weightedVariance(values, elapsedWeights(times, xs, end, halflifeNanos));
    }

    public static double ewmStdElapsed(long[] times, double[] xs, int end, long halflifeNanos) {
        return Math.sqrt(ewmVarianceElapsed(times, xs, end, halflifeNanos));
    }

    /** Number of valid (non-NaN) values in the window ending at {@code end}. */
    public static int count(double[] xs, int end, int window) {
        int count = 0;
        for (int i = start(end, window); i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                count++;
            }
        }
        return count;
    }

    /**
     * Largest magnitude among the window's valid values, the "scale of the data" accuracy is
     * measured against; NaN when the window has no valid value.
     */
    public static double scale(double[] xs, int end, int window) {
        double scale = Double.NaN;
        for (int i = start(end, window); i <= end; i++) {
            final double x = xs[i];
            if (!Double.isNaN(x) && !(Math.abs(x) <= scale)) {
                scale = Math.abs(x);
            }
        }
        return scale;
    }

    public static double sum(double[] xs, int end, int window) {
        final int from = start(end, window);
        if (count(xs, end, window) == 0) {
            return Double.NaN;
        }
        if (hasInfinity(xs, from, end)) {
            return plainSum(xs, from, end);
        }
        final NeumaierSum sum = new NeumaierSum();
        for (int i = from; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                sum.add(xs[i]);
            }
        }
        return sum.value();
    }

    public static double mean(double[] xs, int end, int window) {
        final int from = start(end, window);
        final int n = count(xs, end, window);
        if (n == 0) {
            return Double.NaN;
        }
        if (hasInfinity(xs, from, end)) {
            return plainSum(xs, from, end) / n;
        }
        final NeumaierSum sum = new NeumaierSum();
        for (int i = from; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                sum.add(xs[i]);
            }
        }
        final double estimate = sum.value() / n;
        final NeumaierSum correction = new NeumaierSum();
        for (int i = from; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                correction.add(xs[i] - estimate);
            }
        }
        return estimate + correction.value() / n;
    }

    /** Population variance (ddof = 0) of the window's valid values. */
    public static double variance(double[] xs, int end, int window) {
        final int from = start(end, window);
        final int n = count(xs, end, window);
        if (n == 0 || hasInfinity(xs, from, end)) {
            return Double.NaN;
        }
        final double mean = mean(xs, end, window);
        final NeumaierSum deviations = new NeumaierSum();
        final NeumaierSum squares = new NeumaierSum();
        for (int i = from; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                final double d = xs[i] - mean;
                deviations.add(d);
                squares.add(d * d);
            }
        }
        final double sumOfDeviations = deviations.value();
        final double spread = squares.value() - sumOfDeviations * sumOfDeviations / n;
        return Math.max(spread, 0.0) / n;
    }

    /** Population standard deviation (ddof = 0) of the window's valid values. */
    public static double std(double[] xs, int end, int window) {
        return Math.sqrt(variance(xs, end, window));
    }

    public static double min(double[] xs, int end, int window) {
        double min = Double.NaN;
        for (int i = start(end, window); i <= end; i++) {
            final double x = xs[i];
            if (!Double.isNaN(x) && !(x >= min)) {
                min = x;
            }
        }
        return min;
    }

    public static double max(double[] xs, int end, int window) {
        double max = Double.NaN;
        for (int i = start(end, window); i <= end; i++) {
            final double x = xs[i];
            if (!Double.isNaN(x) && !(x <= max)) {
                max = x;
            }
        }
        return max;
    }

    /**
     * Exponentially weighted mean after tick {@code end}, under docs/DESIGN.md §4's recurrence with
     * smoothing factor {@code alpha}, computed directly from its weights: NaN ticks are skipped,
     * and of the m+1 valid values v_0..v_m the first has weight {@code (1-a)^m} and v_k (k ≥ 1)
     * has {@code a(1-a)^(m-k)}. NaN before the first valid value.
     */
    public static double ewmMean(double[] xs, int end, double alpha) {
        final double[] values = validPrefix(xs, end);
        if (values.length == 0) {
            return Double.NaN;
        }
        return weightedMean(values, ewmWeights(values.length, alpha));
    }

    private static double weightedMean(double[] values, double[] weights) {
        final NeumaierSum weighted = new NeumaierSum();
        final NeumaierSum total = new NeumaierSum();
        for (int k = 0; k < values.length; k++) {
            weighted.add(weights[k] * values[k]);
            total.add(weights[k]);
        }
        final double weightSum = total.value();
        final double estimate = weighted.value() / weightSum;
        final NeumaierSum correction = new NeumaierSum();
        for (int k = 0; k < values.length; k++) {
            correction.add(weights[k] * (values[k] - estimate));
        }
        return estimate + correction.value() / weightSum;
    }

    /** Exponentially weighted population variance under the same weights as {@link #ewmMean}. */
    public static double ewmVariance(double[] xs, int end, double alpha) {
        final double[] values = validPrefix(xs, end);
        if (values.length == 0) {
            return Double.NaN;
        }
        return weightedVariance(values, ewmWeights(values.length, alpha));
    }

    private static double weightedVariance(double[] values, double[] weights) {
        final double mean = weightedMean(values, weights);
        final NeumaierSum deviations = new NeumaierSum();
        final NeumaierSum squares = new NeumaierSum();
        final NeumaierSum total = new NeumaierSum();
        for (int k = 0; k < values.length; k++) {
            final double d = values[k] - mean;
            deviations.add(weights[k] * d);
            squares.add(weights[k] * d * d);
            total.add(weights[k]);
        }
        final double weightSum = total.value();
        final double meanDeviation = deviations.value() / weightSum;
        return Math.max(squares.value() / weightSum - meanDeviation * meanDeviation, 0.0);
    }

    public static double ewmStd(double[] xs, int end, double alpha) {
        return Math.sqrt(ewmVariance(xs, end, alpha));
    }

    /** {@link #mean} at every tick of {@code xs}. */
    public static double[] rollingMean(double[] xs, int window) {
        final double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = mean(xs, t, window);
        }
        return out;
    }

    /** {@link #std} at every tick of {@code xs}. */
    public static double[] rollingStd(double[] xs, int window) {
        final double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = std(xs, t, window);
        }
        return out;
    }

    /** {@link #sum} at every tick of {@code xs}. */
    public static double[] rollingSum(double[] xs, int window) {
        final double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = sum(xs, t, window);
        }
        return out;
    }

    /** {@link #min} at every tick of {@code xs}. */
    public static double[] rollingMin(double[] xs, int window) {
        final double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = min(xs, t, window);
        }
        return out;
    }

    /** {@link #max} at every tick of {@code xs}. */
    public static double[] rollingMax(double[] xs, int window) {
        final double[] out = new double[xs.length];
        for (int t = 0; t < xs.length; t++) {
            out[t] = max(xs, t, window);
        }
        return out;
    }

    /**
     * Weights of the valid values v_0..v_(n-1), computed as {@code exp(j·log1p(-a))} so they are the
     * powers of the exact {@code 1 - a} (as the recurrence applies it), not of its rounding.
     */
    private static double[] ewmWeights(int n, double alpha) {
        final double logDecay = Math.log1p(-alpha);
        final double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            final int age = n - 1 - k;
            final double decayed = age == 0 ? 1.0 : Math.exp(age * logDecay);
            weights[k] = k == 0 ? decayed : alpha * decayed;
        }
        return weights;
    }

    /** The weights of {@link #ewmMeanElapsed}: each a power of two of an exact elapsed-time ratio. */
    private static double[] elapsedWeights(long[] times, double[] xs, int end, long halflifeNanos) {
        int n = 0;
        final long[] validTimes = new long[end + 1];
        for (int i = 0; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                validTimes[n++] = times[i];
            }
        }
        final long last = validTimes[n - 1];
        final double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            final double decayed = Math.pow(2.0, -(double) (last - validTimes[k]) / halflifeNanos);
            weights[k] = k == 0
                    ? decayed
                    : -Math.expm1(Math.log(0.5) * (validTimes[k] - validTimes[k - 1]) / halflifeNanos) * decayed;
        }
        return weights;
    }

    private static double[] validPrefix(double[] xs, int end) {
        int n = 0;
        for (int i = 0; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                n++;
            }
        }
        final double[] values = new double[n];
        int at = 0;
        for (int i = 0; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                values[at++] = xs[i];
            }
        }
        return values;
    }

    private static int start(int end, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        return Math.max(0, end - window + 1);
    }

    private static boolean hasInfinity(double[] xs, int from, int end) {
        for (int i = from; i <= end; i++) {
            if (Double.isInfinite(xs[i])) {
                return true;
            }
        }
        return false;
    }

    private static double plainSum(double[] xs, int from, int end) {
        double sum = 0.0;
        for (int i = from; i <= end; i++) {
            if (!Double.isNaN(xs[i])) {
                sum += xs[i];
            }
        }
        return sum;
    }

    /** Neumaier's variant of Kahan summation. */
    private static final class NeumaierSum {
        private double sum;
        private double compensation;

        void add(double x) {
            final double t = sum + x;
            compensation += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }

        double value() {
            return sum + compensation;
        }
    }
}
