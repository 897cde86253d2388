package io.factorgraph.runtime.spi;

/**
 * The time of the tick being computed, in nanoseconds on the local (receive) clock. One per graph
 * instance, written before each tick, read by nodes that need time (e.g. time-decayed averages).
 */
public final class TickTime {
    private long nanos = Long.MIN_VALUE;

    public long nanos() {
        return nanos;
    }

    public void set(long nanos) {
        this.nanos = nanos;
    }
}
