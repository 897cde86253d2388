package io.factorgraph.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.venue.binance.server.LocalBinanceServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Testnet by default; real money only when asked for twice; credentials never from arguments; the kill switch. */
class VenueSafetyTest {
    static final Map<String, String> ENV =
            Map.of(Credentials.KEY_VARIABLE, "envKey", Credentials.SECRET_VARIABLE, "envSecretNeverShown");

    @Test
    void theTestnetNeedsNoFlag() {
        BinanceVenue venue = BinanceVenue.resolve(BinanceVenue.TESTNET, false, "btcusdt", null, ENV, null);
        assertEquals(BinanceEndpoints.TESTNET, venue.endpoints());
        assertEquals("BTCUSDT", venue.symbol());
        assertFalse(venue.toString().contains("envSecretNeverShown"));
    }

    @Test
    void theRealMarketNeedsTheExplicitFlag() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BinanceVenue.resolve(BinanceVenue.MAINNET, false, "BTCUSDT", null, ENV, null));
        assertTrue(e.getMessage().contains("--mainnet"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(BinanceVenue.resolve(BinanceVenue.MAINNET, true, "BTCUSDT", null, ENV, null)
                .endpoints()
                .mainnet());
        assertThrows(
                IllegalArgumentException.class,
                () -> BinanceVenue.resolve(BinanceVenue.TESTNET, true, "BTCUSDT", null, ENV, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> BinanceVenue.resolve(
                        BinanceVenue.MAINNET, true, "BTCUSDT", null, ENV, URI.create("http://127.0.0.1:1")));
    }

    @Test
    void missingCredentialsAndBadNamesAreOneLine() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BinanceVenue.resolve(BinanceVenue.TESTNET, false, "BTCUSDT", null, Map.of(), null));
        assertTrue(e.getMessage().contains(Credentials.KEY_VARIABLE), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> BinanceVenue.resolve("binanse", false, "BTCUSDT", null, ENV, null));
        assertTrue(e.getMessage().startsWith("--venue binanse: expected paper"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> BinanceVenue.resolve(BinanceVenue.TESTNET, false, "BTC/USDT", null, ENV, null));
        assertTrue(e.getMessage().startsWith("--symbol"), e.getMessage());
    }

    @Test
    void theRealMarketRefusesACredentialsFileOthersCanRead(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "key=k\nsecret=fileSecretNeverShown\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r-----"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> BinanceVenue.resolve(BinanceVenue.MAINNET, true, "BTCUSDT", keys, Map.of(), null));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains("fileSecretNeverShown"));
    }

    @Test
    void theKillSwitchCancelsEveryOpenOrder() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (LocalBinanceServer server = LocalBinanceServer.start(
                RecordedData.file("usdm_btcusdt_20240808.gz"), "envKey", "envSecretNeverShown", 0.1, 0.001)) {
            server.skipTo(5_000);
            BinanceVenue venue = BinanceVenue.resolve(
                    BinanceVenue.TESTNET,
                    false,
                    server.symbol(),
                    null,
                    ENV,
                    server.endpoints().rest());
            HttpClient http = HttpClient.newHttpClient();
            BinanceOrderGateway gateway = new BinanceOrderGateway(
                    venue.endpoints(),
                    http,
                    venue.rest(http),
                    venue.symbol(),
                    new PriceGrid(0.1, 0.001),
                    new OrderLimits(10, 50),
                    7,
                    Duration.ofMinutes(30).toNanos(),
                    new BinanceOrderGateway.Listener() {
                        @Override
                        public void onUpdate(long clOrdId, OrderUpdate update) {}

                        @Override
                        public void onPosition(long lots) {}
                    },
                    log::add);
            gateway.start();
            double bid = server.bestBidAsk()[0];
            gateway.submit(1, true, bid, 0.001, true);
            gateway.submit(2, true, bid - 0.5, 0.001, true);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.restingOrders() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(2, server.restingOrders());
            assertEquals(2, venue.cancelAll(http, log::add));
            assertEquals(0, server.restingOrders());
            assertTrue(log.getLast().contains("2 open orders cancelled, 0 left"), log.getLast());
            for (String line : log) {
                assertFalse(line.contains("envSecretNeverShown"), line);
            }
        }
    }
}
