package io.factorgraph.backtest.exchange;

/** The side of an order or a fill: {@link #BUY} adds to the position, {@link #SELL} takes from it. */
public enum Side {
    BUY,
    SELL;

    /** {@code +1} for a buy, {@code -1} for a sell. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    /** The other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
