package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.FillLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * hftbacktest's figures on a tiny recording worked out by hand (in the comments), and on a realistic recording
 * against a naive reference written in the test the way hftbacktest's polars code reads.
 */
class HftbacktestStatsTest {
    private static final long S = 1_000_000_000L;
    /** A multiple of 10 s, so that the 10 s windows start at T0. */
    private static final long T0 = 1_700_000_000L * S;

    private static final double EPS = 1e-12;
    /** Rows a day at 10 s × 252 trading days: 8,640 × 252. */
    private static final double C_10S = 86_400.0 / 10 * 252;

    private static void record(BacktestRecorder r, long secondsAfterT0, double position, double cash, double mid) {
        r.record(T0 + secondsAfterT0 * S, mid, mid - 0.5, mid + 0.5, Double.NaN, Double.NaN, position, cash, 0.0);
    }

    /*
     * Records (s after T0: position, cash, mid → equity = cash + position × mid):
     *    0 s: 0, 100, 50 → 100        4 s: 1,  51, 50   → 101
     *   12 s: 2,   2, 50 → 102       19 s: 2,   2, 49   → 100
     *   25 s: -1, 150, 49.5 → 100.5  41 s: 0, 103, 51   → 103     50 s: 0, 102, 51 → 102
     * 10 s windows keep their last record: rows at 0, 10, 20, 40, 50 s (no record in [30, 40): no row) with
     * equity 101, 100, 100.5, 103, 102 and |position| × mid 50, 98, 49.5, 0, 0 (the 2 × 50 = 100 at 12 s is not
     * the last of its window) → MaxPositionValue 98.
     * Changes −1, +0.5, +2.5, −1: mean 1/4; deviations −1.25, 0.25, 2.25, −1.25, squares sum 8.25, sample variance
     * 8.25 / 3 = 2.75 → SR = 0.25 / √2.75 × √(8,640 × 252) (the first two rows are 10 s apart).
     * Downside: min(0, d)² = 1, 0, 0, 1 → mean 0.5 → Sortino = 0.25 / √0.5 × √(8,640 × 252).
     * pnl = 102 − 101 = 1 → Return 1 / 1000; running peak 101, 101, 101, 103, 103, drawdowns 0, 1, 0.5, 0, 1
     * → MaxDrawdown 1 (0.001 of the book); ReturnOverMDD 1.
     * Fills at 0 s (the first record's time: already in it, not counted), 2 s buy 1 @ 50, 11 s buy 1 @ 50, 22 s
     * sell 3 @ 49.5, 40 s buy 1 @ 51, 55 s (after the last record, not counted): 4 trades, trading value
     * 50 + 50 + 148.5 + 51 = 299.5. Days = 50 s / 86,400 s → DailyNumberOfTrades 4 × 1,728 = 6,912,
     * DailyTradingValue 299.5 × 1,728 = 517,536, DailyTurnover 517.536; ReturnOverTrade 1 / 299.5.
     */
    private static Recording handRecording() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        record(r, 0, 0, 100, 50);
        record(r, 4, 1, 51, 50);
        record(r, 12, 2, 2, 50);
        record(r, 19, 2, 2, 49);
        record(r, 25, -1, 150, 49.5);
        record(r, 41, 0, 103, 51);
        record(r, 50, 0, 102, 51);
        r.fill(T0, true, 50, 0.5, 0, true, 1);
        r.fill(T0 + 2 * S, true, 50, 1, 0, true, 2);
        r.fill(T0 + 11 * S, true, 50, 1, 0, true, 3);
        r.fill(T0 + 22 * S, false, 49.5, 3, 0, false, 4);
        r.fill(T0 + 40 * S, true, 51, 1, 0, true, 5);
        r.fill(T0 + 55 * S, false, 51, 0.5, 0, true, 6);
        return r.finish(RunMetadata.empty());
    }

    @Test
    void handComputedFiguresAtHftbacktestsDefaults() {
        HftbacktestStats h = HftbacktestStats.of(handRecording(), Duration.ofSeconds(10), 1000);
        assertEquals(10 * S, h.resampleNs());
        assertEquals("10s", h.interval());
        assertEquals(252, h.tradingDaysPerYear());
        assertEquals(1000, h.bookSize());
        assertEquals(5, h.rows());
        assertEquals(50.0 / 86_400, h.days(), EPS);

        double sr = 0.25 / Math.sqrt(2.75) * Math.sqrt(C_10S);
        assertEquals(sr, h.sr(), 1e-12 * sr);
        double sortino = 0.25 / Math.sqrt(0.5) * Math.sqrt(C_10S);
        assertEquals(sortino, h.sortino(), 1e-12 * sortino);

        assertEquals(1, h.pnl(), EPS);
        assertEquals(0.001, h.ret(), EPS);
        assertEquals(1, h.maxDrawdownValue(), EPS);
        assertEquals(0.001, h.maxDrawdown(), EPS);
        assertEquals(1, h.returnOverMdd(), EPS);

        assertEquals(4, h.trades());
        assertEquals(299.5, h.tradingValue(), EPS);
        assertEquals(6912, h.dailyNumberOfTrades(), 1e-9);
        assertEquals(517_536, h.dailyTradingValue(), 1e-6);
        assertEquals(517.536, h.dailyTurnover(), 1e-9);
        assertEquals(1 / 299.5, h.returnOverTrade(), EPS);
        assertEquals(98, h.maxPositionValue(), EPS);
    }

    /*
     * The same records in 20 s windows [0, 20), [20, 40), [40, 60): rows at 0, 20, 40 s with equity 100 (19 s),
     * 100.5 (25 s), 102 (50 s). Changes +0.5, +1.5: mean 1, sample variance ((−0.5)² + 0.5²) / 1 = 0.5 → SR =
     * 1 / √0.5 × √(4,320 × 252); no negative change → downside 0 → Sortino +∞ (numpy's x / 0). pnl 2; the
     * equity never falls → MaxDrawdown 0, ReturnOverMDD +∞. Days 40 / 86,400 → DailyNumberOfTrades 4 × 2,160.
     */
    @Test
    void theIntervalChangesTheFiguresAsInHftbacktest() {
        HftbacktestStats h = HftbacktestStats.of(handRecording(), Duration.ofSeconds(20), 1000);
        assertEquals("20s", h.interval());
        assertEquals(3, h.rows());
        double sr = 1 / Math.sqrt(0.5) * Math.sqrt(86_400.0 / 20 * 252);
        assertEquals(sr, h.sr(), 1e-12 * sr);
        assertEquals(Double.POSITIVE_INFINITY, h.sortino());
        assertEquals(2, h.pnl(), EPS);
        assertEquals(0, h.maxDrawdownValue());
        assertEquals(Double.POSITIVE_INFINITY, h.returnOverMdd());
        assertEquals(4 * 2160, h.dailyNumberOfTrades(), 1e-9);
        assertEquals(98, h.maxPositionValue(), EPS);
    }

    @Test
    void withoutABookSizeTheRelativeFiguresAreNaNAndTheRestStand() {
        HftbacktestStats h = HftbacktestStats.of(handRecording(), Duration.ofSeconds(10), Double.NaN);
        assertTrue(Double.isNaN(h.ret()) && Double.isNaN(h.maxDrawdown()) && Double.isNaN(h.dailyTurnover()));
        assertEquals(1, h.pnl(), EPS);
        assertEquals(517_536, h.dailyTradingValue(), 1e-6);
    }

    @Test
    void tooFewRowsGiveNaNRatherThanANumber() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        record(r, 0, 0, 100, 50);
        record(r, 3, 1, 50, 51);
        HftbacktestStats one = HftbacktestStats.of(r.finish(RunMetadata.empty()), Duration.ofSeconds(10), 1000);
        assertEquals(1, one.rows());
        assertTrue(Double.isNaN(one.sr()) && Double.isNaN(one.sortino()));
        assertEquals(0, one.days());
        HftbacktestStats empty = HftbacktestStats.of(
                new BacktestRecorder(TestGrid.FINE).finish(RunMetadata.empty()), Duration.ofSeconds(10), 1000);
        assertEquals(0, empty.rows());
        assertEquals(0, empty.trades());
        assertTrue(Double.isNaN(empty.sr()) && Double.isNaN(empty.ret()) && Double.isNaN(empty.maxPositionValue()));
    }

    @Test
    void aNonPositiveIntervalIsRefused() {
        Recording rec = handRecording();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> HftbacktestStats.of(rec, Duration.ZERO, 1000));
        assertTrue(e.getMessage().startsWith("resample interval must be positive"), e.getMessage());
    }

    @Test
    void intervalsAreSpelledAsPolarsSpellsThem() {
        assertEquals("500ms", HftbacktestStats.interval(500_000_000L));
        assertEquals("5m", HftbacktestStats.interval(300 * S));
        assertEquals("1h", HftbacktestStats.interval(3600 * S));
        assertEquals("1d", HftbacktestStats.interval(86_400 * S));
        assertEquals("90s", HftbacktestStats.interval(90 * S));
        assertEquals("1500us", HftbacktestStats.interval(1_500_000L));
        assertEquals("7ns", HftbacktestStats.interval(7));
    }

    /** A realistic run of 8,000 records 100 ms apart with hundreds of fills, at several intervals. */
    @Test
    void aRealisticRecordingAgreesWithANaiveReference() {
        Recording rec = SyntheticRecording.make(5, 8000, RunMetadata.empty());
        double book = 600;
        for (Duration d :
                List.of(Duration.ofMillis(700), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1))) {
            HftbacktestStats h = HftbacktestStats.of(rec, d, book);
            Reference ref = new Reference(rec, d.toNanos());
            assertEquals(ref.rows(), h.rows(), d.toString());
            assertClose(ref.sr(), h.sr(), d + " SR");
            assertClose(ref.sortino(), h.sortino(), d + " Sortino");
            assertClose(ref.pnl() / book, h.ret(), d + " Return");
            assertClose(ref.mdd() / book, h.maxDrawdown(), d + " MaxDrawdown");
            assertClose(ref.pnl() / ref.mdd(), h.returnOverMdd(), d + " ReturnOverMDD");
            assertClose(ref.trades() / ref.days(), h.dailyNumberOfTrades(), d + " DailyNumberOfTrades");
            assertClose(ref.value() / ref.days(), h.dailyTradingValue(), d + " DailyTradingValue");
            assertClose(ref.value() / ref.days() / book, h.dailyTurnover(), d + " DailyTurnover");
            assertClose(ref.pnl() / ref.value(), h.returnOverTrade(), d + " ReturnOverTrade");
            assertClose(ref.maxPositionValue(), h.maxPositionValue(), d + " MaxPositionValue");
            assertTrue(h.trades() > 50, "the run trades: " + h.trades());
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(expected), what + " reference is " + expected);
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    /**
     * hftbacktest's computation spelled out plainly: cumulative trade counts and values at each record, their
     * per-record differences, a map from window start to the window's last record (and summed differences),
     * then each metric from the rows as {@code metrics.py} writes it.
     */
    private static final class Reference {
        final List<double[]> rowValues = new ArrayList<>(); // {label ns, equity, position, mid, trades, value}

        Reference(Recording rec, long dt) {
            TimeSeries s = rec.series();
            FillLog f = rec.fills();
            TreeMap<Long, double[]> windows = new TreeMap<>();
            double prevCount = 0;
            double prevValue = 0;
            for (int i = 0; i < s.size(); i++) {
                double count = 0;
                double value = 0;
                for (int j = 0; j < f.size(); j++) {
                    if (f.localTime(j) <= s.ts[i]) {
                        count++;
                        value += f.price(j) * f.qty(j);
                    }
                }
                double dCount = i == 0 ? 0 : count - prevCount;
                double dValue = i == 0 ? 0 : value - prevValue;
                prevCount = count;
                prevValue = value;
                long label = Math.floorDiv(s.ts[i], dt) * dt;
                double[] row = windows.computeIfAbsent(label, k -> new double[] {k, 0, 0, 0, 0, 0});
                row[1] = s.equity[i];
                row[2] = s.position[i];
                row[3] = s.mid[i];
                row[4] += dCount;
                row[5] += dValue;
            }
            rowValues.addAll(windows.values());
        }

        int rows() {
            return rowValues.size();
        }

        double equity(int i) {
            return rowValues.get(i)[1];
        }

        double annualisation() {
            double secondsApart = (rowValues.get(1)[0] - rowValues.get(0)[0]) / 1e9;
            return Math.sqrt(86_400 / secondsApart * 252);
        }

        List<Double> changes() {
            List<Double> d = new ArrayList<>();
            for (int i = 1; i < rows(); i++) {
                d.add(equity(i) - equity(i - 1));
            }
            return d;
        }

        double sr() {
            List<Double> d = changes();
            double mean = d.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double var = d.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (d.size() - 1);
            return mean / Math.sqrt(var) * annualisation();
        }

        double sortino() {
            List<Double> d = changes();
            double mean = d.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double down = d.stream()
                    .mapToDouble(x -> Math.pow(Math.min(0, x), 2))
                    .average()
                    .orElseThrow();
            return mean / Math.sqrt(down) * annualisation();
        }

        double pnl() {
            return equity(rows() - 1) - equity(0);
        }

        double mdd() {
            double peak = Double.NEGATIVE_INFINITY;
            double worst = 0;
            for (int i = 0; i < rows(); i++) {
                peak = Math.max(peak, equity(i));
                worst = Math.min(worst, equity(i) - peak);
            }
            return Math.abs(worst);
        }

        double days() {
            return (rowValues.get(rows() - 1)[0] - rowValues.get(0)[0]) / 1e9 / 86_400;
        }

        double trades() {
            return rowValues.stream().mapToDouble(r -> r[4]).sum();
        }

        double value() {
            return rowValues.stream().mapToDouble(r -> r[5]).sum();
        }

        double maxPositionValue() {
            return rowValues.stream()
                    .mapToDouble(r -> Math.abs(r[2]) * r[3])
                    .max()
                    .orElseThrow();
        }
    }
}
