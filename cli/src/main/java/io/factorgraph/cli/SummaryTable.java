package io.factorgraph.cli;

import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.SummaryText;
import java.io.PrintWriter;
import java.time.Duration;

/** The backtest summary as a person reads it on a terminal. */
final class SummaryTable {
    private SummaryTable() {}

    /** Prints {@code s}, the run's summary (its hftbacktest figures resampled as the user asked). */
    static void print(PrintWriter out, BacktestResult result, PerformanceSummary s) {
        Duration span = Duration.ofNanos(Math.max(0, s.endNs() - s.startNs()));
        StringBuilder text = new StringBuilder();
        SummaryText.row(
                text,
                "span",
                String.format(
                        "%d min %02d s, %,d ticks, %,d events",
                        span.toMinutes(), span.toSecondsPart(), result.ticks(), result.events()));
        SummaryText.appendPerformance(text, s);
        out.print(text);
    }
}
