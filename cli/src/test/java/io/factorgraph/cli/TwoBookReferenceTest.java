package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent reference for {@code fg run} of a two-book graph on the recorded files (docs/DESIGN.md §11): a
 * sorted-map book per feed, a plain sort of the two feeds' messages by (local time, input order), and the clock rule
 * written out, none of it the runtime's book, merge or clock. Only the parsing of the files is shared (the events
 * come from the runtime's {@link EventSource}). Every row must agree to 1e-9 relative, with and without a clock.
 */
class TwoBookReferenceTest {
    private static final List<Path> PERP = List.of(RecordedData.file("usdm_btcusdt_20240808.gz"));
    private static final List<Path> SPOT =
            List.of(RecordedData.file("spot_btcusdt_20240808.gz"), RecordedData.file("spot_btcusdt_20240809.gz"));
    private static final String GRAPH = """
            input perp: Book
            input spot: Book
            basis = mid(perp) / mid(spot) - 1
            rel_spread = spread(perp) / mid(perp)
            micro = microprice(spot)
            obi = obi_norm(spot, 0.001)
            """;

    @TempDir
    static Path dir;

    private static Path graph;
    private static List<Message> merged;

    @BeforeAll
    static void readFeeds() throws IOException, MarketDataException {
        graph = Files.writeString(dir.resolve("two_books.fg"), GRAPH);
        List<Message> perp = messages(0, PERP);
        List<Message> spot = messages(1, SPOT);
        long end = Math.min(perp.getLast().ts, spot.getLast().ts);
        List<Message> all = new ArrayList<>(perp);
        all.addAll(spot);
        // a plain stable sort: by local time, then input order; within a feed, file order
        all.sort(Comparator.comparingLong((Message m) -> m.ts).thenComparingInt(m -> m.feed));
        merged = all.stream().filter(m -> m.ts <= end).toList();
    }

    @Test
    void withoutAClockEveryRowIsTheReferenceAfterAMessageThatChangedABook() {
        List<Row> expected = new ArrayList<>();
        Book[] books = {new Book(), new Book()};
        for (Message m : merged) {
            boolean changed = books[m.feed].apply(m);
            if (changed && books[0].ready && books[1].ready) {
                expected.add(row(m.ts, books));
            }
        }
        assertMatches(
                expected,
                CliRun.of(
                        "run",
                        graph.toString(),
                        "--data",
                        "perp=" + PERP.get(0),
                        "--data",
                        "spot=" + SPOT.get(0),
                        "--data",
                        "spot=" + SPOT.get(1)));
    }

    @Test
    void withAClockEachTickSeesEveryBookAsOfItsTime() {
        long interval = 100_000_000L;
        List<Row> expected = new ArrayList<>();
        Book[] books = {new Book(), new Book()};
        long next = Long.MIN_VALUE;
        for (Message m : merged) {
            while (next != Long.MIN_VALUE && next < m.ts) {
                expected.add(row(next, books)); // every message at or before the tick is in, none after
                next += interval;
            }
            books[m.feed].apply(m);
            if (next == Long.MIN_VALUE && books[0].ready && books[1].ready) {
                next = Math.ceilDiv(m.ts, interval) * interval; // the first tick once both books are ready
            }
        }
        long end = merged.getLast().ts; // the earliest end among the feeds
        for (; next <= end; next += interval) {
            expected.add(row(next, books));
        }
        assertTrue(expected.size() > 3_000, "six minutes at 100ms: " + expected.size());
        assertMatches(
                expected,
                CliRun.of(
                        "run",
                        graph.toString(),
                        "--interval",
                        "100ms",
                        "--data",
                        "perp=" + PERP.get(0),
                        "--data",
                        "spot=" + SPOT.get(0),
                        "--data",
                        "spot=" + SPOT.get(1)));
    }

    private static Row row(long ts, Book[] books) {
        Book perp = books[0];
        Book spot = books[1];
        return new Row(ts, new double[] {
            perp.mid() / spot.mid() - 1,
            (perp.ask() - perp.bid()) / perp.mid(),
            (spot.bid() * spot.asks.firstEntry().getValue()
                            + spot.ask() * spot.bids.firstEntry().getValue())
                    / (spot.bids.firstEntry().getValue()
                            + spot.asks.firstEntry().getValue()),
            spot.obi(0.001)
        });
    }

