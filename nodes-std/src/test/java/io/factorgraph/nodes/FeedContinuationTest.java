package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A recorded feed cut at any line after its REST snapshot and read as two runs, the second opened with the first's
 * {@link EventSource#continuation()}, gives exactly the events one read of the whole file gives (docs/DESIGN.md §13):
 * the second part, which starts with diffs, is applied from its first line with no new snapshot, on spot
 * ({@code U == u + 1}) and futures ({@code pu == u}) alike, and through the decoding pipeline.
 */
class FeedContinuationTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} cut before line {1}, pipelined {2}")
    @CsvSource({
        "spot_btcusdt_20240808.gz, 9, false",
        "spot_btcusdt_20240808.gz, 1234, true",
        "spot_btcusdt_20240808.gz, 40000, false",
        "cm_btcusd_perp_20240808.gz, 3000, true",
        "usdm_btcusdt_20240808.gz, 56, false",
        "usdm_btcusdt_20240808.gz, 77777, true"
    })
    void aFeedCutInTwoReadsAsTheWhole(String file, int cut, boolean pipelined) throws IOException, MarketDataException {
        Path whole = RecordedData.file(file);
        Path[] parts = FeedCuts.split(whole, cut, dir);
        List<String> expected = events(BinanceFeedReader.open(List.of(whole), GapPolicy.FAIL));
        String old = System.getProperty(EventSources.PIPELINE_PROPERTY);
        System.setProperty(EventSources.PIPELINE_PROPERTY, Boolean.toString(pipelined));
        try {
            EventSource first = EventSources.open(List.of(parts[0]), GapPolicy.FAIL);
            List<String> got = events(first);
            byte[] continuation = first.continuation();
            first.close();
            EventSource second = EventSources.open(List.of(parts[1]), GapPolicy.FAIL, continuation);
            got.addAll(events(second));
            second.close();
            assertTrue(expected.size() > 1000, expected.size() + " events");
            assertEquals(expected.size(), got.size(), "event count");
            assertEquals(expected, got);
        } finally {
            if (old == null) {
                System.clearProperty(EventSources.PIPELINE_PROPERTY);
            } else {
                System.setProperty(EventSources.PIPELINE_PROPERTY, old);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"spot_btcusdt_20240808.gz", "cm_btcusd_perp_20240808.gz"})
    void aSecondPartThatSkipsLinesIsAGapNotASilentPatch(String file) throws IOException, MarketDataException {
        Path[] parts = FeedCuts.split(RecordedData.file(file), 5000, dir);
        EventSource first = BinanceFeedReader.open(List.of(parts[0]), GapPolicy.FAIL);
        events(first);
        Path later = FeedCuts.split(parts[1], 500, dir)[1];
        EventSource second = BinanceFeedReader.open(List.of(later), GapPolicy.FAIL, first.continuation());
        MarketDataException gap = assertThrows(MarketDataException.class, () -> events(second));
        assertTrue(gap.getMessage().contains("sequence gap"), gap.getMessage());
    }

    private static List<String> events(EventSource source) throws MarketDataException {
        List<String> out = new ArrayList<>();
        MarketEvent e = source.event();
        while (source.next()) {
            out.add(e.toString() + (e.endOfMessage() ? "|end" : ""));
        }
        return out;
    }
}
