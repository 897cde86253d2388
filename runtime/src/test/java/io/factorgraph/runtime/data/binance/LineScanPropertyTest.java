package io.factorgraph.runtime.data.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The word-at-a-time newline search finds the first newline of any range, as a byte-by-byte search does. */
class LineScanPropertyTest {
    @Property(tries = 3000)
    void findsTheFirstNewlineOfAnyRange(
            @ForAll @Size(max = 64) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 64) int from,
            @ForAll @IntRange(min = 0, max = 64) int to,
            @ForAll @IntRange(min = 0, max = 4) int newlines,
            @ForAll long seed) {
        Random random = new Random(seed);
        for (int k = 0; k < newlines && bytes.length > 0; k++) {
            bytes[random.nextInt(bytes.length)] = '\n';
        }
        int a = Math.min(from, bytes.length);
        int b = Math.max(a, Math.min(to, bytes.length));
        int expected = -1;
        for (int i = a; i < b; i++) {
            if (bytes[i] == '\n') {
                expected = i;
                break;
            }
        }
        assertEquals(expected, LineReader.indexOfNewline(bytes, a, b));
    }
}