    private static void assertMatches(List<Row> expected, CliRun run) {
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("ts,basis,rel_spread,micro,obi", lines.get(0));
        assertEquals(expected.size(), lines.size() - 1, "rows");
        for (int r = 0; r < expected.size(); r++) {
            String[] cells = lines.get(r + 1).split(",");
            double[] want = expected.get(r).values();
            assertEquals(expected.get(r).ts(), Long.parseLong(cells[0]), "row " + r);
            for (int c = 0; c < want.length; c++) {
                double got = Double.parseDouble(cells[c + 1]);
                // relative to the value, and for obi (in [-1, 1], often near 0) to its range
                double scale = c == 3 ? 1.0 : Math.abs(want[c]);
                assertTrue(
                        Math.abs(got - want[c]) <= 1e-9 * scale || (Double.isNaN(got) && Double.isNaN(want[c])),
                        "row " + r + " column " + c + ": fg run " + got + ", reference " + want[c]);
            }
        }
    }

    /** A CSV row: the tick's time and the outputs. */
    private record Row(long ts, double[] values) {}

    /** One feed message: its events' kinds, prices and quantities, at the local time of its first event. */
    private record Message(int feed, long ts, long[] ev, double[] px, double[] qty) {}

    private static List<Message> messages(int feed, List<Path> files) throws MarketDataException {
        List<Message> messages = new ArrayList<>();
        List<long[]> heads = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        try (EventSource source = EventSources.open(files, GapPolicy.FAIL)) {
            MarketEvent e = source.event();
            while (source.next()) {
                heads.add(new long[] {e.ev(), e.localTs()});
                values.add(new double[] {e.px(), e.qty()});
                if (e.endOfMessage()) {
                    int n = heads.size();
                    long[] ev = new long[n];
                    double[] px = new double[n];
                    double[] qty = new double[n];
                    for (int i = 0; i < n; i++) {
                        ev[i] = heads.get(i)[0];
                        px[i] = values.get(i)[0];
                        qty[i] = values.get(i)[1];
                    }
                    messages.add(new Message(feed, heads.get(0)[1], ev, px, qty));
                    heads.clear();
                    values.clear();
                }
            }
        }
        assertTrue(heads.isEmpty(), "every message ends");
        return messages;
    }

    /** A price-level book in two sorted maps, with hftbacktest's depth semantics as documented, written plainly. */
    private static final class Book {
        final NavigableMap<Double, Double> bids = new TreeMap<>(Comparator.reverseOrder());
        final NavigableMap<Double, Double> asks = new TreeMap<>();
        boolean ready;

        /** Applies a message on the local timeline; returns whether a level changed. */
        boolean apply(Message m) {
            boolean changed = false;
            boolean snapshot = false;
            for (int i = 0; i < m.ev.length; i++) {
                long ev = m.ev[i];
                if ((ev & EventFlags.LOCAL_EVENT) == 0) {
                    continue;
                }
                long kind = ev & EventFlags.KIND_MASK;
                boolean buy = (ev & EventFlags.BUY_EVENT) != 0;
                boolean sell = (ev & EventFlags.SELL_EVENT) != 0;
                if (kind == EventFlags.DEPTH_EVENT || kind == EventFlags.DEPTH_SNAPSHOT_EVENT) {
                    NavigableMap<Double, Double> side = buy ? bids : asks;
                    Double before = m.qty[i] == 0.0 ? side.remove(m.px[i]) : side.put(m.px[i], m.qty[i]);
                    changed |= before == null ? m.qty[i] != 0.0 : before != m.qty[i];
                    snapshot |= kind == EventFlags.DEPTH_SNAPSHOT_EVENT;
                } else if (kind == EventFlags.DEPTH_CLEAR_EVENT) {
                    ready = false;
                    if (buy == sell) {
                        changed |= !bids.isEmpty() || !asks.isEmpty();
                        bids.clear();
                        asks.clear();
                    } else {
                        NavigableMap<Double, Double> side = buy ? bids : asks;
                        Map<Double, Double> through = Double.isNaN(m.px[i]) ? side : side.headMap(m.px[i], true);
                        changed |= !through.isEmpty();
                        through.clear();
                    }
                }
            }
            if (snapshot) {
                ready = true;
            }
            return changed;
        }

        double bid() {
            return bids.isEmpty() ? Double.NaN : bids.firstKey();
        }

        double ask() {
            return asks.isEmpty() ? Double.NaN : asks.firstKey();
        }

        double mid() {
            return (bid() + ask()) / 2;
        }

        /** hftbacktest's obi: quantity within depth of the mid, bids minus asks over their sum. */
        double obi(double depth) {
            double m = mid();
            double b = 0;
            for (Map.Entry<Double, Double> level : bids.entrySet()) {
                if (level.getKey() < m * (1 - depth)) {
                    break;
                }
                b += level.getValue();
            }
            double a = 0;
            for (Map.Entry<Double, Double> level : asks.entrySet()) {
                if (level.getKey() > m * (1 + depth)) {
                    break;
                }
                a += level.getValue();
            }
            return (b - a) / (b + a);
        }
    }
}
