package io.factorgraph.runtime.market;

import java.util.Objects;

/**
 * An L2 order book of one instrument: aggregate quantity per price level on each side, prices as
 * exact doubles, stored in arrays indexed by price tick.
 *
 * <p>Why by tick: a depth message edits dozens of levels, many of them hundreds deep, and a sorted
 * structure pays a search and a shift for each. Here each side is a ladder of {@value #DEFAULT_WINDOW}
 * ticks (by default) around the touch, so an edit is an array store and the best level an index (as in
 * hftbacktest's {@code ROIVectorMarketDepth}). Unlike that vector, nothing is dropped: a price off the
 * tick grid, beyond the window (the recorded snapshot has asks ten times the touch), or seen before the
 * grid is known lives in a sorted overflow side, and every read merges the two by price. A price is
 * the very double that was set: the grid maps it to a tick only when the mapping is exact both ways
 * (see {@link PriceGrid}).
 *
 * <p>The tick is given, or learnt when the first snapshot completes ({@link #setReady}) or after
 * {@value #LEARN_AT} levels: the most decimals any price needs and the greatest common divisor of the
 * prices in those units. Until then, and for prices the grid does not cover, the book costs what the
 * first-round {@link TieredOrderBook} costs.
 *
 * <p>Reads: the best levels are O(1); {@link #bidPrice(int)} and friends walk outward from the best
 * level ({@code level 0}) through a cursor, O(1) for the next level after the previous one, allocating
 * nothing:
 *
 * <pre>{@code
 * for (int i = 0; i < book.bidDepth() && book.bidPrice(i) >= floor; i++) sum += book.bidQty(i);
 * }</pre>
 *
 * <p>Band sums: {@link #bidQtyAtOrAbove} and {@link #askQtyAtOrBelow} are kept as the book changes, in
 * exact integer lots ({@link LotScale}), so a band query costs O(1) amortised over the moves of its limit
 * whatever the band's width (within the window), and its value is the exact decimal sum of the band's
 * quantities, correctly rounded once. That can differ from adding the levels' doubles best level first
 * (which rounds at every addition) by that sum's own rounding error, at most half an ulp of the running
 * sum per level. A quantity with more than {@value LotScale#MAX_DECIMALS} decimals or too large to count
 * in lots turns exact sums off until {@link #clear()}; the band queries then add level by level.
 *
 * <p>Memory: per side {@code window * 8} bytes of quantities and {@code window / 8} bytes of occupancy
 * bits (about 130 KB per side at the default window), fixed, plus 16 bytes per overflow level.
 *
 * <p>The book is edited only by depth messages ({@link #onLevel}, {@link #clear()}, {@link #clearSide}),
 * normally through a {@link BookBuilder}; trades and best-bid/offer messages never touch it. It is
 * {@link #isReady() ready} once a full snapshot has been applied; before that its levels are partial and
 * must not be traded on. Not thread-safe: one writer, readers on the same thread (reads move a cursor).
 */
public final class OrderBook implements L2Book {
    /** Ticks per side in the ladder by default: 16,384, enough for a 0.1% band of BTCUSDT at a 0.01 tick. */
    public static final int DEFAULT_WINDOW = 1 << 14;
    /** Levels after which the grid is learnt even without a completed snapshot. */
    static final int LEARN_AT = 1024;

    private static final int DEFAULT_CAPACITY = 1024;

    private final PriceGrid grid = new PriceGrid();
    private final LotScale lotScale = new LotScale();
    private final TickBookSide bids;
    private final TickBookSide asks;
    private boolean ready;
    private boolean learnTried;

    /** An empty book, not ready, that learns its tick from the data. */
    public OrderBook() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * An empty book that learns its tick from the data, with room for {@code levelsPerSide} overflow
     * levels on each side before those arrays grow.
     */
    public OrderBook(int levelsPerSide) {
        this(levelsPerSide, Double.NaN, DEFAULT_WINDOW);
    }

