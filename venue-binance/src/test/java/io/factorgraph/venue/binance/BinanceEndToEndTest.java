package io.factorgraph.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.driver.MediaDriver;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.MediaDrivers;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.venue.binance.server.LocalBinanceServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline against the local protocol server: {@code examples/obi_mm.fg} unchanged, the engine and the
 * strategy in processes of their own, the Binance connector streaming the venue's market to the engine and working the
 * strategy's orders at the venue. The strategy quotes (post-only orders reach the venue's REST API, its reports come
 * back from the user data stream); killed outright, its orders are cancelled at the venue once it has been silent for
 * the peer timeout; the connector's close cancels everything there too.
 */
class BinanceEndToEndTest {
    static final Path OBI_MM = Path.of("../examples/obi_mm.fg");
    static final Path BTC = RecordedData.file("usdm_btcusdt_20240808.gz");
    static final Map<String, String> ENV =
            Map.of(Credentials.KEY_VARIABLE, "e2eKey", Credentials.SECRET_VARIABLE, "e2eSecretNeverLogged");

    @Test
    void obiMmQuotesAtTheVenueAndAKilledStrategysOrdersAreCancelledThere() throws Exception {
        GraphSpec spec = new GraphSpec(OBI_MM, List.of(), -1);
        String dir = "/dev/shm/fg-binance-test-" + UUID.randomUUID().toString().substring(0, 8);
        MediaDriver driver = MediaDrivers.launch(dir, IdleMode.BACKOFF);
        TransportConfig transport = TransportConfig.ipc(dir);
        StringBuilder engineLog = new StringBuilder();
        StringBuilder strategyLog = new StringBuilder();
        ByteArrayOutputStream connectorOut = new ByteArrayOutputStream();
        PrintStream connectorLog = new PrintStream(connectorOut, true, StandardCharsets.UTF_8);
        ShutdownSignal shutdown = new ShutdownSignal();
        AtomicInteger exit = new AtomicInteger(-1);
        try (LocalBinanceServer server = LocalBinanceServer.start(BTC, "e2eKey", "e2eSecretNeverLogged", 0.1, 0.001)
                .speed(10)) {
            LiveProcess engine = LiveProcess.start(
                    "engine",
                    new EngineConfig(spec, transport, 20, "usdm_btcusdt", 30_000_000_000L, List.of()).toArgs(),
                    List.of("-Xmx256m", "-XX:+UseSerialGC"),
                    line -> append(engineLog, line));
            LiveProcess strategy = LiveProcess.start(
                    "strategy",
                    new StrategyConfig(spec, transport, 0.001, 2_000_000_000L, false, null, null, List.of(), Map.of())
                            .toArgs(),
                    List.of("-Xmx256m", "-XX:+UseSerialGC"),
                    line -> append(strategyLog, line));
            BinanceConnector.Config config = new BinanceConnector.Config(
                    BinanceVenue.resolve(
                            BinanceVenue.TESTNET,
                            false,
                            server.symbol(),
                            null,
                            ENV,
                            server.endpoints().rest()),
                    0.1,
                    0.001,
                    0.01,
                    20,
                    null,
                    transport,
                    30_000_000_000L,
                    true);
            Thread connector = Thread.ofPlatform().name("connector").start(() -> {
                try {
                    exit.set(BinanceConnector.run(config, new ProcessLog("connector", connectorLog), shutdown));
                } catch (Exception e) {
                    e.printStackTrace(connectorLog);
                    exit.set(99);
                }
            });
            String context = "";
            try {
                // the strategy warms up on the venue's market and quotes there
                assertTrue(
                        await(() -> server.requests().stream().anyMatch(r -> r.startsWith("POST /fapi/v1/order")), 60),
                        "no order reached the venue\n" + logs(connectorOut, engineLog, strategyLog));
                assertTrue(
                        await(
                                () -> connectorOut
                                                .toString(StandardCharsets.UTF_8)
                                                .contains("order ")
                                        || server.restingOrders() > 0,
                                10),
                        logs(connectorOut, engineLog, strategyLog));
                assertTrue(
                        await(() -> strategyLog.toString().contains("quoting"), 20),
                        logs(connectorOut, engineLog, strategyLog));
                // killed outright: no cancel-all from it, the connector's sweep cancels at the venue
                strategy.kill();
                assertTrue(
                        await(
                                () -> connectorOut
                                        .toString(StandardCharsets.UTF_8)
                                        .contains("cancel all (STRATEGY_DOWN)"),
                                15),
                        logs(connectorOut, engineLog, strategyLog));
                assertTrue(
                        server.requests().stream().anyMatch(r -> r.startsWith("DELETE /fapi/v1/allOpenOrders")),
                        server.requests().toString());
                assertTrue(await(() -> server.restingOrders() == 0, 5), "resting " + server.restingOrders());
                context = logs(connectorOut, engineLog, strategyLog);
            } finally {
                shutdown.raise();
                connector.join(20_000);
                engine.terminate();
                engine.waitFor(10, TimeUnit.SECONDS);
                strategy.kill();
                driver.close();
            }
            assertEquals(0, exit.get(), logs(connectorOut, engineLog, strategyLog));
            String out = connectorOut.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("venue closed"), out);
            assertTrue(out.contains("user data stream open"), out);
            assertFalse(out.contains("e2eSecretNeverLogged"), "the secret in the connector's log");
            assertFalse(context.contains("e2eSecretNeverLogged"));
        }
    }

    private static void append(StringBuilder log, String line) {
        synchronized (log) {
            log.append(line).append('\n');
        }
        System.out.println(line);
    }

    private static String logs(ByteArrayOutputStream connector, StringBuilder engine, StringBuilder strategy) {
        return "--- connector\n" + connector.toString(StandardCharsets.UTF_8) + "--- engine\n" + engine
                + "--- strategy\n" + strategy;
    }

    private static boolean await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
