package io.factorgraph.runtime.data.fgev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.data.npz.NpzEventReader;
import io.factorgraph.runtime.data.npz.NpzEventWriter;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .fgev} files written from real recorded feeds read back as exactly the stream the Binance reader
 * produces: every field of every event, bit for bit, and every end-of-message mark.
 */
class EventFileRoundTripTest {
    @TempDir
    static Path dir;

    private static final List<Path> USDM = RecordedData.files("usdm_btcusdt_20240808.gz");
    private static final List<Path> SPOT = RecordedData.files("spot_btcusdt_20240808.gz", "spot_btcusdt_20240809.gz");

    private static Path usdm;
    private static DataConverter.Result usdmResult;

    @BeforeAll
    static void convertUsdm() throws IOException, MarketDataException {
        usdm = dir.resolve("usdm.fgev");
        usdmResult = DataConverter.convert(USDM, GapPolicy.FAIL, usdm, null);
    }

    @Test
    void aUsdmFuturesFeedReadsBackEventForEvent() throws MarketDataException {
        assertEquals(598_755, usdmResult.events());
        assertEquals(usdmResult.bytes(), sizeOf(usdm));
        long n = assertSameStream(BinanceFeedReader.open(USDM), EventFileReader.open(usdm));
        assertEquals(598_755, n);
    }

    @Test
    void theTwoDaySpotStreamReadsBackEventForEvent() throws IOException, MarketDataException {
        Path out = dir.resolve("spot.fgev");
        DataConverter.Result result = DataConverter.convert(SPOT, GapPolicy.FAIL, out, null);
        long n = assertSameStream(BinanceFeedReader.open(SPOT), EventFileReader.open(out));
        assertEquals(result.events(), n);
        assertEquals(466_348, n, "two days of spot BTCUSDT");
        try (EventFileReader reader = EventFileReader.open(out)) {
            assertEquals("btcusdt", reader.header().symbol());
            assertEquals(
                    "fg convert --data spot_btcusdt_20240808.gz --data spot_btcusdt_20240809.gz --on-gap fail",
                    reader.header().source());
        }
    }

    @Test
    void theHeaderDescribesTheFile() throws MarketDataException {
        try (EventFileReader reader = EventFileReader.open(usdm);
                BinanceFeedReader feed = BinanceFeedReader.open(USDM)) {
            EventFileHeader h = reader.header();
            assertEquals(1, h.version());
            assertEquals(598_755, h.eventCount());
            assertEquals(EventFile.FLAG_END_OF_MESSAGE, h.flags());
            assertEquals("btcusdt", h.symbol());
            assertEquals("fg convert --data usdm_btcusdt_20240808.gz --on-gap fail", h.source());
            assertEquals(128, h.headerLength(), "64 bytes, then 7 + 55 bytes of text, rounded up to 64");
            assertEquals(128 + 598_755L * 64, h.fileSize());
            assertTrue(feed.next());
            assertEquals(feed.event().localTs(), h.firstLocalTs());
            long last = 0;
            while (feed.next()) {
                last = feed.event().localTs();
            }
            assertEquals(last, h.lastLocalTs());
        }
    }

    @Test
    void eventSourcesOpensFgevFilesAndChainsThemInOrder() throws IOException, MarketDataException {
        // split the converted file in two at a message boundary and read both as one stream
        Path first = dir.resolve("first.fgev");
        Path second = dir.resolve("second.fgev");
        try (EventFileReader reader = EventFileReader.open(usdm);
                EventFileWriter a = EventFileWriter.create(first, "btcusdt", "first half");
                EventFileWriter b = EventFileWriter.create(second, "btcusdt", "second half")) {
            MarketEvent e = reader.event();
            boolean split = false;
            long n = 0;
            while (reader.next()) {
                (split ? b : a).write(e);
                split |= ++n > 300_000 && e.endOfMessage();
            }
            a.finish();
            b.finish();
        }
        assertSameStream(BinanceFeedReader.open(USDM), EventSources.open(List.of(first, second), GapPolicy.FAIL));
        MarketDataException wrongOrder = assertThrows(MarketDataException.class, () -> {
            try (EventSource s = EventSources.open(List.of(second, first), GapPolicy.FAIL)) {
                while (s.next()) {
                    // to the error
                }
            }
        });
        assertTrue(
                wrongOrder
                        .getMessage()
                        .startsWith("first.fgev:row 0: files out of order: this file starts at " + "local time "),
                wrongOrder.getMessage());
        try (EventSource one = EventSources.open(List.of(usdm), GapPolicy.FAIL)) {
            assertInstanceOf(EventFileReader.class, one);
        }
    }

