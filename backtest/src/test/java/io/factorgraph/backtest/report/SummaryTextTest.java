package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal summary says which figures are ours and which are hftbacktest's, and how each was computed. */
class SummaryTextTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * S;

    /*
     * Equity 100, 101, 99, 102 at 0, 10, 20, 30 s (position 0, so equity is cash): in 10 s windows each record is
     * its own row; changes +1, −2, +3, mean 2/3, sample variance ((1/3)² + (8/3)² + (7/3)²) / 2 = 19/3; SR =
     * (2/3) / √(19/3) × √(8,640 × 252) = 390.1 (to one decimal: 0.264906 × 1475.56).
     */
    @Test
    void oursComeFirstThenHftbacktestsUnderAHeadingThatSaysHow() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        double[] equity = {100, 101, 99, 102};
        for (int i = 0; i < equity.length; i++) {
            r.record(T0 + i * 10 * S, 50, 49.5, 50.5, Double.NaN, Double.NaN, 0, equity[i], 0);
        }
        Recording rec = r.finish(RunMetadata.empty());
        StringBuilder out = new StringBuilder();
        SummaryText.appendPerformance(
                out, PerformanceSummary.of(rec, 1000, Duration.ofSeconds(1), Duration.ofSeconds(10)));
        List<String> lines = out.toString().lines().toList();
        assertEquals("ours (every record; sharpe on 1s equity changes over a 365-day year):", lines.get(0));
        assertTrue(lines.get(1).startsWith("pnl "), lines.get(1));
        int heading = lines.indexOf("hftbacktest's stats (resampled every 10s; book_size 1000.00; SR and Sortino over "
                + "252 days a year):");
        assertTrue(
                heading
                        > lines.indexOf(lines.stream()
                                .filter(l -> l.startsWith("final position"))
                                .findFirst()
                                .orElseThrow()),
                out.toString());
        double sr = (2.0 / 3) / Math.sqrt(19.0 / 3) * Math.sqrt(8640.0 * 252);
        assertEquals(String.format(java.util.Locale.ROOT, "  %-21s %.2f", "SR", sr), lines.get(heading + 1));
        assertEquals("  Return                0.2000 %  (2.0000)", lines.get(heading + 3));
        assertEquals("  MaxDrawdown           0.2000 %  (2.0000)", lines.get(heading + 4));
        assertEquals("  DailyNumberOfTrades   0.0", lines.get(heading + 6));
        assertEquals(11, lines.size() - heading, "ten metrics under the heading");
    }
}
