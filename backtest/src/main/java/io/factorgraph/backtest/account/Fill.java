package io.factorgraph.backtest.account;

import io.factorgraph.runtime.execution.Side;

/**
 * One execution.
 *
 * @param orderId the order that executed
 * @param side the order's side
 * @param priceTicks execution price in ticks
 * @param price execution price
 * @param lots executed quantity in lots
 * @param qty executed quantity
 * @param fee fee charged, negative for a rebate: {@code price * qty * (maker ? makerFee : takerFee)}
 * @param maker whether the order provided liquidity (rested in the book) rather than took it
 * @param exchTime when the exchange executed it (exchange timeline, ns)
 * @param localTime when the strategy learns of it (local clock, ns): {@code exchTime} plus the response latency
 */
public record Fill(long orderId, Side side, long priceTicks, double price, long lots, double qty, double fee,
        boolean maker, long exchTime, long localTime) {

    /** {@code price * qty}. */
    public double value() {
        return price * qty;
    }
}
