package io.factorgraph.backtest.exchange;

/** Why the exchange refused a request. */
public enum RejectReason {
    /** Not a refusal. */
    NONE,
    /** A post-only ({@link TimeInForce#GTX}) order was marketable when it reached the exchange. */
    POST_ONLY_WOULD_CROSS,
    /**
     * The exchange's book had no complete snapshot yet (or lost it to a re-sync) when the order arrived: there is
     * no market to place it in.
     */
    BOOK_NOT_READY,
    /** A cancel named an order that was no longer active at the exchange (filled, expired, cancelled). */
    ORDER_NOT_ACTIVE
}
