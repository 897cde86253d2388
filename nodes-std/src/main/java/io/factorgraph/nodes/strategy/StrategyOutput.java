package io.factorgraph.nodes.strategy;

import java.util.List;
import java.util.Objects;

/**
 * One decision of {@code stateless_mm}: which active orders to cancel and which new orders to send.
 *
 * @param mode which branch of docs/DESIGN.md §6 produced it
 * @param cancelOrders the ids of active orders to cancel, in the order the active orders were given
 * @param newBids new buy orders, best (highest) price first
 * @param newAsks new sell orders, best (lowest) price first
 */
public record StrategyOutput(
        StrategyMode mode, List<Long> cancelOrders, List<OrderRequest> newBids, List<OrderRequest> newAsks) {
    public StrategyOutput {
        Objects.requireNonNull(mode, "mode");
        cancelOrders = List.copyOf(cancelOrders);
        newBids = List.copyOf(newBids);
        newAsks = List.copyOf(newAsks);
    }

    /** Nothing to cancel and nothing to send. */
    public boolean isEmpty() {
        return cancelOrders.isEmpty() && newBids.isEmpty() && newAsks.isEmpty();
    }
}
