package io.factorgraph.runtime.data.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.gzip.WholeGzip;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a gzip file's work happens: opening checks it, the first line inflates it. A feed decoded on a thread of its
 * own is opened by the replay's thread and read by the decoder's, so an inflation at open would run on the wrong
 * thread, before the pipeline starts (it did: the pipelined replay was slower than one thread on two cores).
 */
class LineReaderTest {
    @TempDir
    Path dir;

    @Test
    void openingDoesNotInflateTheFileAndTheFirstLineDoes() throws Exception {
        assertTrue(WholeGzip.available(), "libdeflate is installed by bin/test; this test is about its path");
        Path file = RecordedData.file("spot_btcusdt_20240808.gz");
        String expected;
        try (BufferedReader jdk = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.ISO_8859_1))) {
            expected = jdk.readLine();
        }
        try (LineReader lines = LineReader.open(file)) {
            assertFalse(lines.inflatedWhole(), "inflated at open");
            assertTrue(lines.next());
            assertTrue(lines.inflatedWhole(), "not inflated whole by the first line");
            assertEquals(expected, text(lines));
            assertEquals(1, lines.lineNumber());
        }
    }

    @Test
    void aCorruptGzipHeaderFailsAtOpenNotAtTheFirstLine() throws IOException {
        Path file = Files.write(dir.resolve("feed.gz"), new byte[] {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0});
        MarketDataException e = assertThrows(MarketDataException.class, () -> LineReader.open(file));
        assertEquals("feed.gz: corrupt gzip header: Unsupported compression method", e.getMessage());
    }

    private static String text(LineReader lines) {
        return new String(lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.ISO_8859_1);
    }
}
