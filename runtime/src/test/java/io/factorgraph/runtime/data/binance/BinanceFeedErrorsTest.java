package io.factorgraph.runtime.data.binance;

import static io.factorgraph.runtime.data.binance.SyntheticFeed.T0;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.bookTicker;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.futuresDiff;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.futuresSnapshot;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.spotDiff;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.market.OrderBook;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input the Binance reader must refuse, each with the exact message a user sees. */
class BinanceFeedErrorsTest {
    @TempDir
    Path dir;

    /** Replays the files into a book (gaps fail, crossing fails) and returns the error's message. */
    private static String errorOf(List<Path> files) {
        MarketDataException e = assertThrows(MarketDataException.class, () -> {
            try (BookReplay replay = new BookReplay(BinanceFeedReader.open(files), new OrderBook())) {
                while (replay.next()) {
                    // replay to the error
                }
            }
        });
        return e.getMessage();
    }

    private String errorOf(SyntheticFeed feed) {
        return errorOf(List.of(feed.writeGzip(dir, "feed.gz")));
    }

    private static String line(int number, String json) {
        return (T0 + 1000L * number) + " " + json;
    }

    private static int column(String json, String fragment) {
        // columns count from the start of the line, timestamp prefix included
        return line(1, json).indexOf(fragment) + 1;
    }

