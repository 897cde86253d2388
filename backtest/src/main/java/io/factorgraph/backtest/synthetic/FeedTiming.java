package io.factorgraph.backtest.synthetic;

import java.time.Duration;

/**
 * How the generated feed reaches the recorder: the exchange-to-local latency of each message, and whether
 * best bid/offer (bookTicker) messages are published besides the depth diffs and trades.
 *
 * @param latency mean exchange-to-local feed latency
 * @param jitter half-width of the uniform band around {@code latency}, at most it
 * @param bookTicker whether to publish bookTicker messages
 */
public record FeedTiming(Duration latency, Duration jitter, boolean bookTicker) {
    /** Checks each field; a bad one is named {@code feed.<field>}. */
    public FeedTiming {
        ConfigChecks.duration("feed.latency", latency, true, Duration.ofHours(1));
        ConfigChecks.duration("feed.jitter", jitter, true, Duration.ofHours(1));
        if (jitter.compareTo(latency) > 0) {
            throw new IllegalArgumentException("feed.jitter must be at most feed.latency (" + latency
                    + "), so that no latency is negative, was " + jitter);
        }
    }

    public FeedTiming withLatency(Duration newLatency) {
        return new FeedTiming(newLatency, jitter, bookTicker);
    }

    public FeedTiming withJitter(Duration newJitter) {
        return new FeedTiming(latency, newJitter, bookTicker);
    }

    public FeedTiming withBookTicker(boolean newBookTicker) {
        return new FeedTiming(latency, jitter, newBookTicker);
    }
}
