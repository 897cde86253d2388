package io.factorgraph.runtime.data.binance;

import static io.factorgraph.runtime.data.binance.SyntheticFeed.T0;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.futuresDiff;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.futuresSnapshot;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.spotDiff;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.spotSnapshot;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader makes of small well-formed feeds: the events, the book, the synchronisation. */
class BinanceFeedSyntheticTest {
    @TempDir
    Path dir;

    /** Each event as {@code position flags px qty ival local exch end}, exch and local relative. */
    static List<String> events(EventSource source) throws MarketDataException {
        List<String> out = new ArrayList<>();
        MarketEvent e = source.event();
        while (source.next()) {
            out.add(source.position() + " " + EventFlags.describe(e.ev()) + " " + e.px() + " " + e.qty() + " id="
                    + e.ival() + " local=+" + (e.localTs() - T0) + " exch=" + e.exchTs() / 1_000_000 % 100_000
                    + (e.endOfMessage() ? " end" : ""));
        }
        return out;
    }

    @Test
    void mapsEveryMessageToHftbacktestEvents() throws MarketDataException {
        Path file = SyntheticFeed.futures().writeGzip(dir, "feed.gz");
        try (BinanceFeedReader reader = BinanceFeedReader.open(file)) {
            assertEquals(
                    List.of(
                            "feed.gz:2 LOCAL|BUY|DEPTH_CLEAR 99.5 0.0 id=100 local=+2000 exch=1004",
                            "feed.gz:2 LOCAL|BUY|DEPTH_SNAPSHOT 100.0 2.0 id=100 local=+2000 exch=1004",
                            "feed.gz:2 LOCAL|BUY|DEPTH_SNAPSHOT 99.5 1.0 id=100 local=+2000 exch=1004",
                            "feed.gz:2 LOCAL|SELL|DEPTH_CLEAR 101.5 0.0 id=100 local=+2000 exch=1004",
                            "feed.gz:2 LOCAL|SELL|DEPTH_SNAPSHOT 101.0 2.0 id=100 local=+2000 exch=1004",
                            "feed.gz:2 LOCAL|SELL|DEPTH_SNAPSHOT 101.5 1.0 id=100 local=+2000 exch=1004",
                            // the diff held since line 1, at the snapshot's local time and its own exchange time,
                            // in one message with the snapshot (applied together: one change, docs/DESIGN.md §11)
                            "feed.gz:1 LOCAL|BUY|DEPTH 100.0 1.0 id=100 local=+2000 exch=1000",
                            "feed.gz:1 LOCAL|SELL|DEPTH 101.0 1.0 id=100 local=+2000 exch=1000 end",
                            "feed.gz:3 LOCAL|BUY|DEPTH 100.5 3.0 id=110 local=+3000 exch=1000 end",
                            // buyer is maker: the aggressor sold
                            "feed.gz:4 LOCAL|SELL|TRADE 100.5 0.25 id=77 local=+4000 exch=1005 end",
                            "feed.gz:5 LOCAL|BUY|DEPTH_BBO 100.5 3.0 id=110 local=+5000 exch=1007",
                            "feed.gz:5 LOCAL|SELL|DEPTH_BBO 101.0 2.0 id=110 local=+5000 exch=1007 end",
                            "feed.gz:6 LOCAL|SELL|DEPTH 101.0 0.0 id=120 local=+6000 exch=1000 end"),
                    events(reader));
        }
    }

    @Test
    void rebuildsTheBook() throws MarketDataException {
        OrderBook book = new OrderBook();
        List<Boolean> readyAfterEachEvent = new ArrayList<>();
        try (BookReplay replay =
                new BookReplay(BinanceFeedReader.open(SyntheticFeed.futures().writeGzip(dir, "f.gz")), book)) {
            while (replay.next()) {
                readyAfterEachEvent.add(book.isReady());
            }
        }
        assertEquals(
                // the snapshot completes at the first event after its rows: the held diff in the same message
                List.of(false, false, false, false, false, false, true, true, true, true, true, true, true),
                readyAfterEachEvent);
        assertEquals("OrderBook[ready, bids 3, asks 1: 1.0@101.5 | 3.0@100.5 1.0@100.0 1.0@99.5 ]", book.toString());
    }

