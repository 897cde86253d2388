package io.factorgraph.backtest.report;

/**
 * A performance summary as a person reads it on a terminal: one {@code name  value} row per figure,
 * the same for a backtest and for a live run, so the two can be compared line by line.
 */
public final class SummaryText {
    private SummaryText() {
    }

    /** Appends the performance rows, from PnL to the final position. */
    public static void appendPerformance(StringBuilder out, PerformanceSummary s) {
        row(out, "pnl", String.format("%.4f  (before fees %.4f)", s.pnl(), s.pnlBeforeFees()));
        row(out, "return", Double.isNaN(s.returnOnCapital()) ? "n/a"
                : String.format("%.4f %%  (on capital %.2f)", 100 * s.returnOnCapital(), s.capitalBase()));
        row(out, "sharpe", Double.isNaN(s.sharpe()) ? "n/a" : String.format("%.2f  (1 s equity changes, annualised)",
                s.sharpe()));
        row(out, "max drawdown", String.format("%.4f", s.maxDrawdown()));
        row(out, "trades", String.format("%,d fills of %,d orders", s.trades(), s.filledOrders()));
        row(out, "volume", String.format("%.6g qty, %.2f notional", s.volumeQty(), s.volumeNotional()));
        row(out, "maker share", Double.isNaN(s.makerShare()) ? "n/a" : String.format("%.1f %% of notional",
                100 * s.makerShare()));
        row(out, "fees", String.format("%.4f", s.feesTotal()));
        row(out, "final position", String.format("%.6g", s.finalPosition()));
    }

    /** One row: the name padded to a column, then the value. */
    public static void row(StringBuilder out, String name, String value) {
        out.append(String.format("%-15s %s%n", name, value));
    }
}
