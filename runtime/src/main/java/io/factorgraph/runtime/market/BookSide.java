package io.factorgraph.runtime.market;

import java.util.Objects;

/**
 * One side of an L2 book: price levels sorted ascending by key, the best level last, stored as a tiered
 * vector: blocks of {@value #BLOCK} levels, each a ring with its own head, every block full but the last.
 *
 * <p>Why blocks: a Binance depth diff edits levels hundreds deep (half of its inserts and deletes land
 * more than 500 levels from the top of a 5,000-level side), and in one flat sorted array each of those
 * shifts every level above it. Here an insert or delete shifts at most one block's levels and then
 * passes one level from ring to ring through the blocks above it, so it moves {@code O(B + d/B)} levels
 * instead of {@code O(d)}, while reading level {@code d} stays O(1): the block is {@code d / B} and the
 * slot is its head plus the offset, modulo {@code B}.
 *
 * <p>Bid keys are prices and ask keys are negated prices, so both sides sort ascending with their best
 * price last and one search serves both. Negation is exact, so a price read back is the very double
 * that was stored. A search gallops over the blocks from the block the previous search ended in, so
 * it costs O(log n) for a level n blocks from there, then O(log B) inside the block.
 */
final class BookSide {
    private static final int SHIFT = 6;
    static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;

    private final boolean bid;
    private double[] keys;
    private double[] qtys;
    /** Per block, the slot (0..B-1) of its first (lowest-key) level. */
    private int[] heads;
    /** Per block, its lowest key, so that finding a key's block reads one contiguous array. */
    private double[] lows;
    /** The block the last search ended in: a depth message's edits come sorted by price, so the next is near. */
    private int finger;

    private int size;

    BookSide(boolean bid, int initialCapacity) {
        this.bid = bid;
        int blocks = Math.max(1, (initialCapacity + MASK) >>> SHIFT);
        this.keys = new double[blocks << SHIFT];
        this.qtys = new double[blocks << SHIFT];
        this.heads = new int[blocks];
        this.lows = new double[blocks];
    }

    int depth() {
        return size;
    }

    double price(int level) {
        Objects.checkIndex(level, size);
        double key = keys[slot(size - 1 - level)];
        return bid ? key : -key;
    }

    double qty(int level) {
        Objects.checkIndex(level, size);
        return qtys[slot(size - 1 - level)];
    }

    double bestPrice() {
        if (size == 0) {
            return Double.NaN;
        }
        double key = keys[slot(size - 1)];
        return bid ? key : -key;
    }

    double bestQty() {
        return size == 0 ? Double.NaN : qtys[slot(size - 1)];
    }

    /**
     * How many levels, from the best outward, are priced at or better than {@code price} (bids {@code >=},
     * asks {@code <=}): the length of the prefix a band reaches. 0 for NaN.
     */
    int levelsAtOrBetter(double price) {
        if (size == 0 || Double.isNaN(price)) {
            return 0;
        }
        final double key = bid ? price : -price;
        if (keys[slot(size - 1)] < key) {
            return 0; // the best level is outside: no search (a band beyond the touch, often, for an overflow)
        }
        int i = find(key);
        return size - (i >= 0 ? i : -i - 1);
    }

    /** The array slot of the level {@code level} steps from the best one. */
    int slotOfLevel(int level) {
        return slot(size - 1 - level);
    }

    /**
     * How many levels from {@code level} outward sit in consecutive slots going down the array (from
     * {@link #slotOfLevel}), before a block or ring boundary: a reader can sum those with a plain loop.
     */
    int runOfLevel(int level) {
        int i = size - 1 - level;
        int offset = i & MASK;
        return Math.min(offset, (heads[i >>> SHIFT] + offset) & MASK) + 1;
    }

    /** The quantities by slot: read with {@link #slotOfLevel} and {@link #runOfLevel}. */
    double[] qtySlots() {
        return qtys;
    }

    /** The quantity resting at {@code price}, 0 when there is no such level. */
    double qtyAt(double price) {
        int i = find(bid ? price : -price);
        return i >= 0 ? qtys[slot(i)] : 0.0;
    }

