package io.factorgraph.runtime.column;

import java.util.Arrays;
import java.util.Objects;

/**
 * A growable column of {@code boolean} values (flags such as a fill's side or maker flag): what a recorder, a loader or a builder appends to while it does not yet
 * know how many rows there will be, without boxing. Appending is amortised O(1) (the capacity doubles); once the
 * capacity has been reached in a run, appends allocate nothing, so a column reused with {@link #clear} stays off the
 * allocation profile of a hot loop.
 *
 * <p>One of a family ({@link IntColumn}, {@link LongColumn}, {@link DoubleColumn}, {@link BooleanColumn}) that replaces the parallel arrays
 * and the hand-written grow methods each recorder used to carry. Not thread-safe.
 */
public final class BooleanColumn {
    private static final int DEFAULT_CAPACITY = 16;

    private boolean[] values;
    private int size;

    public BooleanColumn() {
        this(DEFAULT_CAPACITY);
    }

    /** @param initialCapacity how many values fit before the first growth; {@code >= 0} */
    public BooleanColumn(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initial capacity must be >= 0, was " + initialCapacity);
        }
        values = new boolean[initialCapacity];
    }

    public void add(boolean value) {
        if (size == values.length) {
            grow(size + 1);
        }
        values[size++] = value;
    }

    public boolean get(int index) {
        return values[Objects.checkIndex(index, size)];
    }

    public void set(int index, boolean value) {
        values[Objects.checkIndex(index, size)] = value;
    }

    /** The last value appended; the column must not be empty. */
    public boolean last() {
        if (size == 0) {
            throw new IllegalStateException("the column is empty");
        }
        return values[size - 1];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Forgets the values and keeps the capacity, so that refilling up to it allocates nothing. */
    public void clear() {
        size = 0;
    }

    /** Makes room for {@code capacity} values in all, so that appending up to it allocates nothing. */
    public void ensureCapacity(int capacity) {
        if (capacity > values.length) {
            grow(capacity);
        }
    }

    /** A copy of the values, exactly {@link #size()} boolean: the column goes on independently of it. */
    public boolean[] toArray() {
        return Arrays.copyOf(values, size);
    }

    private void grow(int minCapacity) {
        if (minCapacity < 0) {
            throw new IllegalStateException("a column holds at most " + Integer.MAX_VALUE + " values");
        }
        int doubled = values.length > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE - 8 : values.length * 2;
        values = Arrays.copyOf(values, Math.max(Math.max(doubled, minCapacity), DEFAULT_CAPACITY));
    }
}
