package io.factorgraph.runtime.data.npz;

import static io.factorgraph.runtime.data.npz.HftbacktestReference.BUY;
import static io.factorgraph.runtime.data.npz.HftbacktestReference.CLEAR;
import static io.factorgraph.runtime.data.npz.HftbacktestReference.DEPTH;
import static io.factorgraph.runtime.data.npz.HftbacktestReference.EXCH;
import static io.factorgraph.runtime.data.npz.HftbacktestReference.LOCAL;
import static io.factorgraph.runtime.data.npz.HftbacktestReference.SELL;
import static io.factorgraph.runtime.data.npz.HftbacktestReference.SNAPSHOT;
import static io.factorgraph.runtime.data.npz.HftbacktestReference.TRADE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.npz.HftbacktestReference.Row;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg convert FEED.gz -o OUT.npz} writes what hftbacktest's {@code binancefutures.convert} writes: the
 * golden values hftbacktest's notebooks print for this file, then every row against a naive reference
 * ({@link HftbacktestReference}), read back through our own {@link NpzEventReader}.
 */
class FeedExportTest {
    private static final Path USDM = RecordedData.file("usdm_btcusdt_20240808.gz");

    @TempDir
    static Path dir;

    private static DataConverter.Result result;
    private static List<Row> written;
    private static List<Row> reference;

    @BeforeAll
    static void convertOnce() throws IOException, MarketDataException {
        Path out = dir.resolve("usdm.npz");
        result = DataConverter.convert(List.of(USDM), GapPolicy.FAIL, out, null);
        written = readBack(out);
        reference = HftbacktestReference.corrected(HftbacktestReference.rawRows(USDM, false));
    }

    @Test
    void goldenValuesFromHftbacktestsNotebook() {
        assertEquals(1_272_156_851L, result.localShiftNs(), "local_timestamp is ahead of exch_timestamp by");
        assertEquals(
                new Row(3758096385L, 1723161256298000000L, 1723161256302471518L, 58710.2, 0.014, 0, 0, 0.0),
                written.get(0));
        assertEquals(
                new Row(3758096385L, 1723161601054000000L, 1723161601105649435L, 61632.6, 0.0, 0, 0, 0.0),
                written.get(written.size() - 1));
        assertEquals(written.size(), result.events());
    }

    @Test
    void everyRowIsTheReferenceConversions() {
        assertEquals(reference.size(), written.size());
        for (int i = 0; i < written.size(); i++) {
            if (!reference.get(i).equals(written.get(i))) {
                assertEquals(reference.get(i), written.get(i), "row " + i);
            }
        }
    }

    @Test
    void rowsOfEachKindAndTimelineAsTheRawFileHasThem() throws IOException {
        Map<String, Long> raw = countByKind(HftbacktestReference.rawRows(USDM, false), r -> "");
        Map<String, Long> out = countByKind(written, FeedExportTest::timeline);
        for (String kind : List.of(
                "depth bid",
                "depth ask",
                "trade buy",
                "trade sell",
                "snapshot bid",
                "snapshot ask",
                "clear bid",
                "clear ask")) {
            long n = raw.getOrDefault(kind + " ", 0L);
            assertTrue(n > 0, kind);
            long exchOnly = out.getOrDefault(kind + " exchange-only", 0L);
            long localOnly = out.getOrDefault(kind + " local-only", 0L);
            long both = out.getOrDefault(kind + " both", 0L);
            assertEquals(n, both + exchOnly, kind + " rows on the exchange timeline");
            assertEquals(n, both + localOnly, kind + " rows on the local timeline");
        }
        assertEquals(1L, raw.get("clear bid "), "the file has one REST snapshot (line 55)");
        assertEquals(1L, raw.get("clear ask "), "the file has one REST snapshot (line 55)");
        assertEquals(countByKind(reference, FeedExportTest::timeline), out);
        long split = written.stream()
                .filter(r -> timeline(r).equals("exchange-only"))
                .count();
        assertTrue(split > 1000, "exchange times in receive order go back often: " + split + " rows split");
    }

