package io.factorgraph.backtest.report;

import java.util.Locale;

/**
 * A performance summary as a person reads it on a terminal: one {@code name  value} row per figure,
 * the same for a backtest and for a live run, so the two can be compared line by line. Our figures come
 * first (every record); then, under a heading that says how they were computed, the figures hftbacktest
 * prints for the same run ({@link HftbacktestStats}), under hftbacktest's own names.
 */
public final class SummaryText {
    private SummaryText() {}

    /** Appends the performance rows, from PnL to the final position, then hftbacktest's figures. */
    public static void appendPerformance(StringBuilder out, PerformanceSummary s) {
        out.append(String.format(
                Locale.ROOT,
                "ours (every record; sharpe on %s equity changes over a 365-day year):%n",
                HftbacktestStats.interval(s.sharpeIntervalNs())));
        row(out, "pnl", String.format("%.4f  (before fees %.4f)", s.pnl(), s.pnlBeforeFees()));
        row(
                out,
                "return",
                Double.isNaN(s.returnOnCapital())
                        ? "n/a"
                        : String.format("%.4f %%  (on capital %.2f)", 100 * s.returnOnCapital(), s.capitalBase()));
        row(
                out,
                "sharpe",
                Double.isNaN(s.sharpe()) ? "n/a" : String.format("%.2f  (1 s equity changes, annualised)", s.sharpe()));
        row(out, "max drawdown", String.format("%.4f", s.maxDrawdown()));
        row(out, "trades", String.format("%,d fills of %,d orders", s.trades(), s.filledOrders()));
        row(out, "volume", String.format("%.6g qty, %.2f notional", s.volumeQty(), s.volumeNotional()));
        row(
                out,
                "maker share",
                Double.isNaN(s.makerShare()) ? "n/a" : String.format("%.1f %% of notional", 100 * s.makerShare()));
        row(out, "fees", String.format("%.4f", s.feesTotal()));
        row(out, "final position", String.format("%.6g", s.finalPosition()));
        appendHftbacktest(out, s.hftbacktest());
    }

    /**
     * Appends hftbacktest's figures: a heading naming the call whose numbers they are (resampling interval,
     * book size, days a year), then one indented row per metric, named as hftbacktest names it.
     */
    public static void appendHftbacktest(StringBuilder out, HftbacktestStats h) {
        String book = Double.isNaN(h.bookSize())
                ? "no book_size"
                : String.format(Locale.ROOT, "book_size %.2f", h.bookSize());
        out.append(String.format(
                Locale.ROOT,
                "hftbacktest's stats (resampled every %s; %s; SR and Sortino over %.0f " + "days a year):%n",
                h.interval(),
                book,
                h.tradingDaysPerYear()));
        metric(out, "SR", fixed(h.sr(), "%.2f"));
        metric(out, "Sortino", fixed(h.sortino(), "%.2f"));
        metric(out, "Return", percent(h.ret()) + String.format(Locale.ROOT, "  (%.4f)", h.pnl()));
        metric(
                out,
                "MaxDrawdown",
                percent(h.maxDrawdown()) + String.format(Locale.ROOT, "  (%.4f)", h.maxDrawdownValue()));
        metric(out, "ReturnOverMDD", fixed(h.returnOverMdd(), "%.4f"));
        metric(out, "DailyNumberOfTrades", fixed(h.dailyNumberOfTrades(), "%,.1f"));
        metric(out, "DailyTradingValue", fixed(h.dailyTradingValue(), "%,.2f"));
        metric(out, "DailyTurnover", fixed(h.dailyTurnover(), "%,.2f"));
        metric(out, "ReturnOverTrade", fixed(h.returnOverTrade(), "%.6g"));
        metric(out, "MaxPositionValue", fixed(h.maxPositionValue(), "%,.2f"));
    }

    private static void metric(StringBuilder out, String name, String value) {
        out.append(String.format("  %-21s %s%n", name, value));
    }

    private static String fixed(double v, String format) {
        return Double.isNaN(v)
                ? "n/a"
                : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, format, v);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : fixed(100 * fraction, "%.4f") + " %";
    }

    /** One row: the name padded to a column, then the value. */
    public static void row(StringBuilder out, String name, String value) {
        out.append(String.format("%-15s %s%n", name, value));
    }
}
