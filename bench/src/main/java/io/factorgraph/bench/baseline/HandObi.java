package io.factorgraph.bench.baseline;

import io.factorgraph.runtime.market.L2Book;
import io.factorgraph.runtime.market.OrderBook;

/**
 * OBI written by hand against the book API, three ways: the first round's method (the book's band
 * count, then its side-by-side prefix sums), the obvious level-by-level walk (both add each side's
 * quantities best level first, so both give the first round's value to the bit), and the band sums
 * the {@link OrderBook} keeps (the {@code OBI} node's method now: exact sums, see the node's contract).
 */
public final class HandObi {
    private HandObi() {}

    /**
     * The book counts each side's levels in the band, then sums both prefixes side by side into
     * {@code sums} (two doubles the caller owns, so that nothing is allocated per call).
     */
    public static double obi(L2Book book, double depth, double[] sums) {
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
    public static double walk(L2Book book, double depth) {
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

    /** The band sums the book keeps: what the {@code OBI} node computes. */
    public static double bands(OrderBook book, double depth) {
        if (book.bidDepth() == 0 || book.askDepth() == 0) {
            return Double.NaN;
        }
        final double m = (book.bestBid() + book.bestAsk()) / 2.0;
        return book.bandImbalance(m * (1 - depth), m * (1 + depth));
    }
}
