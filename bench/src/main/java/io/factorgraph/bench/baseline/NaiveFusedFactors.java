package io.factorgraph.bench.baseline;

import io.factorgraph.bench.ObiMmGraphs;
import io.factorgraph.nodes.window.ZScore;

/**
 * The seed's own O(1) statistics, hand-fused: running {@code sum} and {@code sum_sq} per window,
 * {@code var = sum_sq/n - mean²}. Not a correct baseline (it loses every digit of a price's noise and
 * drifts, docs/DESIGN.md §4), but it is the fastest O(1) formulation there is, so it shows what the graph's
 * numerically stable statistics cost on top of the cheapest possible arithmetic. NaN is skipped as
 * in the graph; no compensation, no re-summing, no constant-window rule.
 */
public final class NaiveFusedFactors {
    private final int window;
    private final double[] obiHistory;
    private final double[] changeHistory;
    private int obiNext;
    private int obiSize;
    private int obiValid;
    private double obiSum;
    private double obiSumSq;
    private int changeNext;
    private int changeSize;
    private int changeValid;
    private double changeSum;
    private double changeSumSq;
    private double previousMid;
    private boolean started;

    public double alpha;
    public double vol;
    public double stop;

    public NaiveFusedFactors(int window) {
        this.window = window;
        this.obiHistory = new double[window];
        this.changeHistory = new double[window];
    }

    public void onFactors(double obi, double mid) {
        if (obiSize == window) {
            final double old = obiHistory[obiNext];
            if (!Double.isNaN(old)) {
                obiSum -= old;
                obiSumSq -= old * old;
                obiValid--;
            }
        } else {
            obiSize++;
        }
        obiHistory[obiNext] = obi;
        obiNext = obiNext + 1 == window ? 0 : obiNext + 1;
        if (!Double.isNaN(obi)) {
            obiSum += obi;
            obiSumSq += obi * obi;
            obiValid++;
        }
        final double mean = obiSum / obiValid;
        alpha = ZScore.of(obi, mean, Math.sqrt(Math.max(0.0, obiSumSq / obiValid - mean * mean)));
        final double chg;
        if (started) {
            chg = mid / previousMid - 1.0;
            if (changeSize == window) {
                final double old = changeHistory[changeNext];
                if (!Double.isNaN(old)) {
                    changeSum -= old;
                    changeSumSq -= old * old;
                    changeValid--;
                }
            } else {
                changeSize++;
            }
            changeHistory[changeNext] = chg;
            changeNext = changeNext + 1 == window ? 0 : changeNext + 1;
            if (!Double.isNaN(chg)) {
                changeSum += chg;
                changeSumSq += chg * chg;
                changeValid++;
            }
            final double m = changeSum / changeValid;
            vol = Math.sqrt(Math.max(0.0, changeSumSq / changeValid - m * m));
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
}
