package io.factorgraph.runtime.spi;

/**
 * The time of the tick being computed, in nanoseconds on the local (receive) clock. One per graph
 * instance, written before each tick, read by nodes that need time: duration windows and decays by
 * elapsed time (docs/DESIGN.md §11), which take the times of successive ticks as never decreasing
 * (equal times are fine: a burst of ticks at one time).
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