    /** Sets the level at {@code price} to {@code qty}; {@code qty == 0} removes it. Returns whether the side changed. */
    boolean set(double price, double qty) {
        double key = bid ? price : -price;
        int i = find(key);
        if (i >= 0) {
            if (qty == 0.0) {
                removeAt(i);
                return true;
            }
            int s = slot(i);
            if (qtys[s] == qty) {
                return false;
            }
            qtys[s] = qty;
            return true;
        }
        if (qty == 0.0) {
            return false;
        }
        insertAt(-i - 1, key, qty);
        return true;
    }

    /**
     * Removes the levels from the best one outward through {@code price} inclusive (hftbacktest's clear
     * "up to" a price); NaN removes every level. Returns whether the side changed.
     */
    boolean clearThrough(double price) {
        int before = size;
        if (Double.isNaN(price)) {
            size = 0;
        } else {
            int i = find(bid ? price : -price);
            size = i >= 0 ? i : -i - 1;
        }
        return size != before;
    }

    boolean clear() {
        boolean changed = size != 0;
        size = 0;
        return changed;
    }

    /** The array slot of the level at ascending index {@code i}. */
    private int slot(int i) {
        return (i & ~MASK) | ((heads[i >>> SHIFT] + i) & MASK);
    }

    /** The array slot of the {@code k}-th level (0..B-1, wrapping) of block {@code block}. */
    private int slot(int block, int k) {
        return (block << SHIFT) | ((heads[block] + k) & MASK);
    }

    /**
     * Index of {@code key}, or {@code -(insertion point) - 1} as {@link java.util.Arrays#binarySearch(double[], double)}
     * returns. Gallops down the blocks' lowest keys from the best (last) block to bracket the key's block,
     * bisects them, then bisects that block's ring with its head read once. Both bisections are branch
     * free, since whether a probe lands above or below the key is a coin toss the CPU cannot predict.
     * Keys are finite and never zero, so no NaN or signed-zero cases arise.
     */
    private int find(double key) {
        if (size == 0) {
            return -1;
        }
        double[] low = lows;
        int top = (size - 1) >>> SHIFT;
        int block = Math.min(finger, top);
        if (low[block] <= key) {
            if (block < top && low[block + 1] <= key) {
                // gallop up from the finger: low[lo] <= key, then bisect [lo, hi)
                int lo = block + 1;
                int step = 1;
                int hi = lo + step;
                while (hi <= top && low[hi] <= key) {
                    lo = hi;
                    step <<= 1;
                    hi = lo + step;
                }
                block = lastAtOrBelow(low, key, lo, Math.min(hi, top + 1));
            }
        } else {
            int hi = block; // low[hi] > key
            int step = 1;
            int lo = hi - step;
            while (lo >= 0 && low[lo] > key) {
                hi = lo;
                step <<= 1;
                lo = hi - step;
            }
            if (lo < 0) {
                if (low[0] > key) {
                    finger = 0;
                    return -1;
                }
                lo = 0;
            }
            block = lastAtOrBelow(low, key, lo, hi);
        }
        finger = block;
        double[] k = keys;
        int start = block << SHIFT;
        int head = heads[block];
        // the first offset in the block whose key is >= key, or one past the block's last level
        int first = 0;
        int n = block == top ? size - start : BLOCK;
        while (n > 1) {
            int half = n >>> 1;
            first = k[start | ((head + first + half - 1) & MASK)] < key ? first + half : first;
            n -= half;
        }
        double at = k[start | ((head + first) & MASK)];
        if (at == key) {
            return start + first;
        }
        return -(start + (at < key ? first + 1 : first)) - 1;
    }

    /** The last block in {@code [lo, hi)} whose lowest key is {@code <= key}, given that {@code low[lo] <= key}. */
    private static int lastAtOrBelow(double[] low, double key, int lo, int hi) {
        int n = hi - lo;
        while (n > 1) {
            int half = n >>> 1;
            lo = low[lo + half] <= key ? lo + half : lo;
            n -= half;
        }
        return lo;
    }