    @Test
    void bookTickerRowsOnlyWhenAsked() throws IOException, MarketDataException {
        assertTrue(written.stream()
                .noneMatch(r -> (r.ev() & 0xFF) == FeedExport.BEST_BID_EVENT
                        || (r.ev() & 0xFF) == FeedExport.BEST_ASK_EVENT
                        || (r.ev() & 0xFF) == 5));
        Path out = dir.resolve("bbo.npz");
        DataConverter.Result bbo = DataConverter.convert(List.of(USDM), GapPolicy.FAIL, out, null, true);
        List<Row> rows = readBack(out);
        assertEquals(HftbacktestReference.corrected(HftbacktestReference.rawRows(USDM, true)), rows);
        long bids = rows.stream()
                .filter(r -> (r.ev() & 0xFF) == FeedExport.BEST_BID_EVENT)
                .count();
        assertTrue(bids > 10_000, "bookTicker messages: " + bids);
        assertEquals(bbo.events(), rows.size());
    }

    @Test
    void exchangeAndLocalTimelinesEachNeverGoBack() {
        assertBothTimelinesInOrder(written);
    }

    /**
     * Spot feeds have no {@code T} on depth diffs and none at all on snapshots (hftbacktest's futures converter
     * cannot read them); they take {@code E}, else the latest exchange time, and still make a valid file.
     */
    @Test
    void aSpotStreamOfTwoFilesExportsWithBothTimelinesInOrder() throws IOException, MarketDataException {
        Path out = dir.resolve("spot.npz");
        DataConverter.Result spot = DataConverter.convert(
                RecordedData.files("spot_btcusdt_20240808.gz", "spot_btcusdt_20240809.gz"), GapPolicy.FAIL, out, null);
        List<Row> rows = readBack(out);
        assertEquals(spot.events(), rows.size());
        assertTrue(
                spot.localShiftNs() > 1_000_000_000L && spot.localShiftNs() < 2_000_000_000L,
                "the recorder's clock ran about 1.27 s behind: " + spot.localShiftNs());
        assertBothTimelinesInOrder(rows);
        assertEquals(
                2,
                rows.stream()
                        .filter(r -> (r.ev() & 0xFF) == CLEAR && (r.ev() & LOCAL) != 0)
                        .count(),
                "one snapshot (the second file continues the first), a clear a side");
    }

    private static void assertBothTimelinesInOrder(List<Row> rows) {
        long exch = Long.MIN_VALUE;
        long local = Long.MIN_VALUE;
        for (Row r : rows) {
            if ((r.ev() & EXCH) != 0) {
                assertTrue(r.exchTs() >= exch);
                exch = r.exchTs();
            }
            if ((r.ev() & LOCAL) != 0) {
                assertTrue(r.localTs() >= local);
                local = r.localTs();
            }
            assertTrue(r.localTs() >= r.exchTs(), "no negative feed latency");
        }
    }

    private static String timeline(Row r) {
        boolean exch = (r.ev() & EXCH) != 0;
        boolean local = (r.ev() & LOCAL) != 0;
        return exch && local ? "both" : exch ? "exchange-only" : local ? "local-only" : "neither";
    }

    private static Map<String, Long> countByKind(List<Row> rows, Function<Row, String> timeline) {
        return rows.stream()
                .collect(Collectors.groupingBy(
                        r -> kind(r) + " " + timeline.apply(r), TreeMap::new, Collectors.counting()));
    }

    private static String kind(Row r) {
        long kind = r.ev() & 0xFF;
        String name = kind == DEPTH
                ? "depth"
                : kind == TRADE ? "trade" : kind == SNAPSHOT ? "snapshot" : kind == CLEAR ? "clear" : "kind " + kind;
        String side = (r.ev() & BUY) != 0
                ? (kind == TRADE ? "buy" : "bid")
                : (r.ev() & SELL) != 0 ? (kind == TRADE ? "sell" : "ask") : "none";
        return name + " " + side;
    }

    private static List<Row> readBack(Path npz) throws MarketDataException {
        List<Row> rows = new ArrayList<>();
        try (NpzEventReader reader = NpzEventReader.open(npz)) {
            MarketEvent e = reader.event();
            while (reader.next()) {
                rows.add(new Row(e.ev(), e.exchTs(), e.localTs(), e.px(), e.qty(), e.orderId(), e.ival(), e.fval()));
            }
        }
        return rows;
    }
}
