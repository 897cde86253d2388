package io.factorgraph.runtime.execution;

/**
 * The side of an order or a fill, one type for every layer: the strategy's quotes ({@code BUY} a bid, {@code SELL} an
 * ask), the simulator's orders and fills, the live gateway's. {@link #BUY} adds to the position, {@link #SELL} takes
 * from it. (The wire has its own SBE {@code OrderSide}, mapped at the codec.)
 */
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

    /** Whether this is a buy (a bid). */
    public boolean isBuy() {
        return this == BUY;
    }

    /** {@link #BUY} for {@code true}, {@link #SELL} for {@code false}. */
    public static Side of(boolean buy) {
        return buy ? BUY : SELL;
    }
}
