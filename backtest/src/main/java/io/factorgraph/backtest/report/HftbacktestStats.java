package io.factorgraph.backtest.report;

import io.factorgraph.backtest.account.FillLog;
import java.time.Duration;

/**
 * The figures hftbacktest prints for a run, with hftbacktest's conventions, so that its users read the same
 * numbers here as in {@code LinearAssetRecord(record).resample(interval).stats(book_size=...)}: its default
 * metrics (SR, Sortino, Return, MaxDrawdown, DailyNumberOfTrades, DailyTradingValue or DailyTurnover,
 * ReturnOverMDD, ReturnOverTrade, MaxPositionValue), computed on the records resampled every {@code interval}
 * (hftbacktest's default: 10 s) and annualised over 252 trading days (its default {@code trading_days_per_year}).
 *
 * <p>Why a second set of figures: our {@link SharpeRatio} samples equity every second and annualises over 365
 * days, so a six-minute run prints a Sharpe ratio in the thousands that no hftbacktest user can compare with
 * what they know. These follow hftbacktest's code (its {@code stats/metrics.py}, {@code stats/utils.py}),
 * including its choices, so that the numbers agree with it rather than with a textbook.
 *
 * <p>Definitions. The state records are our periodic records: {@code equity} (hftbacktest's
 * {@code equity_wo_fee − fee}, which is our {@code cash + position × mid} with cash net of fees), position and
 * price (the mid).
 * <ul>
 *   <li><b>Resampling</b> (hftbacktest's {@code group_by_dynamic(every=interval)}): the records fall into
 *       epoch-aligned windows {@code [kΔ, (k+1)Δ)}; each window that holds a record gives one row labelled
 *       {@code kΔ} with the values of its last record. Windows without records give no row.
 *   <li><b>SR</b> = {@code mean(d) / sd(d) × √(c)}: {@code d} the changes of the rows' equity (NaN changes
 *       left out), {@code sd} the sample standard deviation (divisor {@code n − 1}), {@code c} the rows a day
 *       (86,400 s over the gap between the first two rows' labels) × 252. The interval therefore changes the
 *       figure, as hftbacktest warns.
 *   <li><b>Sortino</b> = {@code mean(d) / √(mean(min(0, d)²)) × √(c)}: the downside deviation is the root mean
 *       square of the negative parts of every change (positive changes count as 0), over {@code n}.
 *   <li><b>Return</b> = {@code (last − first finite row equity) / book_size}; {@link #pnl()} is the same
 *       without the division.
 *   <li><b>MaxDrawdown</b> = {@code max(running max − equity) / book_size} over the rows (finite equities);
 *       {@link #maxDrawdownValue()} without the division. Coarser than our {@link Drawdown}, which sees every
 *       record.
 *   <li><b>ReturnOverMDD</b> = {@code pnl / maxDrawdownValue}.
 *   <li>Trades and trading value: hftbacktest counts, from the cumulative count and value its recorder keeps,
 *       the fills after the first record up to the last: the fills whose time {@code t} satisfies {@code first
 *       record < t ≤ last record}. <b>DailyNumberOfTrades</b> = that count / {@code days};
 *       <b>DailyTradingValue</b> = {@code Σ price × qty} of those fills / {@code days};
 *       <b>DailyTurnover</b> = {@code DailyTradingValue / book_size}; {@code days} = (last row's label − first
 *       row's label) / 1 day.
 *   <li><b>ReturnOverTrade</b> = {@code pnl / trading value} (profit per unit of money traded).
 *   <li><b>MaxPositionValue</b> = {@code max |position| × mid} over the rows (finite values).
 * </ul>
 * Divisions follow IEEE (and numpy): a non-zero figure over 0 is infinite, 0/0 is NaN. A figure that needs two
 * rows (SR, Sortino) or a book size is NaN without them. {@code book_size} is the caller's capital base; for
 * {@code fg backtest} {@code max_position ×} the first mid ({@link PerformanceSummary#capitalBase}).
 *
 * @param resampleNs the resampling interval {@code Δ}, ns
 * @param tradingDaysPerYear the days a year SR and Sortino are annualised over (252, hftbacktest's default)
 * @param bookSize hftbacktest's {@code book_size}: the capital base (NaN when none)
 * @param rows number of resampled rows
 * @param days span of the rows in days (last label − first label)
 * @param sr Sharpe ratio, hftbacktest's {@code SR}
 * @param sortino Sortino ratio, hftbacktest's {@code Sortino}
 * @param pnl last − first finite equity of the rows
 * @param ret {@code pnl / bookSize}, hftbacktest's {@code Return} with a book size
 * @param maxDrawdownValue largest fall of the rows' equity from its running peak, in money
 * @param maxDrawdown {@code maxDrawdownValue / bookSize}, hftbacktest's {@code MaxDrawdown} with a book size
 * @param returnOverMdd {@code pnl / maxDrawdownValue}
 * @param trades fills counted (first record &lt; time ≤ last record)
 * @param tradingValue {@code Σ price × qty} over those fills
 * @param dailyNumberOfTrades {@code trades / days}
 * @param dailyTradingValue {@code tradingValue / days}
 * @param dailyTurnover {@code dailyTradingValue / bookSize}
 * @param returnOverTrade {@code pnl / tradingValue}
 * @param maxPositionValue largest {@code |position| × mid} over the rows
 */
