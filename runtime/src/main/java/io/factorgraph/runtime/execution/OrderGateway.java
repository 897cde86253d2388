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

    /**
     * Orders active (sent and not known to be done), as this side knows them: acknowledged ones, ones whose
     * acknowledgement is still on its way, and ones with a cancel on its way (docs/DESIGN.md §6 item 6).
     */
    int activeOrderCount();

    long activeOrderId(int index);

    boolean activeOrderIsBid(int index);

    double activeOrderPrice(int index);

    /** Quantity still open. */
    double activeOrderQty(int index);

    /**
     * Whether the order may be cancelled now: acknowledged by the venue and with no request (its cancel) in flight.
     * An order awaiting its acknowledgement or its cancel's answer is active and holds its price, but is left alone
     * (hftbacktest's {@code cancellable}). A context that does not track requests in flight says true.
     */
    default boolean activeOrderCancellable(int index) {
        return true;
    }

    /** Whether the order was sent post-only (a quote) rather than as a plain limit order that may take (a close). */
    default boolean activeOrderPostOnly(int index) {
        return true;
    }

    /** Sends a limit order; {@code postOnly} orders that would take liquidity are rejected by the venue. */
    void submit(boolean bid, double price, double qty, boolean postOnly);

    /** Asks to cancel a working order; a cancel may arrive too late, after a fill. */
    void cancel(long orderId);
}
