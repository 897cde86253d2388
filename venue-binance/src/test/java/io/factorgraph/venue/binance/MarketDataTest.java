package io.factorgraph.venue.binance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import io.factorgraph.testkit.allocation.AllocationMeter;
import io.factorgraph.venue.binance.server.LocalBinanceServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live market data from the local protocol server (replaying the recorded BTCUSDT file verbatim) through the
 * connector's Binance client: the graph's factors on the live stream equal {@code fg run} on what the client recorded,
 * bit for bit; the recording holds the source's messages verbatim; a lost diff and a dropped connection are each
 * re-synced from a new snapshot, after which the book is the exchange's again.
 */
class MarketDataTest {
    static final Path OBI_MM = Path.of("../examples/obi_mm.fg");
    static final Path BTC = RecordedData.file("usdm_btcusdt_20240808.gz");

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void factorsOnTheLiveStreamEqualFgRunOnItsRecording() throws Exception {
        // the stream comes as fast as the client takes it (seconds, not the recorded six minutes): a 1 ms clock
        // gives as many ticks as the recorded pace at 100 ms
        GraphSpec spec = new GraphSpec(OBI_MM, List.of(), 1_000_000L);
        CompiledGraph graph = spec.compile();
        Path recording = dir.resolve("live_btcusdt.gz");
        List<long[]> live;
        try (LocalBinanceServer server = LocalBinanceServer.start(BTC, "k", "s", 0.1, 0.001)) {
            try (BinanceMarketData source = open(server, recording)) {
                stopAtTheEnd(server, source, server.messageCount());
                live = run(graph, spec.interval(graph), source);
                assertEquals(1, source.connections());
                assertEquals(1, source.snapshots());
                assertEquals(0, source.gapCount(), String.join("\n", log));
            }
            // the recording: the server's messages verbatim and in order, and one snapshot
            List<String> messages = new ArrayList<>();
            int snapshots = 0;
            for (String line : lines(recording)) {
                String message = line.substring(line.indexOf(' ') + 1);
                if (message.startsWith("{\"stream\"")) {
                    messages.add(message);
                } else {
                    snapshots++;
                }
            }
            assertEquals(1, snapshots);
            assertEquals(server.messageCount(), messages.size());
            for (int i = 0; i < messages.size(); i++) {
                assertEquals(server.message(i), messages.get(i), "message " + i);
            }
        }
        List<long[]> offline;
        try (EventSource file = EventSources.open(List.of(recording), GapPolicy.FAIL)) {
            offline = run(graph, spec.interval(graph), file);
        }
        assertTrue(offline.size() > 1000, "ticks: " + offline.size());
        assertEquals(offline.size(), live.size(), "ticks");
        for (int i = 0; i < offline.size(); i++) {
            assertArrayEquals(offline.get(i), live.get(i), "tick " + i);
        }
    }

    @Test
    void aLostDiffIsReSyncedFromANewSnapshot() throws Exception {
        Path recording = dir.resolve("gap.gz");
        try (LocalBinanceServer server = LocalBinanceServer.start(BTC, "k", "s", 0.1, 0.001)) {
            int lost = firstDepthAfter(server, 30_000);
            server.drop(lost);
            try (BinanceMarketData source = open(server, recording)) {
                stopAtTheEnd(server, source, server.messageCount() - 1);
                OrderBook book = drain(source);
                assertEquals(1, source.gapCount(), String.join("\n", log));
                assertEquals(2, source.snapshots());
                assertEquals(2, server.snapshotsServed());
                assertTrue(log.stream().anyMatch(l -> l.contains("re-syncing")), String.join("\n", log));
                assertSameTop(referenceBook(), book, 50);
            }
        }
    }

    @Test
    void aDroppedConnectionIsReconnectedAndReSynced() throws Exception {
        Path recording = dir.resolve("drop.gz");
        try (LocalBinanceServer server = LocalBinanceServer.start(BTC, "k", "s", 0.1, 0.001)) {
            server.disconnectAt(40_000, 25);
            server.speed(200); // a drop while data flows, not at the end of a burst
            try (BinanceMarketData source = open(server, recording)) {
                stopAtTheEnd(server, source, server.messageCount() - 25);
                OrderBook book = drain(source);
                assertEquals(2, source.connections(), String.join("\n", log));
                assertEquals(2, server.streamConnections());
                assertTrue(source.gapCount() >= 1, String.join("\n", log));
                assertTrue(source.snapshots() >= 2);
                assertSameTop(referenceBook(), book, 50);
            }
        }
    }

