package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.live.JvmFlags;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.venue.binance.Credentials;
import io.factorgraph.venue.binance.server.LocalBinanceServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code fg live run examples/obi_mm.fg --venue binance-testnet --symbol BTCUSDT}, as a user runs it (its own JVM,
 * keys in the environment), against the local protocol server instead of the testnet: the strategy quotes at the
 * venue; SIGTERM (Ctrl-C) stops every process, and what rests at the venue is cancelled.
 */
class LiveRunBinanceTest {
    static final String KEY = "runTestKey";
    static final String SECRET = "runTestSecretNeverPrinted";

    @Test
    void obiMmRunsUnchangedOnTheVenueAndCtrlCCancelsEverything() throws Exception {
        try (LocalBinanceServer server = LocalBinanceServer.start(
                        RecordedData.file("usdm_btcusdt_20240808.gz"), KEY, SECRET, 0.1, 0.001)
                .speed(10)) {
            List<String> command = new ArrayList<>();
            command.add(LiveProcess.javaExecutable());
            command.addAll(JvmFlags.REQUIRED);
            command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), Fg.class.getName()));
            command.addAll(List.of(
                    "live",
                    "run",
                    "../examples/obi_mm.fg",
                    "--venue",
                    "binance-testnet",
                    "--symbol",
                    "BTCUSDT",
                    "--venue-url",
                    server.endpoints().rest().toString(),
                    "--warmup",
                    "20",
                    "--jvm-opt=-Xmx256m"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put(Credentials.KEY_VARIABLE, KEY);
            builder.environment().put(Credentials.SECRET_VARIABLE, SECRET);
            Process fg = builder.start();
            StringBuilder out = new StringBuilder();
            Thread pump = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(fg.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            try {
                long deadline = System.nanoTime() + 90_000_000_000L;
                while (server.restingOrders() == 0 && System.nanoTime() < deadline && fg.isAlive()) {
                    Thread.sleep(50);
                }
                assertTrue(server.restingOrders() > 0, "the strategy quotes at the venue:\n" + text(out));
            } finally {
                fg.toHandle().destroy(); // SIGTERM, as Ctrl-C
                assertTrue(fg.waitFor(30, TimeUnit.SECONDS), "fg stopped:\n" + text(out));
                pump.join(5_000);
                if (fg.isAlive()) {
                    fg.destroyForcibly();
                }
            }
            String log = text(out);
            assertTrue(server.requests().stream().anyMatch(r -> r.startsWith("DELETE /fapi/v1/allOpenOrders")), log);
            assertTrue(server.restingOrders() == 0, "nothing rests at the venue after Ctrl-C:\n" + log);
            assertTrue(log.contains("binance-connector") || log.contains("connector"), log);
            assertFalse(log.contains(SECRET), "the secret in the output");
        }
    }

    private static String text(StringBuilder out) {
        synchronized (out) {
            return out.toString();
        }
    }
}
