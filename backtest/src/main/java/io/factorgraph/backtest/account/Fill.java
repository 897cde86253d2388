package io.factorgraph.backtest.account;

import io.factorgraph.runtime.execution.Side;

/**
 * One execution of one of the strategy's orders: a row of {@link FillLog}, whether the simulator made it or a live
 * venue reported it. Price and quantity are exact on the instrument's
 * {@link io.factorgraph.backtest.exchange.PriceGrid} (ticks and lots) and also as the doubles those give.
 *
 * @param orderId the order that executed
 * @param side the order's side
 * @param priceTicks execution price in ticks
 * @param price execution price
 * @param lots executed quantity in lots
 * @param qty executed quantity
 * @param fee fee charged, negative for a rebate: {@code price * qty * (maker ? makerFee : takerFee)}
 * @param maker whether the order provided liquidity (rested in the book) rather than took it
 * @param exchTime when the exchange executed it (exchange timeline, docs/DESIGN.md §7, ns), or {@link #UNKNOWN_TIME}
 *     when the source did not say
 * @param localTime when the strategy learns of it (local clock, ns): {@code exchTime} plus the response latency
 */
public record Fill(
        long orderId,
        Side side,
        long priceTicks,
        double price,
        long lots,
        double qty,
        double fee,
        boolean maker,
        long exchTime,
        long localTime) {
    /** An exchange time not recorded. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    /** Whether the strategy bought. */
    public boolean buy() {
        return side == Side.BUY;
    }

    /** {@code price * qty}. */
    public double value() {
        return price * qty;
    }
}
