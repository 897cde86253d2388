package io.factorgraph.backtest.report;

/**
 * The largest fall of equity from a running peak: {@code max over t of (max over s ≤ t of E(s)) − E(t)},
 * over every record with a finite equity (full resolution, no resampling).
 *
 * @param max the largest drawdown in quote currency (≥ 0; 0 when equity never fell, NaN with no finite
 *     equity at all)
 * @param peakNs time of the peak the largest drawdown fell from (the first record at that peak value)
 * @param troughNs time of the trough it reached (the first record at which the largest value was seen)
 */
public record Drawdown(double max, long peakNs, long troughNs) {

    /** The largest drawdown of a recording's equity. */
    public static Drawdown of(TimeSeries series) {
        double peak = Double.NaN;
        long peakTs = 0;
        double best = Double.NaN;
        long bestPeakTs = 0;
        long bestTroughTs = 0;
        for (int i = 0; i < series.size(); i++) {
            double e = series.equity[i];
            if (!Double.isFinite(e)) {
                continue;
            }
            long t = series.ts[i];
            if (Double.isNaN(peak) || e > peak) {
                peak = e;
                peakTs = t;
            }
            double dd = peak - e;
            if (Double.isNaN(best) || dd > best) {
                best = dd;
                bestPeakTs = peakTs;
                bestTroughTs = t;
            }
        }
        return new Drawdown(best, bestPeakTs, bestTroughTs);
    }
}
