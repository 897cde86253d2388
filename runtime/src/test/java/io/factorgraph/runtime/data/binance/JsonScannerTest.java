package io.factorgraph.runtime.data.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.MarketDataException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonScannerTest {
    private static JsonScanner scanner(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        JsonScanner json = new JsonScanner();
        json.reset(bytes, 0, 0, bytes.length, "test.gz", 7);
        return json;
    }

    private static double decimal(String digits) throws MarketDataException {
        return scanner("\"" + digits + "\"").readDecimalString("price");
    }

    @Test
    void decimalsParseToTheSameDoubleAsParseDouble() throws MarketDataException {
        String[] cases = {
            "0",
            "0.0",
            "0.00000000",
            "1",
            "61800.20",
            "61800.2",
            "61800.20000000",
            "61837.63000000",
            "0.00032000",
            "0.1",
            "0.2",
            "0.3",
            "2683.81000000",
            "1000.00",
            "606.675",
            "0.00000001",
            "9007199254740992",
            "9007199254740993",
            "9007199254740993.5",
            "123456789012345678901234567890",
            "0.000000000000000000000000012345",
            "1.7976931348623157",
            "4.9",
            "99999999999999999999.99999999",
            "3.14159265358979323846264338327950288",
            "0.30000000000000004",
            "100000000000000000000000"
        };
        for (String s : cases) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(decimal(s)), s);
        }
        assertEquals(-1.5, decimal("-1.5"));
    }

    @Test
    void nonDecimalsAreRejectedWithTheText() {
        for (String s : new String[] {"NaN", "Infinity", "1e5", "", ".5", "5.", "1.2.3", "0x10", "+1", "1 ", "--1"}) {
            MarketDataException e = assertThrows(MarketDataException.class, () -> decimal(s), s);
            assertEquals("test.gz:7: bad price \"" + s + "\": not a decimal number", e.getMessage());
        }
    }

    @Test
    void integersAndBooleans() throws MarketDataException {
        assertEquals(5123107852948L, scanner("5123107852948").readLong("u"));
        assertEquals(-42, scanner(" -42").readLong("u"));
        assertTrue(scanner("true").readBoolean("m"));
        assertFalse(scanner(" false").readBoolean("m"));
        assertEquals(
                "test.gz:7: malformed JSON at column 1: integer for \"u\" does not fit in 64 bits",
                assertThrows(MarketDataException.class, () -> scanner("9223372036854775808")
                                .readLong("u"))
                        .getMessage());
        assertEquals(
                "test.gz:7: malformed JSON at column 1: expected an integer for \"u\" but found '1'",
                assertThrows(MarketDataException.class, () -> scanner("1.5").readLong("u"))
                        .getMessage());
        assertEquals(
                "test.gz:7: malformed JSON at column 1: expected true or false for \"m\" but found 't'",
                assertThrows(MarketDataException.class, () -> scanner("tru").readBoolean("m"))
                        .getMessage());
    }

    @Test
    void keysMapToCodes() throws MarketDataException {
        JsonScanner json = scanner("{\"u\":1,\"pu\":2,\"stream\":3,\"lastUpdateId\":4,\"other\":5}");
        assertTrue(json.beginObject());
        int[] codes = new int[5];
        int i = 0;
        do {
            codes[i++] = json.readKey();
            json.skipValue();
        } while (json.nextMember());
        json.expectEnd();
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new int[] {
                    'u', JsonScanner.K_PU, JsonScanner.K_STREAM, JsonScanner.K_LAST_UPDATE_ID, JsonScanner.K_OTHER
                },
                codes);
    }

    @Test
    void skipsAnyWellFormedValue() throws MarketDataException {
        JsonScanner json = scanner("[{\"a\":[1,-2.5e-3,true,false,null,\"x\\\"y\"],\"b\":{}}, [], 0] ");
        json.skipValue();
        json.expectEnd();
    }

    @Test
    void rejectsMalformedValuesWhileSkipping() {
        String[][] cases = {
            {"[1,2", "malformed JSON at column 5: expected ',' or ']' but found the end of the line"},
            {"{\"a\" 1}", "malformed JSON at column 6: expected ':' but found '1'"},
            {"{\"a\":1,}", "malformed JSON at column 8: expected a quoted key but found '}'"},
            {"\"abc", "malformed JSON at column 1: unterminated string"},
            {"[tru]", "malformed JSON at column 2: expected a value but found 't'"},
            {"[1.]", "malformed JSON at column 4: expected a digit after '.' but found ']'"},
            {"{\"a\":[}", "malformed JSON at column 7: expected a value but found '}'"},
            {"[".repeat(40) + "]".repeat(40), "malformed JSON at column 34: nesting deeper than 32 levels"},
        };
        for (String[] c : cases) {
            MarketDataException e =
                    assertThrows(MarketDataException.class, () -> scanner(c[0]).skipValue(), c[0]);
            assertEquals("test.gz:7: " + c[1], e.getMessage(), c[0]);
        }
    }

    @Test
    void trailingTextAfterTheObjectIsAnError() throws MarketDataException {
        JsonScanner json = scanner("{} x");
        assertFalse(json.beginObject());
        assertEquals(
                "test.gz:7: malformed JSON at column 4: unexpected 'x' after the end of the JSON object",
                assertThrows(MarketDataException.class, json::expectEnd).getMessage());
    }
}
