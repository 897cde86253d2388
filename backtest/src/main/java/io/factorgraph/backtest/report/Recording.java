package io.factorgraph.backtest.report;

import io.factorgraph.backtest.account.FillLog;
import java.util.Objects;

/**
 * Everything a finished backtest recorded: its periodic records, its fills and how it was run. Made by
 * {@link BacktestRecorder#finish}; immutable.
 */
public record Recording(TimeSeries series, FillLog fills, RunMetadata metadata) {
    public Recording {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(fills, "fills");
        Objects.requireNonNull(metadata, "metadata");
    }
}
