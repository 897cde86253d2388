package io.factorgraph.runtime.market;

/**
 * Market events waiting their turn, first in first out: a reader that must look ahead (the exchange
 * simulator's feed) or a receiver that gets events faster than they are handed out (the live engine)
 * parks them here. {@link MarketEventColumns} in a ring that doubles when full, so steady state allocates
 * nothing. Not thread-safe.
 */
public final class MarketEventRing {
    private MarketEventColumns events;
    /** {@code events.capacity() - 1}: the capacity is a power of two. */
    private int mask;

    private int head;
    private int size;

    /** @param capacity the starting capacity, rounded up to a power of two */
    public MarketEventRing(int capacity) {
        int c = Integer.highestOneBit(Math.max(capacity, 2) - 1) << 1;
        events = new MarketEventColumns(c);
        mask = c - 1;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Copies {@code e} in at the back. */
    public void add(MarketEvent e) {
        if (size == mask + 1) {
            grow();
        }
        events.store((head + size) & mask, e);
        size++;
    }

    /** The local time of the event at the front; the ring must not be empty. */
    public long peekLocalTs() {
        return events.localTs(head);
    }

    /** Moves the event at the front into {@code into}; the ring must not be empty. */
    public void poll(MarketEvent into) {
        events.load(head, into);
        head = (head + 1) & mask;
        size--;
    }

    private void grow() {
        MarketEventColumns old = events;
        int c = mask + 1;
        events = new MarketEventColumns(c * 2);
        for (int k = 0; k < size; k++) {
            old.copy((head + k) & mask, events, k);
        }
        mask = c * 2 - 1;
        head = 0;
    }
}
