package io.factorgraph.live.strategy;

import io.factorgraph.backtest.report.PerformanceSummary;
import java.time.Duration;

/**
 * The strategy's summary at the end of a live run: the same rows, labels and formats as {@code fg backtest}'s summary
 * (computed by the same {@link PerformanceSummary} from the strategy's own records and fills), then what only a live
 * run has: orders sent, halts, gaps and hop latencies.
 */
final class StrategySummary {
    private StrategySummary() {
    }

    static String render(PerformanceSummary s, StrategyRunner run) {
        StringBuilder out = new StringBuilder();
        Duration span = Duration.ofNanos(Math.max(0, s.endNs() - s.startNs()));
        row(out, "span", String.format("%s, %,d factor updates, %,d traded on", StrategyRunner.seconds(span),
                run.updates(), run.tradedUpdates()));
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
        LiveOrderGateway g = run.gateway();
        row(out, "orders sent", String.format("%,d new, %,d cancels, %,d cancel-alls (%s)", g.submittedCount(),
                g.cancelCount(), run.cancelAlls(), run.haltCounts()));
        row(out, "factor stream", String.format("%,d gaps, %,d engine restarts", run.factorGaps(),
                run.engineRestarts()));
        row(out, "latency", run.factorHop().summary());
        row(out, "", run.reportHop().summary());
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format("%-15s %s%n", name, value));
    }
}
