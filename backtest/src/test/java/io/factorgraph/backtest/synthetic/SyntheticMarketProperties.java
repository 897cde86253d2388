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
    private static final SyntheticMarket.Config SHORT = SyntheticMarket.Config.defaults()
            .withSession(s -> s.withDuration(Duration.ofSeconds(20)).withWarmup(Duration.ofSeconds(10)))
            .withShocks(s -> s.withRate(0.2));

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

    /** An instrument with its book depth and order sizes, which are checked against it. */
    private record Grid(Instrument instrument, int depthTicks, double limitSizeMean, double marketSizeMean) {}

    /** Rates and the placement law. */
    private record Flow(double limit, double market, double cancel, double scale, double tail, double kappa) {}

    /** Price moves, the feed and the seed. */
    private record Moves(
            double jumps,
            double jumpMean,
            double shocks,
            double shockMean,
            double intensity,
            int jitterMs,
            boolean bookTicker,
            long seed) {}

    @Provide
    Arbitrary<SyntheticMarket.Config> configs() {
        Arbitrary<Grid> grid = Combinators.combine(
                        Arbitraries.of(0.01, 0.1, 0.25, 0.5, 1.0, 5.0),
                        Arbitraries.of(0.00001, 0.001, 0.01, 1.0),
                        Arbitraries.oneOf(
                                Arbitraries.integers().between(1, 5),
                                Arbitraries.integers().between(1, 3000)),
                        Arbitraries.doubles().between(10, 1000),
                        Arbitraries.doubles().between(1, 50),
                        Arbitraries.doubles().between(1, 300))
                .as((tick, lot, depth, priceFactor, limitLots, marketLots) -> new Grid(
                        new Instrument(tick, lot, Math.rint(depth * priceFactor) * tick),
                        depth,
                        Math.rint(limitLots) * lot,
                        Math.rint(marketLots) * lot));
        Arbitrary<Flow> flow = Combinators.combine(
                        Arbitraries.doubles().between(0.5, 300),
                        Arbitraries.doubles().between(0, 80),
                        Arbitraries.doubles().between(0.01, 3),
                        Arbitraries.doubles().between(0.1, 50),
                        Arbitraries.doubles().between(0.2, 4),
                        Arbitraries.doubles().between(0, 20))
                .as(Flow::new);
        Arbitrary<Moves> moves = Combinators.combine(
                        Arbitraries.doubles().between(0, 10),
                        Arbitraries.doubles().between(1, 500),
                        Arbitraries.doubles().between(0, 2),
                        Arbitraries.doubles().between(1, 10_000),
                        Arbitraries.doubles().between(1, 30),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false),
                        Arbitraries.longs())
                .as(Moves::new);
        SyntheticMarket.Config d = SyntheticMarket.Config.defaults();
        return Combinators.combine(grid, flow, moves)
                .as((g, f, m) -> new SyntheticMarket.Config(
                        m.seed(),
                        g.instrument(),
                        d.session().withDuration(Duration.ofSeconds(10)).withWarmup(Duration.ofSeconds(5)),
                        new PriceProcess(m.jumps(), m.jumpMean(), f.kappa()),
                        new OrderFlow(f.limit(), g.limitSizeMean(), f.market(), g.marketSizeMean(), f.cancel()),
                        new BookShape(g.depthTicks(), f.scale(), f.tail()),
                        d.shocks()
                                .withRate(m.shocks())
                                .withMeanTicks(m.shockMean())
                                .withBurstIntensity(m.intensity()),
                        d.feed().withJitter(Duration.ofMillis(m.jitterMs())).withBookTicker(m.bookTicker())));
    }
}
