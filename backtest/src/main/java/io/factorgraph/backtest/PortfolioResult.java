package io.factorgraph.backtest;

import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.PortfolioSummary;
import io.factorgraph.backtest.report.Recording;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a backtest of one or several sinks produced: each traded instrument's own result (its recording, summary and
 * simulator counts, exactly what a one-instrument run reports), keyed by the name of the book it trades in the order
 * of the graph's sinks, and the total over them.
 *
 * @param instruments each instrument's result, by book name, in sink order
 * @param total the portfolio: sums over the instruments and the drawdown of their summed equity
 * @param events market events read, every feed together
 * @param ticks graph ticks (one clock for every instrument)
 */
public record PortfolioResult(
        Map<String, BacktestResult> instruments, PortfolioSummary total, long events, long ticks) {
    public PortfolioResult {
        Objects.requireNonNull(total, "total");
        instruments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instruments));
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("a backtest result has at least one instrument");
        }
    }

    /** The result with its total computed from the instruments' summaries as given. */
    public static PortfolioResult of(Map<String, BacktestResult> instruments, long events, long ticks) {
        List<Recording> recordings = new ArrayList<>(instruments.size());
        List<PerformanceSummary> summaries = new ArrayList<>(instruments.size());
        for (BacktestResult r : instruments.values()) {
            recordings.add(r.recording());
            summaries.add(r.summary());
        }
        return new PortfolioResult(instruments, PortfolioSummary.of(recordings, summaries), events, ticks);
    }

    /** Whether the graph traded one instrument: its result is then reported exactly as a one-instrument run's. */
    public boolean single() {
        return instruments.size() == 1;
    }
}
