package io.factorgraph.runtime.data.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.data.MarketDataException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

/** Decimal strings parse to exactly the double {@link Double#parseDouble} gives, whatever their digits and scale. */
class JsonScannerPropertyTest {
    /** What follows a price in a depth level: long enough that the eight-byte reader may load two words. */
    private static final String LEVEL_TAIL = ",\"0.00100000\"],[\"61659.90\",\"2.5\"]]";

    private static double decimal(String digits) throws MarketDataException {
        return decimal(digits, "");
    }

    /** Reads {@code "digits"} followed by {@code tail}, checking that the scanner stops right after the quote. */
    private static double decimal(String digits, String tail) throws MarketDataException {
        byte[] bytes = ("\"" + digits + "\"" + tail).getBytes(StandardCharsets.ISO_8859_1);
        JsonScanner json = new JsonScanner();
        json.reset(bytes, 0, 0, bytes.length, "test.gz", 1);
        double value = json.readDecimalString("price");
        assertEquals(digits.length() + 2, json.position(), "where the scanner stopped after " + digits);
        return value;
    }

    /** The value and where the scanner stopped, or the error's message, of reading {@code "text"} then a tail. */
    private static String outcome(String text, String tail) {
        byte[] bytes = ("\"" + text + "\"" + tail).getBytes(StandardCharsets.ISO_8859_1);
        JsonScanner json = new JsonScanner();
        json.reset(bytes, 0, 0, bytes.length, "test.gz", 1);
        try {
            double value = json.readDecimalString("price");
            return Long.toHexString(Double.doubleToRawLongBits(value)) + " up to " + json.position();
        } catch (MarketDataException e) {
            return e.getMessage();
        }
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
        assertEquals(
                Double.doubleToRawLongBits(Double.parseDouble(s)),
                Double.doubleToRawLongBits(decimal(s, LEVEL_TAIL)),
                s + " inside a level");
    }

    /**
     * Inside a line, where the eight-byte reader answers the feed's shapes: whatever the text between the quotes
     * (digits, dots, signs, exponents, a byte above 127), the value or the error is the one the byte-by-byte reader
     * gives at the end of a buffer, where there is no room for it.
     */
    @Property(tries = 5000)
    void insideALineTheSameValueOrErrorAsAlone(
            @ForAll
                    @CharRange(from = '-', to = '9')
                    @Chars({'e', 'E', '+', '\u00e9', '"', ' '})
                    @StringLength(min = 0, max = 19)
                    String text) {
        String alone = outcome(text, "");
        assertEquals(alone, outcome(text, LEVEL_TAIL), text);
        assertEquals(alone, outcome(text, "                "), text + " before spaces");
    }
}
