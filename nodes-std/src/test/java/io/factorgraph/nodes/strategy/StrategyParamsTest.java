package io.factorgraph.nodes.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.spi.Constant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyParamsTest {
    static final StrategyParams GOOD =
            new StrategyParams(0.1, 0.01, 0.1, 0.0002, 0.00005, 0.0001, 1.0, 0.0001, 3, 0.5, 100);

    static String problem(Runnable construct) {
        return assertThrows(IllegalArgumentException.class, construct::run).getMessage();
    }

    @Test
    void gridIntervalIsConvertedToTicks() {
        assertEquals(5, GOOD.gridIntervalTicks());
        // 0.3 / 0.1 = 2.9999999999999996: a multiple within 1e-9 relative
        assertEquals(3, GOOD.withGrid(2, 0.3).gridIntervalTicks());
        assertEquals(4, new StrategyParams(25, 1, 2, 0, 0, 0, 1, 1, 2, 100, 100).gridIntervalTicks());
    }

    @Test
    void eachBadParameterIsNamedWithTheFormItMustTake() {
        record Case(String expected, Runnable construct) {}
        List<Case> cases = List.of(
                new Case(
                        "tick_size must be a finite number > 0, found 0",
                        () -> new StrategyParams(0, 0.01, 0.1, 0, 0, 0, 1, 1, 1, 0.1, 100)),
                new Case(
                        "order_qty must be a finite number > 0, found -1",
                        () -> new StrategyParams(0.1, -1, 0.1, 0, 0, 0, 1, 1, 1, 0.1, 100)),
                new Case(
                        "max_position must be a finite number > 0, found NaN",
                        () -> new StrategyParams(0.1, 0.01, Double.NaN, 0, 0, 0, 1, 1, 1, 0.1, 100)),
                new Case(
                        "half_spread must be a finite number >= 0, found -0.1",
                        () -> new StrategyParams(0.1, 0.01, 0.1, -0.1, 0, 0, 1, 1, 1, 0.1, 100)),
                new Case(
                        "skew must be a finite number >= 0, found -1",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, -1, 0, 1, 1, 1, 0.1, 100)),
                new Case(
                        "c1 must be a finite number, found Infinity",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, Double.POSITIVE_INFINITY, 1, 1, 1, 0.1, 100)),
                new Case(
                        "power must be a finite number >= 0, found -1",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, 0, -1, 1, 1, 0.1, 100)),
                new Case(
                        "baseline_vol must be a finite number > 0, found 0",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, 0, 1, 0, 1, 0.1, 100)),
                new Case(
                        "grid_num must be a whole number in [1, 1000], found 0",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, 0, 1, 1, 0, 0.1, 100)),
                new Case(
                        "grid_interval must be a positive multiple of tick_size (0.1), found 0.25",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, 0, 1, 1, 2, 0.25, 100)),
                new Case(
                        "grid_interval must be a positive multiple of tick_size (0.1), found 0",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, 0, 1, 1, 2, 0, 100)),
                new Case(
                        "grid_interval must be a positive multiple of tick_size (0.1), found 0.05",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, 0, 1, 1, 2, 0.05, 100)),
                new Case(
                        "flatten_ticks must be a whole number >= 1, found 0",
                        () -> new StrategyParams(0.1, 0.01, 0.1, 0, 0, 0, 1, 1, 1, 0.1, 0)),
                new Case(
                        "order_qty (0.2) must be at most max_position (0.1)",
                        () -> new StrategyParams(0.1, 0.2, 0.1, 0, 0, 0, 1, 1, 1, 0.1, 100)));
        for (Case c : cases) {
            String message = problem(c.construct());
            assertTrue(message.contains(c.expected()), "expected '" + c.expected() + "' in: " + message);
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String message = problem(() -> new StrategyParams(-0.1, 0, 0, 0, 0, 0, 1, 1, 1, 0.1, 100));
        assertTrue(
                message.contains("tick_size") && message.contains("order_qty") && message.contains("max_position"),
                message);
    }

    @Test
    void fromConstantsReadsASinkBindingWithGridIntervalZeroAsOneTick() {
        Map<String, Constant> constants = new HashMap<>(Map.of(
                "tick_size",
                Constant.number(0.5),
                "order_qty",
                Constant.number(1),
                "max_position",
                Constant.number(3),
                "half_spread",
                Constant.number(0.001),
                "skew",
                Constant.number(0),
                "c1",
                Constant.number(-0.5),
                "power",
                Constant.number(2),
                "baseline_vol",
                Constant.number(0.01),
                "grid_num",
                Constant.number(4),
                "grid_interval",
                Constant.number(0)));
        constants.put("flatten_ticks", Constant.number(20));
        StrategyParams params = StrategyParams.fromConstants(constants);
        assertEquals(new StrategyParams(0.5, 1, 3, 0.001, 0, -0.5, 2, 0.01, 4, 0.5, 20), params);
        constants.remove("c1");
        assertTrue(problem(() -> StrategyParams.fromConstants(constants)).contains("no argument 'c1'"));
        constants.put("c1", Constant.bool(true));
        assertTrue(problem(() -> StrategyParams.fromConstants(constants)).contains("'c1' must be a number"));
    }
}
