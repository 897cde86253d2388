package io.factorgraph.live.strategy;

import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.SummaryText;
import java.time.Duration;

/**
 * The strategy's summary at the end of a live run: the same rows, labels and formats as {@code fg backtest}'s summary
 * (computed by the same {@link PerformanceSummary} from the strategy's own records and fills), then what only a live
 * run has: orders sent, halts, gaps and hop latencies.
 */
final class StrategySummary {
    private StrategySummary() {}

    static String render(PerformanceSummary s, StrategyRunner run, SinkSession session) {
        StringBuilder out = new StringBuilder();
        Duration span = Duration.ofNanos(Math.max(0, s.endNs() - s.startNs()));
        SummaryText.row(
                out,
                "span",
                String.format(
                        "%s, %,d factor updates, %,d traded on",
                        StrategyRunner.seconds(span), run.updates(), run.tradedUpdates()));
        SummaryText.appendPerformance(out, s);
        LiveOrderGateway g = session.gateway;
        SummaryText.row(
                out,
                "orders sent",
                String.format(
                        "%,d new, %,d cancels, %,d cancel-alls (%s)",
                        g.submittedCount(), g.cancelCount(), run.cancelAlls(), run.haltCounts()));
        SummaryText.row(
                out,
                "factor stream",
                String.format("%,d gaps, %,d engine restarts", run.factorGaps(), run.engineRestarts()));
        SummaryText.row(out, "latency", run.factorHop().summary());
        SummaryText.row(out, "", session.executions.hop().summary());
        return out.toString();
    }
}
