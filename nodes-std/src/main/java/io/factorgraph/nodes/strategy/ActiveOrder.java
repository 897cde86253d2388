package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.execution.Side;
import java.util.Objects;

/**
 * An order the execution context has working at the venue (acknowledged or in flight), as the
 * strategy sees it.
 *
 * @param id the execution context's order id; ids are expected to be distinct
 * @param side bid or ask
 * @param priceTicks the order's price in ticks of {@code tick_size} (see {@link Ticks#nearest})
 * @param qty the quantity still open; the diff does not compare it (see {@link StatelessMm})
 * @param cancellable whether it may be cancelled now: acknowledged, with no request in flight (docs/DESIGN.md §6 item
 *     6); an order awaiting an acknowledgement still holds its (side, price) but is left alone
 * @param postOnly whether it was sent post-only (a quote) rather than as a plain limit that may take (a close)
 */
public record ActiveOrder(long id, Side side, long priceTicks, double qty, boolean cancellable, boolean postOnly) {
    public ActiveOrder {
        Objects.requireNonNull(side, "side");
    }

    /** An acknowledged quote with no request in flight. */
    public ActiveOrder(long id, Side side, long priceTicks, double qty) {
        this(id, side, priceTicks, qty, true, true);
    }
}
