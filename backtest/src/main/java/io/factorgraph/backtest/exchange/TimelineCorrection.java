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
 *   <li>{@code E = exch_ts + c}, where the offset {@code c} comes from one of three {@link Rule rules}:
 *       <ul>
 *         <li>{@link Rule#CONSTANT} (the default; hftbacktest's {@code correct_local_timestamp}, docs/DESIGN.md §7):
 *             one constant over the whole input, {@code c = min(0, -(L + minFeedLatency))} where {@code L} is the
 *             largest {@code exch_ts - local_ts} over the input's depth, snapshot and trade rows (best-bid/offer rows
 *             take no part: they never reach the book or the matcher). It needs the whole input before the run:
 *             {@link io.factorgraph.backtest.exchange.timeline.ClockShift} scans it and {@link #resolved} fills it
 *             in; a simulator refuses an unresolved one. On {@code usdm_btcusdt_20240808.gz},
 *             {@code L = 1,272,156,851} ns.
 *         <li>{@link Rule#RUNNING_MAX} (this project's earlier rule, kept by name only): the same formula over the
 *             events fed so far, all of them, best-bid/offer included. It rises during the file (1,267,685,333 ns at
 *             the first line, 1,272,402,468 ns by the end of the file above), moving exchange events by up to 4.5 ms
 *             and letting the exchange clock jump back when it rises.
 *         <li>{@link Rule#FIXED}: {@code c = offsetNanos}, given.
 *       </ul>
 *   <li>Clamp: {@code E = min(E, local_ts - minFeedLatency)} and {@code E = max(E, local_ts - maxFeedLatency)}: feed
 *       latency is never below the minimum (never negative) and never above the maximum. Events clamped from above
 *       are counted ({@link SimulatorStats#slowEventsClamped()}).
 *   <li>Streams keep their own order: a depth event (depth, snapshot, clear) gets {@code E = max(E, E of the
 *       previous depth event)} and a trade {@code E = max(E, E of the previous trade)}, so that sorting can never
 *       apply two book updates out of sequence.
 *   <li>The exchange processes events in order of {@code E}; at equal {@code E}, trades before depth events, and
 *       otherwise in receive order. This is our one deliberate difference from hftbacktest, which keeps file order:
 *       a trade and the depth change it caused carry the same millisecond stamp, and taking the trade first keeps the
 *       traded quantity from leaving the queue twice (once as the trade, once as the level's decrease).
 * </ol>
 * Best-bid/offer events never reach the exchange side (the exchange's book is built from depth events only), nor
 * do L3 order events, which this L2 simulator does not model.
 *
 * <p>Because every event has {@code local_ts - maxFeedLatency <= E <= local_ts}, the exchange knows every event up to
 * time {@code t} once it has been fed every event received up to {@code t + maxFeedLatency}: that is the look-ahead
 * {@link SimulationFeed} provides. A larger maximum costs only buffer memory; events slower than it are treated as
 * if they had that latency. Under a constant offset the exchange clock never runs backwards.
 *
 * @param rule where the offset comes from
 * @param offsetNanos the offset {@code c} under {@link Rule#FIXED} and a resolved {@link Rule#CONSTANT}
 * @param resolved whether the offset is known (always, except a {@link Rule#CONSTANT} not yet {@link #resolved})
 * @param minFeedLatencyNanos the least feed latency, ns, {@code >= 0}
 * @param maxFeedLatencyNanos the greatest feed latency, ns, {@code >= minFeedLatencyNanos}
 */
public record TimelineCorrection(
        Rule rule, long offsetNanos, boolean resolved, long minFeedLatencyNanos, long maxFeedLatencyNanos) {

    /** Where the exchange-time offset comes from; {@link #label()} is the name a user chooses it by. */
    public enum Rule {
        /** One constant over the whole input (hftbacktest). */
        CONSTANT("constant"),
        /** A running maximum over the events so far (this project's earlier rule). */
        RUNNING_MAX("running-max"),
        /** A given offset. */
        FIXED("fixed");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The default maximum feed latency: 1 s (the recorded Binance files here spread over at most 0.23 s). */
    public static final long DEFAULT_MAX_FEED_LATENCY = 1_000_000_000L;

    /** The names {@link #parse} accepts, for messages. */
    public static final String FORMS = "expected constant (hftbacktest's one shift for the whole input) or running-max";

    public TimelineCorrection {
        if (rule == null) {
            throw new NullPointerException("rule");
        }
        if (minFeedLatencyNanos < 0) {
            throw new IllegalArgumentException("minimum feed latency must be >= 0 ns, was " + minFeedLatencyNanos);
        }
        if (maxFeedLatencyNanos < minFeedLatencyNanos) {
            throw new IllegalArgumentException("maximum feed latency (" + maxFeedLatencyNanos
                    + " ns) must be >= the minimum (" + minFeedLatencyNanos + " ns)");
        }
        if (maxFeedLatencyNanos > 3_600_000_000_000L) {
            throw new IllegalArgumentException(
                    "maximum feed latency must be at most one hour, was " + maxFeedLatencyNanos + " ns");
        }
        if (Math.abs(offsetNanos) > 365L * 86_400_000_000_000L) {
            throw new IllegalArgumentException(
                    "exchange time offset must be within a year, was " + offsetNanos + " ns");
        }
    }

    /** Whether the offset follows the events as they are fed ({@link Rule#RUNNING_MAX}). */
    public boolean autoOffset() {
        return rule == Rule.RUNNING_MAX;
    }

    /**
     * hftbacktest's rule, not yet resolved: one constant for the whole input, minimum feed latency 0, maximum {@link
     * #DEFAULT_MAX_FEED_LATENCY}. {@link io.factorgraph.backtest.exchange.timeline.ClockShift#resolve} fills it in.
     */
    public static TimelineCorrection constant() {
        return new TimelineCorrection(Rule.CONSTANT, 0, false, 0, DEFAULT_MAX_FEED_LATENCY);
    }

    /**
     * The constant rule resolved for an input whose largest {@code exch_ts - local_ts} (over depth, snapshot and
     * trade rows) is {@code largestLeadNanos}.
     */
    public TimelineCorrection resolved(long largestLeadNanos) {
        if (rule != Rule.CONSTANT) {
            throw new IllegalStateException("only the constant rule is resolved from the input, this is " + this);
        }
        long offset = Math.min(0, -largestLeadNanos - minFeedLatencyNanos);
        return new TimelineCorrection(Rule.CONSTANT, offset, true, minFeedLatencyNanos, maxFeedLatencyNanos);
    }

    /** The running-maximum rule (this project's earlier one), minimum feed latency 0, maximum the default. */
    public static TimelineCorrection runningMax() {
        return automatic();
    }

    /** The running-maximum rule: as {@link #runningMax()}. */
    public static TimelineCorrection automatic() {
        return new TimelineCorrection(Rule.RUNNING_MAX, 0, true, 0, DEFAULT_MAX_FEED_LATENCY);
    }

    /** The running-maximum rule with the given feed latency bounds, ns. */
    public static TimelineCorrection automatic(long minFeedLatencyNanos, long maxFeedLatencyNanos) {
        return new TimelineCorrection(Rule.RUNNING_MAX, 0, true, minFeedLatencyNanos, maxFeedLatencyNanos);
    }

    /** A fixed offset added to every {@code exch_ts}, with the given feed latency bounds, ns. */
    public static TimelineCorrection fixed(long offsetNanos, long minFeedLatencyNanos, long maxFeedLatencyNanos) {
        return new TimelineCorrection(Rule.FIXED, offsetNanos, true, minFeedLatencyNanos, maxFeedLatencyNanos);
    }

    /**
     * The rule a user names: {@code constant} (the default, hftbacktest's) or {@code running-max}, with the default
     * feed latency bounds.
     *
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static TimelineCorrection parse(String name) {
        String s = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "constant" -> constant();
            case "running-max" -> runningMax();
            default -> throw new IllegalArgumentException("unknown exchange timeline '" + name + "': " + FORMS);
        };
    }

    /** What the report says: the rule's name, and the offset once it is known. */
    public String describe() {
        return switch (rule) {
            case CONSTANT ->
                resolved
                        ? "constant: exchange times shifted by " + offsetNanos
                                + " ns for the whole input (hftbacktest's correct_local_timestamp)"
                        : "constant (not yet resolved)";
            case RUNNING_MAX -> "running-max: offset follows the least feed latency seen so far";
            case FIXED -> "fixed: exchange times shifted by " + offsetNanos + " ns";
        };
    }
}
