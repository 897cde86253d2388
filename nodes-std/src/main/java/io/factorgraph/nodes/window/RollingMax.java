package io.factorgraph.nodes.window;

/**
 * Maximum of the valid values of a tick window, O(1) amortised per update, exact.
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
    private final int window;
    private final long[] ticks;
    private final double[] values;
    private final int mask;
    private int head;
    private int size;
    /** Index of the current tick; -1 before the first update. */
    private long tick = -1;

    public RollingMax(int window) {
        if (window < 1 || window > 1 << 30) {
            throw new IllegalArgumentException("window must be in [1, 2^30], was " + window);
        }
        this.window = window;
        final int capacity = window == 1 ? 1 : Integer.highestOneBit(window - 1) << 1;
        this.ticks = new long[capacity];
        this.values = new double[capacity];
        this.mask = capacity - 1;
    }

    public void onValue(double x) {
        tick++;
        // Ticks in the deque are distinct and the window moves by one tick, so at most one expires.
        if (size > 0 && ticks[head] <= tick - window) {
            head = (head + 1) & mask;
            size--;
        }
        if (Double.isNaN(x)) {
            return;
        }
        while (size > 0 && values[(head + size - 1) & mask] <= x) {
            size--;
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

    public int window() {
        return window;
    }

    public void reset() {
        head = 0;
        size = 0;
        tick = -1;
    }
}
