package io.factorgraph.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorgraph.backtest.exchange.PriceGrid;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The orders of one symbol at Binance USD-M futures: new orders (a post-only limit, or the marketable reduce-only
 * closing order of a stop), cancels and cancel-all through the signed REST API, and their reports from the user data
 * stream ({@code ORDER_TRADE_UPDATE}, {@code ACCOUNT_UPDATE}), delivered to a {@link Listener} in the terms of the
 * strategy's own order ids.
 *
 * <p>{@link #start()} reconciles with the venue before anything is sent: the server clock is measured, whatever rests
 * of ours is cancelled (a previous run's orders are nobody's now), the position is read, and the user data stream is
 * opened; only then may the strategy quote. Requests go out in order on one thread of their own, so the caller never
 * waits on the network. Every new order is first held to the connector's {@link OrderLimits}; a refusal (local, or by
 * the venue) is reported as a rejection. The listen key is kept alive, and a user stream that drops is reopened, then
 * the open orders are read again.
 */
public final class BinanceOrderGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the gateway reports, on its own threads. */
    public interface Listener {
        /** An order's update; {@code clOrdId} is the strategy's id (-1 for an order not of this run). */
        void onUpdate(long clOrdId, OrderUpdate update);

        /** The position the venue reports, in lots (signed). */
        void onPosition(long lots);
    }

    private final BinanceEndpoints endpoints;
    private final HttpClient http;
    private final BinanceRest rest;
    private final String symbol;
    private final PriceGrid grid;
    private final OrderLimits limits;
    private final String prefix;
    private final Listener listener;
    private final Consumer<String> log;
    private final long keepAliveNanos;
    private final ExecutorService requests;
    private final ScheduledExecutorService timers;
    /** Per working order of ours: its remaining lots, signed (+ buy). */
    private final Map<Long, Long> working = new HashMap<>();

    private final long[] recentOrders;
    private int recentNext;
    private long positionLots;
    private volatile boolean closed;
    private volatile WebSocket userStream;
    private volatile String listenKey;

    /**
     * @param runId distinguishes this run's client order ids from another's ({@code fg<runId>-<clOrdId>})
     * @param keepAliveNanos how often the listen key is kept alive (Binance lets it lapse after 60 minutes)
     */
    public BinanceOrderGateway(
            BinanceEndpoints endpoints,
            HttpClient http,
            BinanceRest rest,
            String symbol,
            PriceGrid grid,
            OrderLimits limits,
            long runId,
            long keepAliveNanos,
            Listener listener,
            Consumer<String> log) {
        this.endpoints = endpoints;
        this.http = http;
        this.rest = rest;
        this.symbol = symbol.toUpperCase(java.util.Locale.ROOT);
        this.grid = grid;
        this.limits = limits;
        this.prefix = "fg" + Long.toString(runId & 0xffff_ffffL, 36) + "-";
        this.keepAliveNanos = keepAliveNanos;
        this.listener = listener;
        this.log = log;
        this.recentOrders = new long[limits.maxOrdersPerSecond()];
        java.util.Arrays.fill(recentOrders, Long.MIN_VALUE);
        this.requests = Executors.newSingleThreadExecutor(r -> daemon(r, "binance-orders"));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "binance-keepalive"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Reconciles with the venue (clock, our resting orders cancelled, position read) and opens the user data stream;
     * returns the position in lots. The strategy may quote once this returns.
     */
    public long start() throws BinanceException {
        long offset = rest.syncTime();
        log.accept("venue clock offset " + offset + " ms (round trip "
                + rest.clock().lastRoundTripMillis() + " ms)");
        JsonNode open = rest.openOrders(symbol);
        if (open.size() > 0) {
            log.accept(open.size() + " open orders found at start-up; cancelling them all");
            rest.cancelAll(symbol);
        }
        long position = readPosition();
        synchronized (this) {
            positionLots = position;
        }
        log.accept("position at start-up: " + position + " lots");
        openUserStream();
        long period = Math.max(1_000_000L, keepAliveNanos);
        timers.scheduleWithFixedDelay(this::keepAlive, period, period, TimeUnit.NANOSECONDS);
        return position;
    }

    private long readPosition() throws BinanceException {
        for (JsonNode p : rest.positionRisk(symbol)) {
            if (symbol.equals(p.path("symbol").asText())) {
                return Math.round(p.path("positionAmt").asDouble() / grid.lotSize());
            }
        }
        return 0;
    }

    /** The position as the gateway knows it, in lots. */
    public synchronized long positionLots() {
        return positionLots;
    }

    /** Working orders of ours. */
    public synchronized int workingOrders() {
        return working.size();
    }

    /**
     * Sends a new order: a post-only limit at {@code price}, or with {@code price} NaN a market order that may only
     * reduce the position. Refused at once (a REJECTED update) when over the limits.
     */
    public void submit(long clOrdId, boolean buy, double price, double qty, boolean postOnly) {
        long lots = Math.round(qty / grid.lotSize());
        boolean market = Double.isNaN(price);
        String refusal;
        synchronized (this) {
            long buys = 0;
            long sells = 0;
            for (long w : working.values()) {
                if (w > 0) {
                    buys += w;
                } else {
                    sells -= w;
                }
            }
            refusal = market ? null : limits.refusal(positionLots, buys, sells, buy ? lots : -lots);
            if (refusal == null) {
                long now = System.nanoTime();
                long oldest = recentOrders[recentNext];
                if (oldest != Long.MIN_VALUE && now - oldest < 1_000_000_000L) {
                    refusal = "max order rate " + limits.maxOrdersPerSecond() + " per second";
                } else {
                    recentOrders[recentNext] = now;
                    recentNext = (recentNext + 1) % recentOrders.length;
                    working.put(clOrdId, buy ? lots : -lots);
                }
            }
        }
        if (refusal != null) {
            log.accept("order " + clOrdId + " refused by the connector: " + refusal);
            listener.onUpdate(clOrdId, OrderUpdate.rejected(clientId(clOrdId), buy, postOnly, price, qty, 0));
            return;
        }
        String priceText = market ? null : decimal(price);
        String qtyText = decimal(qty);
        requests.execute(() -> {
            try {
                rest.newOrder(symbol, buy, qtyText, priceText, clientId(clOrdId), market);
            } catch (BinanceException e) {
                log.accept("order " + clOrdId + " refused: " + e.getMessage());
                synchronized (this) {
                    working.remove(clOrdId);
                }
                listener.onUpdate(
                        clOrdId, OrderUpdate.rejected(clientId(clOrdId), buy, postOnly, market ? 0 : price, qty, 0));
            }
        });
    }

    /** Cancels one order of ours; an order the venue does not know is reported by the venue's answer in the log. */
    public void cancel(long clOrdId) {
        requests.execute(() -> {
            try {
                rest.cancelOrder(symbol, clientId(clOrdId));
            } catch (BinanceException e) {
                log.accept("cancel of " + clOrdId + " refused: " + e.getMessage());
            }
        });
    }

    /** Cancels every open order of the symbol (ours or not), now, on the caller's thread; returns how many were ours. */
    public int cancelAll(String reason) {
        int ours;
        synchronized (this) {
            ours = working.size();
        }
        try {
            rest.cancelAll(symbol);
            log.accept("cancel all (" + reason + "): done at the venue; " + ours + " of ours were working");
        } catch (BinanceException e) {
            log.accept("cancel all (" + reason + ") failed: " + e.getMessage());
        }
        return ours;
    }

    private String clientId(long clOrdId) {
        return prefix + clOrdId;
    }

    private long clOrdId(String clientOrderId) {
        if (!clientOrderId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(clientOrderId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    // ---- the user data stream ------------------------------------------------------------------------

    private void openUserStream() throws BinanceException {
        listenKey = rest.newListenKey();
        URI uri = endpoints.userStream(listenKey);
        try {
            userStream = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new UserListener())
                    .get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceException("user data stream", 0, -1, "interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new BinanceException(
                    "user data stream", 0, -1, "cannot connect: " + e.getClass().getSimpleName());
        }
        log.accept("user data stream open");
    }

    private void keepAlive() {
        try {
            rest.keepAliveListenKey();
        } catch (BinanceException e) {
            log.accept("listen key keep-alive failed: " + e.getMessage());
        }
    }

    private void reopenUserStream() {
        if (closed) {
            return;
        }
        timers.schedule(
                () -> {
                    try {
                        openUserStream();
                        JsonNode open = rest.openOrders(symbol);
                        log.accept("user data stream reopened; " + open.size() + " open orders at the venue");
                        listener.onPosition(readPosition());
                    } catch (BinanceException e) {
                        log.accept("user data stream: " + e.getMessage() + "; retrying");
                        reopenUserStream();
                    }
                },
                1,
                TimeUnit.SECONDS);
    }

    private void onUserMessage(String text) {
        JsonNode event;
        try {
            event = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.accept("user data stream: not JSON, ignored");
            return;
        }
        switch (event.path("e").asText()) {
            case "ORDER_TRADE_UPDATE" -> {
                JsonNode o = event.path("o");
                if (!symbol.equals(o.path("s").asText())) {
                    return;
                }
                OrderUpdate u = OrderUpdate.of(o);
                long id = clOrdId(u.clientOrderId());
                synchronized (this) {
                    if ("TRADE".equals(u.execType())) {
                        long lots = Math.round(u.lastQty() / grid.lotSize());
                        positionLots += u.buy() ? lots : -lots;
                        Long w = working.get(id);
                        if (w != null) {
                            long left = w > 0 ? w - lots : w + lots;
                            working.put(id, left);
                        }
                    }
                    if (u.isFinal()) {
                        working.remove(id);
                    }
                }
                if (u.reportable()) {
                    listener.onUpdate(id, u);
                }
            }
            case "ACCOUNT_UPDATE" -> {
                for (JsonNode p : event.path("a").path("P")) {
                    if (symbol.equals(p.path("s").asText())) {
                        long lots = Math.round(p.path("pa").asDouble() / grid.lotSize());
                        synchronized (this) {
                            positionLots = lots;
                        }
                        listener.onPosition(lots);
                    }
                }
            }
            case "listenKeyExpired" -> {
                log.accept("listen key expired; reopening the user data stream");
                WebSocket s = userStream;
                if (s != null) {
                    s.abort();
                }
            }
            default -> {}
        }
    }

    /** Cancels everything (the fail-safe of every close), closes the user stream and the listen key. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        requests.shutdown();
        try {
            requests.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cancelAll("CLOSE");
        closed = true;
        timers.shutdownNow();
        WebSocket s = userStream;
        if (s != null) {
            s.abort();
        }
        try {
            rest.closeListenKey();
        } catch (BinanceException e) {
            log.accept("closing the listen key: " + e.getMessage());
        }
    }

    private final class UserListener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onUserMessage(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!closed && webSocket == userStream) {
                log.accept("user data stream closed (" + statusCode + "); reopening");
                reopenUserStream();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closed && webSocket == userStream) {
                log.accept("user data stream error (" + error.getClass().getSimpleName() + "); reopening");
                reopenUserStream();
            }
        }
    }
}
