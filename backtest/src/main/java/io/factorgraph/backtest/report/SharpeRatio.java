package io.factorgraph.backtest.report;

import java.time.Duration;

/**
 * The annualised Sharpe ratio of a run's equity, with no risk-free rate.
 *
 * <p>Definition. Let {@code Δ} be the interval (default 1 s). Equity is sampled on the epoch-aligned grid
 * {@code g_k = k·Δ} for every {@code k} with {@code first record ≤ g_k ≤ last record}; the equity at
 * {@code g_k} is that of the last record at or before {@code g_k} (records whose equity is not finite are
 * ignored). The {@code n} changes {@code d_k = E(g_{k+1}) − E(g_k)} give
 * <pre>
 *   sharpe = mean(d) / sd(d) × √(365 × 86 400 s / Δ)
 * </pre>
 * with {@code sd} the sample standard deviation (divisor {@code n − 1}). Equity changes are in money, so
 * this equals the Sharpe ratio of returns on any constant capital base (the base cancels), as
 * hftbacktest's {@code SR} does on its equity differences. Crypto trades every day: a year is 365 days.
 *
 * <p>Undefined cases give NaN: fewer than two changes ({@code n < 2}), or a standard deviation of zero
 * (for example a run that never traded: every change is 0, and 0/0 has no meaning).
 *
 * @param value the ratio, NaN when undefined
 * @param intervalNs the sampling interval {@code Δ}, ns
 * @param periods {@code n}, the number of equity changes used
 */
public record SharpeRatio(double value, long intervalNs, long periods) {
    /** The default sampling interval: one second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    static final double NANOS_PER_YEAR = 365.0 * 86_400.0 * 1e9;
    /** More grid points than this means an interval far too fine for the run: refused. */
    static final long MAX_PERIODS = 100_000_000L;

    /**
     * The Sharpe ratio of a recording's equity sampled every {@code interval}.
     *
     * @throws IllegalArgumentException when the interval is not positive, or so fine that the run spans
     *     more than 100 million of them
     */
    public static SharpeRatio of(TimeSeries series, Duration interval) {
        long dt = interval.toNanos();
        if (dt <= 0) {
            throw new IllegalArgumentException("Sharpe interval must be positive, got " + interval);
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < series.size(); i++) {
            if (Double.isFinite(series.equity[i])) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return new SharpeRatio(Double.NaN, dt, 0);
        }
        long k0 = Math.ceilDiv(series.ts[first], dt);
        long k1 = Math.floorDiv(series.ts[last], dt);
        long n = Math.max(0, k1 - k0);
        if (n > MAX_PERIODS) {
            throw new IllegalArgumentException("Sharpe interval " + interval + " is too fine: the run spans " + n
                    + " of them (at most " + MAX_PERIODS + ")");
        }
        if (n < 2) {
            return new SharpeRatio(Double.NaN, dt, n);
        }
        // Walk the grid and the records together; Welford's running mean and variance of the changes.
        int j = first;
        double asOf = series.equity[first];
        double prev = Double.NaN;
        double mean = 0;
        double m2 = 0;
        long count = 0;
        for (long k = k0; k <= k1; k++) {
            long g = k * dt;
            while (j < last && series.ts[j + 1] <= g) {
                j++;
                if (Double.isFinite(series.equity[j])) {
                    asOf = series.equity[j]; // a record without a finite equity leaves the previous one standing
                }
            }
            if (k > k0) {
                double d = asOf - prev;
                count++;
                double delta = d - mean;
                mean += delta / count;
                m2 += delta * (d - mean);
            }
            prev = asOf;
        }
        double sd = Math.sqrt(m2 / (count - 1));
        double value = sd == 0.0 ? Double.NaN : mean / sd * Math.sqrt(NANOS_PER_YEAR / dt);
        return new SharpeRatio(value, dt, count);
    }
}
