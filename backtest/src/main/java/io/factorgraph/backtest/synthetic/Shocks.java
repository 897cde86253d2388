package io.factorgraph.backtest.synthetic;

import java.time.Duration;

/**
 * Shocks and the bursts after them: a large fair-price jump whose stale side is withdrawn rather than requoted,
 * then a while in which jumps, and market orders in the shock's direction, come more often.
 *
 * @param rate shocks a second (0: none)
 * @param meanTicks mean size of a shock's fair-price jump, in ticks (jumps and shocks are capped at an eighth of
 *     the model's price window, at least {@code 2 * depthTicks} ticks)
 * @param burstDuration how long the burst after a shock lasts
 * @param burstIntensity during a burst, the factor on the jump rate and on the market-order rate in the shock's
 *     direction (1: no burst)
 */
public record Shocks(double rate, double meanTicks, Duration burstDuration, double burstIntensity) {
    /** Checks each field; a bad one is named {@code shocks.<field>}. */
    public Shocks {
        ConfigChecks.rate("shocks.rate", rate, true);
        ConfigChecks.atLeast("shocks.meanTicks", meanTicks, 1.0, "1 tick");
        ConfigChecks.duration("shocks.burstDuration", burstDuration, true, Duration.ofDays(1));
        ConfigChecks.within("shocks.burstIntensity", burstIntensity, 1, 10_000);
    }

    public Shocks withRate(double newRate) {
        return new Shocks(newRate, meanTicks, burstDuration, burstIntensity);
    }

    public Shocks withMeanTicks(double newMeanTicks) {
        return new Shocks(rate, newMeanTicks, burstDuration, burstIntensity);
    }

    public Shocks withBurstDuration(Duration newBurstDuration) {
        return new Shocks(rate, meanTicks, newBurstDuration, burstIntensity);
    }

    public Shocks withBurstIntensity(double newBurstIntensity) {
        return new Shocks(rate, meanTicks, burstDuration, newBurstIntensity);
    }
}