    @Test
    void spotSyncUsesUEqualsPreviousUPlusOneAndTheSnapshotPlusOneRule() throws MarketDataException {
        Path file = SyntheticFeed.spot().writeGzip(dir, "spot.gz");
        OrderBook book = new OrderBook();
        try (BookReplay replay = new BookReplay(BinanceFeedReader.open(file), book)) {
            while (replay.next()) {
                // replay
            }
            FeedStats stats = ((BinanceFeedReader) replay.source()).stats();
            assertEquals(3, stats.depthDiffsApplied());
            assertEquals(List.of(), stats.gaps());
        }
        assertEquals(100.5, book.bestBid());
        assertEquals(1, book.bidDepth());
        assertEquals(100.9, book.bestAsk());
    }

    @Test
    void spotSnapshotsAndBookTickersWithoutExchangeTimeTakeTheLatestOne() throws MarketDataException {
        Path file = new SyntheticFeed()
                .line(spotSnapshot(100, "[[\"100.00\",\"2.0\"]]", "[]"))
                .line("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":100,\"s\":\"BTCUSDT\",\"b\":\"100.00\","
                        + "\"B\":\"2.0\",\"a\":\"101.00\",\"A\":\"1.0\"}}")
                .line(spotDiff(101, 101, "[]", "[[\"101.00\",\"1.0\"]]"))
                .line("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":101,\"s\":\"BTCUSDT\",\"b\":\"100.00\","
                        + "\"B\":\"2.0\",\"a\":\"101.00\",\"A\":\"1.0\"}}")
                .writeGzip(dir, "spot.gz");
        try (BinanceFeedReader reader = BinanceFeedReader.open(file)) {
            assertEquals(
                    List.of(
                            // no exchange time seen yet: the local time stands in
                            "spot.gz:1 LOCAL|BUY|DEPTH_CLEAR 100.0 0.0 id=100 local=+1000 exch=0",
                            "spot.gz:1 LOCAL|BUY|DEPTH_SNAPSHOT 100.0 2.0 id=100 local=+1000 exch=0",
                            "spot.gz:1 LOCAL|SELL|DEPTH_CLEAR NaN 0.0 id=100 local=+1000 exch=0 end",
                            "spot.gz:2 LOCAL|BUY|DEPTH_BBO 100.0 2.0 id=100 local=+2000 exch=0",
                            "spot.gz:2 LOCAL|SELL|DEPTH_BBO 101.0 1.0 id=100 local=+2000 exch=0 end",
                            "spot.gz:3 LOCAL|SELL|DEPTH 101.0 1.0 id=101 local=+3000 exch=1002 end",
                            "spot.gz:4 LOCAL|BUY|DEPTH_BBO 100.0 2.0 id=101 local=+4000 exch=1002",
                            "spot.gz:4 LOCAL|SELL|DEPTH_BBO 101.0 1.0 id=101 local=+4000 exch=1002 end"),
                    events(reader));
        }
    }

    @Test
    void aSnapshotWhileInSyncIsSkipped() throws MarketDataException {
        Path file = SyntheticFeed.futures()
                .line(futuresSnapshot(115, "[[\"1.0\",\"1\"]]", "[[\"2.0\",\"1\"]]"))
                .line(futuresDiff(121, 130, 120, "[[\"100.6\",\"1\"]]", "[]"))
                .writeGzip(dir, "feed.gz");
        OrderBook book = new OrderBook();
        try (BookReplay replay = new BookReplay(BinanceFeedReader.open(file), book)) {
            while (replay.next()) {
                // replay
            }
            FeedStats stats = ((BinanceFeedReader) replay.source()).stats();
            assertEquals(1, stats.snapshotsApplied());
            assertEquals(1, stats.snapshotsSkipped());
        }
        assertEquals(100.6, book.bestBid());
        assertEquals(4, book.bidDepth());
    }

