package io.factorgraph.cli;

import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.PortfolioResult;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.PortfolioReport;
import io.factorgraph.backtest.report.PortfolioSummary;
import io.factorgraph.backtest.report.SummaryText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** The backtest summary as a person reads it on a terminal. */
final class SummaryTable {
    private SummaryTable() {}

    /** Prints {@code s}, the run's summary (its hftbacktest figures resampled as the user asked). */
    static void print(PrintWriter out, BacktestResult result, PerformanceSummary s) {
        StringBuilder text = new StringBuilder();
        span(text, s.startNs(), s.endNs(), result.ticks(), result.events());
        SummaryText.appendPerformance(text, s);
        out.print(text);
    }

    /**
     * Prints a run of several instruments: the span, each instrument's summary under its book's name (exactly the
     * rows of a one-instrument run), then the total.
     */
    static void printPortfolio(PrintWriter out, PortfolioResult result, List<PortfolioReport.Instrument> instruments) {
        PortfolioSummary t = result.total();
        StringBuilder text = new StringBuilder();
        span(text, t.startNs(), t.endNs(), result.ticks(), result.events());
        for (PortfolioReport.Instrument i : instruments) {
            text.append(String.format(
                    "== %s: %,d fills, pnl %.4f ==%n",
                    i.name(), i.summary().trades(), i.summary().pnl()));
            SummaryText.appendPerformance(text, i.summary());
        }
        text.append(String.format("== total of %d instruments ==%n", t.instruments()));
        SummaryText.row(text, "pnl", String.format("%.4f  (before fees %.4f)", t.pnl(), t.pnlBeforeFees()));
        SummaryText.row(
                text,
                "return",
                Double.isNaN(t.returnOnCapital())
                        ? "n/a"
                        : String.format("%.4f %%  (on capital %.2f)", 100 * t.returnOnCapital(), t.capitalBase()));
        SummaryText.row(
                text, "sharpe", Double.isNaN(t.sharpe()) ? "n/a" : String.format("%.2f  (summed equity)", t.sharpe()));
        SummaryText.row(text, "max drawdown", String.format("%.4f  (of the summed equity)", t.maxDrawdown()));
        SummaryText.row(text, "trades", String.format("%,d fills of %,d orders", t.trades(), t.filledOrders()));
        SummaryText.row(text, "volume", String.format("%.2f notional", t.volumeNotional()));
        SummaryText.row(
                text,
                "maker share",
                Double.isNaN(t.makerShare()) ? "n/a" : String.format("%.1f %% of notional", 100 * t.makerShare()));
        SummaryText.row(text, "fees", String.format("%.4f", t.feesTotal()));
        out.print(text);
    }

    private static void span(StringBuilder text, long startNs, long endNs, long ticks, long events) {
        Duration span = Duration.ofNanos(Math.max(0, endNs - startNs));
        SummaryText.row(
                text,
                "span",
                String.format(
                        "%d min %02d s, %,d ticks, %,d events", span.toMinutes(), span.toSecondsPart(), ticks, events));
    }
}
