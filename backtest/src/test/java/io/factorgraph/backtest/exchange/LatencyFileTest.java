package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.MarketDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The latency file format: what it accepts and how it reports bad rows ({@code file:line: detail}). */
class LatencyFileTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("lat.csv");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsRowsWithHeaderCommentsAndBlankLines() throws Exception {
        InterpolatedLatency latency = InterpolatedLatency.load(write("""
                # recorded 2024-08-08
                req_ts, exch_ts, resp_ts

                0,100,150
                1000, 1300 ,1400
                """));
        assertEquals(2, latency.rows());
        assertEquals(200, latency.entry(500));
        assertEquals(75, latency.response(700));
    }

    @Test
    void theHeaderIsOptional() throws Exception {
        assertEquals(1, InterpolatedLatency.load(write("5,10,20\n")).rows());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "req_ts,exch_ts,resp_ts\\n0,100,150\\n1000,1300\\n         | lat.csv:3: expected 3 comma-separated integers req_ts,exch_ts,resp_ts (ns), found 2 fields",
                "0,100,150\\n1000,13x0,1400\\n                              | lat.csv:2: exch_ts '13x0' is not an integer",
                "0,100,150\\n1000,900,1400\\n                               | lat.csv:2: negative entry latency: exch_ts 900 < req_ts 1000 (-100 ns)",
                "0,100,90\\n                                                | lat.csv:1: negative response latency: resp_ts 90 < exch_ts 100 (-10 ns)",
                "1000,1100,1200\\n999,1100,1200\\n                          | lat.csv:2: rows out of order: req_ts 999 is before the previous row's 1000",
                "1000,0,1200\\n                                             | lat.csv:1: exch_ts must be > 0, was 0",
                "# only a comment\\nreq_ts,exch_ts,resp_ts\\n               | lat.csv: no latency rows",
                "0,100,150,7\\n                                             | lat.csv:1: expected 3 comma-separated integers",
                "req_ts,exch_ts,resp_ts\\nreq_ts,exch_ts,resp_ts\\n         | lat.csv:2: req_ts 'req_ts' is not an integer"
            })
    void badRowsAreReportedWithFileAndLine(String content, String expected) throws IOException {
        Path file = write(content.strip().replace("\\n", "\n"));
        MarketDataException e = assertThrows(MarketDataException.class, () -> InterpolatedLatency.load(file));
        assertTrue(e.getMessage().startsWith(expected.strip()), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        MarketDataException e =
                assertThrows(MarketDataException.class, () -> InterpolatedLatency.load(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().startsWith("nope.csv: cannot open latency file: no such file"), e.getMessage());
    }

    @Test
    void rowsGivenInMemoryFollowTheSameRules() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> InterpolatedLatency.of(new long[] {0, 10}, new long[] {5, 9}, new long[] {6, 12}));
        assertTrue(e.getMessage().startsWith("latency row 1: negative entry latency"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> InterpolatedLatency.of(new long[0], new long[0], new long[0]));
        assertThrows(
                IllegalArgumentException.class, () -> InterpolatedLatency.of(new long[1], new long[2], new long[1]));
    }
}