    private void insertAt(int i, double key, double qty) {
        if (size == keys.length) {
            grow();
        }
        int block = i >>> SHIFT;
        int last = size >>> SHIFT; // the block the new top level lands in: partly filled, or empty
        if ((i & MASK) == 0) {
            lows[block] = key;
        }
        if (block == last) {
            shiftUp(block, i & MASK, size & MASK);
            put(slot(block, i & MASK), key, qty);
            size++;
            return;
        }
        // block is full: its top level moves out to make room, and each full block above passes its own
        // top level on, so the ring rotates one slot down at every block on the way to the last one.
        int top = slot(block, MASK);
        double carryKey = keys[top];
        double carryQty = qtys[top];
        shiftUp(block, i & MASK, MASK);
        put(slot(block, i & MASK), key, qty);
        for (int b = block + 1; b <= last; b++) {
            int head = (heads[b] - 1) & MASK;
            heads[b] = head;
            int s = (b << SHIFT) | head; // a full block's top level sits just below its head
            double nextKey = keys[s];
            double nextQty = qtys[s];
            put(s, carryKey, carryQty);
            lows[b] = carryKey;
            carryKey = nextKey;
            carryQty = nextQty;
        }
        size++;
    }

    private void removeAt(int i) {
        int block = i >>> SHIFT;
        int last = (size - 1) >>> SHIFT;
        if (block == last) {
            shiftDown(block, (i & MASK) + 1, size - (block << SHIFT));
            size--;
            if ((i & MASK) == 0 && size > i) {
                lows[block] = keys[slot(block, 0)];
            }
            return;
        }
        // each block above passes its lowest level down to fill the top of the block below it
        shiftDown(block, (i & MASK) + 1, BLOCK);
        if ((i & MASK) == 0) {
            lows[block] = keys[slot(block, 0)];
        }
        int hole = slot(block, MASK);
        for (int b = block + 1; b <= last; b++) {
            int s = (b << SHIFT) | heads[b];
            put(hole, keys[s], qtys[s]);
            heads[b] = (heads[b] + 1) & MASK;
            lows[b] = keys[slot(b, 0)];
            hole = s; // the lowest slot becomes the top slot of a full ring
        }
        size--;
    }

    /** Moves the levels at offsets {@code [from, to)} of a block one offset up (offset {@code to} must be free). */
    private void shiftUp(int block, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        int base = block << SHIFT;
        int a = (heads[block] + from) & MASK; // where the first level to move sits in the ring
        if (a + n < BLOCK) {
            move(base + a, base + a + 1, n);
            return;
        }
        // the destination wraps: from the top down, the wrapped part, the level crossing the end, the rest
        int wrapped = a + n - BLOCK;
        move(base, base + 1, wrapped);
        move(base + MASK, base, 1);
        move(base + a, base + a + 1, MASK - a);
    }

    /** Moves the levels at offsets {@code [from, to)} of a block one offset down, over offset {@code from - 1}. */
    private void shiftDown(int block, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        int base = block << SHIFT;
        int a = (heads[block] + from - 1) & MASK; // the slot the first level moves to
        if (a + n < BLOCK) {
            move(base + a + 1, base + a, n);
            return;
        }
        // the source wraps: from the bottom up, the part before the end, the level crossing it, the wrapped part
        int wrapped = a + n - BLOCK;
        move(base + a + 1, base + a, MASK - a);
        move(base, base + MASK, 1);
        move(base + 1, base, wrapped);
    }

    private void move(int from, int to, int n) {
        if (n > 0) {
            System.arraycopy(keys, from, keys, to, n);
            System.arraycopy(qtys, from, qtys, to, n);
        }
    }

    private void put(int s, double key, double qty) {
        keys[s] = key;
        qtys[s] = qty;
    }

    /** Doubles the capacity, laying the levels out in order with every ring's head back at slot 0. */
    private void grow() {
        int capacity = keys.length << 1;
        double[] newKeys = new double[capacity];
        double[] newQtys = new double[capacity];
        for (int i = 0; i < size; i++) {
            int s = slot(i);
            newKeys[i] = keys[s];
            newQtys[i] = qtys[s];
        }
        keys = newKeys;
        qtys = newQtys;
        heads = new int[capacity >>> SHIFT];
        lows = new double[capacity >>> SHIFT];
        for (int b = 0; b << SHIFT < size; b++) {
            lows[b] = newKeys[b << SHIFT];
        }
    }
}
