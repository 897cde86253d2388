package io.factorgraph.runtime.data.binance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Small hand-written Binance feeds in the recorder's format, for tests of single behaviours and errors. */
final class SyntheticFeed {
    static final long T0 = 1_700_000_000_000_000_000L;

    private final List<String> lines = new ArrayList<>();

    /** Appends a message line; its local time is {@code T0 + 1000 * (line number)}. */
    SyntheticFeed line(String json) {
        lines.add((T0 + 1000L * (lines.size() + 1)) + " " + json);
        return this;
    }

    /** Appends a line exactly as given (no timestamp prefix added). */
    SyntheticFeed raw(String line) {
        lines.add(line);
        return this;
    }

    /** Replaces line {@code number} (1-based) with a message line. */
    SyntheticFeed replace(int number, String json) {
        lines.set(number - 1, (T0 + 1000L * number) + " " + json);
        return this;
    }

    Path writeGzip(Path dir, String name) {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Path writePlain(Path dir, String name) {
        try {
            return Files.writeString(dir.resolve(name), text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text() {
        return String.join("\n", lines) + "\n";
    }

    static String futuresDiff(long first, long last, long prev, String bids, String asks) {
        return "{\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000001001,"
                + "\"T\":1700000001000,\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"pu\":" + prev
                + ",\"b\":" + bids + ",\"a\":" + asks + "}}";
    }

    static String spotDiff(long first, long last, String bids, String asks) {
        return "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000001002,"
                + "\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"b\":" + bids + ",\"a\":" + asks + "}}";
    }

    static String futuresSnapshot(long lastUpdateId, String bids, String asks) {
        return "{\"lastUpdateId\":" + lastUpdateId + ",\"E\":1700000001003,\"T\":1700000001004,\"bids\":" + bids
                + ",\"asks\":" + asks + "}";
    }

    static String spotSnapshot(long lastUpdateId, String bids, String asks) {
        return "{\"lastUpdateId\":" + lastUpdateId + ",\"bids\":" + bids + ",\"asks\":" + asks + "}";
    }

    static String trade(String price, String qty, boolean buyerIsMaker, long id) {
        return "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1700000001006,\"T\":1700000001005,"
                + "\"s\":\"BTCUSDT\",\"t\":" + id + ",\"p\":\"" + price + "\",\"q\":\"" + qty + "\",\"X\":\"MARKET\","
                + "\"m\":" + buyerIsMaker + "}}";
    }

    static String bookTicker(long id, String bid, String bidQty, String ask, String askQty) {
        return "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\",\"u\":" + id + ",\"s\":\"BTCUSDT\","
                + "\"b\":\"" + bid + "\",\"B\":\"" + bidQty + "\",\"a\":\"" + ask + "\",\"A\":\"" + askQty + "\","
                + "\"T\":1700000001007,\"E\":1700000001008}}";
    }

    /**
     * A well-formed futures feed: a held diff, the snapshot, a diff, a trade, a bookTicker, a diff.
     * The book ends as bids 100.5 x 3, 100.0 x 1, 99.5 x 1 and asks 101.5 x 1.
     */
    static SyntheticFeed futures() {
        return new SyntheticFeed()
                .line(futuresDiff(90, 100, 89, "[[\"100.0\",\"1\"]]", "[[\"101.0\",\"1\"]]"))
                .line(futuresSnapshot(
                        100, "[[\"100.0\",\"2\"],[\"99.5\",\"1\"]]", "[[\"101.0\",\"2\"],[\"101.5\",\"1\"]]"))
                .line(futuresDiff(101, 110, 100, "[[\"100.5\",\"3\"]]", "[]"))
                .line(trade("100.5", "0.25", true, 77))
                .line(bookTicker(110, "100.5", "3", "101.0", "2"))
                .line(futuresDiff(111, 120, 110, "[]", "[[\"101.0\",\"0\"]]"));
    }

    /** A well-formed spot feed: snapshot, then diffs that continue with U = previous u + 1. */
    static SyntheticFeed spot() {
        return new SyntheticFeed()
                .line(spotSnapshot(100, "[[\"100.00\",\"2.0\"]]", "[[\"101.00\",\"2.0\"]]"))
                .line(spotDiff(95, 105, "[[\"100.50\",\"1.0\"]]", "[]"))
                .line(spotDiff(106, 110, "[]", "[[\"100.90\",\"1.0\"]]"))
                .line(spotDiff(111, 120, "[[\"100.00\",\"0.0\"]]", "[]"));
    }
}
