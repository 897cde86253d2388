package io.factorgraph.backtest.synthetic;

/**
 * The synthetic market's own L2 book: resting quantity in lots at every tick of a sliding window of
 * {@code 2^k} ticks, with a Fenwick tree over it so that the best quotes, the next level behind a best
 * that emptied, and a level drawn in proportion to its quantity all cost O(log window).
 *
 * <p>Bids and asks share one array: a valid book has every bid below every ask, so the prefix sums up to
 * the best bid are the bid side and everything above is the ask side. Callers keep that invariant (the
 * model only places bids below the best ask and asks above the best bid); the ladder checks it. When the
 * quotes drift towards an edge of the window the caller {@link #recenter recentres} it, which shifts the
 * array in place and drops levels that fall out (far from the quotes, so in practice long cancelled).
 * Allocates nothing after construction.
 */
final class TickLadder {
    /** The tick of an empty side's best quote. */
    static final long NONE = Long.MIN_VALUE;

    private final int size;
    private final int topStep;
    private final long[] lots;
    private final long[] tree;
    private long base;
    private long bidLots;
    private long askLots;
    private int bidLevels;
    private int askLevels;
    private long bestBid = NONE;
    private long bestAsk = NONE;

    /** A window of {@code size} ticks (a power of two) starting at tick {@code base}. */
    TickLadder(int size, long base) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("window size must be a power of two, was " + size);
        }
        this.size = size;
        this.topStep = size;
        this.lots = new long[size];
        this.tree = new long[size + 1];
        this.base = base;
    }

    int size() {
        return size;
    }

    long base() {
        return base;
    }

    long bestBid() {
        return bestBid;
    }

    long bestAsk() {
        return bestAsk;
    }

    long bidLots() {
        return bidLots;
    }

    long askLots() {
        return askLots;
    }

    long totalLots() {
        return bidLots + askLots;
    }

    int bidLevels() {
        return bidLevels;
    }

    int askLevels() {
        return askLevels;
    }

    /** Whether {@code tick} lies in the window. */
    boolean inWindow(long tick) {
        return tick >= base && tick - base < size;
    }

    /** Lots resting at {@code tick}; 0 outside the window. */
    long lotsAt(long tick) {
        return inWindow(tick) ? lots[(int) (tick - base)] : 0;
    }

    /**
     * Adds {@code n > 0} lots at {@code tick} on one side; returns the level's new quantity.
     *
     * @throws IllegalStateException when the level would cross the other side or lies outside the window
     */
    long add(boolean bid, long tick, long n) {
        if (!inWindow(tick)) {
            throw new IllegalStateException(
                    "tick " + tick + " outside the window [" + base + ", " + (base + size) + ")");
        }
        if (bid ? bestAsk != NONE && tick >= bestAsk : bestBid != NONE && tick <= bestBid) {
            throw new IllegalStateException((bid ? "bid" : "ask") + " at tick " + tick + " would cross the book ("
                    + bestBid + " / " + bestAsk + ")");
        }
        int i = (int) (tick - base);
        long before = lots[i];
        lots[i] = before + n;
        update(i, n);
        if (bid) {
            bidLots += n;
            if (before == 0) {
                bidLevels++;
            }
            if (bestBid == NONE || tick > bestBid) {
                bestBid = tick;
            }
        } else {
            askLots += n;
            if (before == 0) {
                askLevels++;
            }
            if (bestAsk == NONE || tick < bestAsk) {
                bestAsk = tick;
            }
        }
        return lots[i];
    }

    /**
     * Removes {@code 0 < n <= lotsAt(tick)} lots from the level at {@code tick} on one side; returns the level's
     * new quantity.
     *
     * @throws IllegalStateException when the level does not hold that much or is not on that side
     */
    long remove(boolean bid, long tick, long n) {
        int i = inWindow(tick) ? (int) (tick - base) : -1;
        long before = i < 0 ? 0 : lots[i];
        if (n <= 0 || n > before) {
            throw new IllegalStateException("cannot remove " + n + " lots from " + before + " at tick " + tick);
        }
        if (bid ? bestBid == NONE || tick > bestBid : bestAsk == NONE || tick < bestAsk) {
            throw new IllegalStateException("tick " + tick + " is not on the " + (bid ? "bid" : "ask") + " side ("
                    + bestBid + " / " + bestAsk + ")");
        }
        long after = before - n;
        lots[i] = after;
        update(i, -n);
        if (bid) {
            bidLots -= n;
            if (after == 0) {
                bidLevels--;
                if (tick == bestBid) {
                    bestBid = bidLots == 0 ? NONE : base + find(bidLots - 1);
                }
            }
        } else {
            askLots -= n;
            if (after == 0) {
                askLevels--;
                if (tick == bestAsk) {
                    bestAsk = askLots == 0 ? NONE : base + find(bidLots);
                }
            }
        }
        return after;
    }

    /** Lots resting at {@code tick} on one side: 0 when the tick is empty or holds the other side. */
    long sideLotsAt(boolean bid, long tick) {
        if (bid ? bestBid == NONE || tick > bestBid : bestAsk == NONE || tick < bestAsk) {
            return 0;
        }
        return lotsAt(tick);
    }

    /** Whether {@code tick} holds a bid (it is at or below the best bid). */
    boolean isBid(long tick) {
        return bestBid != NONE && tick <= bestBid;
    }

    /**
     * The tick of the {@code k}-th lot counted from the bottom of the window, {@code 0 <= k < totalLots()}:
     * drawing {@code k} uniformly picks a level with probability proportional to its quantity.
     */
    long tickOfLot(long k) {
        return base + find(k);
    }

    /** The next non-empty tick strictly above {@code tick}, or {@link #NONE}. */
    long nextAbove(long tick) {
        if (tick + 1 - base >= size) {
            return NONE;
        }
        long below = tick < base ? 0 : prefix((int) (tick - base));
        if (below >= bidLots + askLots) {
            return NONE;
        }
        return base + find(below);
    }

    /** The next non-empty tick strictly below {@code tick}, or {@link #NONE}. */
    long nextBelow(long tick) {
        if (tick <= base) {
            return NONE;
        }
        long below = tick - base > size ? bidLots + askLots : prefix((int) (tick - base) - 1);
        if (below == 0) {
            return NONE;
        }
        return base + find(below - 1);
    }

    /**
     * Moves the window to start at {@code newBase}, keeping every level inside it; levels that fall out
     * must have been removed by the caller first (see {@link #inWindowAfter}).
     */
    void recenter(long newBase) {
        long shift = newBase - base;
        if (shift == 0) {
            return;
        }
        if (Math.abs(shift) >= size) {
            java.util.Arrays.fill(lots, 0L);
        } else if (shift > 0) {
            int s = (int) shift;
            System.arraycopy(lots, s, lots, 0, size - s);
            java.util.Arrays.fill(lots, size - s, size, 0L);
        } else {
            int s = (int) -shift;
            System.arraycopy(lots, 0, lots, s, size - s);
            java.util.Arrays.fill(lots, 0, s, 0L);
        }
        base = newBase;
        // linear-time Fenwick build
        for (int i = 1; i <= size; i++) {
            tree[i] = lots[i - 1];
        }
        for (int i = 1; i <= size; i++) {
            int parent = i + (i & -i);
            if (parent <= size) {
                tree[parent] += tree[i];
            }
        }
        long total = 0;
        for (long v : lots) {
            total += v;
        }
        if (total != bidLots + askLots) {
            throw new IllegalStateException(
                    "recentring dropped " + (bidLots + askLots - total) + " lots still on the book");
        }
    }

    /** Whether {@code tick} lies in the window that would start at {@code newBase}. */
    boolean inWindowAfter(long newBase, long tick) {
        return tick >= newBase && tick - newBase < size;
    }

    /** Sum of lots at window indices {@code [0, i]}. */
    private long prefix(int i) {
        long sum = 0;
        for (int j = i + 1; j > 0; j -= j & -j) {
            sum += tree[j];
        }
        return sum;
    }

    private void update(int i, long delta) {
        for (int j = i + 1; j <= size; j += j & -j) {
            tree[j] += delta;
        }
    }

    /** The smallest window index whose prefix sum exceeds {@code target} ({@code size} when none does). */
    private int find(long target) {
        int pos = 0;
        for (int step = topStep; step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= size && tree[next] <= target) {
                pos = next;
                target -= tree[next];
            }
        }
        return pos;
    }
}
