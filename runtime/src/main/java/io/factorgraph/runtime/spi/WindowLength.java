package io.factorgraph.runtime.spi;

/**
 * The length of a window argument, as the user wrote it: a count of ticks ({@code 600}) or a duration
 * ({@code 60s}) (docs/DESIGN.md §11). A count window holds the last {@code ticks} ticks; a duration window
 * holds the samples whose tick time lies in {@code (t - nanos, t]}.
 *
 * <p>One value type for both, rather than two parameters, so that every windowed node takes either form
 * through the same argument and shares one ring ({@code nodes/window/SampleRing}) whichever it is.
 *
 * @param duration whether {@link #length()} is nanoseconds (else ticks)
 * @param length ticks (at least 1, at most {@link Integer#MAX_VALUE}) or nanoseconds (at least 1)
 */
public record WindowLength(boolean duration, long length) {
    /**
     * The most samples a duration window keeps when the graph has no clock, so that its memory is bounded
     * by something a person can read: 2^20 samples. A window that would hold more at run time stops the run
     * with a {@link WindowCapacityException}; the compiler counts this many against the memory budget.
     */
    public static final int MAX_SAMPLES_WITHOUT_CLOCK = 1 << 20;

    public WindowLength {
        if (length < 1) {
            throw new IllegalArgumentException("a window must be at least 1 tick or 1ns, was " + length);
        }
        if (!duration && length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a count window must be at most 2^31-1 ticks, was " + length);
        }
    }

    /** A window of the last {@code ticks} ticks. */
    public static WindowLength ticks(long ticks) {
        return new WindowLength(false, ticks);
    }

    /** A window of the samples whose tick time lies in {@code (t - nanos, t]}. */
    public static WindowLength nanos(long nanos) {
        return new WindowLength(true, nanos);
    }

    /** The window of a constant argument: a whole number is ticks, a duration is nanoseconds. */
    public static WindowLength of(Constant value) {
        return switch (value) {
            case Constant.Number(double n) -> ticks((long) n);
            case Constant.Duration(long nanos) -> nanos(nanos);
            case Constant.Bool b -> throw new IllegalArgumentException("a window is a count or a duration, not " + b);
        };
    }

    /** The count of a count window. @throws IllegalStateException for a duration window */
    public int ticks() {
        if (duration) {
            throw new IllegalStateException("window " + this + " is a duration, not a count");
        }
        return (int) length;
    }

    /** The span of a duration window. @throws IllegalStateException for a count window */
    public long nanos() {
        if (!duration) {
            throw new IllegalStateException("window " + this + " is a count, not a duration");
        }
        return length;
    }

    /**
     * The most samples this window can hold at once, which is what its memory is counted from: the count for a
     * count window; with a clock of {@code clockNanos} ({@code > 0}), {@code D / interval + 1}, since ticks are
     * at least one interval apart; without one ({@code clockNanos == 0}), {@link #MAX_SAMPLES_WITHOUT_CLOCK}.
     */
    public long maxSamples(long clockNanos) {
        if (!duration) {
            return length;
        }
        if (clockNanos <= 0) {
            return MAX_SAMPLES_WITHOUT_CLOCK;
        }
        return length / clockNanos + 1;
    }

    /**
     * The most samples a duration window may hold before the run stops with a {@link WindowCapacityException}:
     * {@link #MAX_SAMPLES_WITHOUT_CLOCK}, or what the clock allows when that is more (the compiler has checked
     * that it fits the memory budget), so that a run sampling faster than the file's clock ({@code --interval})
     * still has the usual room.
     */
    public int capacityCap(long clockNanos) {
        long samples = Math.max(maxSamples(clockNanos), MAX_SAMPLES_WITHOUT_CLOCK);
        return (int) Math.min(samples, MAX_ARRAY);
    }

    /** The longest array a JVM reliably allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** As the user would write it: {@code 600}, {@code 60s}, {@code 100ms}. */
    @Override
    public String toString() {
        return duration ? Constant.formatNanos(length) : Long.toString(length);
    }
}
