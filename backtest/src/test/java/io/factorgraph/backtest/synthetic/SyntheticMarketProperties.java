package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class SyntheticMarketProperties {
    /** Short runs with frequent shocks, so that bursts, big jumps and recentring all happen. */
    private static final SyntheticMarket.Config SHORT = ConfigEdit.with(SyntheticMarket.Config.defaults(),
            "duration", Duration.ofSeconds(20), "warmup", Duration.ofSeconds(10), "shockRate", 0.2);

    @Property(tries = 50)
    void anySeedGivesAValidStream(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        StreamCheck.Summary s = StreamCheck.check(new SyntheticMarket(SHORT.withSeed(seed)));
        assertTrue(s.events() > 1000, "events: " + s.events());
    }

    @Property(tries = 10)
    void anySeedGivesTheSameStreamTwice(@ForAll long seed) {
        SyntheticMarket.Config config = SHORT.withSeed(seed).withDuration(Duration.ofSeconds(5));
        assertEquals(StreamDigest.of(new SyntheticMarket(config)), StreamDigest.of(new SyntheticMarket(config)));
    }

    /** Instruments, flows and moves far from the defaults, down to one-tick-deep books near the price floor. */
    @Property(tries = 150)
    void anyReasonableConfigGivesAValidStream(@ForAll("configs") SyntheticMarket.Config config) {
        StreamCheck.check(new SyntheticMarket(config));
    }

    @Provide
    Arbitrary<SyntheticMarket.Config> configs() {
        Arbitrary<Object[]> instrument = Combinators.combine(
                Arbitraries.of(0.01, 0.1, 0.25, 0.5, 1.0, 5.0),
                Arbitraries.of(0.00001, 0.001, 0.01, 1.0),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 3000)),
                Arbitraries.doubles().between(10, 1000),
                Arbitraries.doubles().between(1, 50),
                Arbitraries.doubles().between(1, 300))
                .as((tick, lot, depth, priceFactor, limitLots, marketLots) -> new Object[] {
                    "tickSize", tick, "lotSize", lot, "depthTicks", depth,
                    "startPrice", Math.rint(depth * priceFactor) * tick,
                    "limitSizeMean", Math.rint(limitLots) * lot, "marketSizeMean", Math.rint(marketLots) * lot});
        Arbitrary<Object[]> flow = Combinators.combine(
                Arbitraries.doubles().between(0.5, 300),
                Arbitraries.doubles().between(0, 80),
                Arbitraries.doubles().between(0.01, 3),
                Arbitraries.doubles().between(0.1, 50),
                Arbitraries.doubles().between(0.2, 4),
                Arbitraries.doubles().between(0, 20))
                .as((limit, market, cancel, scale, tail, kappa) -> new Object[] {
                    "limitRate", limit, "marketRate", market, "cancelRate", cancel, "placementScaleTicks", scale,
                    "placementTailIndex", tail, "imbalanceSensitivity", kappa});
        Arbitrary<Object[]> moves = Combinators.combine(
                Arbitraries.doubles().between(0, 10),
                Arbitraries.doubles().between(1, 500),
                Arbitraries.doubles().between(0, 2),
                Arbitraries.doubles().between(1, 10_000),
                Arbitraries.doubles().between(1, 30),
                Arbitraries.integers().between(0, 5),
                Arbitraries.of(true, false),
                Arbitraries.longs())
                .as((jumps, jumpMean, shocks, shockMean, intensity, jitterMs, bbo, seed) -> new Object[] {
                    "jumpRate", jumps, "jumpMeanTicks", jumpMean, "shockRate", shocks, "shockMeanTicks", shockMean,
                    "burstIntensity", intensity, "feedJitter", Duration.ofMillis(jitterMs), "bookTicker", bbo,
                    "seed", seed});
        return Combinators.combine(instrument, flow, moves).as((a, b, c) -> {
            Object[] all = new Object[a.length + b.length + c.length + 4];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            System.arraycopy(c, 0, all, a.length + b.length, c.length);
            int k = a.length + b.length + c.length;
            all[k] = "duration";
            all[k + 1] = Duration.ofSeconds(10);
            all[k + 2] = "warmup";
            all[k + 3] = Duration.ofSeconds(5);
            return ConfigEdit.with(SyntheticMarket.Config.defaults(), all);
        });
    }
}
