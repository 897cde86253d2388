package io.factorgraph.runtime.data.binance;

import static io.factorgraph.runtime.market.EventFlags.BUY_EVENT;
import static io.factorgraph.runtime.market.EventFlags.DEPTH_BBO_EVENT;
import static io.factorgraph.runtime.market.EventFlags.DEPTH_EVENT;
import static io.factorgraph.runtime.market.EventFlags.LOCAL_EVENT;
import static io.factorgraph.runtime.market.EventFlags.SELL_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader and book on the recorded Binance feeds of {@code shared/data}. */
class BinanceFeedReaderTest {
    @Test
    void usdmBookNeverCrossesAndAgreesWithEveryBookTickerAtTheSameUpdateId() throws MarketDataException {
        OrderBook book = new OrderBook();
        long events = 0;
        long checkedTickers = 0;
        long lastDiffU = Long.MIN_VALUE;
        long boundaries = 0;
        try (BookReplay replay =
                new BookReplay(BinanceFeedReader.open(RecordedData.file("usdm_btcusdt_20240808.gz")), book)) {
            MarketEvent e = replay.event();
            while (replay.next()) {
                events++;
                assertTrue(e.isLocal() && !e.isExch(), "every event is on the local timeline only");
                if (e.endOfMessage() && book.isReady()) {
                    boundaries++;
                    assertFalse(book.isCrossed(), () -> "crossed at " + replay.position() + ": " + book);
                }
                if (e.kind() == DEPTH_EVENT && e.endOfMessage()) {
                    lastDiffU = e.ival();
                }
                if (e.kind() == DEPTH_BBO_EVENT && e.ival() == lastDiffU) {
                    // the bookTicker reports the top of the book as of update u: so must ours
                    if (e.isBuy()) {
                        assertEquals(e.px(), book.bestBid(), replay::position);
                        assertEquals(e.qty(), book.bestBidQty(), replay::position);
                    } else {
                        assertEquals(e.px(), book.bestAsk(), replay::position);
                        assertEquals(e.qty(), book.bestAskQty(), replay::position);
                        checkedTickers++;
                    }
                }
            }
            FeedStats stats = ((BinanceFeedReader) replay.source()).stats();
            assertEquals(93_954, stats.lines());
            assertEquals(598_755, stats.events());
            assertEquals(1, stats.snapshotsApplied());
            assertEquals(6_547, stats.depthDiffsApplied());
            assertEquals(4, stats.depthDiffsDropped(), "diffs before the snapshot's lastUpdateId");
            assertEquals(21_313, stats.trades());
            assertEquals(66_089, stats.bookTickers());
            assertEquals(List.of(), stats.gaps());
            assertTrue(stats.synced());
        }
        assertEquals(598_755, events);
        assertEquals(126, checkedTickers, "bookTickers whose u equals the last applied diff's u");
        assertTrue(boundaries > 90_000);
        assertEquals(5_018, book.bidDepth());
        assertEquals(4_578, book.askDepth());
    }

    @Test
    void snapshotBecomesClearAndSnapshotRowsAndHeldDiffsFollowAtItsLocalTime() throws MarketDataException {
        try (BinanceFeedReader reader = BinanceFeedReader.open(RecordedData.file("usdm_btcusdt_20240808.gz"))) {
            MarketEvent e = reader.event();
            // lines 1..54: trades and bookTickers pass through; diffs are held back
            int kind;
            do {
                assertTrue(reader.next());
                kind = e.kind();
                assertTrue(kind == EventFlags.TRADE_EVENT || kind == DEPTH_BBO_EVENT, reader::position);
            } while (!reader.position().endsWith(":54") || !e.endOfMessage());
            assertTrue(reader.next());
            assertEquals("usdm_btcusdt_20240808.gz:55", reader.position());
            assertEquals(EventFlags.DEPTH_CLEAR_EVENT | BUY_EVENT | LOCAL_EVENT, e.ev());
            assertEquals(1723161255319702566L, e.localTs());
            assertEquals(1723161256493L * 1_000_000, e.exchTs(), "the snapshot's T");
            assertEquals(5123107852948L, e.ival(), "lastUpdateId");
            int bids = 0;
            int asks = 0;
            while (reader.next() && reader.position().endsWith(":55")) {
                if (e.kind() == EventFlags.DEPTH_SNAPSHOT_EVENT) {
                    if (e.isBuy()) {
                        bids++;
                    } else {
                        asks++;
                    }
                } else {
                    assertEquals(EventFlags.DEPTH_CLEAR_EVENT | SELL_EVENT | LOCAL_EVENT, e.ev());
                }
                assertFalse(e.endOfMessage(), "the snapshot and the diffs held before it are one message");
            }
            assertEquals(1000, bids);
            assertEquals(1000, asks);
            // then the held diffs: line 42 brackets the snapshot (U <= lastUpdateId <= u), line 50 follows it;
            // lines 1, 12, 20 and 38 end before lastUpdateId and are dropped. All at the snapshot's local time.
            assertEquals("usdm_btcusdt_20240808.gz:42", reader.position());
            assertEquals(DEPTH_EVENT, e.kind());
            assertEquals(5123107853551L, e.ival());
            assertEquals(1723161255319702566L, e.localTs());
            assertEquals(1723161256505L * 1_000_000, e.exchTs(), "the diff's own T");
            while (reader.position().endsWith(":42")) {
                assertFalse(e.endOfMessage(), reader::position);
                assertTrue(reader.next());
            }
            assertEquals("usdm_btcusdt_20240808.gz:50", reader.position());
            assertEquals(5123107856210L, e.ival());
            assertEquals(1723161255319702566L, e.localTs());
            // one change, so one tick without a clock (docs/DESIGN.md §11): the message ends with the last held diff
            while (!e.endOfMessage()) {
                assertTrue(reader.next());
                assertEquals("usdm_btcusdt_20240808.gz:50", reader.position());
            }
            assertTrue(reader.next());
            assertTrue(e.localTs() > 1723161255319702566L, "the next message is the next line's");
            assertEquals(4, reader.stats().depthDiffsDropped());
        }
    }

