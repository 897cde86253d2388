package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.venue.binance.BinanceRest;
import io.factorgraph.venue.binance.Credentials;
import io.factorgraph.venue.binance.RateLimits;
import io.factorgraph.venue.binance.ServerClock;
import io.factorgraph.venue.binance.server.LocalBinanceServer;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fg live cancel-all} against the local protocol server, and {@code --venue}'s refusals, one line each. */
class LiveBinanceCommandTest {
    static final String KEY = "cliTestKey";
    static final String SECRET = "cliTestSecretNeverPrinted";

    @TempDir
    Path dir;

    private Path keys(String mode) throws Exception {
        Path keys = dir.resolve("binance-" + mode + ".keys");
        Files.writeString(keys, "key=" + KEY + "\nsecret=" + SECRET + "\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString(mode));
        return keys;
    }

    @Test
    void cancelAllIsTheKillSwitch() throws Exception {
        try (LocalBinanceServer server =
                LocalBinanceServer.start(RecordedData.file("usdm_btcusdt_20240808.gz"), KEY, SECRET, 0.1, 0.001)) {
            server.skipTo(5_000);
            BinanceRest rest = new BinanceRest(
                    server.endpoints().rest(),
                    HttpClient.newHttpClient(),
                    new Credentials(KEY, SECRET),
                    ServerClock.system(),
                    5000,
                    new RateLimits(System::currentTimeMillis));
            double bid = server.bestBidAsk()[0];
            rest.newOrder("BTCUSDT", true, "0.001", String.valueOf(bid), "someone-else-1", false);
            rest.newOrder("BTCUSDT", true, "0.001", String.valueOf(bid - 1), "someone-else-2", false);
            assertEquals(2, server.restingOrders());
            CliRun run = CliRun.of(
                    "live",
                    "cancel-all",
                    "--venue",
                    "binance-testnet",
                    "--symbol",
                    "btcusdt",
                    "--credentials",
                    keys("rw-------").toString(),
                    "--venue-url",
                    server.endpoints().rest().toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("BTCUSDT: 2 open orders cancelled, 0 left; position 0"), run.out());
            assertEquals(0, server.restingOrders());
            assertFalse((run.out() + run.err()).contains(SECRET));
        }
    }

    @Test
    void refusalsAreOneLine() throws Exception {
        CliRun mainnet = CliRun.of(
                "live",
                "run",
                "../examples/obi_mm.fg",
                "--venue",
                "binance",
                "--symbol",
                "BTCUSDT",
                "--credentials",
                keys("rw-------").toString());
        assertEquals(1, mainnet.exitCode());
        assertTrue(mainnet.err().contains("trades real money: add --mainnet"), mainnet.err());
        assertEquals(1, mainnet.err().strip().lines().count(), mainnet.err());

        CliRun readable = CliRun.of(
                "live",
                "cancel-all",
                "--venue",
                "binance",
                "--mainnet",
                "--symbol",
                "BTCUSDT",
                "--credentials",
                keys("rw-r--r--").toString());
        assertEquals(1, readable.exitCode());
        assertTrue(readable.err().contains("chmod 600"), readable.err());
        assertFalse(readable.err().contains(SECRET));

        CliRun noSymbol = CliRun.of("live", "run", "../examples/obi_mm.fg", "--venue", "binance-testnet");
        assertEquals(1, noSymbol.exitCode());
        assertTrue(noSymbol.err().contains("--symbol"), noSymbol.err());

        CliRun withData = CliRun.of(
                "live",
                "run",
                "../examples/obi_mm.fg",
                "--venue",
                "binance-testnet",
                "--symbol",
                "BTCUSDT",
                "--data",
                "x.gz");
        assertEquals(1, withData.exitCode());
        assertTrue(withData.err().contains("--data: not with --venue binance-testnet"), withData.err());

        CliRun unknown = CliRun.of("live", "cancel-all", "--venue", "kraken", "--symbol", "BTCUSDT");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("--venue kraken: expected paper, binance-testnet or binance"), unknown.err());
    }
}
