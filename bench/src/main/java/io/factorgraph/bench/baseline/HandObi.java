package io.factorgraph.bench.baseline;

import io.factorgraph.runtime.market.OrderBook;

/**
 * OBI written by hand against the {@link OrderBook} API, two ways: the best we know (the same method
 * as the {@code OBI} node: bisect for the band's end, then interleaved counted sums) and the obvious
 * level-by-level walk. Both add each side's quantities best level first, so both give the node's
 * value to the bit.
 */
public final class HandObi {
    private HandObi() {
    }

    /** Bisect each side for the band's last level, then sum both sides in one counted loop. */
    public static double obi(OrderBook book, double depth) {
        final int bids = book.bidDepth();
        final int asks = book.askDepth();
        if (bids == 0 || asks == 0) {
            return Double.NaN;
        }
        final double m = (book.bidPrice(0) + book.askPrice(0)) / 2.0;
        final double bidBound = m * (1 - depth);
        final double askBound = m * (1 + depth);
        int lo = 0;
        int hi = bids;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (book.bidPrice(mid) >= bidBound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        final int bidLevels = lo;
        lo = 0;
        hi = asks;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (book.askPrice(mid) <= askBound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        final int askLevels = lo;
        final int both = Math.min(bidLevels, askLevels);
        double bidQty = 0;
        double askQty = 0;
        int i = 0;
        for (; i < both; i++) {
            bidQty += book.bidQty(i);
            askQty += book.askQty(i);
        }
        for (int j = i; j < bidLevels; j++) {
            bidQty += book.bidQty(j);
        }
        for (int j = i; j < askLevels; j++) {
            askQty += book.askQty(j);
        }
        return bidQty - askQty;
    }

    /** The definition as written: walk each side outward while the level is in the band. */
    public static double walk(OrderBook book, double depth) {
        final int bids = book.bidDepth();
        final int asks = book.askDepth();
        if (bids == 0 || asks == 0) {
            return Double.NaN;
        }
        final double m = (book.bidPrice(0) + book.askPrice(0)) / 2.0;
        final double bidBound = m * (1 - depth);
        final double askBound = m * (1 + depth);
        double bidQty = 0;
        for (int i = 0; i < bids && book.bidPrice(i) >= bidBound; i++) {
            bidQty += book.bidQty(i);
        }
        double askQty = 0;
        for (int i = 0; i < asks && book.askPrice(i) <= askBound; i++) {
            askQty += book.askQty(i);
        }
        return bidQty - askQty;
    }
}
