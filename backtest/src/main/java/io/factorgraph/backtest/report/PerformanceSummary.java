package io.factorgraph.backtest.report;

import io.factorgraph.backtest.account.FillLog;
import java.time.Duration;
import java.util.Arrays;

/**
 * The headline figures of a run, computed from its {@link Recording}. Money is in quote currency,
 * quantities in base units. A figure that is undefined for the run (no records, no fills, no capital
 * base) is NaN, written as {@code null} in {@code summary.json} and "n/a" in the report.
 *
 * <p>Definitions:
 * <ul>
 *   <li>Initial and final equity: the first and last records' equity that is finite (equity is
 *       {@code cash + position × mid}, cash net of fees). {@code pnl = finalEquity − initialEquity};
 *       {@code pnlBeforeFees = pnl + feesTotal}.
 *   <li>{@code returnOnCapital = pnl / capitalBase}. The capital base is the caller's: the money the run
 *       puts at risk. {@code fg backtest} passes {@link #capitalBase(double, Recording)}: {@code max_position ×}
 *       the first finite mid (the value of the largest position the strategy may hold, at the start), in the
 *       role of hftbacktest's {@code book_size}.
 *       NaN when the caller passes NaN (no base known).
 *   <li>Sharpe: see {@link SharpeRatio} (equity changes on an epoch-aligned grid of {@code sharpeIntervalNs},
 *       default 1 s, annualised with √(periods in 365 days); NaN with fewer than 2 changes or zero variance).
 *   <li>Max drawdown: see {@link Drawdown} (largest fall of equity from its running peak, every record);
 *       {@code maxDrawdownOfCapital = maxDrawdown / capitalBase} (relative to the capital base rather than
 *       to peak equity, which is about 0 for a market maker starting with no cash).
 *   <li>Trades: the number of fills (each partial fill counts); {@code filledOrders} the number of distinct
 *       order ids among them.
 *   <li>Volume: {@code Σ qty} and {@code Σ price × qty} over fills, both sides together.
 *   <li>Maker share: by notional, {@code maker notional / total notional}, is the headline
 *       ({@code makerShare}); {@code makerShareByCount} is maker fills / fills. NaN with no fills.
 *   <li>Fees: the sum of the fills' fees, total and split by maker and taker; rebates are negative.
 * </ul>
 * These are ours: every record, full resolution. {@link #hftbacktest()} holds the figures hftbacktest prints
 * for the same run, with its conventions (resampled equity, 252-day year): see {@link HftbacktestStats}.
 *
 * @param startNs time of the first record (0 with no records)
 * @param endNs time of the last record (0 with no records)
 * @param records number of periodic records
 * @param initialEquity first finite equity
 * @param finalEquity last finite equity
 * @param pnl {@code finalEquity − initialEquity}
 * @param pnlBeforeFees {@code pnl + feesTotal}
 * @param capitalBase the caller's capital base (NaN when none)
 * @param returnOnCapital {@code pnl / capitalBase}
 * @param sharpe annualised Sharpe ratio
 * @param sharpeIntervalNs the Sharpe sampling interval, ns
 * @param sharpePeriods number of equity changes the Sharpe ratio used
 * @param maxDrawdown largest drawdown in money (≥ 0)
 * @param maxDrawdownOfCapital {@code maxDrawdown / capitalBase}
 * @param maxDrawdownPeakNs time of the peak the largest drawdown fell from
 * @param maxDrawdownTroughNs time of its trough
 * @param trades number of fills
 * @param filledOrders distinct order ids among the fills
 * @param makerFills fills of resting orders
 * @param takerFills fills that took liquidity
 * @param buyQty quantity bought
 * @param sellQty quantity sold
 * @param volumeQty {@code buyQty + sellQty}
 * @param volumeNotional {@code Σ price × qty}
 * @param makerShare maker notional / total notional
 * @param makerShareByCount maker fills / fills
 * @param feesTotal sum of fees (rebates negative)
 * @param feesMaker fees of maker fills
 * @param feesTaker fees of taker fills
 * @param finalPosition position at the last record
 * @param maxAbsPosition largest |position| over the records
 * @param hftbacktest hftbacktest's figures for the run, on equity resampled as it does
 */
