package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Thinning for the page keeps every extreme and the shape of every series. */
class MinMaxDownsamplingProperties {

    record Series(long[] ts, double[][] columns) {}

    @Property(tries = 300)
    void keepsExtremesAndEnvelope(@ForAll("series") Series s, @ForAll @IntRange(min = 1, max = 40) int buckets) {
        MinMaxDownsampling.Rows rows = MinMaxDownsampling.of(s.ts(), s.columns(), buckets);
        int n = s.ts().length;
        assertTrue(rows.size() <= Math.max(n <= 2 * buckets ? n : 0, 2 * buckets), "at most two rows per slice");
        assertTrue(rows.size() <= n);
        // times: non-decreasing, each one an input time
        Set<Long> inputTimes = new HashSet<>();
        for (long t : s.ts()) {
            inputTimes.add(t);
        }
        for (int r = 0; r < rows.size(); r++) {
            assertTrue(inputTimes.contains(rows.ts()[r]));
            if (r > 0) {
                assertTrue(rows.ts()[r - 1] <= rows.ts()[r]);
            }
        }
        if (n > 0) {
            assertEquals(s.ts()[0], rows.ts()[0], "starts at the first record");
            assertEquals(s.ts()[n - 1], rows.ts()[rows.size() - 1], "ends at the last record");
        }
        for (int c = 0; c < s.columns().length; c++) {
            double[] in = s.columns()[c];
            double[] out = rows.columns()[c];
            // the extremes of the column are kept exactly
            assertTrue(sameValue(finiteMin(in), finiteMin(out)), "min of column " + c);
            assertTrue(sameValue(finiteMax(in), finiteMax(out)), "max of column " + c);
            // every value shown is a value of the input
            Set<Double> values = new HashSet<>();
            for (double v : in) {
                values.add(v);
            }
            for (double v : out) {
                assertTrue(Double.isNaN(v) || values.contains(v));
            }
            // envelope: each input point lies, in time and value, within a shown row or between two adjacent ones
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(in[i])) {
                    continue;
                }
                assertTrue(
                        covered(rows.ts(), out, s.ts()[i], in[i]),
                        "point " + i + " (t=" + s.ts()[i] + ", v=" + in[i] + ") of column " + c + " is drawn");
            }
        }
    }

    @Property(tries = 100)
    void shortSeriesAreKeptAsTheyAre(@ForAll("series") Series s) {
        int buckets = Math.max(1, (s.ts().length + 1) / 2);
        MinMaxDownsampling.Rows rows = MinMaxDownsampling.of(s.ts(), s.columns(), buckets);
        assertArrayEquals(s.ts(), rows.ts());
        for (int c = 0; c < s.columns().length; c++) {
            assertArrayEquals(s.columns()[c], rows.columns()[c]);
        }
    }

    /* 10 records in 2 slices of the span 0..9: times 0..4 fall in the first ((t − 0) / 9 × 2 < 1), 5..9 in
    the second. Values 5, 1, 9, 3, 4 | 7, 8, 2, 6, 0: first slice min 1 (t=1) before max 9 (t=2) → rows
    (t=0, 1), (t=4, 9); second slice max 8 (t=6) before min 0 (t=9) → rows (t=5, 8), (t=9, 0). */
    @Test
    void handWorkedSlices() {
        long[] ts = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] v = {5, 1, 9, 3, 4, 7, 8, 2, 6, 0};
        MinMaxDownsampling.Rows rows = MinMaxDownsampling.of(ts, new double[][] {v}, 2);
        assertArrayEquals(new long[] {0, 4, 5, 9}, rows.ts());
        assertArrayEquals(new double[] {1, 9, 8, 0}, rows.columns()[0]);
    }

    @Test
    void fillsToShowKeepEachSidesPriceExtremesPerSlice() {
        // 12 fills in one slice (buckets = 1 keeps all of up to 4): buys at 5..10, sells at 1..6
        long[] ts = new long[12];
        double[] px = new double[12];
        boolean[] buy = new boolean[12];
        for (int i = 0; i < 12; i++) {
            ts[i] = i;
            buy[i] = i % 2 == 0;
            px[i] = buy[i] ? 5 + i / 2 : 1 + i / 2;
        }
        int[] shown = MinMaxDownsampling.fillsToShow(ts, px, buy, 1);
        // buys: lowest 5 at i=0, highest 10 at i=10; sells: lowest 1 at i=1, highest 6 at i=11
        assertArrayEquals(new int[] {0, 1, 10, 11}, shown);
        int[] all = MinMaxDownsampling.fillsToShow(ts, px, buy, 3);
        assertEquals(12, all.length);
    }

    private static boolean covered(long[] ts, double[] v, long t, double x) {
        for (int r = 0; r < ts.length; r++) {
            if (ts[r] == t && v[r] == x) {
                return true;
            }
            if (r + 1 < ts.length && ts[r] <= t && t <= ts[r + 1]) {
                double lo = Math.min(v[r], v[r + 1]);
                double hi = Math.max(v[r], v[r + 1]);
                if (lo <= x && x <= hi) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Equal as numbers (0.0 and −0.0 are one value), or both NaN. */
    private static boolean sameValue(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    private static double finiteMin(double[] a) {
        return Arrays.stream(a).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN);
    }

    private static double finiteMax(double[] a) {
        return Arrays.stream(a).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    @Provide
    Arbitrary<Series> series() {
        Arbitrary<Double> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)),
                net.jqwik.api.Tuple.of(8, Arbitraries.doubles().between(-100, 100)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0)));
        Arbitrary<List<Long>> gaps = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
                        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 1_000)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(1, 1_000_000_000_000L)))
                .list()
                .ofMaxSize(300);
        return gaps.flatMap(g -> Combinators.combine(
                        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000_000_000L),
                        value.list().ofSize(g.size()).list().ofMinSize(1).ofMaxSize(3))
                .as((start, cols) -> {
                    long[] ts = new long[g.size()];
                    long t = start;
                    for (int i = 0; i < ts.length; i++) {
                        t += g.get(i);
                        ts[i] = t;
                    }
                    double[][] columns = new double[cols.size()][];
                    for (int c = 0; c < cols.size(); c++) {
                        columns[c] = cols.get(c).stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray();
                    }
                    return new Series(ts, columns);
                }));
    }
}
