package io.factorgraph.runtime.market;

import java.util.Arrays;
import java.util.Objects;

/**
 * One side of an {@link OrderBook}: a ladder of quantities indexed by price tick over a window of
 * {@code window} ticks around the touch (hftbacktest's range-of-interest vector), plus an overflow
 * {@link BookSide} for every level the ladder cannot hold: off the {@link PriceGrid}, outside the window,
 * or arriving before the grid is known.
 *
 * <p>Invariant: every level whose price is on the grid and inside the window is in the ladder, every
 * other level is in the overflow, so each price lives in exactly one place and a level's price is the
 * exact double the feed gave (the grid's mapping is exact both ways). Reads merge the two by price.
 *
 * <p>Costs: an edit inside the window is O(1) (an array store, a bit, and for a removed best level a
 * scan of the occupancy bitmap to the next level, 64 ticks per word); an edit in the overflow costs
 * what {@link BookSide} costs. When a new best level arrives above the window (bids; below it for
 * asks), or the best drifts to the far quarter of the window, the window is placed again around it:
 * O(window) once, amortised over a touch move of at least 5/8 of the window. Levels leaving the window
 * go to the overflow, overflow levels entering it come back.
 *
 * <p>A running band sum in exact lots ({@link LotScale}) covers the ladder slots on the best side of an
 * edge; a band query moves the edge to the band's limit, adding or removing the levels it crosses, so it
 * costs O(1) amortised over mid moves plus the overflow levels inside the band (none when the band fits
 * the window and the prices are on the grid).
 *
 * <p>Memory: {@code window * 8} bytes of quantities plus {@code window / 8} bytes of bitmap, fixed, plus
 * the overflow's 16 bytes per level it holds.
 */
final class TickBookSide {
    private final boolean bid;
    private final int window;
    private final int margin;
    private final PriceGrid grid;
    private final LotScale lotScale;
    private final double[] qty;
    private final long[] bits;
    private final BookSide overflow;

    /** Tick of slot 0. */
    private long lo;
    /** Levels in the ladder. */
    private int count;
    /** The best ladder slot (bids highest, asks lowest); -1 when the ladder is empty. */
    private int best = -1;

    private double bestLadderPrice = Double.NaN;

    /** Bids: slots {@code >= bandEdge} are summed; asks: slots {@code < bandEdge}. */
    private int bandEdge;

    private long bandLots;

    /** The prices of the window's first and last slots, kept as {@link #lo} moves (each is a division). */
    private double loPrice;

    private double hiPrice;

    /**
     * The last limit {@link #edgeOf} was asked for, and its answer: the next tick asks again while the mid has not
     * moved. NaN (never equal) when the window or the grid has moved since.
     */
    private double edgeLimit = Double.NaN;

    private int edgeOfLimit;

    /** The level the read cursor is at, -1 when it must start over (after any edit). */
    private int cursorLevel = -1;

    private double cursorPrice;
    private double cursorQty;
    /** The next ladder slot the cursor would read (-1: none), its price, and the next overflow level. */
    private int cursorSlot;

    private double cursorSlotPrice;
    private int cursorOverflow;

    TickBookSide(boolean bid, int window, int overflowCapacity, PriceGrid grid, LotScale lotScale) {
        if (window < 64 || Integer.bitCount(window) != 1) {
            throw new IllegalArgumentException("window must be a power of two >= 64 ticks, was " + window);
        }
        this.bid = bid;
        this.window = window;
        this.margin = window / 8;
        this.grid = grid;
        this.lotScale = lotScale;
        this.qty = new double[window];
        this.bits = new long[window >>> 6];
        this.overflow = new BookSide(bid, overflowCapacity);
        this.bandEdge = bid ? window : 0;
        onWindowMoved();
    }

    int depth() {
        return count + overflow.depth();
    }

    int ladderLevels() {
        return count;
    }

    double bestPrice() {
        if (count == 0) {
            return overflow.bestPrice();
        }
        if (overflow.depth() == 0) {
            return bestLadderPrice;
        }
        double o = overflow.bestPrice();
        return better(o, bestLadderPrice) ? o : bestLadderPrice;
    }

    double bestQty() {
        if (count == 0) {
            return overflow.bestQty();
        }
        if (overflow.depth() == 0 || !better(overflow.bestPrice(), bestLadderPrice)) {
            return qty[best];
        }
        return overflow.bestQty();
    }

    double price(int level) {
        seek(level);
        return cursorPrice;
    }

    double qty(int level) {
        seek(level);
        return cursorQty;
    }

    /** Whether a level at {@code price} belongs in the ladder (on the grid and inside the window). */
    boolean inLadder(double price) {
        long tick = grid.tickOf(price);
        return tick != PriceGrid.OFF_GRID && tick - lo >= 0 && tick - lo < window;
    }

