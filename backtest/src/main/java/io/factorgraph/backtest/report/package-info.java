/**
 * What a backtest leaves behind: the recording its loop fills while it runs ({@link
 * io.factorgraph.backtest.report.BacktestRecorder}), the performance figures computed from it ({@link
 * io.factorgraph.backtest.report.PerformanceSummary}), and the files a person or a program reads
 * afterwards ({@link io.factorgraph.backtest.report.BacktestReport}: {@code summary.json},
 * {@code timeseries.csv}, {@code fills.csv} and a self-contained {@code report.html}).
 *
 * <p>Accounting convention (linear contracts): {@code equity = cash + position × mid}, where cash is net
 * of every fee (a fee paid lowers cash, a maker rebate — a negative fee — raises it).
 */
package io.factorgraph.backtest.report;