    @Test
    void truncatedGzip() throws IOException {
        Path real = RecordedData.file("usdm_btcusdt_20240808.gz");
        Path cut = dir.resolve("usdm_btcusdt_20240808.gz");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(real), 1_000_000));
        long completeLines = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(cut))) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    completeLines += buf[i] == '\n' ? 1 : 0;
                }
            }
        } catch (EOFException expected) {
            // the cut
        }
        assertEquals(
                "usdm_btcusdt_20240808.gz:" + (completeLines + 1)
                        + ": truncated or corrupt gzip data: Unexpected end of ZLIB input stream",
                errorOf(List.of(cut)));
    }

    @Test
    void notGzipAtAll() throws IOException {
        Path file = Files.writeString(dir.resolve("feed.gz"), "1 {}\n");
        assertEquals(
                "feed.gz: not a gzip file: it does not start with the gzip magic bytes 1f 8b", errorOf(List.of(file)));
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("missing.gz");
        assertEquals("missing.gz: cannot open: no such file: " + missing, errorOf(List.of(missing)));
    }

    @Test
    void malformedJsonLine() {
        String json = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1700000001006 \"T\":1}}";
        assertEquals(
                "feed.gz:4: malformed JSON at column " + column(json, "\"T\"") + ": expected ',' or '}' but found '\"'",
                errorOf(SyntheticFeed.futures().replace(4, json)));
    }

    @Test
    void lineCutShort() {
        String json = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":170000000";
        assertEquals(
                "feed.gz:4: malformed JSON at column " + (line(4, json).length() + 1)
                        + ": expected ',' or '}' but found the end of the line",
                errorOf(SyntheticFeed.futures().replace(4, json)));
    }

    @Test
    void trailingGarbage() {
        String json = trade("100.5", "1", true, 1) + "}";
        assertEquals(
                "feed.gz:4: malformed JSON at column " + line(4, json).length()
                        + ": unexpected '}' after the end of the JSON object",
                errorOf(SyntheticFeed.futures().replace(4, json)));
    }

    @Test
    void emptyLineAndMissingTimestamp() {
        assertEquals(
                "feed.gz:7: empty line: expected '<local timestamp ns> <json>'",
                errorOf(SyntheticFeed.futures().raw("")));
        assertEquals(
                "feed.gz:7: malformed line: expected '<local timestamp ns> <json>'",
                errorOf(SyntheticFeed.futures().raw(trade("1", "1", true, 1))));
    }

    @Test
    void localTimeGoingBackwards() {
        SyntheticFeed feed = SyntheticFeed.futures().raw((T0 + 5500) + " " + trade("100.5", "1", true, 9));
        assertEquals(
                "feed.gz:7: local timestamp goes backwards: " + (T0 + 5500) + " after " + (T0 + 6000)
                        + " on the line before",
                errorOf(feed));
    }

    @Test
    void futuresSequenceGap() {
        SyntheticFeed feed = SyntheticFeed.futures().replace(6, futuresDiff(111, 120, 109, "[]", "[]"));
        assertEquals("feed.gz:6: sequence gap: expected pu=110, found pu=109 (U=111, u=120)", errorOf(feed));
    }

    @Test
    void spotSequenceGap() {
        SyntheticFeed feed = SyntheticFeed.spot().replace(4, spotDiff(112, 120, "[]", "[]"));
        assertEquals("feed.gz:4: sequence gap: expected U=111 (previous u + 1), found U=112 (u=120)", errorOf(feed));
    }

    @Test
    void gapBetweenTheSnapshotAndTheFirstDiff() {
        SyntheticFeed feed = SyntheticFeed.futures().replace(1, futuresDiff(105, 110, 104, "[]", "[]"));
        assertEquals(
                "feed.gz:1: sequence gap after the depth snapshot (lastUpdateId=100): the first diff to apply "
                        + "must have U <= 100, found U=105 (u=110)",
                errorOf(feed));
        SyntheticFeed spot = SyntheticFeed.spot().replace(2, spotDiff(102, 105, "[]", "[]"));
        assertEquals(
                "feed.gz:2: sequence gap after the depth snapshot (lastUpdateId=100): the first diff to apply "
                        + "must have U <= 101, found U=102 (u=105)",
                errorOf(spot));
    }

    @Test
    void crossedBookAfterAMessage() {
        SyntheticFeed feed =
                SyntheticFeed.futures().replace(3, futuresDiff(101, 110, 100, "[[\"101.2\",\"1\"]]", "[]"));
        assertEquals(
                "feed.gz:3: crossed book after applying the message: best bid 101.2 >= best ask 101.0", errorOf(feed));
    }

    @Test
    void crossingInsideAMessageIsFineWhenTheMessageUncrossesIt() throws MarketDataException {
        // the bid moves up through the old ask, which the same message removes
        Path file = SyntheticFeed.futures()
                .replace(
                        3,
                        futuresDiff(
                                101,
                                110,
                                100,
                                "[[\"101.2\",\"1\"]]",
                                "[[\"101.0\",\"0\"],[\"101.5\",\"0\"]," + "[\"101.3\",\"1\"]]"))
                .replace(5, bookTicker(110, "101.2", "1", "101.3", "1"))
                .replace(6, futuresDiff(111, 120, 110, "[]", "[]"))
                .writeGzip(dir, "feed.gz");
        OrderBook book = new OrderBook();
        try (BookReplay replay = new BookReplay(BinanceFeedReader.open(file), book)) {
            while (replay.next()) {
                // no error
            }
        }
        assertEquals(101.2, book.bestBid());
        assertEquals(101.3, book.bestAsk());
    }

    @Test
    void crossedBooksCanBeCountedInstead() throws MarketDataException {
        Path file = SyntheticFeed.futures()
                .replace(3, futuresDiff(101, 110, 100, "[[\"101.2\",\"1\"]]", "[]"))
                .writeGzip(dir, "feed.gz");
        try (BookReplay replay =
                new BookReplay(BinanceFeedReader.open(file), new OrderBook(), CrossedBookPolicy.COUNT)) {
            while (replay.next()) {
                // count
            }
            assertEquals(1, replay.crossedCount(), "line 3 crosses; line 6 removes the 101.0 ask and uncrosses");
        }
    }

    @Test
    void nanAndNegativePricesAndQuantities() {
        assertEquals(
                "feed.gz:3: bad price \"NaN\": not a decimal number",
                errorOf(SyntheticFeed.futures().replace(3, futuresDiff(101, 110, 100, "[[\"NaN\",\"3\"]]", "[]"))));
        assertEquals(
                "feed.gz:3: bad price \"-100.5\": must be a positive decimal",
                errorOf(SyntheticFeed.futures().replace(3, futuresDiff(101, 110, 100, "[[\"-100.5\",\"3\"]]", "[]"))));
        assertEquals(
                "feed.gz:3: bad price \"0.00\": must be a positive decimal",
                errorOf(SyntheticFeed.futures().replace(3, futuresDiff(101, 110, 100, "[[\"0.00\",\"3\"]]", "[]"))));
        assertEquals(
                "feed.gz:3: bad quantity \"-3\": must be a non-negative decimal",
                errorOf(SyntheticFeed.futures().replace(3, futuresDiff(101, 110, 100, "[[\"100.5\",\"-3\"]]", "[]"))));
        assertEquals(
                "feed.gz:2: bad quantity \"nan\": not a decimal number",
                errorOf(SyntheticFeed.futures().replace(2, futuresSnapshot(100, "[[\"100.0\",\"nan\"]]", "[]"))));
        assertEquals(
                "feed.gz:5: bad quantity \"NaN\": not a decimal number",
                errorOf(SyntheticFeed.futures().replace(5, bookTicker(110, "100.5", "NaN", "101.0", "2"))));
        assertEquals(
                "feed.gz:4: bad price \"1e5\": not a decimal number",
                errorOf(SyntheticFeed.futures().replace(4, trade("1e5", "1", true, 1))));
        assertEquals(
                "feed.gz:4: bad quantity \"0.000\": a trade's quantity must be positive",
                errorOf(SyntheticFeed.futures().replace(4, trade("100.5", "0.000", true, 1))));
        assertEquals(
                "feed.gz:3: malformed JSON at column "
                        + column(futuresDiff(101, 110, 100, "[[100.5,\"3\"]]", "[]"), "100.5,")
                        + ": expected a quoted decimal price but found '1'",
                errorOf(SyntheticFeed.futures().replace(3, futuresDiff(101, 110, 100, "[[100.5,\"3\"]]", "[]"))));
    }

    @Test
    void unknownStream() {
        String json = "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\"}}";
        assertEquals(
                "feed.gz:4: unknown stream \"btcusdt@aggTrade\": expected <symbol>@depth, <symbol>@depth@<n>ms, "
                        + "<symbol>@trade or <symbol>@bookTicker",
                errorOf(SyntheticFeed.futures().replace(4, json)));
        String partial = "{\"stream\":\"btcusdt@depth20@100ms\",\"data\":{}}";
        assertEquals(
                "feed.gz:4: unknown stream \"btcusdt@depth20@100ms\": expected <symbol>@depth, "
                        + "<symbol>@depth@<n>ms, <symbol>@trade or <symbol>@bookTicker",
                errorOf(SyntheticFeed.futures().replace(4, partial)));
    }

    @Test
    void anotherInstrumentsStream() {
        String json = trade("2600.1", "1", true, 5).replace("btcusdt@", "ethusdt@");
        assertEquals(
                "feed.gz:4: stream \"ethusdt@trade\" is for another instrument than btcusdt, which this feed "
                        + "started with: one reader replays one instrument",
                errorOf(SyntheticFeed.futures().replace(4, json)));
    }

    @Test
    void eventTypeNotMatchingTheStream() {
        String json = trade("100.5", "1", true, 5).replace("\"e\":\"trade\"", "\"e\":\"depthUpdate\"");
        assertEquals(
                "feed.gz:4: event type \"depthUpdate\" in a btcusdt@trade message, which carries \"trade\" events",
                errorOf(SyntheticFeed.futures().replace(4, json)));
    }

    @Test
    void missingFields() {
        String noSide = trade("100.5", "1", true, 5).replace(",\"m\":true", "");
        assertEquals(
                "feed.gz:4: trade message lacks a field it must have (\"t\", \"p\", \"q\", \"m\")",
                errorOf(SyntheticFeed.futures().replace(4, noSide)));
        String noU = futuresDiff(101, 110, 100, "[]", "[]").replace("\"u\":110,", "");
        assertEquals(
                "feed.gz:3: depthUpdate message lacks a field it must have (\"U\", \"u\", \"b\", \"a\")",
                errorOf(SyntheticFeed.futures().replace(3, noU)));
        assertEquals(
                "feed.gz:2: depth snapshot without \"asks\"",
                errorOf(SyntheticFeed.futures().replace(2, "{\"lastUpdateId\":100,\"bids\":[]}")));
        assertEquals(
                "feed.gz:4: stream message without \"data\"",
                errorOf(SyntheticFeed.futures().replace(4, "{\"stream\":\"btcusdt@trade\"}")));
    }

    @Test
    void messagesThatAreNotMarketData() {
        assertEquals(
                "feed.gz:2: the line is an error response from the exchange (it has \"code\"/\"msg\"), "
                        + "not market data",
                errorOf(SyntheticFeed.futures().replace(2, "{\"code\":-1003,\"msg\":\"Too many requests\"}")));
        assertEquals(
                "feed.gz:4: unrecognised message: neither a stream message {\"stream\":..,\"data\":..} nor a depth "
                        + "snapshot {\"lastUpdateId\":..,\"bids\":..,\"asks\":..}",
                errorOf(SyntheticFeed.futures().replace(4, "{\"result\":null,\"id\":1}")));
        assertEquals(
                "feed.gz:4: empty JSON object: expected a stream message or a depth snapshot",
                errorOf(SyntheticFeed.futures().replace(4, "{}")));
    }

    @Test
    void filesOutOfOrder() {
        Path early = SyntheticFeed.futures().writeGzip(dir, "early.gz");
        Path late = new SyntheticFeed()
                .raw((T0 + 10_000) + " " + trade("100.5", "1", true, 99))
                .writeGzip(dir, "late.gz");
        assertEquals(
                "early.gz:1: files out of order: early.gz starts at local time " + (T0 + 1000) + ", before the last "
                        + "line of the file given before it, late.gz (" + (T0 + 10_000)
                        + "); give the files in time order",
                errorOf(List.of(late, early)));
    }

    @Test
    void dataWithoutASnapshot() {
        Path a = new SyntheticFeed().line(futuresDiff(90, 100, 89, "[]", "[]")).writeGzip(dir, "a.gz");
        Path b = new SyntheticFeed()
                .raw((T0 + 5000) + " " + futuresDiff(101, 110, 100, "[]", "[]"))
                .writeGzip(dir, "b.gz");
        assertEquals(
                "no depth snapshot found in a.gz, b.gz: Binance book synchronisation starts from a REST snapshot "
                        + "({\"lastUpdateId\":...})",
                errorOf(List.of(a, b)));
    }
}
