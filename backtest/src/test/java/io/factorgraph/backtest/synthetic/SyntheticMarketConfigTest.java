package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SyntheticMarketConfigTest {
    private static final SyntheticMarket.Config DEFAULTS = SyntheticMarket.Config.defaults();

    /** Fields every value of whose type is valid. */
    private static final Set<String> ALWAYS_VALID = Set.of("feed.bookTicker");

    /** Each field tried with bad values, and what went wrong. */
    private final Set<String> tried = new LinkedHashSet<>();

    private final List<String> problems = new ArrayList<>();

    /** Tries each value through {@code edit}; each must be refused with a message that starts with the field. */
    @SafeVarargs
    private <T> void refused(String field, Function<T, Object> edit, T... values) {
        tried.add(field);
        for (T value : values) {
            try {
                Object accepted = edit.apply(value);
                problems.add(field + " = " + value + " was accepted: " + accepted);
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().startsWith(field + " ")) {
                    problems.add(field + " = " + value + ": message does not start with the field: " + e.getMessage());
                }
            }
        }
    }

    private void tryEveryBadValue() {
        Instrument i = DEFAULTS.instrument();
        refused(
                "instrument.tickSize",
                i::withTickSize,
                0.0,
                -0.1,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                0.1234567890123,
                Math.PI);
        refused("instrument.lotSize", i::withLotSize, 0.0, Double.NaN, 1e-13);
        refused(
                "instrument.startPrice",
                (Double p) -> DEFAULTS.withInstrument(i.withStartPrice(p)),
                0.0,
                -60_000.0,
                Double.NaN,
                50.0,
                1e15);
        Session s = DEFAULTS.session();
        refused(
                "session.start",
                s::withStart,
                null,
                Instant.parse("1969-12-31T00:00:00Z"),
                Instant.parse("2300-01-01T00:00:00Z"));
        refused("session.duration", s::withDuration, null, Duration.ZERO, Duration.ofSeconds(-1), Duration.ofDays(400));
        refused("session.warmup", s::withWarmup, null, Duration.ofSeconds(-1), Duration.ofDays(2));
        PriceProcess p = DEFAULTS.price();
        refused("price.jumpRate", p::withJumpRate, -1.0, Double.NaN, Double.POSITIVE_INFINITY, 1e7);
        refused("price.jumpMeanTicks", p::withJumpMeanTicks, 0.5, Double.NaN, Double.POSITIVE_INFINITY);
        refused("price.imbalanceSensitivity", p::withImbalanceSensitivity, -1.0, Double.NaN, 101.0);
        OrderFlow f = DEFAULTS.flow();
        refused("flow.limitRate", f::withLimitRate, 0.0, -1.0, Double.NaN);
        refused("flow.limitSizeMean", (Double m) -> DEFAULTS.withFlow(f.withLimitSizeMean(m)), 0.0, 0.0001, Double.NaN);
        refused("flow.marketRate", f::withMarketRate, -1.0, Double.NaN);
        refused("flow.marketSizeMean", (Double m) -> DEFAULTS.withFlow(f.withMarketSizeMean(m)), 0.0, 0.0001);
        refused("flow.cancelRate", f::withCancelRate, 0.0, -1.0, 1e7);
        BookShape b = DEFAULTS.book();
        refused("book.depthTicks", b::withDepthTicks, 0, -5, 50_001);
        refused("book.placementScaleTicks", b::withPlacementScaleTicks, 0.0, Double.NaN);
        refused("book.placementTailIndex", b::withPlacementTailIndex, 0.0, 101.0);
        Shocks k = DEFAULTS.shocks();
        refused("shocks.rate", k::withRate, -1.0, Double.NaN);
        refused("shocks.meanTicks", k::withMeanTicks, 0.0, Double.NaN);
        refused("shocks.burstDuration", k::withBurstDuration, null, Duration.ofSeconds(-1));
        refused("shocks.burstIntensity", k::withBurstIntensity, 0.5, Double.NaN, 1e5);
        FeedTiming t = DEFAULTS.feed();
        refused("feed.latency", t::withLatency, null, Duration.ofMillis(-1), Duration.ofHours(2));
        refused("feed.jitter", t::withJitter, null, Duration.ofMillis(-1), Duration.ofMillis(6));
    }

    @Test
    void defaultsAreBinanceBtcUsdtLike() {
        assertEquals(0.1, DEFAULTS.instrument().tickSize());
        assertEquals(0.001, DEFAULTS.instrument().lotSize());
        assertEquals(60_000.0, DEFAULTS.instrument().startPrice());
        assertEquals(Duration.ofMinutes(10), DEFAULTS.session().duration());
        assertEquals(Duration.ofMillis(5), DEFAULTS.feed().latency());
        double vol = DEFAULTS.impliedVolatility();
        assertTrue(vol > 0.3 && vol < 0.8, "a plausible bitcoin volatility, was " + vol);
    }

    @Test
    void everyBadValueIsRefusedNamingItsField() {
        tryEveryBadValue();
        assertEquals(List.of(), problems);
    }

    /** Every field of every group (found from the records themselves) is tried with a bad value. */
    @Test
    void everyFieldThatCanBeBadIsChecked() {
        tryEveryBadValue();
        for (RecordComponent group : SyntheticMarket.Config.class.getRecordComponents()) {
            if (!group.getType().isRecord()) {
                continue; // the seed: every long is a seed
            }
            for (RecordComponent field : group.getType().getRecordComponents()) {
                String name = group.getName() + "." + field.getName();
                assertTrue(tried.contains(name) || ALWAYS_VALID.contains(name), "no bad value tried for " + name);
            }
        }
    }

    @Test
    void aMissingGroupIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> DEFAULTS.withShocks((Shocks) null));
        assertEquals("shocks", e.getMessage());
    }

    @Test
    void boundaryValuesAreAccepted() {
        DEFAULTS.withPrice(p -> p.withJumpRate(0.0).withImbalanceSensitivity(0.0))
                .withFlow(f -> f.withMarketRate(0.0))
                .withShocks(s -> s.withRate(0.0).withBurstIntensity(1.0).withBurstDuration(Duration.ZERO))
                .withSession(s -> s.withWarmup(Duration.ZERO))
                .withFeed(f -> f.withJitter(Duration.ZERO).withLatency(Duration.ZERO));
        new SyntheticMarket.Config(
                1,
                new Instrument(0.25, 1.0, 60_000),
                DEFAULTS.session(),
                DEFAULTS.price(),
                new OrderFlow(100, 1.0, 5, 1.0, 0.1),
                DEFAULTS.book(),
                DEFAULTS.shocks(),
                DEFAULTS.feed());
        DEFAULTS.withInstrument(new Instrument(1e-12, 0.001, 1e-4)).withBook(b -> b.withDepthTicks(1));
    }

    @Test
    void aNullConfigIsRefused() {
        assertThrows(NullPointerException.class, () -> new SyntheticMarket(null));
    }

    @Test
    void withersChangeOnlyTheirField() {
        SyntheticMarket.Config seeded = DEFAULTS.withSeed(7);
        assertEquals(
                new SyntheticMarket.Config(
                        7,
                        DEFAULTS.instrument(),
                        DEFAULTS.session(),
                        DEFAULTS.price(),
                        DEFAULTS.flow(),
                        DEFAULTS.book(),
                        DEFAULTS.shocks(),
                        DEFAULTS.feed()),
                seeded);
        SyntheticMarket.Config shorter = DEFAULTS.withDuration(Duration.ofSeconds(30));
        assertEquals(
                new Session(
                        DEFAULTS.session().start(),
                        Duration.ofSeconds(30),
                        DEFAULTS.session().warmup()),
                shorter.session());
        assertEquals(DEFAULTS.withSession(shorter.session()), shorter);
        OrderFlow flow = DEFAULTS.withFlow(f -> f.withCancelRate(0.5)).flow();
        assertEquals(
                new OrderFlow(
                        DEFAULTS.flow().limitRate(),
                        DEFAULTS.flow().limitSizeMean(),
                        DEFAULTS.flow().marketRate(),
                        DEFAULTS.flow().marketSizeMean(),
                        0.5),
                flow);
    }

    @Test
    void summaryNamesTheMarket() {
        String summary = DEFAULTS.summary();
        assertTrue(
                summary.contains("seed 42")
                        && summary.contains("tick 0.1")
                        && summary.contains("lot 0.001")
                        && summary.contains("opening at 60000")
                        && summary.contains("10m"),
                summary);
    }
}
