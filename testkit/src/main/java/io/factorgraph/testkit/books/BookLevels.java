package io.factorgraph.testkit.books;

import io.factorgraph.runtime.market.OrderBook;
import java.util.Arrays;

/**
 * A valid L2 book as plain arrays, best level first on each side: bid prices strictly decreasing,
 * ask prices strictly increasing, every bid below every ask, quantities positive. Tests compute
 * their naive expectations from these arrays and load the same levels into an {@link OrderBook}.
 */
public record BookLevels(double[] bidPrices, double[] bidQtys, double[] askPrices, double[] askQtys, double tick) {
    public BookLevels {
        bidPrices = bidPrices.clone();
        bidQtys = bidQtys.clone();
        askPrices = askPrices.clone();
        askQtys = askQtys.clone();
    }

    /** A ready book holding exactly these levels. */
    public OrderBook toOrderBook() {
        OrderBook book = new OrderBook();
        load(book);
        return book;
    }

    /** Replaces {@code book}'s levels with these and marks it ready. */
    public void load(OrderBook book) {
        book.clear();
        for (int i = 0; i < bidPrices.length; i++) {
            book.onLevel(true, bidPrices[i], bidQtys[i]);
        }
        for (int i = 0; i < askPrices.length; i++) {
            book.onLevel(false, askPrices[i], askQtys[i]);
        }
        book.setReady(true);
    }

    public double bestBid() {
        return bidPrices.length == 0 ? Double.NaN : bidPrices[0];
    }

    public double bestAsk() {
        return askPrices.length == 0 ? Double.NaN : askPrices[0];
    }

    @Override
    public String toString() {
        return "bids " + Arrays.toString(bidPrices) + " x " + Arrays.toString(bidQtys) + ", asks "
                + Arrays.toString(askPrices) + " x " + Arrays.toString(askQtys) + ", tick " + tick;
    }
}
