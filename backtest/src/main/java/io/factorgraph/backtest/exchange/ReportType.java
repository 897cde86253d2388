package io.factorgraph.backtest.exchange;

/** What an {@link ExecutionReport} tells the strategy. */
public enum ReportType {
    /** The order reached the exchange and rests in the book (status {@link OrderStatus#NEW}). */
    ACCEPTED,
    /** Part or all of the order executed; see the execution fields. */
    FILL,
    /** The order was cancelled at the strategy's request. */
    CANCELED,
    /** A post-only order that would have crossed the book was refused ({@link RejectReason#POST_ONLY_WOULD_CROSS}). */
    EXPIRED,
    /** The order was refused ({@link RejectReason}). */
    REJECTED,
    /** A cancel arrived when the order was no longer active: whatever happened to the order before stands. */
    CANCEL_REJECTED
}
