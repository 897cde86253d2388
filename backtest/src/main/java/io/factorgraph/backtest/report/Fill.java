package io.factorgraph.backtest.report;

/**
 * One fill of one of the strategy's orders (a row of {@link FillLog}).
 *
 * @param tsNs time the strategy learns of the fill, ns since the epoch (local clock)
 * @param buy true when the strategy bought
 * @param price execution price
 * @param qty quantity filled (&gt; 0)
 * @param fee fee charged in quote currency (a rebate is negative)
 * @param maker true for a fill of a resting order, false for one that took liquidity
 * @param orderId the strategy's order id
 */
public record Fill(long tsNs, boolean buy, double price, double qty, double fee, boolean maker, long orderId) {
    /** {@code price × qty}. */
    public double notional() {
        return price * qty;
    }
}
