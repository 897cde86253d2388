package io.factorgraph.backtest.report;

/**
 * One fill of one of the strategy's orders (a row of {@link FillLog}).
 *
 * @param tsNs time the strategy learns of the fill, ns since the epoch (local clock): the exchange time plus the
 *     response latency
 * @param buy true when the strategy bought
 * @param price execution price
 * @param qty quantity filled (&gt; 0)
 * @param fee fee charged in quote currency (a rebate is negative)
 * @param maker true for a fill of a resting order, false for one that took liquidity
 * @param orderId the strategy's order id
 * @param exchTsNs time the exchange executed it, ns since the epoch (exchange timeline, docs/DESIGN.md §7), or
 *     {@link #UNKNOWN_TIME} when the recording did not say
 */
public record Fill(long tsNs, boolean buy, double price, double qty, double fee, boolean maker, long orderId,
        long exchTsNs) {
    /** An exchange time not recorded. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    /** A fill whose exchange time is not known. */
    public Fill(long tsNs, boolean buy, double price, double qty, double fee, boolean maker, long orderId) {
        this(tsNs, buy, price, qty, fee, maker, orderId, UNKNOWN_TIME);
    }

    /** {@code price × qty}. */
    public double notional() {
        return price * qty;
    }
}
