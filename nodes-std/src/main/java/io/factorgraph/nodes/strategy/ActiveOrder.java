package io.factorgraph.nodes.strategy;

import java.util.Objects;

/**
 * An order the execution context has working at the venue (acknowledged or in flight), as the
 * strategy sees it.
 *
 * @param id the execution context's order id; ids are expected to be distinct
 * @param side bid or ask
 * @param priceTicks the order's price in ticks of {@code tick_size} (see {@link Ticks#nearest})
 * @param qty the quantity still open; the diff does not compare it (see {@link StatelessMm})
 */
public record ActiveOrder(long id, Side side, long priceTicks, double qty) {
    public ActiveOrder {
        Objects.requireNonNull(side, "side");
    }
}
