package io.factorgraph.backtest.exchange;

/** An order's state, as the exchange reports it (and as the strategy knows it once the report has arrived). */
public enum OrderStatus {
    /** Sent by the strategy, not yet acknowledged: known locally only. */
    PENDING_NEW,
    /** Resting in the book, nothing executed yet. */
    NEW,
    /** Resting in the book with part of its quantity executed (partial-fill mode only). */
    PARTIALLY_FILLED,
    /** Entirely executed. Final. */
    FILLED,
    /** Cancelled at the strategy's request; any quantity executed before stands. Final. */
    CANCELED,
    /** A post-only ({@link TimeInForce#GTX}) order that would have taken liquidity, refused by the exchange. Final. */
    EXPIRED,
    /** Refused by the exchange for another reason (see {@link RejectReason}). Final. */
    REJECTED,
    /**
     * In a {@link ReportType#CANCEL_REJECTED} report: the exchange has no active order with that id any more
     * (it was filled, expired or cancelled before the cancel arrived), so it cannot say more.
     */
    NOT_ACTIVE;

    /** Whether the order can change no more. */
    public boolean isFinal() {
        return this == FILLED || this == CANCELED || this == EXPIRED || this == REJECTED;
    }
}