public record HftbacktestStats(
        long resampleNs,
        double tradingDaysPerYear,
        double bookSize,
        int rows,
        double days,
        double sr,
        double sortino,
        double pnl,
        double ret,
        double maxDrawdownValue,
        double maxDrawdown,
        double returnOverMdd,
        long trades,
        double tradingValue,
        double dailyNumberOfTrades,
        double dailyTradingValue,
        double dailyTurnover,
        double returnOverTrade,
        double maxPositionValue)
        implements java.io.Serializable {
    // Serializable: a cluster sweep's rows (docs/DESIGN.md §12) carry summaries from its executors to its driver.
    private static final long serialVersionUID = 1L;

    /** hftbacktest's default resampling interval ({@code Record._frequency = '10s'}). */
    public static final Duration DEFAULT_RESAMPLE = Duration.ofSeconds(10);
    /** hftbacktest's default {@code trading_days_per_year} for SR and Sortino. */
    public static final double TRADING_DAYS_PER_YEAR = 252;

    private static final double NANOS_PER_DAY = 86_400e9;

    /**
     * The figures of a recording resampled every {@code interval}.
     *
     * @param bookSize hftbacktest's {@code book_size}: positive, or NaN for none
     * @throws IllegalArgumentException when the interval is not positive
     */
    public static HftbacktestStats of(Recording recording, Duration interval, double bookSize) {
        long dt = interval.toNanos();
        if (dt <= 0) {
            throw new IllegalArgumentException("resample interval must be positive, got " + interval);
        }
        TimeSeries s = recording.series();
        int n = s.size();
        // the rows: the last record of each non-empty window
        long[] label = new long[n];
        double[] equity = new double[n];
        double[] positionValue = new double[n];
        int rows = 0;
        for (int i = 0; i < n; i++) {
            long k = Math.floorDiv(s.ts[i], dt);
            boolean lastOfWindow = i == n - 1 || Math.floorDiv(s.ts[i + 1], dt) != k;
            if (lastOfWindow) {
                label[rows] = k * dt;
                equity[rows] = s.equity[i];
                positionValue[rows] = Math.abs(s.position[i]) * s.mid[i];
                rows++;
            }
        }

        double sr = Double.NaN;
        double sortino = Double.NaN;
        if (rows >= 2) {
            double sum = 0;
            double downside = 0;
            int count = 0;
            for (int i = 1; i < rows; i++) {
                double d = equity[i] - equity[i - 1];
                if (!Double.isNaN(d)) {
                    sum += d;
                    downside += Math.min(0.0, d) * Math.min(0.0, d);
                    count++;
                }
            }
            if (count >= 2) {
                double mean = sum / count;
                double squares = 0;
                for (int i = 1; i < rows; i++) {
                    double d = equity[i] - equity[i - 1];
                    if (!Double.isNaN(d)) {
                        squares += (d - mean) * (d - mean);
                    }
                }
                double annualise = Math.sqrt(NANOS_PER_DAY / (label[1] - label[0]) * TRADING_DAYS_PER_YEAR);
                sr = mean / Math.sqrt(squares / (count - 1)) * annualise;
                sortino = mean / Math.sqrt(downside / count) * annualise;
            }
        }

        double first = Double.NaN;
        double last = Double.NaN;
        double peak = Double.NaN;
        double mdd = Double.NaN;
        double maxPositionValue = Double.NaN;
        for (int i = 0; i < rows; i++) {
            double e = equity[i];
            if (Double.isFinite(e)) {
                if (Double.isNaN(first)) {
                    first = e;
                }
                last = e;
                peak = Double.isNaN(peak) ? e : Math.max(peak, e);
                mdd = Double.isNaN(mdd) ? peak - e : Math.max(mdd, peak - e);
            }
            if (Double.isFinite(positionValue[i])) {
                maxPositionValue = Double.isNaN(maxPositionValue)
                        ? positionValue[i]
                        : Math.max(maxPositionValue, positionValue[i]);
            }
        }
        double pnl = last - first;

        FillLog f = recording.fills();
        long trades = 0;
        double tradingValue = 0;
        if (n > 0) {
            for (int i = 0; i < f.size(); i++) {
                if (f.localTime(i) > s.ts[0] && f.localTime(i) <= s.ts[n - 1]) {
                    trades++;
                    tradingValue += f.price(i) * f.qty(i);
                }
            }
        }
        double days = rows == 0 ? Double.NaN : (label[rows - 1] - label[0]) / NANOS_PER_DAY;
        double dailyTradingValue = tradingValue / days;
        return new HftbacktestStats(
                dt,
                TRADING_DAYS_PER_YEAR,
                bookSize,
                rows,
                days,
                sr,
                sortino,
                pnl,
                pnl / bookSize,
                mdd,
                mdd / bookSize,
                pnl / mdd,
                trades,
                tradingValue,
                trades / days,
                dailyTradingValue,
                dailyTradingValue / bookSize,
                pnl / tradingValue,
                maxPositionValue);
    }

    /** The interval as hftbacktest's {@code resample()} spells it ({@code 10s}, {@code 500ms}, {@code 5m}). */
    public String interval() {
        return interval(resampleNs);
    }

    /** {@code ns} as a polars duration string: the largest of d, h, m, s, ms, us, ns that divides it. */
    static String interval(long ns) {
        long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        String[] names = {"d", "h", "m", "s", "ms", "us"};
        for (int i = 0; i < units.length; i++) {
            if (ns % units[i] == 0) {
                return ns / units[i] + names[i];
            }
        }
        return ns + "ns";
    }
}
