package io.factorgraph.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.venue.binance.server.LocalBinanceServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the tests of the order gateway share: a local protocol server on the recorded BTCUSDT day with its book live, a
 * gateway signed with the test key, the updates and positions it reports and its log (never holding the secret), and
 * bounded waits on conditions.
 */
abstract class GatewayTestSupport {
    static final Path BTC = RecordedData.file("usdm_btcusdt_20240808.gz");
    static final String KEY = "localTestApiKey0123456789";
    static final String SECRET = "localTestSecretDoNotLeak9876543210";
    static final PriceGrid GRID = new PriceGrid(0.1, 0.001);
    /** How long a condition is waited for before the test fails. */
    static final long WAIT_NANOS = 15_000_000_000L;

    LocalBinanceServer server;
    BinanceOrderGateway gateway;
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<Object[]> updates = new CopyOnWriteArrayList<>();
    final List<Long> positions = new CopyOnWriteArrayList<>();
    final List<String> halts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = LocalBinanceServer.start(BTC, KEY, SECRET, 0.1, 0.001);
        server.skipTo(5_000); // the venue's book is live
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        server.close();
        for (String line : log) {
            assertFalse(line.contains(SECRET), "the secret in a log line: " + line);
        }
    }

    BinanceOrderGateway gateway(OrderLimits limits, String secret) {
        return gateway(limits, secret, Duration.ofMinutes(30));
    }

    BinanceOrderGateway gateway(OrderLimits limits, String secret, Duration keepAlive) {
        BinanceRest rest = new BinanceRest(
                server.endpoints().rest(),
                HttpClient.newHttpClient(),
                new Credentials(KEY, secret),
                ServerClock.system(),
                5000,
                new RateLimits(System::currentTimeMillis));
        return new BinanceOrderGateway(
                server.endpoints(),
                HttpClient.newHttpClient(),
                rest,
                server.symbol(),
                GRID,
                limits,
                42,
                keepAlive.toNanos(),
                new BinanceOrderGateway.Listener() {
                    @Override
                    public void onUpdate(long clOrdId, OrderUpdate update) {
                        updates.add(new Object[] {clOrdId, update});
                    }

                    @Override
                    public void onPosition(long lots) {
                        positions.add(lots);
                    }

                    @Override
                    public void onHalted(String why) {
                        halts.add(why);
                    }
                },
                log::add);
    }

    BinanceOrderGateway started() throws Exception {
        gateway = gateway(new OrderLimits(10, 50), SECRET);
        assertEquals(0, gateway.start());
        return gateway;
    }

    OrderUpdate await(long clOrdId, String execType) {
        assertTrue(
                waitFor(() -> find(clOrdId, execType) != null),
                "no " + execType + " for order " + clOrdId + "; updates " + describe() + "; log " + log);
        return find(clOrdId, execType);
    }

    OrderUpdate find(long clOrdId, String execType) {
        for (Object[] u : updates) {
            if ((long) u[0] == clOrdId && ((OrderUpdate) u[1]).execType().equals(execType)) {
                return (OrderUpdate) u[1];
            }
        }
        return null;
    }

    /** How many updates of {@code execType} order {@code clOrdId} had. */
    long count(long clOrdId, String execType) {
        return updates.stream()
                .filter(u -> (long) u[0] == clOrdId
                        && ((OrderUpdate) u[1]).execType().equals(execType))
                .count();
    }

    String describe() {
        StringBuilder b = new StringBuilder();
        for (Object[] u : updates) {
            b.append(u[0]).append(':').append(((OrderUpdate) u[1]).execType()).append(' ');
        }
        return b.toString();
    }

    /** Waits for {@code condition}, at most {@link #WAIT_NANOS}; returns whether it held. */
    static boolean waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
