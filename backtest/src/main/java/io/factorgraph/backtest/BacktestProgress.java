package io.factorgraph.backtest;

/** Told how a long backtest is going, from the backtest's thread, every few thousand events. */
@FunctionalInterface
public interface BacktestProgress {
    BacktestProgress NONE = (events, localTime) -> {};

    /** @param localTime the local time the replay has reached, ns */
    void onProgress(long events, long localTime);
}
