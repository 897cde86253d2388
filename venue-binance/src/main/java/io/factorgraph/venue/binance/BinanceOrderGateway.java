package io.factorgraph.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorgraph.backtest.exchange.PriceGrid;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;

// Over 500 lines, for a reason: the working orders, the position and the user stream's state are one set of facts
// guarded by one lock and changed from three threads (the requests, the stream's callbacks, the reconnect timer);
// the submit checks, the report handling and the reconcile after a reconnect each read and write all of them, so
// they are kept where that lock's invariants can be read in one place.
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
    private static final long RECONNECT_DELAY_MS = 1000;
    private static final long RECHECK_DELAY_MS = 1000;
    private static final int POSITION_RECHECKS = 2;

    /** The user data stream: down (reports may be missed), reconciling, or up (every report arrives). */
    private static final int STREAM_DOWN = 0;

    private static final int STREAM_RECONCILING = 1;
    private static final int STREAM_UP = 2;

    /** What the gateway reports, on its own threads. */
    public interface Listener {
        /** An order's update; {@code clOrdId} is the strategy's id (-1 for an order not of this run). */
        void onUpdate(long clOrdId, OrderUpdate update);

        /** The position the venue reports, in lots (signed). */
        void onPosition(long lots);

        /** The gateway stopped quoting for good ({@code why}: one line); every order was cancelled. */
        default void onHalted(String why) {}
    }

    /** One working order of ours, as far as its reports have told us. */
    private static final class Working {
        final boolean buy;
        final boolean postOnly;
        final double price;
        final double qty;
        final long qtyLots;
        long filledLots;
        boolean accepted;

        Working(boolean buy, boolean postOnly, double price, double qty, long qtyLots) {
            this.buy = buy;
            this.postOnly = postOnly;
            this.price = price;
            this.qty = qty;
            this.qtyLots = qtyLots;
        }

        long leftLots() {
            return qtyLots - filledLots;
        }
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
    /** Per working order of ours (by the strategy's id), from its submission to its final report. */
    private final Long2ObjectHashMap<Working> working = new Long2ObjectHashMap<>();
    /** The trade ids of every fill already applied. */
    private final LongHashSet seenTrades = new LongHashSet();

    private final long[] recentOrders;
    private int recentNext;
    /** The venue's position as last reported (its ACCOUNT_UPDATEs, and every fill on the symbol). */
    private long positionLots;
    /** Ours: the start-up position plus every fill of ours reported to the listener. */
    private long ourLots;

    private long duplicateFills;
    private int reconciles;
    private volatile int streamState = STREAM_DOWN;
    /** Failed attempts to reopen the user stream in a row (the timer thread's). */
    private int reconnectFailures;
    /** Counts the user stream's connections: a callback of an older one is ignored. */
    private int generation;

    private volatile String haltReason;
    private volatile boolean closing;
    private volatile boolean closed;
    private volatile WebSocket userStream;

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
            ourLots = position;
        }
        log.accept("position at start-up: " + position + " lots");
        streamState = STREAM_UP; // nothing was sent yet: a loss from here on is reconciled
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

    /** Whether new post-only orders may go: the user stream is up and reconciled, and the gateway not halted. */
    public boolean quoting() {
        return streamState == STREAM_UP && haltReason == null;
    }

    /** Why the gateway stopped quoting for good, or null. */
    public String haltReason() {
        return haltReason;
    }

    /** How many reconciliations after a reconnect have finished (halted or not). */
    public synchronized int reconciles() {
        return reconciles;
    }

    /** Fills received a second time (same trade id) and not reported again. */
    public synchronized long duplicateFills() {
        return duplicateFills;
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
            for (Working w : working.values()) {
                if (w.buy) {
                    buys += w.leftLots();
                } else {
                    sells += w.leftLots();
                }
            }
            if (haltReason != null) {
                refusal = "quoting stopped: " + haltReason;
            } else if (!market && streamState != STREAM_UP) {
                refusal = "the user data stream is down; no new orders until it is back and reconciled";
            } else {
                refusal = market ? null : limits.refusal(positionLots, buys, sells, buy ? lots : -lots);
            }
            if (refusal == null) {
                long now = System.nanoTime();
                long oldest = recentOrders[recentNext];
                if (oldest != Long.MIN_VALUE && now - oldest < 1_000_000_000L) {
                    refusal = "max order rate " + limits.maxOrdersPerSecond() + " per second";
                } else {
                    recentOrders[recentNext] = now;
                    recentNext = (recentNext + 1) % recentOrders.length;
                    working.put(clOrdId, new Working(buy, postOnly, market ? 0 : price, qty, lots));
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

    String clientId(long clOrdId) {
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
        String key = rest.newListenKey();
        URI uri = endpoints.userStream(key);
        UserListener listener;
        synchronized (this) {
            listener = new UserListener(++generation);
        }
        try {
            userStream = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, listener)
                    .get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceException("user data stream", 0, -1, "interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new BinanceException(
                    "user data stream",
                    0,
                    -1,
                    "cannot connect: " + cause.getClass().getSimpleName());
        }
        log.accept("user data stream open");
    }

    private void keepAlive() {
        try {
            rest.keepAliveListenKey();
        } catch (BinanceException e) {
            log.accept("listen key keep-alive failed: " + e.getMessage());
            if (e.code() == BinanceException.NO_SUCH_LISTEN_KEY) {
                int current;
                synchronized (this) {
                    current = generation;
                }
                streamLost(current, "lost its listen key");
            }
        }
    }

    /**
     * The user stream of connection {@code gen} is gone: reports may be missed from now on. New post-only orders are
     * refused, and the stream is reopened and reconciled. A second notice of the same loss is ignored.
     */
    private void streamLost(int gen, String why) {
        WebSocket lost;
        synchronized (this) {
            if (closing || gen != generation || streamState == STREAM_DOWN) {
                return; // closing, an older connection's, or a reconnect is under way already
            }
            generation++; // this connection's later callbacks are ignored
            streamState = STREAM_DOWN;
            lost = userStream;
            userStream = null;
        }
        if (lost != null) {
            lost.abort();
        }
        log.accept("user data stream " + why + "; new orders refused until it is reopened and reconciled");
        scheduleReconnect();
    }

    private void scheduleReconnect() {
        if (closing) {
            return;
        }
        later(
                () -> {
                    if (closing) {
                        return;
                    }
                    int gen;
                    try {
                        openUserStream();
                        synchronized (this) {
                            gen = generation;
                            streamState = STREAM_RECONCILING;
                        }
                    } catch (BinanceException e) {
                        int failed = ++reconnectFailures;
                        if (failed == 1 || failed % 60 == 0) { // one line per outage, then one a minute
                            log.accept("user data stream not reopened (" + e.getMessage() + "); retrying every "
                                    + RECONNECT_DELAY_MS + " ms" + (failed > 1 ? ", " + failed + " attempts" : ""));
                        }
                        scheduleReconnect();
                        return;
                    }
                    reconnectFailures = 0;
                    // after every request already queued, so each order we reconcile has been sent
                    onRequestThread(() -> reconcile(gen));
                },
                RECONNECT_DELAY_MS);
    }

    /**
     * After a reconnect ({@code gen}: the new connection; a later drop makes a later reconcile): every order we
     * believe working read back, missed fills, cancels and expiries reported once, then the positions compared.
     */
    private void reconcile(int gen) {
        if (closing || gen != currentGeneration()) {
            return;
        }
        if (haltReason != null) {
            synchronized (this) {
                reconciles++;
            }
            return; // halted: the stream only carries the cancels' reports now
        }
        int[] missed = new int[2]; // fills, final reports
        int checked = 0;
        try {
            LongArrayList ids = new LongArrayList();
            synchronized (this) {
                working.keySet().forEach(ids::addLong);
            }
            for (int i = 0; i < ids.size(); i++) {
                if (closing || gen != currentGeneration()) {
                    return;
                }
                if (reconcileOrder(ids.getLong(i), missed)) {
                    checked++;
                }
            }
            long venue = readPosition();
            long ours = ourLots();
            for (int check = 0; venue != ours && check < POSITION_RECHECKS; check++) {
                Thread.sleep(RECHECK_DELAY_MS); // let in-flight events land
                if (closing || gen != currentGeneration()) {
                    return;
                }
                venue = readPosition();
                ours = ourLots();
            }
            if (venue != ours) {
                halt(ours, venue);
                return;
            }
            synchronized (this) {
                positionLots = venue;
                reconciles++;
                if (gen == generation && haltReason == null) {
                    streamState = STREAM_UP;
                }
            }
            listener.onPosition(venue);
            log.accept("user data stream reconciled: " + checked + " orders read back, " + missed[0]
                    + " missed fills and " + missed[1] + " missed cancels/expiries reported; position " + venue
                    + " lots agrees; quoting resumes");
        } catch (BinanceException e) {
            log.accept("reconciling the user data stream: " + e.getMessage() + "; retrying");
            later(() -> onRequestThread(() -> reconcile(gen)), RECONNECT_DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code task} on the timer thread after {@code delayMs}, unless the gateway is closing. */
    private void later(Runnable task, long delayMs) {
        try {
            timers.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Runs {@code task} on the request thread, after every request already queued, unless it is closing. */
    private void onRequestThread(Runnable task) {
        try {
            requests.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private synchronized int currentGeneration() {
        return generation;
    }

    private synchronized long ourLots() {
        return ourLots;
    }

    /** One order we believe working, read back; returns false when it finished meanwhile. */
    private boolean reconcileOrder(long id, int[] missed) throws BinanceException {
        Working w;
        synchronized (this) {
            w = working.get(id);
        }
        if (w == null) {
            return false;
        }
        JsonNode o;
        try {
            o = rest.order(symbol, clientId(id));
        } catch (BinanceException e) {
            if (e.code() != BinanceException.NO_SUCH_ORDER) {
                throw e;
            }
            log.accept("order " + id + " is not known at the venue; reported expired");
            if (apply(id, restUpdate(id, w, 0, "EXPIRED", 0, 0))) {
                missed[1]++;
            }
            return true;
        }
        long orderId = o.path("orderId").asLong();
        long executed = lots(o.path("executedQty").asDouble());
        String status = o.path("status").asText();
        long seen;
        synchronized (this) {
            seen = w.filledLots;
        }
        if (executed > seen) {
            for (JsonNode t : rest.userTrades(symbol, orderId)) {
                if (t.path("orderId").asLong() != orderId) {
                    continue;
                }
                OrderUpdate fill;
                synchronized (this) {
                    long cum = w.filledLots + lots(t.path("qty").asDouble());
                    fill = new OrderUpdate(
                            clientId(id),
                            orderId,
                            w.buy,
                            w.postOnly,
                            "TRADE",
                            cum >= w.qtyLots ? "FILLED" : "PARTIALLY_FILLED",
                            w.price,
                            w.qty,
                            t.path("qty").asDouble(),
                            t.path("price").asDouble(),
                            cum * grid.lotSize(),
                            t.path("commission").asDouble(),
                            t.path("maker").asBoolean(),
                            t.path("time").asLong(),
                            t.path("id").asLong());
                }
                if (apply(id, fill)) {
                    missed[0]++;
                }
            }
        }
        switch (status) {
            case "NEW", "PARTIALLY_FILLED" -> {
                if (!accepted(id)) {
                    apply(
                            id,
                            restUpdate(
                                    id,
                                    w,
                                    orderId,
                                    "NEW",
                                    executed,
                                    o.path("updateTime").asLong()));
                }
            }
            case "CANCELED", "EXPIRED" -> {
                if (apply(
                        id,
                        restUpdate(
                                id,
                                w,
                                orderId,
                                status,
                                executed,
                                o.path("updateTime").asLong()))) {
                    missed[1]++;
                }
            }
            case "FILLED" -> {
                boolean left;
                synchronized (this) {
                    left = working.remove(id) != null;
                }
                if (left) {
                    log.accept("order " + id + " is filled at the venue but its fills were not all found");
                }
            }
            default -> log.accept("order " + id + ": status " + status + " at the venue");
        }
        return true;
    }

    private synchronized boolean accepted(long id) {
        Working w = working.get(id);
        return w == null || w.accepted;
    }

    /** A report made from an order's REST state (NEW, CANCELED, EXPIRED), as the stream would have sent it. */
    private OrderUpdate restUpdate(long id, Working w, long orderId, String status, long executedLots, long ms) {
        return new OrderUpdate(
                clientId(id),
                orderId,
                w.buy,
                w.postOnly,
                status,
                status,
                w.price,
                w.qty,
                0,
                0,
                executedLots * grid.lotSize(),
                0,
                false,
                ms,
                0);
    }

    /** Halts: every order cancelled, every further order refused, one line in the log. */
    private void halt(long ours, long venue) {
        String cancelled;
        try {
            rest.cancelAll(symbol);
            cancelled = "cancelled every order";
        } catch (BinanceException e) {
            cancelled = "cancel-all failed (" + e.getMessage() + ")";
        }
        String why = "position mismatch after the user stream's reconnect: ours " + ours + " lots, the venue's " + venue
                + " lots";
        synchronized (this) {
            haltReason = why;
            positionLots = venue;
            reconciles++;
        }
        log.accept(why + "; " + cancelled + ", quoting stopped");
        listener.onHalted(why);
    }

    private long lots(double qty) {
        return Math.round(qty / grid.lotSize());
    }

    /**
     * Applies one update of order {@code id} (from the stream or from the catch-up) and reports it, unless it was
     * seen already: a fill by its trade id, a cancel or expiry of an order no longer working. Returns whether it was
     * reported.
     */
    private synchronized boolean apply(long id, OrderUpdate u) {
        Working w = id >= 0 ? working.get(id) : null;
        switch (u.execType()) {
            case "TRADE" -> {
                if (u.tradeId() != 0 && !seenTrades.add(u.tradeId())) {
                    duplicateFills++;
                    return false;
                }
                long lots = lots(u.lastQty());
                long signed = u.buy() ? lots : -lots;
                positionLots += signed;
                if (id >= 0) {
                    ourLots += signed;
                }
                if (w != null) {
                    w.filledLots += lots;
                    w.accepted = true;
                }
            }
            case "NEW" -> {
                if (w == null) {
                    if (id >= 0) {
                        return false; // finished already
                    }
                } else if (w.accepted) {
                    return false;
                } else {
                    w.accepted = true;
                }
            }
            case "CANCELED", "EXPIRED" -> {
                if (id >= 0 && w == null) {
                    return false; // reported already
                }
            }
            default -> {}
        }
        if (u.isFinal() && w != null) {
            working.remove(id);
        }
        if (u.reportable()) {
            listener.onUpdate(id, u);
            return true;
        }
        return false;
    }

    private void onUserMessage(int gen, String text) {
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
                apply(clOrdId(u.clientOrderId()), u);
            }
            case "ACCOUNT_UPDATE" -> {
                for (JsonNode p : event.path("a").path("P")) {
                    if (symbol.equals(p.path("s").asText())) {
                        long lots = lots(p.path("pa").asDouble());
                        synchronized (this) {
                            positionLots = lots;
                        }
                        listener.onPosition(lots);
                    }
                }
            }
            case "listenKeyExpired" -> streamLost(gen, "lost: its listen key expired");
            default -> {}
        }
    }

    /** Cancels everything (the fail-safe of every close), closes the user stream and the listen key. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closing = true;
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
        private final int gen;

        UserListener(int gen) {
            this.gen = gen;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onUserMessage(gen, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            streamLost(gen, "closed (" + statusCode + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            streamLost(gen, "failed (" + error.getClass().getSimpleName() + ")");
        }
    }
}