    double qtyAt(double price) {
        long tick = grid.tickOf(price);
        if (tick != PriceGrid.OFF_GRID) {
            long s = tick - lo;
            if (s >= 0 && s < window) {
                return qty[(int) s];
            }
        }
        return overflow.qtyAt(price);
    }

    /** Sets the level at {@code price} to {@code q} ({@code 0} removes it); returns whether the side changed. */
    boolean set(double price, double q) {
        long tick = grid.tickOf(price);
        if (tick == PriceGrid.OFF_GRID) {
            return overflowSet(price, q);
        }
        long s = tick - lo;
        if (s >= 0 && s < window) {
            return ladderSet((int) s, q);
        }
        if (q == 0.0) {
            return overflowSet(price, 0.0);
        }
        if (count == 0 || (bid ? s >= window : s < 0)) {
            place(tick, false);
            return ladderSet((int) (tick - lo), q);
        }
        return overflowSet(price, q);
    }

    /**
     * Removes the levels from the best outward through {@code price} inclusive; NaN removes them all.
     * Returns whether the side changed.
     */
    boolean clearThrough(double price) {
        cursorLevel = -1;
        if (Double.isNaN(price)) {
            return clear();
        }
        boolean changed = overflow.clearThrough(price);
        if (count == 0) {
            return changed;
        }
        int edge = edgeOf(price);
        int from = bid ? edge : 0;
        int to = bid ? window : edge;
        if (from >= to) {
            return changed;
        }
        long removed = removeRange(from, to);
        if (removed == 0) {
            return changed;
        }
        best = bid ? highestSetBelow(from) : lowestSetAtOrAbove(to);
        onBestMoved();
        return true;
    }

    boolean clear() {
        cursorLevel = -1;
        boolean changed = overflow.clear();
        if (count > 0) {
            removeRange(0, window);
            changed = true;
        }
        best = -1;
        bestLadderPrice = Double.NaN;
        bandLots = 0;
        return changed;
    }

    /** How many levels are priced at or better than {@code price} (bids {@code >=}, asks {@code <=}). */
    int levelsAtOrBetter(double price) {
        if (Double.isNaN(price)) {
            return 0;
        }
        int n = overflow.levelsAtOrBetter(price);
        if (count > 0) {
            int edge = edgeOf(price);
            n += bid ? countRange(edge, window) : countRange(0, edge);
        }
        return n;
    }

    /**
     * The lots resting at prices at or better than {@code limit}, exact; {@link Long#MIN_VALUE} when exact
     * sums are off ({@link LotScale#isExact()}). O(1) amortised over the limit's moves, plus the overflow
     * levels inside the band.
     */
    long bandLots(double limit) {
        if (!lotScale.isExact() || Double.isNaN(limit)) {
            return lotScale.isExact() ? 0 : Long.MIN_VALUE;
        }
        long sum = 0;
        if (count > 0) {
            moveBandEdge(edgeOf(limit));
            sum = bandLots;
        }
        int n = overflow.levelsAtOrBetter(limit);
        for (int i = 0; i < n; i++) {
            sum += lotScale.lots(overflow.qty(i));
        }
        return sum;
    }

    /** The quantity at prices at or better than {@code limit}, added level by level from the best. */
    double bandQtyWalked(double limit) {
        double sum = 0;
        for (int i = 0, n = depth(); i < n; i++) {
            seek(i);
            if (!(bid ? cursorPrice >= limit : cursorPrice <= limit)) {
                break;
            }
            sum += cursorQty;
        }
        return sum;
    }

    /** Multiplies the running band sum by {@code factor} (the lot scale grew); false on overflow. */
    boolean rescale(long factor) {
        long product = bandLots * factor;
        if (Math.multiplyHigh(bandLots, factor) != product >> 63) {
            return false;
        }
        bandLots = product;
        return true;
    }

    /**
     * Now that the grid is known, moves the overflow's on-grid levels into a window around the best of
     * them.
     */
    void onGridKnown() {
        onWindowMoved();
        for (int i = 0, n = overflow.depth(); i < n; i++) {
            long tick = grid.tickOf(overflow.price(i));
            if (tick != PriceGrid.OFF_GRID) {
                place(tick, true);
                return;
            }
        }
    }

    /** The overflow's levels, for learning the grid. */
    BookSide overflow() {
        return overflow;
    }

    private boolean overflowSet(double price, double q) {
        boolean changed = overflow.set(price, q);
        if (changed) {
            cursorLevel = -1;
        }
        return changed;
    }

