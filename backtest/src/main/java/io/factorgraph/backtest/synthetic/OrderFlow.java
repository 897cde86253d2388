package io.factorgraph.backtest.synthetic;

/**
 * The order flow: limit orders, market orders and cancellations, each side alike. Sizes are in the instrument's
 * base unit and drawn geometric in lots with the given means.
 *
 * @param limitRate limit-order arrivals a second, per side
 * @param limitSizeMean mean limit-order size, at least one lot
 * @param marketRate market-order arrivals a second, per side, outside bursts
 * @param marketSizeMean mean market-order size, at least one lot
 * @param cancelRate cancellation hazard a second of each resting unit (mean life {@code 1/cancelRate})
 */
public record OrderFlow(
        double limitRate, double limitSizeMean, double marketRate, double marketSizeMean, double cancelRate) {
    /** Checks each field on its own (that sizes are at least a lot is checked with the instrument). */
    public OrderFlow {
        ConfigChecks.rate("flow.limitRate", limitRate, false);
        ConfigChecks.positive("flow.limitSizeMean", limitSizeMean);
        ConfigChecks.rate("flow.marketRate", marketRate, true);
        ConfigChecks.positive("flow.marketSizeMean", marketSizeMean);
        ConfigChecks.rate("flow.cancelRate", cancelRate, false);
    }

    public OrderFlow withLimitRate(double newLimitRate) {
        return new OrderFlow(newLimitRate, limitSizeMean, marketRate, marketSizeMean, cancelRate);
    }

    public OrderFlow withLimitSizeMean(double newLimitSizeMean) {
        return new OrderFlow(limitRate, newLimitSizeMean, marketRate, marketSizeMean, cancelRate);
    }

    public OrderFlow withMarketRate(double newMarketRate) {
        return new OrderFlow(limitRate, limitSizeMean, newMarketRate, marketSizeMean, cancelRate);
    }

    public OrderFlow withMarketSizeMean(double newMarketSizeMean) {
        return new OrderFlow(limitRate, limitSizeMean, marketRate, newMarketSizeMean, cancelRate);
    }

    public OrderFlow withCancelRate(double newCancelRate) {
        return new OrderFlow(limitRate, limitSizeMean, marketRate, marketSizeMean, newCancelRate);
    }
}
