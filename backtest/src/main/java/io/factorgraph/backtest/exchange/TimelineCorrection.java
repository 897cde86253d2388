package io.factorgraph.backtest.exchange;

/**
 * How the simulator puts recorded events on the exchange timeline without touching their local timestamps.
 *
 * <p>A recorded feed holds two clocks: {@code local_ts}, when the recorder received a message (the clock the
 * strategy lives on, which must stay as recorded), and {@code exch_ts}, the exchange's own stamp. In receive order
 * the exchange stamps go backwards thousands of times per file (trades and depth come on different streams with
 * different delays), and the recorder's clock may be off the exchange's (on the Binance files here it ran about
 * 1.27 s behind, so {@code local_ts - exch_ts} is negative). hftbacktest fixes the second problem by moving
 * <em>local</em> times ({@code correct_local_timestamp}) and the first by sorting ({@code correct_event_order}).
 * The simulator moves <em>exchange</em> times instead and sorts as it goes, so local times stay as recorded.
 *
 * <h2>The rule</h2>
 * Every event flagged {@code LOCAL_EVENT} (events without it are ignored) gets a corrected exchange time
 * {@code E}, on the local clock:
 * <ol>
 *   <li>{@code E = exch_ts + c}. In {@link #automatic() automatic} mode {@code c = min(0, m - minFeedLatency)}, where {@code m} is
 *       the least {@code local_ts - exch_ts} among the events fed so far (all of them, best-bid/offer included): hftbacktest's rule mirrored (it shifts only
 *       when some feed latency is too small, and then so that the fastest message has latency {@code
 *       minFeedLatency}), with a running minimum so that it works while streaming; on the Binance files here {@code
 *       c} settles within the first seconds at about -1.27 s. In fixed mode {@code c = offsetNanos}.
 *   <li>Clamp: {@code E = min(E, local_ts - minFeedLatency)} and {@code E = max(E, local_ts - maxFeedLatency)}: feed
 *       latency is never below the minimum (never negative) and never above the maximum. Events clamped from above
 *       are counted ({@link SimulatorStats#slowEventsClamped()}).
 *   <li>Streams keep their own order: a depth event (depth, snapshot, clear) gets {@code E = max(E, E of the
 *       previous depth event)} and a trade {@code E = max(E, E of the previous trade)}, so that sorting can never
 *       apply two book updates out of sequence.
 *   <li>The exchange processes events in order of {@code E}; at equal {@code E}, trades before depth events (a trade
 *       and the depth change it causes carry the same millisecond stamp, and the trade comes first), and otherwise
 *       in receive order.
 * </ol>
 * Best-bid/offer events never reach the exchange side (the exchange's book is built from depth events only), nor
 * do L3 order events, which this L2 simulator does not model.
 *
 * <p>Because every event has {@code local_ts - maxFeedLatency <= E <= local_ts}, the exchange knows every event up to
 * time {@code t} once it has been fed every event received up to {@code t + maxFeedLatency}: that is the look-ahead
 * {@link SimulationFeed} provides. A larger maximum costs only buffer memory; events slower than it are treated as
 * if they had that latency.
 *
 * @param autoOffset whether {@code c} comes from the data (above) rather than {@code offsetNanos}
 * @param offsetNanos the fixed {@code c} when not automatic (ignored otherwise)
 * @param minFeedLatencyNanos the least feed latency, ns, {@code >= 0}
 * @param maxFeedLatencyNanos the greatest feed latency, ns, {@code >= minFeedLatencyNanos}
 */
public record TimelineCorrection(boolean autoOffset, long offsetNanos, long minFeedLatencyNanos,
        long maxFeedLatencyNanos) {

    /** The default maximum feed latency: 1 s (the recorded Binance files here spread over at most 0.23 s). */
    public static final long DEFAULT_MAX_FEED_LATENCY = 1_000_000_000L;

    public TimelineCorrection {
        if (minFeedLatencyNanos < 0) {
            throw new IllegalArgumentException("minimum feed latency must be >= 0 ns, was " + minFeedLatencyNanos);
        }
        if (maxFeedLatencyNanos < minFeedLatencyNanos) {
            throw new IllegalArgumentException("maximum feed latency (" + maxFeedLatencyNanos
                    + " ns) must be >= the minimum (" + minFeedLatencyNanos + " ns)");
        }
        if (maxFeedLatencyNanos > 3_600_000_000_000L) {
            throw new IllegalArgumentException("maximum feed latency must be at most one hour, was "
                    + maxFeedLatencyNanos + " ns");
        }
        if (!autoOffset && Math.abs(offsetNanos) > 365L * 86_400_000_000_000L) {
            throw new IllegalArgumentException("exchange time offset must be within a year, was " + offsetNanos + " ns");
        }
    }

    /** Automatic offset, minimum feed latency 0, maximum {@link #DEFAULT_MAX_FEED_LATENCY}. */
    public static TimelineCorrection automatic() {
        return new TimelineCorrection(true, 0, 0, DEFAULT_MAX_FEED_LATENCY);
    }

    /** Automatic offset with the given feed latency bounds, ns. */
    public static TimelineCorrection automatic(long minFeedLatencyNanos, long maxFeedLatencyNanos) {
        return new TimelineCorrection(true, 0, minFeedLatencyNanos, maxFeedLatencyNanos);
    }

    /** A fixed offset added to every {@code exch_ts}, with the given feed latency bounds, ns. */
    public static TimelineCorrection fixed(long offsetNanos, long minFeedLatencyNanos, long maxFeedLatencyNanos) {
        return new TimelineCorrection(false, offsetNanos, minFeedLatencyNanos, maxFeedLatencyNanos);
    }
}
