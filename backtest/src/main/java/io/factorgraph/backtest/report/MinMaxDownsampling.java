package io.factorgraph.backtest.report;

import java.util.Arrays;

/**
 * Thins a long series for drawing without losing its extremes: min/max per pixel bucket.
 *
 * <p>The time span {@code [t_first, t_last]} is cut into {@code buckets} equal slices (about one per pixel
 * of chart width). Each non-empty slice becomes at most two rows, at the times of its first and last
 * record; in each column those two rows hold the slice's smallest and largest finite value, in the order
 * they occurred (the slice's only value when it has one record, NaN when it has no finite value). So every
 * column keeps its exact minimum and maximum and every slice's range, and the drawn line passes through
 * the value range of every original point at its time; only positions inside a slice (a fraction of a
 * pixel) move. Series with at most {@code 2 × buckets} records are kept as they are. The CSV files always
 * keep every record: this is for the page only.
 */
final class MinMaxDownsampling {
    private MinMaxDownsampling() {}

    /** Thinned rows: times and one array per input column, all of one length. */
    record Rows(long[] ts, double[][] columns) {
        int size() {
            return ts.length;
        }
    }

    /**
     * Thins the columns (each as long as {@code ts}, which must be in non-decreasing order).
     *
     * @param buckets the number of time slices, &gt; 0
     */
    static Rows of(long[] ts, double[][] columns, int buckets) {
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be > 0, got " + buckets);
        }
        int n = ts.length;
        for (double[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("column of " + c.length + " values for " + n + " times");
            }
        }
        if (n <= 2L * buckets) {
            double[][] copy = new double[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                copy[c] = columns[c].clone();
            }
            return new Rows(ts.clone(), copy);
        }
        long[] outTs = new long[2 * buckets];
        double[][] out = new double[columns.length][2 * buckets];
        int rows = 0;
        int a = 0;
        while (a < n) {
            int bucket = bucketOf(ts[a], ts[0], ts[n - 1], buckets);
            int b = a + 1;
            while (b < n && bucketOf(ts[b], ts[0], ts[n - 1], buckets) == bucket) {
                b++;
            }
            // rows a .. b-1 form one slice
            if (b - a == 1) {
                outTs[rows] = ts[a];
                for (int c = 0; c < columns.length; c++) {
                    out[c][rows] = columns[c][a];
                }
                rows++;
            } else {
                outTs[rows] = ts[a];
                outTs[rows + 1] = ts[b - 1];
                for (int c = 0; c < columns.length; c++) {
                    double[] col = columns[c];
                    int lo = -1;
                    int hi = -1;
                    for (int i = a; i < b; i++) {
                        double v = col[i];
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        if (lo < 0 || v < col[lo]) {
                            lo = i;
                        }
                        if (hi < 0 || v > col[hi]) {
                            hi = i;
                        }
                    }
                    if (lo < 0) {
                        out[c][rows] = Double.NaN;
                        out[c][rows + 1] = Double.NaN;
                    } else if (lo <= hi) {
                        out[c][rows] = col[lo];
                        out[c][rows + 1] = col[hi];
                    } else {
                        out[c][rows] = col[hi];
                        out[c][rows + 1] = col[lo];
                    }
                }
                rows += 2;
            }
            a = b;
        }
        double[][] trimmed = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            trimmed[c] = Arrays.copyOf(out[c], rows);
        }
        return new Rows(Arrays.copyOf(outTs, rows), trimmed);
    }

    /**
     * The indices of the fills to draw, in time order: all of them when there are at most
     * {@code 4 × buckets}; otherwise, per time slice and per side, the fill with the lowest and the one
     * with the highest price (so each side's price extremes in each slice stay visible).
     */
    static int[] fillsToShow(long[] ts, double[] price, boolean[] buy, int buckets) {
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be > 0, got " + buckets);
        }
        int n = ts.length;
        if (n <= 4L * buckets) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        boolean[] keep = new boolean[n];
        int a = 0;
        while (a < n) {
            int bucket = bucketOf(ts[a], ts[0], ts[n - 1], buckets);
            int b = a + 1;
            while (b < n && bucketOf(ts[b], ts[0], ts[n - 1], buckets) == bucket) {
                b++;
            }
            for (int side = 0; side < 2; side++) {
                boolean wantBuy = side == 0;
                int lo = -1;
                int hi = -1;
                for (int i = a; i < b; i++) {
                    if (buy[i] != wantBuy) {
                        continue;
                    }
                    if (lo < 0 || price[i] < price[lo]) {
                        lo = i;
                    }
                    if (hi < 0 || price[i] > price[hi]) {
                        hi = i;
                    }
                }
                if (lo >= 0) {
                    keep[lo] = true;
                    keep[hi] = true;
                }
            }
            a = b;
        }
        int count = 0;
        for (boolean k : keep) {
            if (k) {
                count++;
            }
        }
        int[] out = new int[count];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** The slice of {@code t} when {@code [first, last]} is cut into {@code buckets} equal slices. */
    static int bucketOf(long t, long first, long last, int buckets) {
        if (last == first) {
            return 0;
        }
        double x = (double) (t - first) / (double) (last - first) * buckets;
        return (int) Math.min(buckets - 1, Math.max(0, Math.floor(x)));
    }
}
