package io.factorgraph.backtest.report;

/** How many decimals to print numbers with, chosen from the numbers themselves. */
final class Decimals {
    static final int MAX = 8;
    /** Values looked at per array at most (evenly spread), so that long series cost little. */
    private static final int SAMPLE = 20_000;

    private Decimals() {}

    /**
     * The fewest decimals (0 to {@value #MAX}) that print every finite value exactly up to binary-float
     * noise: prices on a 0.01 tick give 2, a mid between them 3. {@value #MAX} when none is enough.
     */
    static int exact(double[]... arrays) {
        int best = 0;
        for (double[] a : arrays) {
            int step = Math.max(1, a.length / SAMPLE);
            for (int i = 0; i < a.length && best < MAX; i += step) {
                best = Math.max(best, exact(a[i]));
            }
        }
        return best;
    }

    static int exact(double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        double scaled = v;
        for (int d = 0; d < MAX; d++) {
            double tolerance = Math.max(1.0, Math.abs(scaled)) * 1e-9;
            if (Math.abs(scaled - Math.rint(scaled)) <= tolerance) {
                return d;
            }
            scaled = v * Math.pow(10, d + 1);
        }
        return MAX;
    }

    /**
     * Decimals for money-like values: 2 when the largest magnitude is at least 1, more for smaller ones so
     * that about three significant digits show (at most {@value #MAX}).
     */
    static int forMagnitude(double[]... arrays) {
        double max = 0;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        if (max == 0) {
            return 2;
        }
        int d = 2 - (int) Math.floor(Math.log10(max));
        return Math.max(2, Math.min(MAX, d));
    }
}
