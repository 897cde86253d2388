/**
 * What a backtest leaves behind: the recording its loop fills while it runs ({@link
 * io.factorgraph.backtest.report.BacktestRecorder}), the performance figures computed from it ({@link
 * io.factorgraph.backtest.report.PerformanceSummary}), and the files a person or a program reads
 * afterwards ({@link io.factorgraph.backtest.report.BacktestReport}: {@code summary.json},
 * {@code timeseries.csv}, {@code fills.csv} and a self-contained {@code report.html}). A run that trades several
 * instruments (docs/DESIGN.md §11) writes each instrument's report in a folder of its own, and on top the
 * portfolio's ({@link io.factorgraph.backtest.report.PortfolioReport}, {@link
 * io.factorgraph.backtest.report.PortfolioSummary}: sums over the instruments, and the drawdown of their summed
 * equity).
 *
 * <p>Accounting convention (linear contracts): {@code equity = cash + position × mid}, where cash is net
 * of every fee (a fee paid lowers cash, a maker rebate — a negative fee — raises it).
 */
package io.factorgraph.backtest.report;