    @Test
    void pingsAreAnsweredAndAnAgeingConnectionIsRenewed() throws Exception {
        try (LocalBinanceServer server = LocalBinanceServer.start(BTC, "k", "s", 0.1, 0.001)
                .speed(60)
                .pingEvery(java.time.Duration.ofMillis(50))) {
            // connections renewed every 1.5 s stand for Binance's 24-hour cut
            try (BinanceMarketData source = open(
                    server,
                    dir.resolve("renew.gz"),
                    new BinanceMarketData.Settings(10_000_000L, 200_000_000L, 1_500_000_000L, 30_000_000_000L))) {
                stopAtTheEnd(server, source, Integer.MAX_VALUE);
                OrderBook book = drain(source);
                assertTrue(source.connections() >= 3, "renewed: " + source.connections() + "\n" + log);
                assertTrue(log.stream().anyMatch(l -> l.contains("24-hour")), log.toString());
                assertTrue(server.pongs() > 10, "pongs: " + server.pongs());
                assertSameTop(referenceBook(), book, 50);
            }
        }
    }

    @Test
    void readingTheLiveStreamAllocatesNothingPerEvent() throws Exception {
        try (LocalBinanceServer server = LocalBinanceServer.start(BTC, "k", "s", 0.1, 0.001);
                BinanceMarketData source = open(server, null)) {
            long[] read = {0};
            long bytes = AllocationMeter.bytesAllocatedBy(3, () -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        if (!source.next()) {
                            throw new IllegalStateException("ended");
                        }
                        read[0] += source.event().localTs() & 1;
                    }
                } catch (io.factorgraph.runtime.data.MarketDataException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(0, bytes, "bytes allocated by 2000 events read from the live stream");
        }
    }

    private BinanceMarketData open(LocalBinanceServer server, Path recording) throws Exception {
        return open(
                server,
                recording,
                new BinanceMarketData.Settings(10_000_000L, 200_000_000L, Long.MAX_VALUE / 4, 30_000_000_000L));
    }

    private BinanceMarketData open(LocalBinanceServer server, Path recording, BinanceMarketData.Settings settings)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        BinanceRest rest = new BinanceRest(
                server.endpoints().rest(),
                http,
                null,
                ServerClock.system(),
                5000,
                new RateLimits(System::currentTimeMillis));
        return new BinanceMarketData(server.endpoints(), server.symbol(), http, rest, settings, recording, log::add);
    }

    /**
     * Ends the source once the server has sent its last message and the client has received {@code expected} (or
     * nothing more for a second).
     */
    private void stopAtTheEnd(LocalBinanceServer server, BinanceMarketData source, int expected) {
        Thread.ofVirtual().start(() -> {
            long deadline = System.nanoTime() + 120_000_000_000L;
            long seen = -1;
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                long now = source.messages();
                if (now != seen) {
                    seen = now;
                    quietSince = System.nanoTime();
                }
                if (server.position() >= server.messageCount()
                        && (now >= expected || System.nanoTime() - quietSince > 1_000_000_000L)) {
                    break;
                }
            }
            log.add("stopping: server sent up to " + server.position() + " of " + server.messageCount()
                    + ", client received " + source.messages());
            source.stop();
        });
    }

    private static int firstDepthAfter(LocalBinanceServer server, int index) {
        for (int i = index; ; i++) {
            if (server.message(i).contains("@depth")) {
                return i;
            }
        }
    }

    /** Per tick: time, best bid and ask, every output, as raw bits. */
    private static List<long[]> run(CompiledGraph graph, long interval, EventSource source) throws Exception {
        List<long[]> out = new ArrayList<>();
        try (ReplayFactorProvider provider =
                new ReplayFactorProvider(source, graph.newInstance(), interval, CrossedBookPolicy.FAIL)) {
            while (provider.next()) {
                FactorUpdate u = provider.current();
                long[] row = new long[3 + u.size()];
                row[0] = u.timestampNanos();
                row[1] = Double.doubleToRawLongBits(u.bestBid());
                row[2] = Double.doubleToRawLongBits(u.bestAsk());
                for (int i = 0; i < u.size(); i++) {
                    row[3 + i] = Double.doubleToRawLongBits(u.value(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static OrderBook drain(EventSource source) throws Exception {
        OrderBook book = new OrderBook(8192);
        BookReplay replay = new BookReplay(source, book, CrossedBookPolicy.COUNT);
        while (replay.next()) {
            // the book follows
        }
        return book;
    }

    private static OrderBook referenceBook() throws Exception {
        try (EventSource file = EventSources.open(List.of(BTC), GapPolicy.FAIL)) {
            return drain(file);
        }
    }

    private static void assertSameTop(OrderBook expected, OrderBook got, int levels) {
        assertTrue(got.isReady(), "the book is ready again");
        for (int i = 0; i < levels; i++) {
            assertEquals(expected.bidPrice(i), got.bidPrice(i), "bid " + i);
            assertEquals(expected.bidQty(i), got.bidQty(i), "bid qty " + i);
            assertEquals(expected.askPrice(i), got.askPrice(i), "ask " + i);
            assertEquals(expected.askQty(i), got.askQty(i), "ask qty " + i);
        }
    }

    private static List<String> lines(Path gz) throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                out.add(line);
            }
        }
        return out;
    }
}
