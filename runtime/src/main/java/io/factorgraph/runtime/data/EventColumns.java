package io.factorgraph.runtime.data;

/**
 * A run of events in columns (one primitive array per field), filled by
 * {@link EventFileReader#read(EventColumns)} for consumers that process events in batches. Allocated once
 * and reused; {@link #size()} events are valid after each read, at indices {@code 0} to {@code size() - 1}.
 * The arrays are exposed as they are, not copied: read them, do not keep them past the next read.
 */
public final class EventColumns {
    final long[] ev;
    final long[] exchTs;
    final long[] localTs;
    final double[] px;
    final double[] qty;
    final long[] orderId;
    final long[] ival;
    final double[] fval;
    final boolean[] endOfMessage;
    int size;

    /** Columns for up to {@code capacity} events. */
    public EventColumns(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        ev = new long[capacity];
        exchTs = new long[capacity];
        localTs = new long[capacity];
        px = new double[capacity];
        qty = new double[capacity];
        orderId = new long[capacity];
        ival = new long[capacity];
        fval = new double[capacity];
        endOfMessage = new boolean[capacity];
    }

    public int capacity() {
        return ev.length;
    }

    /** The number of valid events from the last read. */
    public int size() {
        return size;
    }

    /** {@code ev} without the end-of-message bit, as the source had it. */
    public long[] ev() {
        return ev;
    }

    public long[] exchTs() {
        return exchTs;
    }

    public long[] localTs() {
        return localTs;
    }

    public double[] px() {
        return px;
    }

    public double[] qty() {
        return qty;
    }

    public long[] orderId() {
        return orderId;
    }

    public long[] ival() {
        return ival;
    }

    public double[] fval() {
        return fval;
    }

    public boolean[] endOfMessage() {
        return endOfMessage;
    }
}