    private boolean ladderSet(int s, double q) {
        final double old = qty[s];
        if (old == q) {
            return false;
        }
        cursorLevel = -1;
        if (bid ? s >= bandEdge : s < bandEdge) {
            bandLots += lotScale.lots(q) - lotScale.lots(old);
        }
        qty[s] = q;
        if (old == 0.0) {
            bits[s >>> 6] |= 1L << s;
            count++;
            if (best < 0 || (bid ? s > best : s < best)) {
                best = s;
                bestLadderPrice = grid.price(lo + s);
            }
        } else if (q == 0.0) {
            bits[s >>> 6] &= ~(1L << s);
            count--;
            if (s == best) {
                best = bid ? highestSetBelow(s) : lowestSetAtOrAbove(s + 1);
                onBestMoved();
            }
        }
        return true;
    }

    /** After the best ladder level moved away from the touch: re-places the window when it drifted too far. */
    private void onBestMoved() {
        if (best < 0) {
            bestLadderPrice = Double.NaN;
            return;
        }
        if (bid ? best < window / 4 : best >= window - window / 4) {
            place(lo + best, false);
        } else {
            bestLadderPrice = grid.price(lo + best);
        }
    }

    /**
     * Places the window so that {@code tick} sits {@code margin} ticks inside its touch end: levels
     * leaving the window go to the overflow, overflow levels on the grid inside the new window come in.
     * {@code always}: even when the window stays where it is (the grid just became known, so overflow
     * levels inside it may now belong in the ladder).
     */
    private void place(long tick, boolean always) {
        final long newLo = bid ? tick - (window - 1 - margin) : tick - margin;
        final long shift = newLo - lo;
        if (shift == 0 && !always) {
            return;
        }
        cursorLevel = -1;
        // levels leaving the window
        int keepFrom = (int) Math.max(0, Math.min(window, shift));
        int keepTo = (int) Math.max(0, Math.min(window, window + shift));
        if (count > 0) {
            evict(0, keepFrom);
            evict(keepTo, window);
        }
        if (keepFrom < keepTo) {
            System.arraycopy(qty, keepFrom, qty, keepFrom - (int) shift, keepTo - keepFrom);
            int to = keepFrom - (int) shift;
            Arrays.fill(qty, 0, to, 0.0);
            Arrays.fill(qty, to + keepTo - keepFrom, window, 0.0);
        } else {
            Arrays.fill(qty, 0.0);
        }
        lo = newLo;
        onWindowMoved();
        // overflow levels on the grid that fall inside the new window
        final double pLo = loPrice;
        final double pHi = hiPrice;
        int first = overflow.levelsAtOrBetter(bid ? Math.nextUp(pHi) : Math.nextDown(pLo));
        int end = overflow.levelsAtOrBetter(bid ? pLo : pHi);
        for (int i = end - 1; i >= first; i--) {
            double p = overflow.price(i);
            long t = grid.tickOf(p);
            if (t != PriceGrid.OFF_GRID) {
                qty[(int) (t - lo)] = overflow.qty(i);
                overflow.set(p, 0.0);
            }
        }
        // the bitmap, count and best from the quantities
        Arrays.fill(bits, 0L);
        count = 0;
        for (int s = 0; s < window; s++) {
            if (qty[s] != 0.0) {
                bits[s >>> 6] |= 1L << s;
                count++;
            }
        }
        best = bid ? highestSetBelow(window) : lowestSetAtOrAbove(0);
        bestLadderPrice = best < 0 ? Double.NaN : grid.price(lo + best);
        bandEdge = bid ? window : 0;
        bandLots = 0;
    }

    /** Moves the ladder levels in slots {@code [from, to)} to the overflow. */
    private void evict(int from, int to) {
        for (int w = from >>> 6; from < to && w <= (to - 1) >>> 6; w++) {
            long word = bits[w] & rangeMask(w, from, to);
            while (word != 0) {
                int s = (w << 6) + Long.numberOfTrailingZeros(word);
                overflow.set(grid.price(lo + s), qty[s]);
                word &= word - 1;
            }
        }
    }

    /** Empties slots {@code [from, to)}, keeping the band sum; returns how many levels it removed. */
    private long removeRange(int from, int to) {
        long removed = 0;
        for (int w = from >>> 6; from < to && w <= (to - 1) >>> 6; w++) {
            long word = bits[w] & rangeMask(w, from, to);
            bits[w] &= ~word;
            while (word != 0) {
                int s = (w << 6) + Long.numberOfTrailingZeros(word);
                if (bid ? s >= bandEdge : s < bandEdge) {
                    bandLots -= lotScale.lots(qty[s]);
                }
                qty[s] = 0.0;
                removed++;
                word &= word - 1;
            }
        }
        count -= (int) removed;
        return removed;
    }

