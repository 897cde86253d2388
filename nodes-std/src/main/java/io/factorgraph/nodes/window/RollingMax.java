package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.WindowCapacityException;
import io.factorgraph.runtime.spi.WindowLength;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * Maximum of the valid values of a count or duration window, O(1) amortised per update, exact.
 *
 * <p>A monotonic deque: it keeps only the values that can still become the maximum, i.e. those
 * with no larger-or-equal value after them, so they are in decreasing order and the front is the
 * answer. Each value enters once and leaves once, hence O(1) amortised. The deque lives in two
 * preallocated parallel arrays (tick, value) used as a ring, because a deque of boxed entries
 * would allocate on every tick.
 *
 * <p>NaN occupies its tick (it still moves the window) but never enters the deque; a window with no
 * valid value has NaN as its maximum. Equal values replace earlier ones, so the deque never holds
 * more than W entries.
 */
public final class RollingMax {
    private final WindowLength window;
    private final boolean timed;
    /** Ticks or nanoseconds: an entry is in the window while its key is above {@code key - length}. */
    private final long length;

    private final String owner;
    private final int cap;
    private long[] ticks;
    private double[] values;
    private int mask;
    private int head;
    private int size;
    /** The current sample's key: its tick index (count window) or time (duration window); -1 before any. */
    private long tick = -1;

    /** A count window of the last {@code window} ticks. */
    public RollingMax(int window) {
        this(WindowLength.ticks(checkWindow(window)), 0, "rolling max");
    }

    /**
     * A count or duration window. A duration window's deque starts at what the clock allows and doubles when
     * full, up to {@link WindowLength#capacityCap} entries (as {@link SampleRing} does).
     *
     * @param clockNanos the graph's clock interval (0 without one)
     * @param owner the node, as a {@link WindowCapacityException} names it
     */
    public RollingMax(WindowLength window, long clockNanos, String owner) {
        this.window = window;
        this.timed = window.duration();
        this.length = window.length();
        this.owner = owner;
        // A power-of-two deque: at most 2^30 slots.
        this.cap = window.duration() ? Math.min(window.capacityCap(clockNanos), 1 << 30) : Integer.MAX_VALUE;
        final int capacity = capacity(window, clockNanos);
        this.ticks = new long[capacity];
        this.values = new double[capacity];
        this.mask = capacity - 1;
    }

    /** The deque's first allocation: a power of two at least the samples the window can hold. */
    static int capacity(WindowLength window, long clockNanos) {
        final long samples =
                Math.min(window.duration() && clockNanos <= 0 ? 64 : window.maxSamples(clockNanos), 1L << 30);
        return samples <= 1 ? 1 : (int) (Long.highestOneBit(samples - 1) << 1);
    }

    private static int checkWindow(int window) {
        if (window < 1 || window > 1 << 30) {
            throw new IllegalArgumentException("window must be in [1, 2^30], was " + window);
        }
        return window;
    }

    /** The next tick of a count window. */
    public void onValue(double x) {
        onValue(tick + 1, x);
    }

    /**
     * The sample at {@code time} (local clock, ns; never decreasing): for a duration window the entries at or
     * before {@code time - D} leave; a count window ignores {@code time} and moves by one tick.
     */
    public void onValue(long time, double x) {
        if (timed) {
            // A duration window may drop many entries at once, and its deque may need to grow.
            tick = time;
            final long limit = time - length;
            while (size > 0 && ticks[head] <= limit) {
                head = (head + 1) & mask;
                size--;
            }
        } else {
            // Keys in the deque are distinct and a count window moves by one tick, so at most one expires; the
            // deque holds at most W entries, so it never needs to grow.
            tick++;
            if (size > 0 && ticks[head] <= tick - length) {
                head = (head + 1) & mask;
                size--;
            }
        }
        if (Double.isNaN(x)) {
            return;
        }
        while (size > 0 && values[(head + size - 1) & mask] <= x) {
            size--;
        }
        if (size == values.length) {
            grow(); // only a duration window's deque can be full here
        }
        final int slot = (head + size) & mask;
        values[slot] = x;
        ticks[slot] = tick;
        size++;
    }

    /** Largest valid value in the window; NaN when there is none. */
    public double max() {
        return size == 0 ? Double.NaN : values[head];
    }

    /** The count of a count window. @throws IllegalStateException for a duration window */
    public int window() {
        return window.ticks();
    }

    public void reset() {
        head = 0;
        size = 0;
        tick = -1;
    }

    /** Only a duration window can fill its deque: a count window's holds at most W entries. */
    private void grow() {
        if (size >= cap) {
            throw new WindowCapacityException(owner, window, cap);
        }
        final int grown = (int) Math.min((long) values.length * 2, 1 << 30);
        final long[] newTicks = new long[grown];
        final double[] newValues = new double[grown];
        for (int i = 0; i < size; i++) {
            newTicks[i] = ticks[(head + i) & mask];
            newValues[i] = values[(head + i) & mask];
        }
        ticks = newTicks;
        values = newValues;
        mask = grown - 1;
        head = 0;
    }

    /** Writes the current key and the monotone deque, oldest first (docs/DESIGN.md §13). */
    public void writeState(StateWriter out) {
        out.writeLong(tick);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(ticks[(head + i) & mask]);
            out.writeDouble(values[(head + i) & mask]);
        }
    }

    public void readState(StateReader in) {
        reset();
        tick = in.readLong();
        int n = in.readInt();
        if (n < 0 || n > cap) {
            throw in.corrupt(n + " deque entries for " + owner + " of at most " + cap);
        }
        for (int i = 0; i < n; i++) {
            if (size == values.length) {
                grow();
            }
            final int slot = (head + size) & mask;
            ticks[slot] = in.readLong();
            values[slot] = in.readDouble();
            size++;
        }
    }
}