public record PerformanceSummary(
        long startNs,
        long endNs,
        int records,
        double initialEquity,
        double finalEquity,
        double pnl,
        double pnlBeforeFees,
        double capitalBase,
        double returnOnCapital,
        double sharpe,
        long sharpeIntervalNs,
        long sharpePeriods,
        double maxDrawdown,
        double maxDrawdownOfCapital,
        long maxDrawdownPeakNs,
        long maxDrawdownTroughNs,
        int trades,
        int filledOrders,
        int makerFills,
        int takerFills,
        double buyQty,
        double sellQty,
        double volumeQty,
        double volumeNotional,
        double makerShare,
        double makerShareByCount,
        double feesTotal,
        double feesMaker,
        double feesTaker,
        double finalPosition,
        double maxAbsPosition,
        HftbacktestStats hftbacktest)
        implements java.io.Serializable {
    // Serializable: a cluster sweep's rows (docs/DESIGN.md §12) carry summaries from its executors to its driver.
    private static final long serialVersionUID = 1L;

    /** The summary with the Sharpe ratio sampled every second, hftbacktest's figures every 10 s. */
    public static PerformanceSummary of(Recording recording, double capitalBase) {
        return of(recording, capitalBase, SharpeRatio.DEFAULT_INTERVAL);
    }

    /** The summary with hftbacktest's figures resampled at its default, 10 s. */
    public static PerformanceSummary of(Recording recording, double capitalBase, Duration sharpeInterval) {
        return of(recording, capitalBase, sharpeInterval, HftbacktestStats.DEFAULT_RESAMPLE);
    }

    /**
     * The summary of a recording.
     *
     * @param capitalBase the money at risk, for return and relative drawdown: positive, or NaN for none
     * @param sharpeInterval the Sharpe ratio's sampling interval
     * @param resample the interval hftbacktest's figures resample the records to
     * @throws IllegalArgumentException when the capital base is zero, negative or infinite, or an
     *     interval is not positive
     */
    public static PerformanceSummary of(
            Recording recording, double capitalBase, Duration sharpeInterval, Duration resample) {
        if (!Double.isNaN(capitalBase) && !(capitalBase > 0.0 && capitalBase < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("capital base must be positive and finite (or NaN), got " + capitalBase);
        }
        TimeSeries s = recording.series();
        FillLog f = recording.fills();
        int n = s.size();

        double initial = Double.NaN;
        double last = Double.NaN;
        double maxAbsPos = n == 0 ? Double.NaN : 0.0;
        for (int i = 0; i < n; i++) {
            double e = s.equity[i];
            if (Double.isFinite(e)) {
                if (Double.isNaN(initial)) {
                    initial = e;
                }
                last = e;
            }
            maxAbsPos = Math.max(maxAbsPos, Math.abs(s.position[i]));
        }
        double pnl = last - initial;

        SharpeRatio sharpe = SharpeRatio.of(s, sharpeInterval);
        Drawdown dd = Drawdown.of(s);

        int makerFills = 0;
        double buyQty = 0;
        double sellQty = 0;
        double notional = 0;
        double makerNotional = 0;
        double feesMaker = 0;
        double feesTaker = 0;
        for (int i = 0; i < f.size(); i++) {
            double value = f.price(i) * f.qty(i);
            notional += value;
            if (f.buy(i)) {
                buyQty += f.qty(i);
            } else {
                sellQty += f.qty(i);
            }
            if (f.maker(i)) {
                makerFills++;
                makerNotional += value;
                feesMaker += f.fee(i);
            } else {
                feesTaker += f.fee(i);
            }
        }
        int trades = f.size();
        double feesTotal = feesMaker + feesTaker;
        return new PerformanceSummary(
                n == 0 ? 0 : s.ts[0],
                n == 0 ? 0 : s.ts[n - 1],
                n,
                initial,
                last,
                pnl,
                pnl + feesTotal,
                capitalBase,
                pnl / capitalBase,
                sharpe.value(),
                sharpe.intervalNs(),
                sharpe.periods(),
                dd.max(),
                dd.max() / capitalBase,
                dd.peakNs(),
                dd.troughNs(),
                trades,
                distinct(f.orderIds()),
                makerFills,
                trades - makerFills,
                buyQty,
                sellQty,
                buyQty + sellQty,
                notional,
                trades == 0 ? Double.NaN : makerNotional / notional,
                trades == 0 ? Double.NaN : (double) makerFills / trades,
                feesTotal,
                feesMaker,
                feesTaker,
                n == 0 ? Double.NaN : s.position[n - 1],
                maxAbsPos,
                HftbacktestStats.of(recording, resample, capitalBase));
    }

    /**
     * The capital base {@code fg backtest} uses: {@code maxPosition × the first finite mid} of the recording
     * (the value of the largest position the strategy may hold, at the start). NaN when the recording has
     * no finite mid or {@code maxPosition} is not positive and finite.
     */
    public static double capitalBase(double maxPosition, Recording recording) {
        if (!(maxPosition > 0.0 && maxPosition < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        TimeSeries s = recording.series();
        for (int i = 0; i < s.size(); i++) {
            if (Double.isFinite(s.mid[i]) && s.mid[i] > 0.0) {
                return maxPosition * s.mid[i];
            }
        }
        return Double.NaN;
    }

    /** Duration of the recording, first to last record. */
    public Duration duration() {
        return Duration.ofNanos(endNs - startNs);
    }

    private static int distinct(long[] ids) {
        if (ids.length == 0) {
            return 0;
        }
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int count = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        return count;
    }
}