    @Test
    void resyncClearsTheBookRecordsTheGapAndSynchronisesOnTheNextSnapshot() throws MarketDataException {
        Path file = SyntheticFeed.futures()
                .line(futuresDiff(121, 125, 115, "[[\"100.7\",\"1\"]]", "[]")) // 7: gap
                .line(trade("100.5", "1", false, 78)) // 8
                .line(futuresDiff(126, 130, 125, "[[\"100.8\",\"1\"]]", "[]")) // 9: held
                .line(futuresSnapshot(128, "[[\"99.0\",\"5\"]]", "[[\"102.0\",\"5\"]]")) // 10
                .line(futuresDiff(131, 140, 130, "[]", "[[\"101.9\",\"2\"]]")) // 11
                .writeGzip(dir, "feed.gz");
        OrderBook book = new OrderBook();
        List<String> afterGap = new ArrayList<>();
        try (BookReplay replay = new BookReplay(BinanceFeedReader.open(List.of(file), GapPolicy.RESYNC), book)) {
            MarketEvent e = replay.event();
            while (replay.next()) {
                String position = replay.position();
                if (Integer.parseInt(position.substring(position.indexOf(':') + 1)) >= 7) {
                    afterGap.add(replay.position() + " " + EventFlags.describe(e.ev()) + " ready=" + book.isReady());
                }
            }
            FeedStats stats = ((BinanceFeedReader) replay.source()).stats();
            assertEquals(
                    List.of(new SequenceGap("feed.gz:7", "sequence gap: expected pu=120, found pu=115 (U=121, u=125)")),
                    stats.gaps());
            assertEquals(2, stats.snapshotsApplied());
            assertEquals(1, stats.depthDiffsDropped(), "the gap's own diff is older than the new snapshot");
            assertTrue(stats.synced());
        }
        assertEquals(
                List.of(
                        "feed.gz:7 LOCAL|DEPTH_CLEAR ready=false",
                        "feed.gz:8 LOCAL|BUY|TRADE ready=false",
                        "feed.gz:10 LOCAL|BUY|DEPTH_CLEAR ready=false",
                        "feed.gz:10 LOCAL|BUY|DEPTH_SNAPSHOT ready=false",
                        "feed.gz:10 LOCAL|SELL|DEPTH_CLEAR ready=false",
                        "feed.gz:10 LOCAL|SELL|DEPTH_SNAPSHOT ready=false", // the held diff of line 9 follows
                        "feed.gz:9 LOCAL|BUY|DEPTH ready=true",
                        "feed.gz:11 LOCAL|SELL|DEPTH ready=true"),
                afterGap);
        assertEquals("OrderBook[ready, bids 2, asks 2: 5.0@102.0 2.0@101.9 | 1.0@100.8 5.0@99.0 ]", book.toString());
    }

    @Test
    void resyncWithoutALaterSnapshotLeavesTheBookEmptyToTheEnd() throws MarketDataException {
        Path file = SyntheticFeed.futures()
                .line(futuresDiff(121, 125, 115, "[[\"100.7\",\"1\"]]", "[]"))
                .line(futuresDiff(126, 130, 125, "[[\"100.8\",\"1\"]]", "[]"))
                .writeGzip(dir, "feed.gz");
        OrderBook book = new OrderBook();
        try (BookReplay replay = new BookReplay(BinanceFeedReader.open(List.of(file), GapPolicy.RESYNC), book)) {
            while (replay.next()) {
                // replay
            }
            FeedStats stats = ((BinanceFeedReader) replay.source()).stats();
            assertFalse(stats.synced());
            assertEquals(2, stats.depthDiffsPending());
            assertEquals(1, stats.gaps().size());
        }
        assertFalse(book.isReady());
        assertEquals(0, book.bidDepth() + book.askDepth());
    }

    @Test
    void fieldOrderAndPlainTextFilesDoNotMatter() throws MarketDataException {
        Path file = SyntheticFeed.futures()
                .replace(
                        4,
                        "{\"data\":{\"m\":true,\"q\":\"0.25\",\"p\":\"100.5\",\"t\":77,\"T\":1700000001005,"
                                + "\"e\":\"trade\"},\"stream\":\"btcusdt@trade\"}")
                .writePlain(dir, "feed.txt");
        try (BinanceFeedReader reader = BinanceFeedReader.open(file)) {
            List<String> events = events(reader);
            assertEquals("feed.txt:4 LOCAL|SELL|TRADE 100.5 0.25 id=77 local=+4000 exch=1005 end", events.get(9));
            assertEquals(13, events.size());
        }
    }

    @Test
    void futuresTradesOtherThanMarketAreSkippedAsHftbacktestDoes() throws MarketDataException {
        Path file = SyntheticFeed.futures()
                .line(trade("100.5", "1", false, 79).replace("\"MARKET\"", "\"INSURANCE_FUND\""))
                .writeGzip(dir, "feed.gz");
        try (BinanceFeedReader reader = BinanceFeedReader.open(file)) {
            assertEquals(13, events(reader).size());
            assertEquals(1, reader.stats().tradesSkipped());
            assertEquals(1, reader.stats().trades());
        }
    }
}
