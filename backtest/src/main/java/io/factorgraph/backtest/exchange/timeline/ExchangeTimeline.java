package io.factorgraph.backtest.exchange.timeline;

import io.factorgraph.backtest.exchange.TimelineCorrection;

/**
 * Puts each recorded event on the exchange timeline by the rule of {@link TimelineCorrection}: the offset, the feed
 * latency clamps and each stream's own order. Counts what it clamped. One per simulator; not thread-safe.
 */
public final class ExchangeTimeline {
    private final boolean runningOffset;
    private final long minFeedLatency;
    private final long maxFeedLatency;
    private long minRawLatency = Long.MAX_VALUE;
    private long offset;
    private long lastDepthTime = Long.MIN_VALUE;
    private long lastTradeTime = Long.MIN_VALUE;
    private long slowClamped;
    private long fastClamped;

    public ExchangeTimeline(TimelineCorrection correction) {
        this.runningOffset = correction.autoOffset();
        this.offset = runningOffset ? 0 : correction.offsetNanos();
        this.minFeedLatency = correction.minFeedLatencyNanos();
        this.maxFeedLatency = correction.maxFeedLatencyNanos();
    }

    /**
     * Takes note of any event's two stamps, best-bid/offer included: under the running rule every message informs the
     * offset.
     */
    public void observe(long exchTs, long localTs) {
        if (runningOffset) {
            long raw = localTs - exchTs;
            if (raw < minRawLatency) {
                minRawLatency = raw;
                offset = Math.min(0, minRawLatency - minFeedLatency);
            }
        }
    }

    /** The corrected exchange time of a depth ({@code depth}) or trade event (steps 1 to 3 of the rule). */
    public long exchangeTime(long exchTs, long localTs, boolean depth) {
        long exch = exchTs + offset;
        long latest = localTs - minFeedLatency;
        long earliest = localTs - maxFeedLatency;
        if (exch > latest) {
            exch = latest;
            fastClamped++;
        }
        if (exch < earliest) {
            exch = earliest;
            slowClamped++;
        }
        if (depth) {
            exch = Math.max(exch, lastDepthTime);
            lastDepthTime = exch;
        } else {
            exch = Math.max(exch, lastTradeTime);
            lastTradeTime = exch;
        }
        return exch;
    }

    /** The offset added to exchange stamps now (under the running rule, the latest). */
    public long offset() {
        return offset;
    }

    public long maxFeedLatency() {
        return maxFeedLatency;
    }

    public long slowClamped() {
        return slowClamped;
    }

    public long fastClamped() {
        return fastClamped;
    }
}
