package io.factorgraph.live.transport;

/**
 * Checks the sequence numbers of one incoming stream ({@link SequencedPublication}): every message carries its
 * sender's instance id and a number that goes 1, 2, 3 ... per sender instance. Tells a message in order from a gap
 * (messages lost), a sender that restarted (a new instance id) and a subscriber that joined a stream already under way.
 * Single-threaded, allocation-free.
 */
public final class SequenceTracker {
    /** What one message means for the stream. */
    public enum Result {
        /** The next message of the sender we know, or the first message of a sender, numbered 1. */
        IN_ORDER,
        /** Messages between the last one and this one were lost; see {@link #lastGapFrom()}, {@link #lastGapTo()}. */
        GAP,
        /** The first message of a sender (new, or restarted) seen here, numbered above 1: we missed its start. */
        JOINED_LATE,
        /** A number at or below the last one from the same sender: a duplicate, ignored. */
        DUPLICATE
    }

    private boolean seen;
    private long instance;
    private long last;
    private long gaps;
    private long lost;
    private long restarts;
    private long gapFrom;
    private long gapTo;

    /** Classifies a message and moves the tracker on (except for a {@link Result#DUPLICATE}). */
    public Result onMessage(long instanceId, long sequence) {
        if (!seen || instanceId != instance) {
            if (seen) {
                restarts++;
            }
            seen = true;
            instance = instanceId;
            last = sequence;
            if (sequence == 1) {
                return Result.IN_ORDER;
            }
            gapFrom = 1;
            gapTo = sequence - 1;
            return Result.JOINED_LATE;
        }
        if (sequence <= last) {
            return Result.DUPLICATE;
        }
        if (sequence == last + 1) {
            last = sequence;
            return Result.IN_ORDER;
        }
        gapFrom = last + 1;
        gapTo = sequence - 1;
        gaps++;
        lost += sequence - last - 1;
        last = sequence;
        return Result.GAP;
    }

    /** Whether a message has been seen. */
    public boolean seen() {
        return seen;
    }

    /** The sender instance of the last message. */
    public long instance() {
        return instance;
    }

    /** The number of the last message accepted. */
    public long last() {
        return last;
    }

    /** The number expected next. */
    public long expected() {
        return last + 1;
    }

    /** The first number missing in the last gap (or before a late join). */
    public long lastGapFrom() {
        return gapFrom;
    }

    /** The last number missing in the last gap (or before a late join). */
    public long lastGapTo() {
        return gapTo;
    }

    public long gaps() {
        return gaps;
    }

    public long lostMessages() {
        return lost;
    }

    /** How often the sender's instance changed after the first. */
    public long restarts() {
        return restarts;
    }
}
