package io.factorgraph.runtime.data.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.data.MarketDataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Decimal strings parse to exactly the double {@link Double#parseDouble} gives, whatever their digits and scale. */
class JsonScannerPropertyTest {
    private static double decimal(String digits) throws MarketDataException {
        byte[] bytes = ("\"" + digits + "\"").getBytes(StandardCharsets.US_ASCII);
        JsonScanner json = new JsonScanner();
        json.reset(bytes, 0, 0, bytes.length, "test.gz", 1);
        return json.readDecimalString("price");
    }

    @Property(tries = 3000)
    void randomDecimalsParseExactly(
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long unscaled,
            @ForAll @IntRange(min = 0, max = 30) int scale,
            @ForAll @IntRange(min = 0, max = 8) int trailingZeros)
            throws MarketDataException {
        String s = new BigDecimal(BigInteger.valueOf(unscaled), scale).toPlainString();
        if (trailingZeros > 0) {
            s = (s.contains(".") ? s : s + ".") + "0".repeat(trailingZeros);
        }
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(decimal(s)), s);
    }

    /** The feed's own shapes ("61660.10", "0.001", "12"): up to 18 digits, where the one-pass reader answers. */
    @Property(tries = 5000)
    void shortDecimalsParseExactly(
            @ForAll @LongRange(min = 0, max = 999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 12) int scale,
            @ForAll @IntRange(min = 0, max = 6) int trailingZeros,
            @ForAll @IntRange(min = 0, max = 2) int leadingZeros)
            throws MarketDataException {
        String s = "0".repeat(leadingZeros) + new BigDecimal(BigInteger.valueOf(unscaled), scale).toPlainString();
        if (trailingZeros > 0) {
            s = (s.contains(".") ? s : s + ".") + "0".repeat(trailingZeros);
        }
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(decimal(s)), s);
    }
}
