package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Summary figures on tiny recordings whose answers are worked out by hand in the comments. */
class PerformanceSummaryTest {
    private static final long S = 1_000_000_000L;
    /** A whole second, so that the 1 s Sharpe grid starts at the first record. */
    private static final long T0 = 1_700_000_000L * S;

    private static final double EPS = 1e-12;

    /** Position 1, cash 0: equity equals the mid passed. */
    private static void equityRecord(BacktestRecorder r, long ts, double equity) {
        r.record(ts, equity, equity - 0.5, equity + 0.5, equity - 1, equity + 1, 1.0, 0.0, 0.0);
    }

    /*
     * Records (time after T0 → equity): 0.0 s → 100, 0.5 s → 101, 1.0 s → 102, 2.0 s → 101, 2.7 s → 99,
     * 3.0 s → 104, 3.4 s → 103.
     *
     * PnL = 103 − 100 = 3. Capital 1000 → return 0.003.
     * Drawdown: running peak 100, 101, 102, 102, 102, 104, 104; drawdown 0, 0, 0, 1, 3, 0, 1 → max 3,
     * from the peak at 1.0 s to the trough at 2.7 s; 3 / 1000 = 0.003 of capital.
     * Sharpe (1 s grid): grid points 0, 1, 2, 3 s (3.4 s is past the last whole second); equity as of each:
     * 100, 102 (the record at exactly 1.0 s counts), 101, 104. Changes +2, −1, +3: n = 3, mean = 4/3,
     * deviations 2/3, −7/3, 5/3, squares 4/9 + 49/9 + 25/9 = 78/9, sample variance 78/9 / 2 = 13/3.
     * Sharpe = (4/3) / √(13/3) × √(365 × 86400) (one-second periods in a year).
     *
     * Fills: buy 2 @ 100 maker fee −0.01 (order 7); sell 1 @ 102 taker fee 0.0408 (order 8); sell 1 @ 102.5
     * maker fee −0.005 (order 8 again). Trades 3, orders 2, maker 2, taker 1. Bought 2, sold 2, volume 4.
     * Notional 200 + 102 + 102.5 = 404.5, maker notional 302.5 → maker share 302.5 / 404.5; by count 2/3.
     * Fees: maker −0.015, taker 0.0408, total 0.0258; PnL before fees 3.0258.
     */
    @Test
    void handComputedRun() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE, 2, 1); // small capacities: growth is exercised too
        equityRecord(r, T0, 100);
        equityRecord(r, T0 + S / 2, 101);
        equityRecord(r, T0 + S, 102);
        equityRecord(r, T0 + 2 * S, 101);
        equityRecord(r, T0 + 2 * S + 7 * S / 10, 99);
        equityRecord(r, T0 + 3 * S, 104);
        equityRecord(r, T0 + 3 * S + 4 * S / 10, 103);
        r.fill(T0 + 2 * S / 10, true, 100, 2, -0.01, true, 7);
        r.fill(T0 + 8 * S / 10, false, 102, 1, 0.0408, false, 8);
        r.fill(T0 + 9 * S / 10, false, 102.5, 1, -0.005, true, 8);
        PerformanceSummary s = PerformanceSummary.of(r.finish(RunMetadata.empty()), 1000);

        assertEquals(T0, s.startNs());
        assertEquals(T0 + 3 * S + 4 * S / 10, s.endNs());
        assertEquals(7, s.records());
        assertEquals(100, s.initialEquity());
        assertEquals(103, s.finalEquity());
        assertEquals(3, s.pnl(), EPS);
        assertEquals(3.0258, s.pnlBeforeFees(), EPS);
        assertEquals(1000, s.capitalBase());
        assertEquals(0.003, s.returnOnCapital(), EPS);

        double sharpe = (4.0 / 3) / Math.sqrt(13.0 / 3) * Math.sqrt(365.0 * 86400);
        assertEquals(sharpe, s.sharpe(), 1e-9 * sharpe);
        assertEquals(S, s.sharpeIntervalNs());
        assertEquals(3, s.sharpePeriods());

        assertEquals(3, s.maxDrawdown(), EPS);
        assertEquals(0.003, s.maxDrawdownOfCapital(), EPS);
        assertEquals(T0 + S, s.maxDrawdownPeakNs());
        assertEquals(T0 + 2 * S + 7 * S / 10, s.maxDrawdownTroughNs());

        assertEquals(3, s.trades());
        assertEquals(2, s.filledOrders());
        assertEquals(2, s.makerFills());
        assertEquals(1, s.takerFills());
        assertEquals(2, s.buyQty(), EPS);
        assertEquals(2, s.sellQty(), EPS);
        assertEquals(4, s.volumeQty(), EPS);
        assertEquals(404.5, s.volumeNotional(), EPS);
        assertEquals(302.5 / 404.5, s.makerShare(), EPS);
        assertEquals(2.0 / 3, s.makerShareByCount(), EPS);
        assertEquals(0.0258, s.feesTotal(), EPS);
        assertEquals(-0.015, s.feesMaker(), EPS);
        assertEquals(0.0408, s.feesTaker(), EPS);
        assertEquals(1, s.finalPosition());
        assertEquals(1, s.maxAbsPosition());
        assertEquals(Duration.ofMillis(3400), s.duration());
    }

    /*
     * Half-second grid, records off the grid. Records (after T0): 0.2 s → 10, 0.6 s → 12, 0.9 s → 11,
     * 1.3 s → 15, 1.6 s → 15. Grid: the first multiple of 0.5 s at or after 0.2 s is 0.5 s; the last at or
     * before 1.6 s is 1.5 s: points 0.5, 1.0, 1.5 s with equity as of each 10, 11, 15. Changes +1, +4:
     * mean 2.5, deviations −1.5 and +1.5, sample variance (2.25 + 2.25) / 1 = 4.5.
     * Sharpe = 2.5 / √4.5 × √(365 × 86400 × 2) (two periods per second).
     */
    @Test
    void sharpeOnAHalfSecondGridTakesEquityAsOfEachPoint() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        equityRecord(r, T0 + 2 * S / 10, 10);
        equityRecord(r, T0 + 6 * S / 10, 12);
        equityRecord(r, T0 + 9 * S / 10, 11);
        equityRecord(r, T0 + 13 * S / 10, 15);
        equityRecord(r, T0 + 16 * S / 10, 15);
        PerformanceSummary s = PerformanceSummary.of(r.finish(RunMetadata.empty()), Double.NaN, Duration.ofMillis(500));
        double expected = 2.5 / Math.sqrt(4.5) * Math.sqrt(365.0 * 86400 * 2);
        assertEquals(expected, s.sharpe(), 1e-9 * expected);
        assertEquals(2, s.sharpePeriods());
        assertEquals(500_000_000L, s.sharpeIntervalNs());
        // no capital base: return and relative drawdown are undefined, the rest is not
        assertTrue(Double.isNaN(s.returnOnCapital()));
        assertTrue(Double.isNaN(s.maxDrawdownOfCapital()));
        assertEquals(5, s.pnl(), EPS);
        assertEquals(1, s.maxDrawdown(), EPS); // 12 → 11
    }

    /* A run that never trades: every equity change is 0, the standard deviation is 0 → Sharpe undefined. */
    @Test
    void zeroVarianceGivesNoSharpe() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        for (int i = 0; i <= 5; i++) {
            r.record(T0 + i * S, 100 + i, 99.5 + i, 100.5 + i, Double.NaN, Double.NaN, 0, 50, 0);
        }
        PerformanceSummary s = PerformanceSummary.of(r.finish(RunMetadata.empty()), 100);
        assertTrue(Double.isNaN(s.sharpe()));
        assertEquals(5, s.sharpePeriods());
        assertEquals(0, s.pnl());
        assertEquals(0, s.maxDrawdown());
        assertEquals(0, s.trades());
        assertTrue(Double.isNaN(s.makerShare()), "no fills: maker share undefined");
        assertTrue(Double.isNaN(s.makerShareByCount()));
        assertEquals(0, s.volumeNotional());
        assertEquals(0, s.feesTotal());
    }

    /* One change (two grid points) is too few for a sample standard deviation. */
    @Test
    void tooFewPointsGiveNoSharpe() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        equityRecord(r, T0, 1);
        equityRecord(r, T0 + S, 2);
        equityRecord(r, T0 + S + S / 2, 5);
        PerformanceSummary s = PerformanceSummary.of(r.finish(RunMetadata.empty()), 10);
        assertTrue(Double.isNaN(s.sharpe()));
        assertEquals(1, s.sharpePeriods());
        assertEquals(4, s.pnl());
        assertEquals(0.4, s.returnOnCapital(), EPS);
    }

    @Test
    void emptyRecordingIsAllUndefinedButCounts() {
        PerformanceSummary s =
                PerformanceSummary.of(new BacktestRecorder(TestGrid.FINE).finish(RunMetadata.empty()), 100);
        assertEquals(0, s.records());
        assertEquals(0, s.startNs());
        assertTrue(Double.isNaN(s.pnl()));
        assertTrue(Double.isNaN(s.returnOnCapital()));
        assertTrue(Double.isNaN(s.sharpe()));
        assertEquals(0, s.sharpePeriods());
        assertTrue(Double.isNaN(s.maxDrawdown()));
        assertTrue(Double.isNaN(s.finalPosition()));
        assertEquals(0, s.trades());
        assertEquals(0, s.filledOrders());
    }

    /*
     * Before the book has a mid the equity of a position is unknown (NaN) and is skipped; a flat account's
     * equity is its cash. Records: flat, mid NaN, cash 5 → equity 5; long 1, mid NaN → NaN (skipped);
     * long 1 at mid 10, cash −6 → 4; long 1 at 13, cash −6 → 7. PnL = 7 − 5 = 2; drawdown 5 → 4 = 1.
     */
    @Test
    void recordsWithoutFiniteEquityAreSkipped() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        r.record(T0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 5, 0);
        r.record(T0 + S, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, -6, 0);
        r.record(T0 + 2 * S, 10, 9.5, 10.5, 9, 11, 1, -6, 0);
        r.record(T0 + 3 * S, 13, 12.5, 13.5, 12, 14, 1, -6, 0);
        Recording rec = r.finish(RunMetadata.empty());
        assertEquals(5, rec.series().equity(0));
        assertTrue(Double.isNaN(rec.series().equity(1)));
        PerformanceSummary s = PerformanceSummary.of(rec, 100);
        assertEquals(5, s.initialEquity());
        assertEquals(7, s.finalEquity());
        assertEquals(2, s.pnl());
        assertEquals(1, s.maxDrawdown());
        assertEquals(T0, s.maxDrawdownPeakNs());
        assertEquals(T0 + 2 * S, s.maxDrawdownTroughNs());
        // grid 0..3 s, as-of equity 5, 5 (the NaN record leaves 5 standing), 4, 7: changes 0, −1, +3
        // mean 2/3, deviations −2/3, −5/3, 7/3: squares (4 + 25 + 49)/9 = 78/9, variance 39/9 = 13/3
        double expected = (2.0 / 3) / Math.sqrt(13.0 / 3) * Math.sqrt(365.0 * 86400);
        assertEquals(expected, s.sharpe(), 1e-9 * expected);
    }

    /* max_position 0.5 × the first finite mid (the first record has none; the second has 10) = 5. */
    @Test
    void capitalBaseIsMaxPositionAtTheFirstMid() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        r.record(T0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        r.record(T0 + S, 10, 9.5, 10.5, 9, 11, 0, 0, 0);
        r.record(T0 + 2 * S, 12, 11.5, 12.5, 11, 13, 0, 0, 0);
        Recording rec = r.finish(RunMetadata.empty());
        assertEquals(5, PerformanceSummary.capitalBase(0.5, rec));
        assertTrue(Double.isNaN(PerformanceSummary.capitalBase(0, rec)));
        assertTrue(Double.isNaN(PerformanceSummary.capitalBase(Double.NaN, rec)));
        Recording empty = new BacktestRecorder(TestGrid.FINE).finish(RunMetadata.empty());
        assertTrue(Double.isNaN(PerformanceSummary.capitalBase(1, empty)));
    }

    @Test
    void rejectsBadCapitalAndInterval() {
        Recording rec = new BacktestRecorder(TestGrid.FINE).finish(RunMetadata.empty());
        assertThrows(IllegalArgumentException.class, () -> PerformanceSummary.of(rec, 0));
        assertThrows(IllegalArgumentException.class, () -> PerformanceSummary.of(rec, -5));
        assertThrows(IllegalArgumentException.class, () -> PerformanceSummary.of(rec, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> PerformanceSummary.of(rec, 1, Duration.ZERO));
    }

    @Test
    void refusesAnIntervalFarTooFineForTheRun() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        equityRecord(r, T0, 1);
        equityRecord(r, T0 + 3600 * S, 2);
        Recording rec = r.finish(RunMetadata.empty());
        assertThrows(IllegalArgumentException.class, () -> PerformanceSummary.of(rec, 1, Duration.ofNanos(1)));
    }
}
