package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.WindowCapacityException;
import io.factorgraph.runtime.spi.WindowLength;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.util.Objects;

/**
 * The samples of one window, count or duration (docs/DESIGN.md §11), oldest first, in preallocated arrays:
 * the one ring every rolling statistic slides, so that a count window and a duration window share the code
 * that decides what is in the window.
 *
 * <p>A count window of W keeps exactly W values and no times: its arrays never grow, and it costs what a
 * plain ring of doubles costs. A duration window of D keeps a (time, value) pair per sample and holds the
 * samples whose time lies in {@code (t - D, t]}; how many that is depends on the data, so the ring starts at
 * what the graph's clock allows ({@code D / interval + 1}; 64 without a clock) and doubles when a tick finds
 * it full, up to {@link WindowLength#capacityCap} (2^20 samples, or what the clock allows when more). Growing allocates, but only when the window
 * holds more samples than ever before, so a steady stream allocates nothing per tick; past the cap it throws
 * a {@link WindowCapacityException} naming the node rather than growing until the heap is gone.
 *
 * <p>The caller drives eviction, because every statistic needs each leaving value to take it out of its
 * running state: {@code while (ring.hasExpired(t)) remove(ring.removeOldest()); ring.add(t, x);}.
 */
public final class SampleRing {
    private static final int INITIAL_WITHOUT_CLOCK = 64;

    private final WindowLength window;
    private final boolean timed;
    private final long span;
    private final String owner;
    private final int cap;
    private double[] values;
    private long[] times;
    private int capacity;
    /** Slot of the oldest sample. */
    private int head;

    private int size;

    /** A ring for a count window of {@code window} ticks. */
    public SampleRing(int window) {
        this(WindowLength.ticks(window), 0, "window");
    }

    /**
     * @param window the window it keeps
     * @param clockNanos the graph's clock interval, 0 without one: sizes a duration window's first allocation
     * @param owner the node, as a {@link WindowCapacityException} names it
     */
    public SampleRing(WindowLength window, long clockNanos, String owner) {
        this.window = Objects.requireNonNull(window, "window");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.timed = window.duration();
        this.span = window.length();
        if (timed) {
            this.cap = window.capacityCap(clockNanos);
            this.capacity = (int) Math.min(clockNanos > 0 ? window.maxSamples(clockNanos) : INITIAL_WITHOUT_CLOCK, cap);
            this.times = new long[capacity];
        } else {
            this.cap = window.ticks();
            this.capacity = cap;
        }
        this.values = new double[capacity];
    }

    /**
     * Whether the oldest sample leaves the window when a sample at {@code time} arrives: for a count window,
     * when it is full; for a duration window, when the oldest time is at or before {@code time - D}.
     */
    public boolean hasExpired(long time) {
        if (timed) {
            return size > 0 && times[head] <= time - span;
        }
        return size == capacity;
    }

    /** Takes the oldest sample out and returns its value. */
    public double removeOldest() {
        if (size == 0) {
            throw new IllegalStateException("the ring is empty");
        }
        final double value = values[head];
        head = head + 1 == capacity ? 0 : head + 1;
        size--;
        return value;
    }

    /**
     * Appends a sample; {@code time} is ignored by a count window. Expired samples must have been removed.
     *
     * @throws WindowCapacityException when a duration window would hold more than its cap
     */
    public void add(long time, double value) {
        if (size == capacity) {
            if (!timed) {
                throw new IllegalStateException("a count window of " + capacity + " is full: remove the oldest first");
            }
            grow();
        }
        int slot = head + size;
        if (slot >= capacity) {
            slot -= capacity;
        }
        values[slot] = value;
        if (timed) {
            times[slot] = time;
        }
        size++;
    }

    /** Whether a count window holds its W values (the next {@link #push} evicts one). */
    public boolean isFull() {
        return size == capacity;
    }

    /**
     * A count window's step in one call, for its hot path: appends {@code value} and, when the ring was
     * {@link #isFull() full}, overwrites the oldest and returns it (NaN otherwise: check {@code isFull()} first,
     * so that NaN stays an ordinary value). A duration window uses {@link #hasExpired} and {@link #add}.
     */
    public double push(double value) {
        if (size == capacity) {
            final double evicted = values[head];
            values[head] = value;
            head = head + 1 == capacity ? 0 : head + 1;
            return evicted;
        }
        int slot = head + size;
        if (slot >= capacity) {
            slot -= capacity;
        }
        values[slot] = value;
        size++;
        return Double.NaN;
    }

    /** The {@code index}-th value counting from the oldest (0 = oldest). */
    public double fromOldest(int index) {
        Objects.checkIndex(index, size);
        int slot = head + index;
        if (slot >= capacity) {
            slot -= capacity;
        }
        return values[slot];
    }

    public int size() {
        return size;
    }

    /** The window this ring keeps. */
    public WindowLength window() {
        return window;
    }

    /** Slots allocated now; for tests of how a duration window grows. */
    public int capacity() {
        return capacity;
    }

    /** Forgets every sample; the arrays are kept. */
    public void reset() {
        head = 0;
        size = 0;
    }

    private void grow() {
        if (capacity >= cap) {
            throw new WindowCapacityException(owner, window, cap);
        }
        final int grown = (int) Math.min((long) capacity * 2, cap);
        final double[] newValues = new double[grown];
        final long[] newTimes = new long[grown];
        final int firstPart = Math.min(size, capacity - head);
        System.arraycopy(values, head, newValues, 0, firstPart);
        System.arraycopy(values, 0, newValues, firstPart, size - firstPart);
        System.arraycopy(times, head, newTimes, 0, firstPart);
        System.arraycopy(times, 0, newTimes, firstPart, size - firstPart);
        values = newValues;
        times = newTimes;
        capacity = grown;
        head = 0;
    }

    /**
     * Writes the samples held, oldest first, with their times in a duration window; the capacity reached and the
     * physical layout are not state (docs/DESIGN.md §13).
     */
    public void writeState(StateWriter out) {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            int slot = head + i >= capacity ? head + i - capacity : head + i;
            out.writeDouble(values[slot]);
            if (timed) {
                out.writeLong(times[slot]);
            }
        }
    }

    public void readState(StateReader in) {
        reset();
        int n = in.readInt();
        if (n < 0 || n > cap) {
            throw in.corrupt(n + " samples for " + owner + " of at most " + cap);
        }
        for (int i = 0; i < n; i++) {
            double value = in.readDouble();
            add(timed ? in.readLong() : 0L, value);
        }
    }
}
