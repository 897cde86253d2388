package io.factorgraph.backtest.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@code --fees}, {@code --latency}, {@code --lot-size} per instrument: against a plain map of what was written, in any
 * order of the texts, each book gets its own value when one names it and the plain value (or the default) otherwise;
 * a book or the plain value given twice is refused naming both texts.
 */
class PerInstrumentProperties {
    private static final LotSize FALLBACK = LotSize.BINANCE_USDM_BTCUSDT;

    @Provide
    Arbitrary<Map<String, Double>> named() {
        return Arbitraries.maps(
                        Arbitraries.strings()
                                .withCharRange('a', 'e')
                                .ofMinLength(1)
                                .ofMaxLength(3),
                        Arbitraries.doubles().between(0.001, 10).ofScale(6))
                .ofMaxSize(4);
    }

    @Property
    void eachBookGetsItsOwnValueElseThePlainOne(
            @ForAll("named") Map<String, Double> named, @ForAll boolean plain, @ForAll long seed) {
        List<String> texts = new ArrayList<>();
        named.forEach((book, step) -> texts.add(book + "=" + step));
        double all = 0.5;
        if (plain) {
            texts.add(Double.toString(all));
        }
        Collections.shuffle(texts, new Random(seed));
        PerInstrument<LotSize> parsed = PerInstrument.parse(texts, FALLBACK, LotSize::parse);
        for (String book : List.of("a", "b", "c", "zz", "abc")) {
            double expected = named.containsKey(book) ? named.get(book) : plain ? all : FALLBACK.step();
            assertEquals(expected, parsed.of(book).step(), book + " of " + texts);
        }
        assertEquals(new LinkedHashMap<>(named).size(), parsed.byBook().size());
    }

    @Example
    void twiceIsRefusedNamingBothTexts() {
        assertEquals(
                "'eth=0.01': the book eth is given twice (also 'eth=0.001')",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PerInstrument.parse(
                                        List.of("eth=0.001", "0.1", "eth=0.01"), FALLBACK, LotSize::parse))
                        .getMessage());
        assertEquals(
                "'0.2': a value for every book is given twice (also '0.1'); name a book with BOOK=VALUE",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PerInstrument.parse(List.of("0.1", "0.2"), FALLBACK, LotSize::parse))
                        .getMessage());
        assertEquals(
                "'eth=x': expected a positive step such as 0.001",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> PerInstrument.parse(List.of("eth=x"), FALLBACK, LotSize::parse))
                        .getMessage());
    }

    @Example
    void checkNamesUntradedAndUnknownBooks() {
        PerInstrument<LotSize> spot = PerInstrument.parse(List.of("spot=0.01"), FALLBACK, LotSize::parse);
        assertEquals(
                "'spot=0.01': the book spot has no sink, so no simulator to set; the traded books are [perp]",
                assertThrows(IllegalArgumentException.class, () -> spot.check(List.of("perp"), List.of("perp", "spot")))
                        .getMessage());
        PerInstrument<LotSize> typo = PerInstrument.parse(List.of("prep=0.01"), FALLBACK, LotSize::parse);
        assertEquals(
                "'prep=0.01': the graph has no Book input prep (did you mean perp?); its Book inputs are [perp, spot]",
                assertThrows(IllegalArgumentException.class, () -> typo.check(List.of("perp"), List.of("perp", "spot")))
                        .getMessage());
    }
}
