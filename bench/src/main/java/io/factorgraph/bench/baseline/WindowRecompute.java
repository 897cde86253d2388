package io.factorgraph.bench.baseline;

import io.factorgraph.bench.ObiMmGraphs;
import io.factorgraph.nodes.window.ZScore;
import io.factorgraph.runtime.market.OrderBook;

/**
 * What the seed does and the graph replaces: keep the history, and at every tick recompute over the
 * last W values, as the seed's lines read (spec/stateless-mm-seed.md, after hftbacktest's
 * {@code obi_mm} example):
 *
 * <pre>
 * m = np.nanmean(imbalance_timeseries[t-window:t+1])
 * s = np.nanstd(imbalance_timeseries[t-window:t+1])
 * volatility = np.nanstd(change_timeseries[t-window:t+1])
 * </pre>
 *
 * <p>Each call is a loop here, as numba compiles it: {@code nanmean} one pass, {@code nanstd} two
 * (its own mean, then the squared deviations), so five passes of W per tick. That is still generous
 * to the seed: the history is a ring of W doubles rather than a 30 M-slot array, and numpy in Python
 * would also copy each window to replace NaNs and pay per-call overhead. Numerically it is the
 * two-pass computation the graph's statistics are tested against, so it agrees with the graph to
 * rounding, not to the bit (summation order).
 */
public final class WindowRecompute {
    private final int window;
    private final double depth;
    private final double[] sums = new double[2];
    private final double[] obiHistory;
    private final double[] changeHistory;
    private long obiCount;
    private long changeCount;
    private double previousMid;
    private boolean started;

    public double alpha;
    public double vol;
    public double stop;

    public WindowRecompute(int window) {
        this.window = window;
        this.depth = ObiMmGraphs.DEPTH;
        this.obiHistory = new double[window];
        this.changeHistory = new double[window];
    }

    public void onBook(OrderBook book) {
        onFactors(HandObi.obi(book, depth, sums), (book.bestBid() + book.bestAsk()) * 0.5);
    }

    public void onFactors(double obi, double mid) {
        obiHistory[(int) (obiCount++ % window)] = obi;
        final int n = (int) Math.min(obiCount, window);
        alpha = ZScore.of(obi, nanmean(obiHistory, n), nanstd(obiHistory, n));
        final double chg;
        if (started) {
            chg = mid / previousMid - 1.0;
            changeHistory[(int) (changeCount++ % window)] = chg;
            final int m = (int) Math.min(changeCount, window);
            vol = nanstd(changeHistory, m);
        } else {
            chg = 0.0;
            vol = 0.0;
            started = true;
        }
        previousMid = mid;
        final boolean tooVolatile =
                (vol - ObiMmGraphs.BASELINE_VOL) / ObiMmGraphs.BASELINE_VOL > ObiMmGraphs.VOL_THRESHOLD;
        final boolean jump = Math.abs(chg) / ObiMmGraphs.BASELINE_CHANGE_STD > ObiMmGraphs.CHANGE_THRESHOLD;
        stop = tooVolatile || jump ? 1.0 : 0.0;
    }

    /** numpy's nanmean over the first {@code n} values (the window: order does not matter). */
    static double nanmean(double[] values, int n) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            final double x = values[i];
            if (!Double.isNaN(x)) {
                sum += x;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** numpy's nanstd (ddof = 0): the window's nanmean, then the mean squared deviation from it. */
    static double nanstd(double[] values, int n) {
        final double mean = nanmean(values, n);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            final double x = values[i];
            if (!Double.isNaN(x)) {
                final double d = x - mean;
                sum += d * d;
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }
}
