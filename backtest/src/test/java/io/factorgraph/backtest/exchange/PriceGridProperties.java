package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Prices and quantities on the grid come back as the very doubles their decimal strings parse to. */
class PriceGridProperties {
    private static final String[] STEPS = {"0.1", "0.01", "0.5", "0.25", "0.001", "0.00001", "1", "10", "0.05", "2.5"};

    @Property(tries = 2000)
    void aMultipleOfTheStepIsTheDoubleItsDecimalParsesTo(
            @ForAll @LongRange(min = 1, max = 2_000_000_000L) long steps,
            @ForAll @LongRange(min = 0, max = 9) long which) {
        String step = STEPS[(int) which];
        PriceGrid grid = new PriceGrid(Double.parseDouble(step), Double.parseDouble(step));
        double expected = Double.parseDouble(
                new BigDecimal(step).multiply(BigDecimal.valueOf(steps)).toPlainString());
        assertEquals(expected, grid.price(steps), 0.0);
        assertEquals(expected, grid.qty(steps), 0.0);
        assertEquals(steps, grid.ticks(expected));
        assertEquals(steps, grid.lots(expected));
        assertEquals(-steps, grid.ticksOrInvalid(-expected));
    }

    @Property(tries = 500)
    void decimalStringsOfPricesMapToTheirTicks(
            @ForAll @LongRange(min = 1, max = 99_999_999) long whole,
            @ForAll @StringLength(min = 0, max = 1) @Chars({'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'})
                    String tenth) {
        String text = whole + (tenth.isEmpty() ? "" : "." + tenth);
        PriceGrid grid = new PriceGrid(0.1, 0.001);
        long expected = new BigDecimal(text).movePointRight(1).longValueExact();
        assertEquals(expected, grid.ticks(Double.parseDouble(text)));
        assertEquals(Double.parseDouble(text), grid.price(expected), 0.0);
    }

    @Property(tries = 500)
    void offGridValuesAreRefused(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long ticks) {
        PriceGrid grid = new PriceGrid(0.1, 0.001);
        assertEquals(Long.MIN_VALUE, grid.ticksOrInvalid(grid.price(ticks) + 0.05));
        assertEquals(Long.MIN_VALUE, grid.ticksOrInvalid(Double.NaN));
        assertEquals(Long.MIN_VALUE, grid.lotsOrInvalid(Double.POSITIVE_INFINITY));
    }
}
