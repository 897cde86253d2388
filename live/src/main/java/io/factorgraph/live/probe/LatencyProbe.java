package io.factorgraph.live.probe;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Latency of one hop between live processes on one host: the receiver records {@code System.nanoTime()} at receipt
 * minus the {@code sendNanos} the sender stamped into the message (both read CLOCK_MONOTONIC, which all processes of a
 * host share; across hosts the difference means nothing). Values go into an HdrHistogram (1 ns to 60 s, 3 significant
 * digits), so recording allocates nothing. Measurement, not a test: each process logs its {@link #summary()} at exit.
 */
public final class LatencyProbe {
    private final String hop;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private AtomicCounter max;

    public LatencyProbe(String hop) {
        this.hop = hop;
    }

    /** Also keeps the largest value in {@code counter} (a health counter, readable while the process runs). */
    public LatencyProbe maxTo(AtomicCounter counter) {
        this.max = counter;
        return this;
    }

    /** Records the hop of a message stamped {@code sendNanos} on the sending side, received now. */
    public void record(long sendNanos) {
        recordValue(System.nanoTime() - sendNanos);
    }

    public void recordValue(long nanos) {
        if (nanos >= 0) {
            histogram.recordValue(Math.min(nanos, histogram.getHighestTrackableValue()));
            if (max != null) {
                max.proposeMaxRelease(nanos);
            }
        }
    }

    public String hop() {
        return hop;
    }

    public Histogram histogram() {
        return histogram;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** One line: {@code hop: n=..., p50=..., p90=..., p99=..., p99.9=..., max=...} in microseconds. */
    public String summary() {
        if (histogram.getTotalCount() == 0) {
            return hop + ": no samples";
        }
        return String.format(
                Locale.ROOT,
                "%s: n=%d p50=%.1fus p90=%.1fus p99=%.1fus p99.9=%.1fus max=%.1fus",
                hop,
                histogram.getTotalCount(),
                us(50),
                us(90),
                us(99),
                us(99.9),
                histogram.getMaxValue() / 1e3);
    }

    private double us(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e3;
    }
}