    @Test
    void eventSourcesRefusesToMixFgevWithOtherKinds() {
        MarketDataException e = assertThrows(
                MarketDataException.class, () -> EventSources.open(List.of(usdm, USDM.get(0)), GapPolicy.FAIL));
        assertEquals(
                usdm + ": the data files mix factorgraph event files (.fgev) and recorded feeds (.gz); give "
                        + "files of one kind",
                e.getMessage());
    }

    @Test
    void theBookReplayedFromTheFileMatchesTheFeedsAtEveryMessageEnd() throws MarketDataException {
        OrderBook fromFeed = new OrderBook();
        OrderBook fromFile = new OrderBook();
        long checked = 0;
        try (BookReplay a = new BookReplay(BinanceFeedReader.open(USDM), fromFeed);
                BookReplay b = new BookReplay(EventFileReader.open(usdm), fromFile)) {
            while (a.next()) {
                assertTrue(b.next());
                if (a.event().endOfMessage() && fromFeed.isReady()) {
                    assertEquals(fromFeed.bestBid(), fromFile.bestBid());
                    assertEquals(fromFeed.bestAsk(), fromFile.bestAsk());
                    assertEquals(fromFeed.bidDepth(), fromFile.bidDepth());
                    assertEquals(fromFeed.askDepth(), fromFile.askDepth());
                    checked++;
                }
            }
            assertFalse(b.next());
        }
        assertEquals(fromFeed.toString(), fromFile.toString());
        assertTrue(checked > 10_000, "message ends checked: " + checked);
    }

    @Test
    void hftbacktestNpzFilesConvertWithTheirDerivedMessageEnds() throws IOException, MarketDataException {
        Path npz = npzFixture("events.npz");
        Path out = dir.resolve("from_npz.fgev");
        DataConverter.Result result = DataConverter.convert(List.of(npz), GapPolicy.FAIL, out, "BTCUSDT");
        assertEquals("BTCUSDT", result.symbol());
        long n = assertSameStream(NpzEventReader.open(npz), EventFileReader.open(out));
        assertEquals(result.events(), n);
        try (EventFileReader reader = EventFileReader.open(out)) {
            assertEquals("fg convert --data events.npz", reader.header().source());
        }
    }

    @Test
    void eventsWrittenToAnNpzReadBackWithEveryField() throws IOException, MarketDataException {
        Path out = dir.resolve("usdm.npz");
        long bytes;
        try (EventFileReader in = EventFileReader.open(usdm);
                NpzEventWriter writer = NpzEventWriter.create(out)) {
            while (in.next()) {
                writer.write(in.event());
            }
            assertEquals(598_755, writer.eventCount());
            bytes = writer.finish();
        }
        assertEquals(sizeOf(out), bytes);
        long n = 0;
        long endsDiffer = 0;
        try (EventFileReader expected = EventFileReader.open(usdm);
                NpzEventReader actual = NpzEventReader.open(out)) {
            assertEquals(598_755, actual.eventCount());
            MarketEvent x = expected.event();
            MarketEvent y = actual.event();
            while (expected.next()) {
                assertTrue(actual.next());
                assertSameFields(x, y, "event " + n);
                endsDiffer += x.endOfMessage() != y.endOfMessage() ? 1 : 0;
                n++;
            }
            assertFalse(actual.next());
        }
        assertEquals(598_755, n);
        // An .npz has no message boundaries; the npz reader infers them from runs of equal timestamps.
        assertTrue(endsDiffer < n / 100, "inferred message ends differing: " + endsDiffer);
    }

