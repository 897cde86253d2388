package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.spi.ArgumentProblems;
import io.factorgraph.runtime.spi.Constant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The constant parameters of {@code stateless_mm} (docs/DESIGN.md §6), in the units a user writes them:
 * prices and {@code grid_interval} in price units, quantities in base units, {@code half_spread},
 * {@code skew} and {@code c1} as fractions of the mid price.
 *
 * <p>The constructor checks every parameter and their relations and throws
 * {@link IllegalArgumentException} naming each parameter that is wrong and the form it must take;
 * {@link #check} runs the same checks for the compiler, so a {@code .fg} file and Java code are held
 * to the same rules.
 *
 * @param tickSize the price grid, {@code > 0}
 * @param orderQty the quantity of each quote, {@code > 0} and at most {@code maxPosition}
 * @param maxPosition the inventory limit: no bids at or above {@code +maxPosition}, no asks at or
 *     below {@code -maxPosition}; {@code > 0}
 * @param halfSpread half the quoted spread at baseline volatility, as a fraction of mid; {@code >= 0}
 * @param skew how far the reservation price moves per {@code orderQty} of inventory, as a fraction
 *     of mid; {@code >= 0} (a negative skew would lean the quotes towards adding to the inventory)
 * @param c1 how far alpha moves the fair price: {@code fair = mid * (1 + c1 * alpha)}; any finite value
 * @param power the exponent of the volatility ratio in the half spread; {@code >= 0} (a negative power
 *     would narrow the spread as volatility rises, and make zero volatility an infinite spread)
 * @param baselineVol the volatility at which the half spread is {@code halfSpread}; {@code > 0}
 * @param gridNum quotes a side, in {@code [1, 1000]}
 * @param gridInterval the distance between a side's quotes in price units: a positive whole number of
 *     ticks (within {@code 1e-9} relative)
 * @param flattenTicks how many ticks beyond the touch the stop's closing order is priced, so that it
 *     takes liquidity; {@code >= 1}
 */
public record StrategyParams(
        double tickSize,
        double orderQty,
        double maxPosition,
        double halfSpread,
        double skew,
        double c1,
        double power,
        double baselineVol,
        int gridNum,
        double gridInterval,
        int flattenTicks) {

    public static final int DEFAULT_GRID_NUM = 1;
    public static final int MAX_GRID_NUM = 1000;
    public static final int DEFAULT_FLATTEN_TICKS = 100;

    /** The parameter names, as a {@code .fg} file writes them. */
    public static final String TICK_SIZE = "tick_size";

    public static final String ORDER_QTY = "order_qty";
    public static final String MAX_POSITION = "max_position";
    public static final String HALF_SPREAD = "half_spread";
    public static final String SKEW = "skew";
    public static final String C1 = "c1";
    public static final String POWER = "power";
    public static final String BASELINE_VOL = "baseline_vol";
    public static final String GRID_NUM = "grid_num";
    public static final String GRID_INTERVAL = "grid_interval";
    public static final String FLATTEN_TICKS = "flatten_ticks";

    public StrategyParams {
        List<String> problems = new ArrayList<>();
        check(
                tickSize,
                orderQty,
                maxPosition,
                halfSpread,
                skew,
                c1,
                power,
                baselineVol,
                gridNum,
                gridInterval,
                flattenTicks,
                (parameter, message, help) -> problems.add(message + " (" + help + ")"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid stateless_mm parameters: " + String.join("; ", problems));
        }
    }

    /** With {@code grid_num = 1}, {@code grid_interval} = one tick and {@code flatten_ticks = 100}. */
    public static StrategyParams of(
            double tickSize,
            double orderQty,
            double maxPosition,
            double halfSpread,
            double skew,
            double c1,
            double power,
            double baselineVol) {
        return new StrategyParams(
                tickSize,
                orderQty,
                maxPosition,
                halfSpread,
                skew,
                c1,
                power,
                baselineVol,
                DEFAULT_GRID_NUM,
                tickSize,
                DEFAULT_FLATTEN_TICKS);
    }

    public StrategyParams withGrid(int newGridNum, double newGridInterval) {
        return new StrategyParams(
                tickSize,
                orderQty,
                maxPosition,
                halfSpread,
                skew,
                c1,
                power,
                baselineVol,
                newGridNum,
                newGridInterval,
                flattenTicks);
    }

    public StrategyParams withFlattenTicks(int newFlattenTicks) {
        return new StrategyParams(
                tickSize,
                orderQty,
                maxPosition,
                halfSpread,
                skew,
                c1,
                power,
                baselineVol,
                gridNum,
                gridInterval,
                newFlattenTicks);
    }

    /**
     * The parameters of a {@code stateless_mm} sink binding, from its constant arguments after
     * defaults (e.g. {@code SinkBinding.constants()}). {@code grid_interval = 0}, the default, means
     * one tick.
     *
     * @throws IllegalArgumentException when an argument is missing, not a number, or fails a check
     */
    public static StrategyParams fromConstants(Map<String, Constant> constants) {
        double tick = number(constants, TICK_SIZE);
        double interval = number(constants, GRID_INTERVAL);
        return new StrategyParams(
                tick,
                number(constants, ORDER_QTY),
                number(constants, MAX_POSITION),
                number(constants, HALF_SPREAD),
                number(constants, SKEW),
                number(constants, C1),
                number(constants, POWER),
                number(constants, BASELINE_VOL),
                whole(constants, GRID_NUM),
                interval == 0 ? tick : interval,
                whole(constants, FLATTEN_TICKS));
    }

    /** {@code grid_interval} in ticks (it is a whole number of them, checked). */
    public long gridIntervalTicks() {
        return Math.round(gridInterval / tickSize);
    }

    /** The price of a tick count on this grid, see {@link Ticks#price}. */
    public double price(long ticks) {
        return Ticks.price(ticks, tickSize);
    }

    /**
     * Runs every check of the parameters, alone and together, reporting each failure as
     * {@code (parameter, message, help)}; reports nothing when they are valid.
     */
    public static void check(
            double tickSize,
            double orderQty,
            double maxPosition,
            double halfSpread,
            double skew,
            double c1,
            double power,
            double baselineVol,
            int gridNum,
            double gridInterval,
            int flattenTicks,
            ArgumentProblems problems) {
        positive(TICK_SIZE, tickSize, "the instrument's price increment, e.g. tick_size = 0.1", problems);
        positive(ORDER_QTY, orderQty, "the quantity of each quote in base units, e.g. order_qty = 0.01", problems);
        positive(MAX_POSITION, maxPosition, "the inventory limit in base units, e.g. max_position = 0.1", problems);
        nonNegative(
                HALF_SPREAD, halfSpread, "half the spread as a fraction of mid, e.g. half_spread = 0.0002", problems);
        nonNegative(
                SKEW,
                skew,
                "the reservation-price shift per order_qty of inventory, as a fraction of mid; " + "0 for none",
                problems);
        if (!Double.isFinite(c1)) {
            problems.error(
                    C1,
                    "c1 must be a finite number, found " + Constant.format(c1),
                    "the alpha sensitivity of the fair price, e.g. c1 = 0.0001");
        }
        nonNegative(POWER, power, "the exponent of vol / baseline_vol in the half spread, e.g. power = 1", problems);
        positive(BASELINE_VOL, baselineVol, "the volatility at which the half spread is half_spread", problems);
        if (gridNum < 1 || gridNum > MAX_GRID_NUM) {
            problems.error(
                    GRID_NUM,
                    "grid_num must be a whole number in [1, " + MAX_GRID_NUM + "], found " + gridNum,
                    "the number of quotes on each side, e.g. grid_num = 3");
        }
        if (flattenTicks < 1) {
            problems.error(
                    FLATTEN_TICKS,
                    "flatten_ticks must be a whole number >= 1, found " + flattenTicks,
                    "how many ticks through the touch the stop's closing order is priced, e.g. 100");
        }
        if (Double.isFinite(tickSize) && tickSize > 0) {
            checkGridInterval(tickSize, gridInterval, problems);
        }
        if (Double.isFinite(orderQty) && Double.isFinite(maxPosition) && orderQty > maxPosition) {
            problems.error(
                    ORDER_QTY,
                    "order_qty (" + Constant.format(orderQty) + ") must be at most max_position ("
                            + Constant.format(maxPosition) + ")",
                    "one fill of order_qty would take a flat position past max_position: "
                            + "lower order_qty or raise max_position");
        }
    }

    private static void checkGridInterval(double tickSize, double gridInterval, ArgumentProblems problems) {
        String tick = Constant.format(tickSize);
        String help = "use a whole number of ticks, e.g. grid_interval = " + Constant.format(tickSize * 5)
                + " for 5 ticks of " + tick;
        if (!Double.isFinite(gridInterval) || gridInterval <= 0) {
            problems.error(
                    GRID_INTERVAL,
                    "grid_interval must be a positive multiple of tick_size (" + tick + "), found "
                            + Constant.format(gridInterval),
                    help);
            return;
        }
        double ticks = gridInterval / tickSize;
        double whole = Math.rint(ticks);
        if (whole < 1 || Math.abs(ticks - whole) > 1e-9 * whole) {
            problems.error(
                    GRID_INTERVAL,
                    "grid_interval must be a positive multiple of tick_size (" + tick + "), found "
                            + Constant.format(gridInterval) + " = " + ticks + " ticks",
                    help);
        } else if (whole > Ticks.MAX_PRICE_TICKS) {
            problems.error(
                    GRID_INTERVAL,
                    "grid_interval must be at most 2^52 ticks, found " + whole + " ticks",
                    "a grid this wide cannot be quoted; use a smaller grid_interval");
        }
    }

    private static void positive(String name, double value, String help, ArgumentProblems problems) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            problems.error(name, name + " must be a finite number > 0, found " + Constant.format(value), help);
        }
    }

    private static void nonNegative(String name, double value, String help, ArgumentProblems problems) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            problems.error(name, name + " must be a finite number >= 0, found " + Constant.format(value), help);
        }
    }

    private static double number(Map<String, Constant> constants, String name) {
        return switch (constants.get(name)) {
            case Constant.Number n -> n.value();
            case null -> throw new IllegalArgumentException("stateless_mm: no argument '" + name + "'");
            default ->
                throw new IllegalArgumentException("stateless_mm: argument '" + name + "' must be a number, "
                        + "found a " + constants.get(name).kindName());
        };
    }

    private static int whole(Map<String, Constant> constants, String name) {
        double value = number(constants, name);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "stateless_mm: argument '" + name + "' must be a whole number, found " + value);
        }
        return (int) value;
    }
}
