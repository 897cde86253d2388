package io.factorgraph.runtime.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * One side of an L2 book: price levels in two parallel primitive arrays sorted ascending by key, with
 * the best level at the end.
 *
 * <p>Keeping the best level last means that updates near the top of the book, which are most of
 * them, shift only the few elements above them. Bid keys are prices and ask keys are negated prices, so
 * both sides sort ascending with their best price last and one search serves both. Negation is exact,
 * so a price read back is the very double that was stored. Searches gallop down from the best level,
 * costing O(log d) for a level d steps from the top.
 */
final class BookSide {
    private final boolean bid;
    private double[] keys;
    private double[] qtys;
    private int size;

    BookSide(boolean bid, int initialCapacity) {
        this.bid = bid;
        int capacity = Math.max(initialCapacity, 16);
        this.keys = new double[capacity];
        this.qtys = new double[capacity];
    }

    int depth() {
        return size;
    }

    double price(int level) {
        Objects.checkIndex(level, size);
        double key = keys[size - 1 - level];
        return bid ? key : -key;
    }

    double qty(int level) {
        Objects.checkIndex(level, size);
        return qtys[size - 1 - level];
    }

    double bestPrice() {
        if (size == 0) {
            return Double.NaN;
        }
        double key = keys[size - 1];
        return bid ? key : -key;
    }

    double bestQty() {
        return size == 0 ? Double.NaN : qtys[size - 1];
    }

    /** The quantity resting at {@code price}, 0 when there is no such level. */
    double qtyAt(double price) {
        int i = find(bid ? price : -price);
        return i >= 0 ? qtys[i] : 0.0;
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
            if (qtys[i] == qty) {
                return false;
            }
            qtys[i] = qty;
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

    /**
     * Index of {@code key}, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch(double[], double)}
     * returns. Gallops down from the best (last) level to bracket the key, then bisects the bracket with
     * plain comparisons (keys are finite and never zero, so no NaN or signed-zero cases arise).
     */
    private int find(double key) {
        double[] k = keys;
        int hi = size - 1;
        if (hi < 0 || key > k[hi]) {
            return -size - 1;
        }
        // k[hi] >= key; widen the window downward until k[lo] <= key (or lo < 0).
        int step = 1;
        int lo = hi - step;
        while (lo >= 0 && k[lo] > key) {
            hi = lo;
            step <<= 1;
            lo = hi - step;
        }
        // the first index in [max(lo, 0), hi] whose key is >= key; k[hi] >= key holds
        int base = Math.max(lo, 0);
        int n = hi - base + 1;
        while (n > 1) {
            int half = n >>> 1;
            base = k[base + half - 1] < key ? base + half : base;
            n -= half;
        }
        return k[base] == key ? base : -base - 1;
    }

    private void removeAt(int i) {
        int tail = size - i - 1;
        if (tail > 0) {
            System.arraycopy(keys, i + 1, keys, i, tail);
            System.arraycopy(qtys, i + 1, qtys, i, tail);
        }
        size--;
    }

    private void insertAt(int i, double key, double qty) {
        if (size == keys.length) {
            int capacity = keys.length << 1;
            keys = Arrays.copyOf(keys, capacity);
            qtys = Arrays.copyOf(qtys, capacity);
        }
        int tail = size - i;
        if (tail > 0) {
            System.arraycopy(keys, i, keys, i + 1, tail);
            System.arraycopy(qtys, i, qtys, i + 1, tail);
        }
        keys[i] = key;
        qtys[i] = qty;
        size++;
    }
}