    /** An .fgev holds the synchronised local stream only; hftbacktest needs both timelines (the .gz export). */
    @Test
    void anFgevIsNotExportedToNpz() {
        Path out = dir.resolve("refused.npz");
        MarketDataException e = assertThrows(
                MarketDataException.class, () -> DataConverter.convert(List.of(usdm), GapPolicy.FAIL, out, null));
        assertEquals(
                usdm + ": cannot write a factorgraph event file (.fgev) as an hftbacktest .npz: it holds the "
                        + "synchronised local stream only, without the exchange timeline hftbacktest needs; convert the "
                        + "recorded feed (.gz) instead",
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void anEmptyStreamMakesAValidEmptyFile() throws IOException, MarketDataException {
        Path out = dir.resolve("empty.fgev");
        try (EventFileWriter writer = EventFileWriter.create(out, "", "")) {
            EventFileHeader h = writer.finish();
            assertEquals(0, h.eventCount());
            assertEquals(64, h.headerLength());
        }
        assertEquals(64, sizeOf(out));
        try (EventFileReader reader = EventFileReader.open(out)) {
            assertFalse(reader.next());
            assertFalse(reader.next());
            assertEquals("empty.fgev:row 0", reader.position());
        }
    }

    @Test
    void withoutTheEndOfMessageFlagEveryEventEndsAMessageAndEvIsAsStored() throws IOException, MarketDataException {
        Path out = dir.resolve("no_marks.fgev");
        try (EventFileWriter writer = EventFileWriter.create(out, "", "")) {
            writer.write(EventFlags.LOCAL_EVENT | EventFlags.TRADE_EVENT, 1, 2, 3, 4, 5, 6, 7, false);
            writer.finish();
        }
        EventFileErrorsTest.patchLong(out, 24, 0); // clear FLAG_END_OF_MESSAGE
        try (EventFileReader reader = EventFileReader.open(out)) {
            assertTrue(reader.next());
            assertTrue(reader.event().endOfMessage());
            assertEquals(
                    EventFlags.LOCAL_EVENT | EventFlags.TRADE_EVENT,
                    reader.event().ev());
        }
    }

    /** Reads both to the end, asserting equal events; returns the count. Closes both. */
    static long assertSameStream(EventSource expected, EventSource actual) throws MarketDataException {
        long n = 0;
        try (expected;
                actual) {
            MarketEvent x = expected.event();
            MarketEvent y = actual.event();
            while (expected.next()) {
                assertTrue(actual.next(), "event " + n + " missing");
                String at = "event " + n;
                assertSameFields(x, y, at);
                assertEquals(x.endOfMessage(), y.endOfMessage(), at);
                n++;
            }
            assertFalse(actual.next(), "events after " + n);
        }
        return n;
    }

    private static void assertSameFields(MarketEvent x, MarketEvent y, String at) {
        if (x.ev() != y.ev()
                || x.exchTs() != y.exchTs()
                || x.localTs() != y.localTs()
                || x.orderId() != y.orderId()
                || x.ival() != y.ival()
                || bits(x.px()) != bits(y.px())
                || bits(x.qty()) != bits(y.qty())
                || bits(x.fval()) != bits(y.fval())) {
            assertEquals(x.toString(), y.toString(), at);
            assertEquals(bits(x.px()), bits(y.px()), at + " px bits");
            assertEquals(bits(x.qty()), bits(y.qty()), at + " qty bits");
            assertEquals(bits(x.fval()), bits(y.fval()), at + " fval bits");
        }
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path npzFixture(String name) {
        try {
            return Path.of(
                    EventFileRoundTripTest.class.getResource("/npz/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
