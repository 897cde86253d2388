package io.factorgraph.nodes.window;

import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.util.Objects;

/**
 * The last {@code capacity} values of a stream, kept in one preallocated array so that a window
 * slides in O(1) with no allocation.
 *
 * <p>{@link #push} hands back the value that fell out of the window because every rolling
 * statistic needs exactly that value to take it out of its running state; the caller learns
 * whether anything fell out from {@link #isFull()} <em>before</em> pushing, which keeps NaN free
 * to be an ordinary stored value rather than a "nothing evicted" marker.
 *
 * <p>Indices are counted from either end ({@link #fromOldest}, {@link #fromNewest}) because
 * window code asks both questions ("what leaves next", "what just arrived") and translating
 * between them at every call site is where off-by-one errors live.
 */
public final class DoubleRingBuffer {
    private final double[] values;
    private final int capacity;
    /** Slot the next push writes to; once full, also the slot of the oldest value. */
    private int next;

    private int size;

    public DoubleRingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring buffer capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.values = new double[capacity];
    }

    /**
     * Appends {@code value}; when the buffer was already full, the oldest value is overwritten
     * and returned. When it was not full the return value is meaningless (NaN): check
     * {@link #isFull()} first.
     */
    public double push(double value) {
        final int slot = next;
        final double evicted;
        if (size == capacity) {
            evicted = values[slot];
        } else {
            evicted = Double.NaN;
            size++;
        }
        values[slot] = value;
        next = slot + 1 == capacity ? 0 : slot + 1;
        return evicted;
    }

    /** The {@code index}-th value counting from the oldest (0 = oldest). */
    public double fromOldest(int index) {
        Objects.checkIndex(index, size);
        int slot = next - size + index;
        if (slot < 0) {
            slot += capacity;
        }
        return values[slot];
    }

    /** The {@code index}-th value counting from the newest (0 = the value pushed last). */
    public double fromNewest(int index) {
        Objects.checkIndex(index, size);
        int slot = next - 1 - index;
        if (slot < 0) {
            slot += capacity;
        }
        return values[slot];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isFull() {
        return size == capacity;
    }

    /** Forgets every value; the array is kept, so a reset costs nothing to the allocator. */
    public void reset() {
        next = 0;
        size = 0;
    }

    /** Writes the values held, oldest first; the physical layout is not part of the state (docs/DESIGN.md §13). */
    public void writeState(StateWriter out) {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(fromOldest(i));
        }
    }

    public void readState(StateReader in) {
        reset();
        int n = in.readInt();
        if (n < 0 || n > capacity) {
            throw in.corrupt(n + " values for a ring of " + capacity);
        }
        for (int i = 0; i < n; i++) {
            push(in.readDouble());
        }
    }
}
