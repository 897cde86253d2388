package io.factorgraph.cli;

import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.report.PerformanceSummary;
import java.io.PrintWriter;
import java.time.Duration;

/** The backtest summary as a person reads it on a terminal. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(PrintWriter out, BacktestResult result) {
        PerformanceSummary s = result.summary();
        Duration span = Duration.ofNanos(Math.max(0, s.endNs() - s.startNs()));
        row(out, "span", String.format("%d min %02d s, %,d ticks, %,d events", span.toMinutes(), span.toSecondsPart(),
                result.ticks(), result.events()));
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

    private static void row(PrintWriter out, String name, String value) {
        out.printf("%-15s %s%n", name, value);
    }
}
