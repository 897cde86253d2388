package io.factorgraph.runtime.execution;

/**
 * Where a strategy sink works its orders: the backtest's simulated venue or the live order gateway.
 * It answers what the graph cannot know (position, the orders still working, as last reported) and
 * takes new orders and cancels. Called on the strategy's thread only, per tick; implementations
 * allocate nothing.
 */
public interface OrderGateway {
    /** Signed position in base units, from execution reports. */
    double position();

    /** Orders working (sent and not known to be done), as this side knows them. */
    int activeOrderCount();

    long activeOrderId(int index);

    boolean activeOrderIsBid(int index);

    double activeOrderPrice(int index);

    /** Quantity still open. */
    double activeOrderQty(int index);

    /** Sends a limit order; {@code postOnly} orders that would take liquidity are rejected by the venue. */
    void submit(boolean bid, double price, double qty, boolean postOnly);

    /** Asks to cancel a working order; a cancel may arrive too late, after a fill. */
    void cancel(long orderId);
}
