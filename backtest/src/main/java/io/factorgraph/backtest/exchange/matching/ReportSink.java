package io.factorgraph.backtest.exchange.matching;

import io.factorgraph.backtest.exchange.ExecutionReport;

/** Where the matching engine sends what it did: one report at a time, in a flyweight valid during the call. */
@FunctionalInterface
public interface ReportSink {
    /** A report made at {@code report.exchTime()} (its local time is not yet known: the link sets it). */
    void onExchangeReport(ExecutionReport report);
}
