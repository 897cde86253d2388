package io.factorgraph.backtest;

import io.factorgraph.backtest.exchange.SimulatorStats;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.Recording;

/**
 * What a backtest produced: the recorded time series and fills, the performance summary, and the
 * simulator's own counts (orders, rejects, late cancels).
 */
public record BacktestResult(
        Recording recording, PerformanceSummary summary, SimulatorStats simulator, long events, long ticks) {}
