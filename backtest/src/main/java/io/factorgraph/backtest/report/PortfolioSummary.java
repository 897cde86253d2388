package io.factorgraph.backtest.report;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The total of a backtest that trades several instruments, one account each (hftbacktest's multi-asset backtest):
 * money is in the one quote currency they share, so PnL, fees, notional and the capital base add up; quantities of
 * different instruments do not, so the total has none. The equity of the portfolio is the sum of the instruments'
 * equities at each record (they record at the same ticks, on one clock): its drawdown and Sharpe ratio are the
 * portfolio's own, not sums.
 *
 * @param instruments the number of instruments
 * @param startNs time of the first record (0 with no records)
 * @param endNs time of the last record
 * @param records records per instrument
 * @param pnl the sum of the instruments' PnL
 * @param pnlBeforeFees {@code pnl + feesTotal}
 * @param capitalBase the sum of the instruments' capital bases (NaN when one has none)
 * @param returnOnCapital {@code pnl / capitalBase}
 * @param sharpe the Sharpe ratio of the summed equity ({@link SharpeRatio})
 * @param sharpeIntervalNs its sampling interval
 * @param maxDrawdown the largest drawdown of the summed equity ({@link Drawdown})
 * @param maxDrawdownOfCapital {@code maxDrawdown / capitalBase}
 * @param maxDrawdownPeakNs time of the peak it fell from
 * @param maxDrawdownTroughNs time of its trough
 * @param trades fills, every instrument together
 * @param filledOrders orders filled (each instrument's distinct orders, added)
 * @param makerFills fills of resting orders
 * @param takerFills fills that took liquidity
 * @param volumeNotional {@code Σ price × qty} over every fill
 * @param makerShare maker notional / notional (NaN with no fills)
 * @param feesTotal fees (rebates negative)
 * @param feesMaker fees of maker fills
 * @param feesTaker fees of taker fills
 */
public record PortfolioSummary(
        int instruments,
        long startNs,
        long endNs,
        int records,
        double pnl,
        double pnlBeforeFees,
        double capitalBase,
        double returnOnCapital,
        double sharpe,
        long sharpeIntervalNs,
        double maxDrawdown,
        double maxDrawdownOfCapital,
        long maxDrawdownPeakNs,
        long maxDrawdownTroughNs,
        int trades,
        int filledOrders,
        int makerFills,
        int takerFills,
        double volumeNotional,
        double makerShare,
        double feesTotal,
        double feesMaker,
        double feesTaker)
        implements java.io.Serializable {
    // Serializable: a cluster sweep's rows (docs/DESIGN.md §12) carry summaries from its executors to its driver.
    private static final long serialVersionUID = 1L;

    /**
     * The total of the instruments' recordings and summaries (in the same order), the Sharpe ratio sampled as the
     * first summary's.
     *
     * @throws IllegalArgumentException when there are none, the lists differ in length, or the recordings were not
     *     made at the same ticks
     */
    public static PortfolioSummary of(List<Recording> recordings, List<PerformanceSummary> summaries) {
        if (recordings.isEmpty() || recordings.size() != summaries.size()) {
            throw new IllegalArgumentException("one summary per recording, at least one: " + recordings.size()
                    + " recordings, " + summaries.size() + " summaries");
        }
        TimeSeries total = totalSeries(recordings);
        double pnl = 0;
        double capital = 0;
        int trades = 0;
        int filledOrders = 0;
        int makerFills = 0;
        double notional = 0;
        double makerNotional = 0;
        double feesMaker = 0;
        double feesTaker = 0;
        for (PerformanceSummary s : summaries) {
            pnl += s.pnl();
            capital += s.capitalBase();
            trades += s.trades();
            filledOrders += s.filledOrders();
            makerFills += s.makerFills();
            notional += s.volumeNotional();
            feesMaker += s.feesMaker();
            feesTaker += s.feesTaker();
        }
        for (Recording r : recordings) {
            var f = r.fills();
            for (int i = 0; i < f.size(); i++) {
                if (f.maker(i)) {
                    makerNotional += f.price(i) * f.qty(i);
                }
            }
        }
        SharpeRatio sharpe =
                SharpeRatio.of(total, Duration.ofNanos(summaries.get(0).sharpeIntervalNs()));
        Drawdown dd = Drawdown.of(total);
        double fees = feesMaker + feesTaker;
        int n = total.size();
        return new PortfolioSummary(
                recordings.size(),
                n == 0 ? 0 : total.ts[0],
                n == 0 ? 0 : total.ts[n - 1],
                n,
                pnl,
                pnl + fees,
                capital,
                pnl / capital,
                sharpe.value(),
                sharpe.intervalNs(),
                dd.max(),
                dd.max() / capital,
                dd.peakNs(),
                dd.troughNs(),
                trades,
                filledOrders,
                makerFills,
                trades - makerFills,
                notional,
                trades == 0 ? Double.NaN : makerNotional / notional,
                fees,
                feesMaker,
                feesTaker);
    }

    /**
     * The portfolio's records: at each record time, the sums of the instruments' cash, fees and equity; price,
     * position and quote columns are NaN (quantities of different instruments do not add).
     *
     * @throws IllegalArgumentException when the recordings were not made at the same times
     */
    public static TimeSeries totalSeries(List<Recording> recordings) {
        long[] ts = recordings.get(0).series().ts;
        int n = ts.length;
        double[] cash = new double[n];
        double[] fees = new double[n];
        double[] equity = new double[n];
        for (Recording r : recordings) {
            TimeSeries s = r.series();
            if (!Arrays.equals(ts, s.ts)) {
                throw new IllegalArgumentException(
                        "the instruments' records are not at the same times: a portfolio adds records of one clock");
            }
            for (int i = 0; i < n; i++) {
                cash[i] += s.cash[i];
                fees[i] += s.fees[i];
                equity[i] += s.equity[i];
            }
        }
        double[] nan = new double[n];
        Arrays.fill(nan, Double.NaN);
        return new TimeSeries(ts.clone(), nan, nan, nan, nan, nan, nan, cash, fees, equity);
    }
}
