package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The JSON writer's strings and numbers parse back unchanged, and its strings are safe inside HTML. */
class JsonWriterProperties {

    @Property(tries = 500)
    void anyStringRoundTripsAndIsHtmlSafe(@ForAll("strings") String s) {
        StringBuilder sb = new StringBuilder();
        JsonWriter.quote(sb, s);
        String json = sb.toString();
        assertEquals(s, MiniJson.parse(json));
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertTrue(
                    c >= 0x20 && c != '<' && c != '>' && c != '&' && c != '\u2028' && c != '\u2029',
                    "raw character U+" + Integer.toHexString(c) + " in " + json);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < json.length() && Character.isLowSurrogate(json.charAt(++i)), "paired surrogate");
            } else {
                assertTrue(!Character.isLowSurrogate(c), "no lone low surrogate");
            }
        }
    }

    @Property(tries = 500)
    void anyDoubleRoundTripsOrIsNull(@ForAll("doubles") double d) {
        StringBuilder sb = new StringBuilder();
        JsonWriter.number(sb, d);
        Object parsed = MiniJson.parse(sb.toString());
        if (Double.isFinite(d)) {
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(((MiniJson.Num) parsed).asDouble()));
        } else {
            assertNull(parsed);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void nestedStructuresKeepTheirOrderPrettyOrCompact() {
        for (boolean pretty : new boolean[] {true, false}) {
            StringBuilder sb = new StringBuilder();
            JsonWriter w = new JsonWriter(sb, pretty);
            w.beginObject();
            w.name("z").value(1L);
            w.name("a")
                    .beginArray()
                    .value("x")
                    .nullValue()
                    .value(true)
                    .beginObject()
                    .endObject()
                    .beginArray()
                    .endArray()
                    .endArray();
            w.name("m").beginObject().name("k").value(2.5).endObject();
            w.endObject();
            Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(sb.toString());
            assertEquals(List.of("z", "a", "m"), List.copyOf(doc.keySet()));
            List<Object> a = (List<Object>) doc.get("a");
            assertEquals("x", a.get(0));
            assertNull(a.get(1));
            assertEquals(true, a.get(2));
            assertEquals(Map.of(), a.get(3));
            assertEquals(List.of(), a.get(4));
            assertEquals("2.5", ((MiniJson.Num) ((Map<String, Object>) doc.get("m")).get("k")).text());
            assertEquals(pretty, sb.toString().contains("\n"));
        }
    }

    @Provide
    Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings()
                        .withChars("<>&\"'\\/\n\r\t\u2028\u2029\ud800\udc00é!s")
                        .ofMaxLength(20),
                Arbitraries.of("</script>", "<!--", "]]>", "\u0000", "😀", "\udfff\ud800"));
    }

    @Provide
    Arbitrary<Double> doubles() {
        return CsvRoundTripProperties.anyDouble();
    }
}
