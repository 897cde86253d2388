package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticMarketConfigTest {
    private static final SyntheticMarket.Config DEFAULTS = SyntheticMarket.Config.defaults();

    /** Bad values for every field that can be bad; each must be refused with a message naming the field. */
    private static final Object[][] BAD = {
        {"tickSize", 0.0}, {"tickSize", -0.1}, {"tickSize", Double.NaN}, {"tickSize", Double.POSITIVE_INFINITY},
        {"tickSize", 0.1234567890123}, {"tickSize", Math.PI},
        {"lotSize", 0.0}, {"lotSize", Double.NaN}, {"lotSize", 1e-13},
        {"startPrice", 0.0}, {"startPrice", -60_000.0}, {"startPrice", Double.NaN}, {"startPrice", 50.0},
        {"startPrice", 1e15},
        {"start", null}, {"start", Instant.parse("1969-12-31T00:00:00Z")}, {"start", Instant.parse("2300-01-01T00:00:00Z")},
        {"duration", null}, {"duration", Duration.ZERO}, {"duration", Duration.ofSeconds(-1)},
        {"duration", Duration.ofDays(400)},
        {"warmup", null}, {"warmup", Duration.ofSeconds(-1)}, {"warmup", Duration.ofDays(2)},
        {"jumpRate", -1.0}, {"jumpRate", Double.NaN}, {"jumpRate", Double.POSITIVE_INFINITY}, {"jumpRate", 1e7},
        {"jumpMeanTicks", 0.5}, {"jumpMeanTicks", Double.NaN}, {"jumpMeanTicks", Double.POSITIVE_INFINITY},
        {"imbalanceSensitivity", -1.0}, {"imbalanceSensitivity", Double.NaN}, {"imbalanceSensitivity", 101.0},
        {"limitRate", 0.0}, {"limitRate", -1.0}, {"limitRate", Double.NaN},
        {"limitSizeMean", 0.0}, {"limitSizeMean", 0.0001}, {"limitSizeMean", Double.NaN},
        {"depthTicks", 0}, {"depthTicks", -5}, {"depthTicks", 50_001},
        {"placementScaleTicks", 0.0}, {"placementScaleTicks", Double.NaN},
        {"placementTailIndex", 0.0}, {"placementTailIndex", 101.0},
        {"marketRate", -1.0}, {"marketRate", Double.NaN},
        {"marketSizeMean", 0.0}, {"marketSizeMean", 0.0001},
        {"cancelRate", 0.0}, {"cancelRate", -1.0}, {"cancelRate", 1e7},
        {"shockRate", -1.0}, {"shockRate", Double.NaN},
        {"shockMeanTicks", 0.0}, {"shockMeanTicks", Double.NaN},
        {"burstDuration", null}, {"burstDuration", Duration.ofSeconds(-1)},
        {"burstIntensity", 0.5}, {"burstIntensity", Double.NaN}, {"burstIntensity", 1e5},
        {"feedLatency", null}, {"feedLatency", Duration.ofMillis(-1)}, {"feedLatency", Duration.ofHours(2)},
        {"feedJitter", null}, {"feedJitter", Duration.ofMillis(-1)}, {"feedJitter", Duration.ofMillis(6)},
    };

    /** Fields every value of whose type is valid. */
    private static final Set<String> ALWAYS_VALID = Set.of("seed", "bookTicker");

    @Test
    void defaultsAreBinanceBtcUsdtLike() {
        assertEquals(0.1, DEFAULTS.tickSize());
        assertEquals(0.001, DEFAULTS.lotSize());
        assertEquals(60_000.0, DEFAULTS.startPrice());
        assertEquals(Duration.ofMinutes(10), DEFAULTS.duration());
        assertEquals(Duration.ofMillis(5), DEFAULTS.feedLatency());
        double vol = DEFAULTS.impliedVolatility();
        assertTrue(vol > 0.3 && vol < 0.8, "a plausible bitcoin volatility, was " + vol);
    }

    @Test
    void everyBadValueIsRefusedNamingItsField() {
        List<String> problems = new ArrayList<>();
        for (Object[] bad : BAD) {
            String field = (String) bad[0];
            try {
                ConfigEdit.with(DEFAULTS, field, bad[1]);
                problems.add(field + " = " + bad[1] + " was accepted");
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().startsWith(field + " ")) {
                    problems.add(field + " = " + bad[1] + ": message does not start with the field: " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFieldThatCanBeBadIsChecked() {
        Set<String> covered = new LinkedHashSet<>();
        for (Object[] bad : BAD) {
            covered.add((String) bad[0]);
        }
        for (String field : ConfigEdit.fieldNames()) {
            assertTrue(covered.contains(field) || ALWAYS_VALID.contains(field), "no bad value tried for " + field);
        }
    }

    @Test
    void boundaryValuesAreAccepted() {
        ConfigEdit.with(DEFAULTS, "jumpRate", 0.0, "marketRate", 0.0, "shockRate", 0.0, "burstIntensity", 1.0,
                "warmup", Duration.ZERO, "feedLatency", Duration.ZERO, "feedJitter", Duration.ZERO,
                "burstDuration", Duration.ZERO, "imbalanceSensitivity", 0.0);
        ConfigEdit.with(DEFAULTS, "tickSize", 0.25, "lotSize", 1.0, "limitSizeMean", 1.0, "marketSizeMean", 1.0);
        ConfigEdit.with(DEFAULTS, "tickSize", 1e-12, "startPrice", 1e-4, "depthTicks", 1);
    }

    @Test
    void aNullConfigIsRefused() {
        assertThrows(NullPointerException.class, () -> new SyntheticMarket(null));
    }

    @Test
    void withersChangeOnlyTheirField() {
        SyntheticMarket.Config seeded = DEFAULTS.withSeed(7);
        assertEquals(7, seeded.seed());
        assertEquals(ConfigEdit.with(DEFAULTS, "seed", 7L), seeded);
        SyntheticMarket.Config shorter = DEFAULTS.withDuration(Duration.ofSeconds(30));
        assertEquals(ConfigEdit.with(DEFAULTS, "duration", Duration.ofSeconds(30)), shorter);
    }

    @Test
    void summaryNamesTheMarket() {
        String summary = DEFAULTS.summary();
        assertTrue(summary.contains("seed 42") && summary.contains("tick 0.1") && summary.contains("lot 0.001")
                && summary.contains("opening at 60000") && summary.contains("10m"), summary);
    }
}
