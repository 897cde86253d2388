package io.factorgraph.runtime.market;

import java.util.Objects;

/**
 * The first-round L2 book, kept as the baseline the benchmarks measure {@link OrderBook} against: both
 * sides stored as sorted tiered vectors ({@link BookSide}), so a depth edit costs a search and a shift
 * of {@code O(B + d/B)} levels and a band sum walks the band. Same contract as {@link OrderBook}.
 *
 * <p>Prices are the doubles the feed's decimal strings parse to; parsing is correctly rounded, so the
 * same string always lands on the same level and levels are matched with {@code ==}, with no tick
 * rounding to get wrong. The best levels are O(1); {@link #bidPrice(int)} and friends walk outward from
 * the best level ({@code level 0}) by index, O(1) per level and allocating nothing:
 *
 * <pre>{@code
 * for (int i = 0; i < book.bidDepth() && book.bidPrice(i) >= floor; i++) sum += book.bidQty(i);
 * }</pre>
 *
 * <p>For sums over a band, {@link #bidLevelsAtOrAbove}, {@link #askLevelsAtOrBelow} and
 * {@link #sumTopQty} give the same doubles about three times faster: they read runs of adjacent
 * slots and keep both sides' additions in flight at once.
 *
 * <p>The book is edited only by depth messages ({@link #onLevel}, {@link #clear()}, {@link #clearSide}),
 * normally through a {@link BookBuilder}; trades and best-bid/offer messages never touch it. It is
 * {@link #isReady() ready} once a full snapshot has been applied; before that its levels are partial and
 * must not be traded on. Not thread-safe: one writer, readers on the same thread.
 */
public final class TieredOrderBook implements L2Book {
    private static final int DEFAULT_CAPACITY = 1024;

    private final BookSide bids;
    private final BookSide asks;
    private boolean ready;

    /** An empty book, not ready. */
    public TieredOrderBook() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * An empty book with room for {@code levelsPerSide} levels on each side before its arrays grow;
     * size it to the feed's snapshot depth to keep warm-up allocation to one go.
     */
    public TieredOrderBook(int levelsPerSide) {
        if (levelsPerSide < 0) {
            throw new IllegalArgumentException("levelsPerSide must be >= 0, was " + levelsPerSide);
        }
        this.bids = new BookSide(true, levelsPerSide);
        this.asks = new BookSide(false, levelsPerSide);
    }

