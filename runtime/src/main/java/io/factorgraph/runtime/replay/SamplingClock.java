package io.factorgraph.runtime.replay;

import io.factorgraph.runtime.state.SnapshotException;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

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

    /** The latest event time the clock was told of; {@link Long#MIN_VALUE} before the first. */
    public long lastEventNanos() {
        return lastEventTs;
    }

    public long intervalNanos() {
        return interval;
    }

    /**
     * The clock's phase (running, the next tick, the last event's time, a message's pending change) after the
     * interval, for a state snapshot: a replay restored from it ticks where the one that saved it would have ticked
     * next (docs/DESIGN.md §13).
     */
    public void writeState(StateWriter out) {
        out.writeLong(interval);
        out.writeBoolean(running);
        out.writeLong(nextTick);
        out.writeLong(lastEventTs);
        out.writeBoolean(changedInMessage);
    }

    /**
     * Takes over the phase {@link #writeState} wrote.
     *
     * @throws SnapshotException when the snapshot was taken sampling at another interval (a tick grid cannot be
     *     continued on another one), naming both
     */
    public void readState(StateReader in, String what) {
        long saved = in.readLong();
        if (saved != interval) {
            throw new SnapshotException(what + ": taken " + describe(saved) + ", but this run samples "
                    + describe(interval).substring("sampling ".length()) + "; restore with the same clock settings "
                    + "(the graph's clock every, --interval)");
        }
        running = in.readBoolean();
        nextTick = in.readLong();
        lastEventTs = in.readLong();
        changedInMessage = in.readBoolean();
    }

    private static String describe(long interval) {
        if (interval == 0) {
            return "sampling after every book change";
        }
        String[] units = {"h", "m", "s", "ms", "us", "ns"};
        long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        for (int i = 0; i < units.length; i++) {
            if (interval % sizes[i] == 0) {
                return "sampling every " + interval / sizes[i] + units[i];
            }
        }
        return "sampling every " + interval + "ns";
    }

    /** Back to the state before the first event. */
    public void reset() {
        running = false;
        nextTick = 0;
        lastEventTs = Long.MIN_VALUE;
        changedInMessage = false;
    }
}
