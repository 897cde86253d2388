package io.factorgraph.backtest.exchange;

/**
 * Receives execution reports when they reach the strategy (local clock). The report is a reused flyweight: read what
 * you need during the call, do not keep it.
 */
@FunctionalInterface
public interface ExecutionListener {
    void onReport(ExecutionReport report);
}
