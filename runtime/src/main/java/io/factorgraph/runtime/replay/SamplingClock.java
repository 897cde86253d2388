package io.factorgraph.runtime.replay;

/**
 * When a graph ticks during a replay, by docs/DESIGN.md §5's rule, on the local (receive) clock. Pushed one
 * event at a time, so that every replay loop (factor CSVs, the backtest, the live engine) follows
 * the same rule from the same code.
 *
 * <ul>
 *   <li>With an interval D: at every multiple of D (epoch-aligned, ns) from the first one at or after
 *       the moment the book becomes ready through the last one at or before the last event; a tick at
 *       t sees every event with {@code local_ts <= t}. A book that stops being ready (a re-sync) stops
 *       the clock until it is ready again.
 *   <li>Without (interval 0): after every message that changed a ready book, at its time.
 * </ul>
 *
 * <pre>{@code
 * for each event e:
 *     for (long t; (t = clock.tickBefore(e.localTs())) != SamplingClock.NONE; ) tick(t);
 *     apply(e);
 *     long t = clock.afterEvent(e.localTs(), e.endOfMessage(), changed, book.isReady());
 *     if (t != SamplingClock.NONE) tick(t);
 * for (long t; (t = clock.tickAtEnd()) != SamplingClock.NONE; ) tick(t);
 * }</pre>
 */
public final class SamplingClock {
    /** No tick is due. */
    public static final long NONE = Long.MIN_VALUE;

    private final long interval;
    private boolean running;
    private long nextTick;
    private long lastEventTs = Long.MIN_VALUE;
    private boolean changedInMessage;

    /** @param intervalNanos the sampling interval, or 0 to tick after every book change */
    public SamplingClock(long intervalNanos) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException(
                    "interval must be positive, or 0 for every book change, was " + intervalNanos);
        }
        this.interval = intervalNanos;
    }

    /** A tick due strictly before an event at {@code eventTs}, or {@link #NONE}; ask until NONE, then apply the event. */
    public long tickBefore(long eventTs) {
        if (running && nextTick < eventTs) {
            final long tick = nextTick;
            nextTick += interval;
            return tick;
        }
        return NONE;
    }

    /**
     * Tells the clock an event at {@code eventTs} was applied; returns a tick at {@code eventTs} when
     * one is due now (only without an interval), else {@link #NONE}.
     */
    public long afterEvent(long eventTs, boolean endOfMessage, boolean bookChanged, boolean bookReady) {
        lastEventTs = Math.max(lastEventTs, eventTs);
        if (interval > 0) {
            if (!running && bookReady) {
                running = true;
                nextTick = Math.ceilDiv(eventTs, interval) * interval;
            } else if (running && !bookReady) {
                running = false;
            }
            return NONE;
        }
        changedInMessage |= bookChanged;
        if (endOfMessage) {
            final boolean changed = changedInMessage;
            changedInMessage = false;
            if (changed && bookReady) {
                return eventTs;
            }
        }
        return NONE;
    }

    /** After the last event: the next remaining tick, or {@link #NONE}; ask until NONE. */
    public long tickAtEnd() {
        if (running && nextTick <= lastEventTs) {
            final long tick = nextTick;
            nextTick += interval;
            return tick;
        }
        return NONE;
    }

    public long intervalNanos() {
        return interval;
    }

    /** Back to the state before the first event. */
    public void reset() {
        running = false;
        nextTick = 0;
        lastEventTs = Long.MIN_VALUE;
        changedInMessage = false;
    }
}