    /**
     * An empty book with a given tick ({@code NaN}: learn it from the data) and a ladder of
     * {@code windowTicks} ticks per side (a power of two, at least 64).
     *
     * @throws IllegalArgumentException when a size is out of range or the tick is not a positive decimal
     *     with at most {@value PriceGrid#MAX_DECIMALS} places
     */
    public OrderBook(int levelsPerSide, double tickSize, int windowTicks) {
        if (levelsPerSide < 0) {
            throw new IllegalArgumentException("levelsPerSide must be >= 0, was " + levelsPerSide);
        }
        if (!Double.isNaN(tickSize)) {
            grid.set(tickSize);
        }
        this.bids = new TickBookSide(true, windowTicks, levelsPerSide, grid, lotScale);
        this.asks = new TickBookSide(false, windowTicks, levelsPerSide, grid, lotScale);
    }

    /**
     * Sets the level at {@code price} on one side to {@code qty}; {@code qty == 0} removes the level (and
     * is a no-op when there is none). Returns whether the book changed.
     *
     * @throws IllegalArgumentException when the price is not finite and positive or the quantity not
     *     finite and non-negative: such a level would silently corrupt every statistic computed from the
     *     book, so readers reject it at the source and the book refuses it as a last line of defence
     */
    @Override
    public boolean onLevel(boolean bid, double price, double qty) {
        if (!(price > 0.0) || price == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("level price must be finite and > 0, was " + price);
        }
        if (!(qty >= 0.0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("level quantity must be finite and >= 0, was " + qty);
        }
        if (lotScale.isExact()) {
            long factor = lotScale.admit(qty);
            if (factor > 1 && !(bids.rescale(factor) & asks.rescale(factor))) {
                lotScale.disable();
            }
        }
        boolean changed = bid ? bids.set(price, qty) : asks.set(price, qty);
        if (!learnTried && !grid.isKnown() && bids.depth() + asks.depth() >= LEARN_AT) {
            learnGrid();
        }
        return changed;
    }

    /** Removes every level and marks the book not ready; a learnt tick is kept (same instrument). */
    @Override
    public void clear() {
        bids.clear();
        asks.clear();
        lotScale.reset();
        ready = false;
    }

    /**
     * Removes the levels of one side from its best level outward through {@code throughPrice}
     * inclusive (bids priced {@code >= throughPrice}, asks priced {@code <= throughPrice}); NaN removes
     * the whole side. This is hftbacktest's depth-clear "up to" a price, which a snapshot sends before
     * its levels so that levels deeper than the snapshot survive. Does not change {@link #isReady()}.
     * Returns whether the book changed.
     */
    @Override
    public boolean clearSide(boolean bid, double throughPrice) {
        return bid ? bids.clearThrough(throughPrice) : asks.clearThrough(throughPrice);
    }

    /** Whether a full snapshot has been applied since the book was created or last cleared. */
    @Override
    public boolean isReady() {
        return ready;
    }

    /**
     * Marks the book (not) ready; {@link BookBuilder} calls this when a snapshot completes or a clear
     * starts over. The first time the book becomes ready without a known tick, it learns it.
     */
    @Override
    public void setReady(boolean ready) {
        this.ready = ready;
        if (ready && !grid.isKnown()) {
            learnGrid();
        }
    }

    /** The tick size in use; NaN until it is given or learnt. */
    public double tickSize() {
        return grid.tickSize();
    }

    /** Whether band sums are exact ({@link #bidQtyAtOrAbove}); false after a quantity lots cannot count. */
    public boolean exactBandSums() {
        return lotScale.isExact();
    }

    @Override
    public int bidDepth() {
        return bids.depth();
    }

    @Override
    public int askDepth() {
        return asks.depth();
    }

    /** Price of the bid level {@code level} steps below the best ({@code 0} = best). */
    @Override
    public double bidPrice(int level) {
        return bids.price(level);
    }

    /** Quantity of the bid level {@code level} steps below the best ({@code 0} = best). */
    @Override
    public double bidQty(int level) {
        return bids.qty(level);
    }

    /** Price of the ask level {@code level} steps above the best ({@code 0} = best). */
    @Override
    public double askPrice(int level) {
        return asks.price(level);
    }

    /** Quantity of the ask level {@code level} steps above the best ({@code 0} = best). */
    @Override
    public double askQty(int level) {
        return asks.qty(level);
    }

    /** Best bid price; NaN when there are no bids. */
    @Override
    public double bestBid() {
        return bids.bestPrice();
    }

    /** Best ask price; NaN when there are no asks. */
    @Override
    public double bestAsk() {
        return asks.bestPrice();
    }

    /** Quantity at the best bid; NaN when there are no bids. */
    @Override
    public double bestBidQty() {
        return bids.bestQty();
    }

    /** Quantity at the best ask; NaN when there are no asks. */
    @Override
    public double bestAskQty() {
        return asks.bestQty();
    }

    /** {@code (bestBid + bestAsk) / 2}; NaN when either side is empty. */
    @Override
    public double mid() {
        return (bids.bestPrice() + asks.bestPrice()) * 0.5;
    }

    /** {@code bestAsk - bestBid}; NaN when either side is empty. */
    public double spread() {
        return asks.bestPrice() - bids.bestPrice();
    }

    /** How many bid levels are priced at or above {@code price}: the bids within a band below the best. */
    @Override
    public int bidLevelsAtOrAbove(double price) {
        return bids.levelsAtOrBetter(price);
    }

    /** How many ask levels are priced at or below {@code price}: the asks within a band above the best. */
    @Override
    public int askLevelsAtOrBelow(double price) {
        return asks.levelsAtOrBetter(price);
    }

    /**
     * The bid quantity priced at or above {@code price} (a double comparison): with exact sums on, the
     * band's exact decimal sum correctly rounded, O(1) amortised; otherwise added level by level from the
     * best. 0 for NaN or an empty band.
     */
    @Override
    public double bidQtyAtOrAbove(double price) {
        return bandQty(bids, price);
    }

    /** The ask quantity priced at or below {@code price}; as {@link #bidQtyAtOrAbove}. */
    @Override
    public double askQtyAtOrBelow(double price) {
        return bandQty(asks, price);
    }

    /**
     * {@code bidQtyAtOrAbove(bidFloor) - askQtyAtOrBelow(askCeiling)}, OBI's numerator: with exact sums on,
     * the exact difference rounded once (so it is the double nearest the true imbalance, where subtracting
     * the two rounded sides could be an ulp off); otherwise the difference of the level-by-level sums.
     */
    public double bandImbalance(double bidFloor, double askCeiling) {
        return combinedBands(bidFloor, askCeiling, -1);
    }

    /** {@code bidQtyAtOrAbove(bidFloor) + askQtyAtOrBelow(askCeiling)}, rounded once; as {@link #bandImbalance}. */
    public double bandTotal(double bidFloor, double askCeiling) {
        return combinedBands(bidFloor, askCeiling, 1);
    }

    private double combinedBands(double bidFloor, double askCeiling, int askSign) {
        if (lotScale.isExact()) {
            long b = bids.bandLots(bidFloor);
            long a = asks.bandLots(askCeiling);
            if (LotScale.convertsExactly(b) && LotScale.convertsExactly(a)) {
                return lotScale.qty(b + askSign * a);
            }
        }
        double b = bids.bandQtyWalked(bidFloor);
        double a = asks.bandQtyWalked(askCeiling);
        return askSign < 0 ? b - a : b + a;
    }

    private double bandQty(TickBookSide side, double price) {
        if (lotScale.isExact()) {
            long lots = side.bandLots(price);
            if (LotScale.convertsExactly(lots)) {
                return lotScale.qty(lots);
            }
        }
        return side.bandQtyWalked(price);
    }

    /**
     * Sums the quantities of the best {@code bidLevels} bid levels into {@code sums[0]} and of the best
     * {@code askLevels} ask levels into {@code sums[1]}, each side added best level first, so each sum is
     * the very double that adding {@link #bidQty(int)} level by level gives.
     *
     * @throws IndexOutOfBoundsException when a count is negative or deeper than its side
     */
    @Override
    public void sumTopQty(int bidLevels, int askLevels, double[] sums) {
        Objects.checkFromIndexSize(0, bidLevels, bids.depth());
        Objects.checkFromIndexSize(0, askLevels, asks.depth());
        double bidSum = 0;
        for (int i = 0; i < bidLevels; i++) {
            bidSum += bids.qty(i);
        }
        double askSum = 0;
        for (int i = 0; i < askLevels; i++) {
            askSum += asks.qty(i);
        }
        sums[0] = bidSum;
        sums[1] = askSum;
    }

    /** Quantity resting at {@code price} on one side; 0 when there is no such level. */
    @Override
    public double qtyAt(boolean bid, double price) {
        return bid ? bids.qtyAt(price) : asks.qtyAt(price);
    }

    /**
     * Whether the best bid is at or above the best ask. A correctly synchronised L2 feed never shows
     * this at a message boundary; seeing it means lost or misapplied updates.
     */
    @Override
    public boolean isCrossed() {
        return bids.depth() > 0 && asks.depth() > 0 && bids.bestPrice() >= asks.bestPrice();
    }

    /** Levels held in the tick ladders (the rest are in the overflow): for tests of where levels go. */
    int ladderLevels() {
        return bids.ladderLevels() + asks.ladderLevels();
    }

    /** Whether an edit at {@code price} lands in the tick ladder (not the overflow): for tests. */
    boolean inLadder(boolean bid, double price) {
        return bid ? bids.inLadder(price) : asks.inLadder(price);
    }

    /** Learns the grid from the levels held so far (all in the overflow) and moves them onto the ladder. */
    private void learnGrid() {
        learnTried = true;
        BookSide b = bids.overflow();
        BookSide a = asks.overflow();
        double[] prices = new double[b.depth() + a.depth()];
        int n = 0;
        for (int i = 0; i < b.depth(); i++) {
            prices[n++] = b.price(i);
        }
        for (int i = 0; i < a.depth(); i++) {
            prices[n++] = a.price(i);
        }
        if (grid.learn(prices, n)) {
            bids.onGridKnown();
            asks.onGridKnown();
        }
    }

    /** The top five levels a side, for debugging and messages (allocates). */
    @Override
    public String toString() {
        return L2Book.describe("OrderBook", this);
    }

    /**
     * Writes the book's state (docs/DESIGN.md §13): the tick in use (NaN while unknown), whether learning was tried,
     * ready, whether band sums are exact, and every level of both sides, best first. Where the ladder sits and
     * which levels overflow are not state: every read gives the same values whichever way a level is held.
     */
    public void writeState(io.factorgraph.runtime.state.StateWriter out) {
        out.writeDouble(grid.isKnown() ? grid.tickSize() : Double.NaN);
        out.writeBoolean(learnTried);
        out.writeBoolean(ready);
        out.writeBoolean(lotScale.isExact());
        writeSide(out, bids);
        writeSide(out, asks);
    }

    private static void writeSide(io.factorgraph.runtime.state.StateWriter out, TickBookSide side) {
        int depth = side.depth();
        out.writeInt(depth);
        for (int i = 0; i < depth; i++) {
            out.writeDouble(side.price(i));
            out.writeDouble(side.qty(i));
        }
    }

    /**
     * Replaces this book's state with what {@link #writeState} wrote: clears it, sets the tick, re-applies every
     * level, then the flags.
     *
     * @throws io.factorgraph.runtime.state.SnapshotException when the bytes do not read back or this book already
     *     uses another tick
     */
    public void readState(io.factorgraph.runtime.state.StateReader in) {
        double tick = in.readDouble();
        boolean tried = in.readBoolean();
        boolean wasReady = in.readBoolean();
        boolean exact = in.readBoolean();
        clear();
        learnTried = tried;
        if (!Double.isNaN(tick)) {
            if (!grid.isKnown()) {
                try {
                    grid.set(tick);
                } catch (IllegalArgumentException e) {
                    throw in.corrupt("tick size " + tick);
                }
                bids.onGridKnown();
                asks.onGridKnown();
            } else if (Double.doubleToLongBits(grid.tickSize()) != Double.doubleToLongBits(tick)) {
                throw in.corrupt("tick size " + tick + " for a book with tick " + grid.tickSize());
            }
        }
        for (int s = 0; s < 2; s++) {
            int depth = in.readLength(16);
            for (int i = 0; i < depth; i++) {
                double price = in.readDouble();
                double qty = in.readDouble();
                if (!(price > 0.0)
                        || price == Double.POSITIVE_INFINITY
                        || !(qty > 0.0)
                        || qty == Double.POSITIVE_INFINITY) {
                    throw in.corrupt("level " + price + " x " + qty);
                }
                onLevel(s == 0, price, qty);
            }
        }
        if (!exact && lotScale.isExact()) {
            lotScale.disable();
        }
        ready = wasReady;
    }
}
