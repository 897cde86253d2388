package io.factorgraph.venue.binance;

/**
 * The connector's own limits, whatever the strategy does: no order that could take the position beyond {@code
 * maxPositionLots} on either side (counting every working order of that side as filled), and no more than {@code
 * maxOrdersPerSecond} new orders in any second. An order over a limit is refused before it is sent.
 *
 * @param maxPositionLots the largest absolute position, in lots
 * @param maxOrdersPerSecond new orders per rolling second
 */
public record OrderLimits(long maxPositionLots, int maxOrdersPerSecond) {
    public OrderLimits {
        if (maxPositionLots <= 0) {
            throw new IllegalArgumentException("--max-position: must be positive");
        }
        if (maxOrdersPerSecond <= 0) {
            throw new IllegalArgumentException("--max-order-rate: must be positive");
        }
    }

    /** Why an order of {@code lots} (signed: + buy) may not go, or null when it may. */
    String refusal(long positionLots, long workingBuyLots, long workingSellLots, long lots) {
        if (lots > 0 && positionLots + workingBuyLots + lots > maxPositionLots) {
            return "max position " + maxPositionLots + " lots: position " + positionLots + ", working buys "
                    + workingBuyLots + ", this order " + lots;
        }
        if (lots < 0 && positionLots - workingSellLots + lots < -maxPositionLots) {
            return "max position " + maxPositionLots + " lots: position " + positionLots + ", working sells "
                    + workingSellLots + ", this order " + (-lots);
        }
        return null;
    }
}