    /**
     * Sets the level at {@code price} on one side to {@code qty}; {@code qty == 0} removes the level (and
     * is a no-op when there is none). Returns whether the book changed.
     *
     * @throws IllegalArgumentException when the price is not finite and positive or the quantity not
     *     finite and non-negative: such a level would silently corrupt every statistic computed from the
     *     book, so readers reject it at the source and the book refuses it as a last line of defence
     */
    public boolean onLevel(boolean bid, double price, double qty) {
        if (!(price > 0.0) || price == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("level price must be finite and > 0, was " + price);
        }
        if (!(qty >= 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("level quantity must be finite and >= 0, was " + qty);
        }
        return bid ? bids.set(price, qty) : asks.set(price, qty);
    }

    /** Removes every level and marks the book not ready. */
    public void clear() {
        bids.clear();
        asks.clear();
        ready = false;
    }

    /**
     * Removes the levels of one side from its best level outward through {@code throughPrice}
     * inclusive (bids priced {@code >= throughPrice}, asks priced {@code <= throughPrice}); NaN removes
     * the whole side. This is hftbacktest's depth-clear "up to" a price, which a snapshot sends before
     * its levels so that levels deeper than the snapshot survive. Does not change {@link #isReady()}.
     * Returns whether the book changed.
     */
    public boolean clearSide(boolean bid, double throughPrice) {
        return bid ? bids.clearThrough(throughPrice) : asks.clearThrough(throughPrice);
    }

    /** Whether a full snapshot has been applied since the book was created or last cleared. */
    public boolean isReady() {
        return ready;
    }

    /** Marks the book (not) ready; {@link BookBuilder} calls this when a snapshot completes or a clear starts over. */
    public void setReady(boolean ready) {
        this.ready = ready;
    }

    public int bidDepth() {
        return bids.depth();
    }

    public int askDepth() {
        return asks.depth();
    }

    /** Price of the bid level {@code level} steps below the best ({@code 0} = best). */
    public double bidPrice(int level) {
        return bids.price(level);
    }

    /** Quantity of the bid level {@code level} steps below the best ({@code 0} = best). */
    public double bidQty(int level) {
        return bids.qty(level);
    }

    /** Price of the ask level {@code level} steps above the best ({@code 0} = best). */
    public double askPrice(int level) {
        return asks.price(level);
    }

    /** Quantity of the ask level {@code level} steps above the best ({@code 0} = best). */
    public double askQty(int level) {
        return asks.qty(level);
    }

    /** Best bid price; NaN when there are no bids. */
    public double bestBid() {
        return bids.bestPrice();
    }

    /** Best ask price; NaN when there are no asks. */
    public double bestAsk() {
        return asks.bestPrice();
    }

    /** Quantity at the best bid; NaN when there are no bids. */
    public double bestBidQty() {
        return bids.bestQty();
    }

    /** Quantity at the best ask; NaN when there are no asks. */
    public double bestAskQty() {
        return asks.bestQty();
    }

    /** {@code (bestBid + bestAsk) / 2}; NaN when either side is empty. */
    public double mid() {
        return (bids.bestPrice() + asks.bestPrice()) * 0.5;
    }

    /** {@code bestAsk - bestBid}; NaN when either side is empty. */
    public double spread() {
        return asks.bestPrice() - bids.bestPrice();
    }

    /** How many bid levels are priced at or above {@code price}: the bids within a band below the best. O(log depth). */
    public int bidLevelsAtOrAbove(double price) {
        return bids.levelsAtOrBetter(price);
    }

    /** How many ask levels are priced at or below {@code price}: the asks within a band above the best. O(log depth). */
    public int askLevelsAtOrBelow(double price) {
        return asks.levelsAtOrBetter(price);
    }

    /**
     * Sums the quantities of the best {@code bidLevels} bid levels into {@code sums[0]} and of the best
     * {@code askLevels} ask levels into {@code sums[1]}, each side added best level first, so each sum is
     * the very double that adding {@link #bidQty(int)} level by level gives.
     *
     * <p>Why a bulk call: a long sum is a chain of dependent additions, so it is only as fast as the
     * latency of an add unless the two sides' chains run side by side; and reading level by level pays
     * the block-and-ring address of every level, where this reads runs of consecutive slots.
     *
     * @throws IndexOutOfBoundsException when a count is negative or deeper than its side
     */
    public void sumTopQty(int bidLevels, int askLevels, double[] sums) {
        Objects.checkFromIndexSize(0, bidLevels, bids.depth());
        Objects.checkFromIndexSize(0, askLevels, asks.depth());
        final double[] bq = bids.qtySlots();
        final double[] aq = asks.qtySlots();
        double bidSum = 0;
        double askSum = 0;
        int b = 0;
        int a = 0;
        while (b < bidLevels && a < askLevels) {
            final int run =
                    Math.min(Math.min(bids.runOfLevel(b), bidLevels - b), Math.min(asks.runOfLevel(a), askLevels - a));
            final int bs = bids.slotOfLevel(b);
            final int as = asks.slotOfLevel(a);
            for (int k = 0; k < run; k++) {
                bidSum += bq[bs - k];
                askSum += aq[as - k];
            }
            b += run;
            a += run;
        }
        sums[0] = addLevels(bids, b, bidLevels, bidSum);
        sums[1] = addLevels(asks, a, askLevels, askSum);
    }

    /** {@code sum} plus the quantities of one side's levels {@code from} to {@code to - 1}, in that order. */
    private static double addLevels(BookSide side, int from, int to, double sum) {
        final double[] q = side.qtySlots();
        for (int level = from; level < to; ) {
            final int run = Math.min(side.runOfLevel(level), to - level);
            final int s = side.slotOfLevel(level);
            for (int k = 0; k < run; k++) {
                sum += q[s - k];
            }
            level += run;
        }
        return sum;
    }

    /** The bid quantity priced at or above {@code price}, added level by level from the best. */
    @Override
    public double bidQtyAtOrAbove(double price) {
        return addLevels(bids, 0, bids.levelsAtOrBetter(price), 0.0);
    }

    /** The ask quantity priced at or below {@code price}, added level by level from the best. */
    @Override
    public double askQtyAtOrBelow(double price) {
        return addLevels(asks, 0, asks.levelsAtOrBetter(price), 0.0);
    }

    /** Quantity resting at {@code price} on one side; 0 when there is no such level. O(log depth). */
    public double qtyAt(boolean bid, double price) {
        return bid ? bids.qtyAt(price) : asks.qtyAt(price);
    }

    /**
     * Whether the best bid is at or above the best ask. A correctly synchronised L2 feed never shows
     * this at a message boundary; seeing it means lost or misapplied updates.
     */
    public boolean isCrossed() {
        return bids.depth() > 0 && asks.depth() > 0 && bids.bestPrice() >= asks.bestPrice();
    }

    /** The top five levels a side, for debugging and messages (allocates). */
    @Override
    public String toString() {
        return L2Book.describe("TieredOrderBook", this);
    }
}
