package io.factorgraph.backtest.synthetic;

/**
 * The latent fair price: it jumps, and the flow is placed around it (see {@link SyntheticMarket}).
 *
 * @param jumpRate fair-price jumps a second, outside bursts
 * @param jumpMeanTicks mean size of a jump, in ticks (geometric, at least 1)
 * @param imbalanceSensitivity how much the best queues' imbalance tilts a jump's direction (0: a fair coin)
 */
public record PriceProcess(double jumpRate, double jumpMeanTicks, double imbalanceSensitivity) {
    /** Checks each field; a bad one is named {@code price.<field>}. */
    public PriceProcess {
        ConfigChecks.rate("price.jumpRate", jumpRate, true);
        ConfigChecks.atLeast("price.jumpMeanTicks", jumpMeanTicks, 1.0, "1 tick");
        ConfigChecks.within("price.imbalanceSensitivity", imbalanceSensitivity, 0, 100);
    }

    public PriceProcess withJumpRate(double newJumpRate) {
        return new PriceProcess(newJumpRate, jumpMeanTicks, imbalanceSensitivity);
    }

    public PriceProcess withJumpMeanTicks(double newJumpMeanTicks) {
        return new PriceProcess(jumpRate, newJumpMeanTicks, imbalanceSensitivity);
    }

    public PriceProcess withImbalanceSensitivity(double newImbalanceSensitivity) {
        return new PriceProcess(jumpRate, jumpMeanTicks, newImbalanceSensitivity);
    }

    /**
     * The annualised volatility (365-day year) of the fair price, in ticks: {@code sqrt(jumpRate * E[k^2] *
     * secondsPerYear)}, with {@code E[k^2] = m(2m - 1)} for jumps geometric with mean {@code m}.
     */
    double annualVolatilityTicks() {
        double m = jumpMeanTicks;
        return Math.sqrt(jumpRate * m * (2 * m - 1) * 365.0 * 86_400.0);
    }
}