    private void moveBandEdge(int edge) {
        int e = bandEdge;
        if (edge == e) {
            return;
        }
        long delta = edge < e ? lotsIn(edge, e) : -lotsIn(e, edge);
        bandLots += bid ? delta : -delta;
        bandEdge = edge;
    }

    private long lotsIn(int from, int to) {
        long sum = 0;
        for (int w = from >>> 6; w <= (to - 1) >>> 6; w++) {
            long word = bits[w] & rangeMask(w, from, to);
            while (word != 0) {
                sum += lotScale.lots(qty[(w << 6) + Long.numberOfTrailingZeros(word)]);
                word &= word - 1;
            }
        }
        return sum;
    }

    private int countRange(int from, int to) {
        int n = 0;
        for (int w = from >>> 6; from < to && w <= (to - 1) >>> 6; w++) {
            n += Long.bitCount(bits[w] & rangeMask(w, from, to));
        }
        return n;
    }

    /** The bits of word {@code w} that fall in slots {@code [from, to)}. */
    private static long rangeMask(int w, int from, int to) {
        long mask = -1L;
        if (w == from >>> 6) {
            mask &= -1L << from;
        }
        if (w == (to - 1) >>> 6) {
            mask &= -1L >>> (63 - ((to - 1) & 63));
        }
        return mask;
    }

    /**
     * Bids: the first slot priced {@code >= limit}; asks: one past the last slot priced {@code <= limit};
     * both in {@code [0, window]}. {@code limit} is not NaN.
     */
    private int edgeOf(double limit) {
        if (limit == edgeLimit) {
            return edgeOfLimit;
        }
        final int edge = edgeOnGrid(limit);
        edgeLimit = limit;
        edgeOfLimit = edge;
        return edge;
    }

    private int edgeOnGrid(double limit) {
        final double pLo = loPrice;
        final double pHi = hiPrice;
        if (bid) {
            if (limit <= pLo) {
                return 0;
            }
            return limit > pHi ? window : (int) (grid.firstTickAtOrAbove(limit) - lo);
        }
        if (limit < pLo) {
            return 0;
        }
        return limit >= pHi ? window : (int) (grid.lastTickAtOrBelow(limit) - lo + 1);
    }

    /** After {@link #lo} or the grid changed: the window's end prices, and no edge remembered. */
    private void onWindowMoved() {
        loPrice = grid.price(lo);
        hiPrice = grid.price(lo + window - 1);
        edgeLimit = Double.NaN;
    }

    /** The highest occupied slot below {@code slot}, or -1. */
    private int highestSetBelow(int slot) {
        int s = slot - 1;
        if (s < 0) {
            return -1;
        }
        int w = s >>> 6;
        long word = bits[w] & (-1L >>> (63 - (s & 63)));
        while (word == 0) {
            if (--w < 0) {
                return -1;
            }
            word = bits[w];
        }
        return (w << 6) + 63 - Long.numberOfLeadingZeros(word);
    }

    /** The lowest occupied slot at or above {@code slot}, or -1. */
    private int lowestSetAtOrAbove(int slot) {
        if (slot >= window) {
            return -1;
        }
        int w = slot >>> 6;
        long word = bits[w] & (-1L << slot);
        while (word == 0) {
            if (++w >= bits.length) {
                return -1;
            }
            word = bits[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(word);
    }

    private int worseSlot(int s) {
        return bid ? highestSetBelow(s) : lowestSetAtOrAbove(s + 1);
    }

    private boolean better(double a, double b) {
        return bid ? a > b : a < b;
    }

    /** Positions the read cursor at {@code level}: O(1) from the previous level, O(level) from scratch. */
    private void seek(int level) {
        Objects.checkIndex(level, depth());
        if (level == cursorLevel) {
            return;
        }
        if (cursorLevel < 0 || level < cursorLevel) {
            cursorLevel = -1;
            cursorSlot = best;
            cursorSlotPrice = bestLadderPrice;
            cursorOverflow = 0;
        }
        while (cursorLevel < level) {
            if (cursorSlot >= 0
                    && (cursorOverflow >= overflow.depth()
                            || better(cursorSlotPrice, overflow.price(cursorOverflow)))) {
                cursorPrice = cursorSlotPrice;
                cursorQty = qty[cursorSlot];
                cursorSlot = worseSlot(cursorSlot);
                if (cursorSlot >= 0) {
                    cursorSlotPrice = grid.price(lo + cursorSlot);
                }
            } else {
                cursorPrice = overflow.price(cursorOverflow);
                cursorQty = overflow.qty(cursorOverflow);
                cursorOverflow++;
            }
            cursorLevel++;
        }
    }
}
