package io.factorgraph.bench.baseline;

import io.factorgraph.bench.ObiMmGraphs;
import io.factorgraph.nodes.window.ZScore;
import io.factorgraph.runtime.market.OrderBook;

/**
 * What the seed does and the graph replaces: keep the history, and at every tick recompute
 * {@code nanmean}/{@code nanstd} over the last W values (hftbacktest's {@code obi_mm} example does this
 * with numpy over arrays of 30 M slots). O(W) per tick.
 *
 * <p>Written as a good Java programmer would, which is generous to it: the history is a ring of W
 * doubles rather than a 30 M-slot array, and each window is read twice (mean, then the squared
 * deviations from it), where {@code np.nanmean} followed by {@code np.nanstd} reads it three times and
 * pays Python's per-call overhead. Numerically it is the two-pass computation the graph's statistics
 * are tested against, so it agrees with the graph to rounding, not to the bit (summation order).
 */
public final class WindowRecompute {
    private final int window;
    private final double depth;
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
        onFactors(HandObi.obi(book, depth), (book.bestBid() + book.bestAsk()) * 0.5);
    }

    public void onFactors(double obi, double mid) {
        obiHistory[(int) (obiCount++ % window)] = obi;
        final int n = (int) Math.min(obiCount, window);
        final double mean = nanmean(obiHistory, n);
        alpha = ZScore.of(obi, mean, nanstd(obiHistory, n, mean));
        final double chg;
        if (started) {
            chg = mid / previousMid - 1.0;
            changeHistory[(int) (changeCount++ % window)] = chg;
            final int m = (int) Math.min(changeCount, window);
            vol = nanstd(changeHistory, m, nanmean(changeHistory, m));
        } else {
            chg = 0.0;
            vol = 0.0;
            started = true;
        }
        previousMid = mid;
        final boolean tooVolatile = (vol - ObiMmGraphs.BASELINE_VOL) / ObiMmGraphs.BASELINE_VOL
                > ObiMmGraphs.VOL_THRESHOLD;
        final boolean jump = Math.abs(chg) / ObiMmGraphs.BASELINE_CHANGE_STD > ObiMmGraphs.CHANGE_THRESHOLD;
        stop = tooVolatile || jump ? 1.0 : 0.0;
    }

    /** numpy's nanmean over the first {@code n} values (the window: order does not matter). */
    static double nanmean(double[] values, int n) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            final double x = values[i];
            if (x == x) {
                sum += x;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** numpy's nanstd (ddof = 0) given the window's nanmean. */
    static double nanstd(double[] values, int n, double mean) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            final double x = values[i];
            if (x == x) {
                final double d = x - mean;
                sum += d * d;
                count++;
            }
        }
        return count == 0 ? Double.NaN : Math.sqrt(sum / count);
    }
}
