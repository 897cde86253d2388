package io.factorgraph.runtime.market;

/**
 * What every L2 book implementation offers, so that loaders and benchmarks can drive the
 * {@link OrderBook} and the first-round {@link TieredOrderBook} baseline alike. Production code uses
 * {@link OrderBook} directly; see it for the contract of each method.
 */
public sealed interface L2Book permits OrderBook, TieredOrderBook {
    boolean onLevel(boolean bid, double price, double qty);

    void clear();

    boolean clearSide(boolean bid, double throughPrice);

    boolean isReady();

    void setReady(boolean ready);

    int bidDepth();

    int askDepth();

    double bidPrice(int level);

    double bidQty(int level);

    double askPrice(int level);

    double askQty(int level);

    double bestBid();

    double bestAsk();

    double bestBidQty();

    double bestAskQty();

    double mid();

    int bidLevelsAtOrAbove(double price);

    int askLevelsAtOrBelow(double price);

    void sumTopQty(int bidLevels, int askLevels, double[] sums);

    /** The bid quantity priced at or above {@code price}; see {@link OrderBook#bidQtyAtOrAbove}. */
    double bidQtyAtOrAbove(double price);

    /** The ask quantity priced at or below {@code price}; see {@link OrderBook#askQtyAtOrBelow}. */
    double askQtyAtOrBelow(double price);

    double qtyAt(boolean bid, double price);

    boolean isCrossed();

    /** {@code name[ready, bids n, asks m: the top five levels a side]}, for toString (allocates). */
    static String describe(String name, L2Book book) {
        StringBuilder sb = new StringBuilder(name)
                .append('[')
                .append(book.isReady() ? "ready" : "not ready")
                .append(", bids ")
                .append(book.bidDepth())
                .append(", asks ")
                .append(book.askDepth())
                .append(": ");
        for (int i = Math.min(4, book.askDepth() - 1); i >= 0; i--) {
            sb.append(book.askQty(i)).append('@').append(book.askPrice(i)).append(' ');
        }
        sb.append("| ");
        for (int i = 0; i < Math.min(5, book.bidDepth()); i++) {
            sb.append(book.bidQty(i)).append('@').append(book.bidPrice(i)).append(' ');
        }
        return sb.append(']').toString();
    }
}
