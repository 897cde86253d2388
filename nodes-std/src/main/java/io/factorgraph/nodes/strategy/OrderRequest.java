package io.factorgraph.nodes.strategy;

/**
 * A new limit order the strategy asks for.
 *
 * @param priceTicks the price in ticks of {@code tick_size}, at least 1
 * @param price the same price in price units ({@link Ticks#price})
 * @param qty the quantity: {@code order_qty} for a quote, {@code |position|} for the stop's closing order
 */
public record OrderRequest(long priceTicks, double price, double qty) {}