    @Test
    void spotFilesGivenInOrderContinueOneStream() throws MarketDataException {
        OrderBook book = new OrderBook();
        long events = 0;
        long depthFromSecondFile = 0;
        long lastDiffUInFirstFile = 0;
        long firstDiffUInSecondFile = 0;
        try (BookReplay replay = new BookReplay(
                BinanceFeedReader.open(RecordedData.files("spot_btcusdt_20240808.gz", "spot_btcusdt_20240809.gz")),
                book)) {
            MarketEvent e = replay.event();
            while (replay.next()) {
                events++;
                if (e.endOfMessage() && book.isReady()) {
                    assertFalse(book.isCrossed(), replay::position);
                }
                if (e.kind() == DEPTH_EVENT && e.endOfMessage()) {
                    if (replay.position().startsWith("spot_btcusdt_20240809.gz:")) {
                        assertTrue(book.isReady());
                        if (depthFromSecondFile++ == 0) {
                            firstDiffUInSecondFile = e.ival();
                            assertEquals("spot_btcusdt_20240809.gz:1", replay.position());
                        }
                    } else {
                        lastDiffUInFirstFile = e.ival();
                    }
                }
            }
            FeedStats stats = ((BinanceFeedReader) replay.source()).stats();
            assertEquals(41_249 + 58_325, stats.lines());
            assertEquals(466_348, stats.events());
            assertEquals(List.of(), stats.gaps());
            assertEquals(1, stats.snapshotsApplied());
            assertEquals(3_451 + 3_044 - 2, stats.depthDiffsApplied(), "all diffs but the two before the snapshot");
            assertEquals(19_904, stats.trades());
            assertEquals(28_040 + 45_134, stats.bookTickers());
        }
        assertEquals(466_348, events);
        assertEquals(3_044, depthFromSecondFile);
        assertEquals(50093421584L, lastDiffUInFirstFile);
        assertEquals(50093421612L, firstDiffUInSecondFile, "its U = 50093421585 continues u = 50093421584");
        assertEquals(1_971, book.bidDepth());
        assertEquals(2_962, book.askDepth());
    }

    @Test
    void spotFilesInReverseOrderAreAnErrorNamingBoth() throws MarketDataException {
        try (BinanceFeedReader reader =
                BinanceFeedReader.open(RecordedData.files("spot_btcusdt_20240809.gz", "spot_btcusdt_20240808.gz"))) {
            MarketDataException e = assertThrows(MarketDataException.class, () -> {
                while (reader.next()) {
                    // read to the error
                }
            });
            assertEquals(
                    "spot_btcusdt_20240808.gz:1: files out of order: spot_btcusdt_20240808.gz starts at local "
                            + "time 1723161253937085768, before the last line of the file given before it, "
                            + "spot_btcusdt_20240809.gz (1723161904535092233); give the files in time order",
                    e.getMessage());
        }
    }

    @Test
    void aContinuationFileAloneHasNoSnapshot() throws MarketDataException {
        try (BinanceFeedReader reader = BinanceFeedReader.open(RecordedData.file("spot_btcusdt_20240809.gz"))) {
            MarketDataException e = assertThrows(MarketDataException.class, () -> {
                while (reader.next()) {
                    // read to the error
                }
            });
            assertEquals(
                    "no depth snapshot found in spot_btcusdt_20240809.gz: Binance book synchronisation starts "
                            + "from a REST snapshot ({\"lastUpdateId\":...})",
                    e.getMessage());
            assertEquals(3_044, reader.stats().depthDiffsPending());
        }
    }
}
