package io.factorgraph.nodes.strategy;

import java.util.List;
import java.util.Objects;

/**
 * Everything one decision of {@code stateless_mm} depends on (docs/DESIGN.md §6): the factors, the top of
 * the book, the execution context's position and active orders, and the parameters.
 *
 * @param alpha the alpha factor; not finite means "do not quote"
 * @param volatility the volatility factor, {@code >= 0}; not finite or negative means "do not quote"
 * @param stop the stop signal: on means cancel everything and flatten
 * @param bestBid the best bid price; NaN when the bid side is empty
 * @param bestAsk the best ask price; NaN when the ask side is empty
 * @param mid the mid price the quotes are computed around
 * @param position the signed inventory in base units
 * @param activeOrders the orders working at the venue
 * @param params the strategy's parameters
 */
public record StrategyInput(
        double alpha,
        double volatility,
        boolean stop,
        double bestBid,
        double bestAsk,
        double mid,
        double position,
        List<ActiveOrder> activeOrders,
        StrategyParams params) {
    public StrategyInput {
        activeOrders = List.copyOf(activeOrders);
        Objects.requireNonNull(params, "params");
    }

    public StrategyInput withActiveOrders(List<ActiveOrder> orders) {
        return new StrategyInput(alpha, volatility, stop, bestBid, bestAsk, mid, position, orders, params);
    }

    public StrategyInput withPosition(double newPosition) {
        return new StrategyInput(alpha, volatility, stop, bestBid, bestAsk, mid, newPosition, activeOrders, params);
    }
}
