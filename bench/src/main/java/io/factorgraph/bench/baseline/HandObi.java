package io.factorgraph.bench.baseline;

import io.factorgraph.runtime.market.OrderBook;

/**
 * OBI written by hand against the {@link OrderBook} API, two ways: the best we know (the same method
 * as the {@code OBI} node: the book's band count, then its side-by-side prefix sums) and the obvious
 * level-by-level walk. Both add each side's quantities best level first, so both give the node's
 * value to the bit.
 */
public final class HandObi {
    private HandObi() {
    }

    /**
     * The book counts each side's levels in the band, then sums both prefixes side by side into
     * {@code sums} (two doubles the caller owns, so that nothing is allocated per call).
     */
    public static double obi(OrderBook book, double depth, double[] sums) {
        if (book.bidDepth() == 0 || book.askDepth() == 0) {
            return Double.NaN;
        }
        final double m = (book.bidPrice(0) + book.askPrice(0)) / 2.0;
        final int bidLevels = book.bidLevelsAtOrAbove(m * (1 - depth));
        final int askLevels = book.askLevelsAtOrBelow(m * (1 + depth));
        book.sumTopQty(bidLevels, askLevels, sums);
        return sums[0] - sums[1];
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
