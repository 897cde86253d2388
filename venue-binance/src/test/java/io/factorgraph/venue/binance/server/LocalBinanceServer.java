package io.factorgraph.venue.binance.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderTracker;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.SimulationFeed;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.venue.binance.BinanceEndpoints;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketPong;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A local server that speaks Binance USD-M futures' protocol, for tests without the internet (reusable from other
 * modules' tests through the test-jar):
 * <ul>
 *   <li>the combined stream {@code /stream?streams=...} replays a recorded file's messages verbatim, in order, as
 *       fast as the client takes them or paced at a multiple of the recorded time;
 *   <li>{@code GET /fapi/v1/depth} answers the recording's own REST snapshot first, and later (a re-sync) a snapshot
 *       of the server's book at the stream's position, whose {@code lastUpdateId} is the next diff's {@code u};
 *   <li>{@code /fapi/v1/time}, the signed order endpoints ({@code /fapi/v1/order} POST and DELETE, {@code
 *       /fapi/v1/allOpenOrders}, {@code /fapi/v1/openOrders}, {@code /fapi/v2/positionRisk}) checking the key, the
 *       signature ({@code -1022}) and the timestamp against {@code recvWindow} ({@code -1021}) as Binance documents,
 *       with rate-limit headers; orders are matched by the backtest's {@link ExchangeSimulator} fed the same recording,
 *       kept at the stream's position;
 *   <li>{@code GET /fapi/v1/order} (one order: status, executed quantity) and {@code GET /fapi/v1/userTrades} (an
 *       order's fills, each with a unique trade id, the {@code t} of its {@code ORDER_TRADE_UPDATE}), signed;
 *   <li>{@code /fapi/v1/listenKey} and the user data stream {@code /ws/<listenKey>} sending {@code
 *       ORDER_TRADE_UPDATE} for every report and {@code ACCOUNT_UPDATE} for every fill; a connection with a key that
 *       is not the current one is refused.
 * </ul>
 * Scripted faults: messages not sent (a gap), a dropped connection, 429/418 answers, an order refused, a skewed
 * clock; the user stream cut (what happens meanwhile is lost, or held for a late delivery) and restored, the listen
 * key expired, an order cancelled and the position moved behind the client's back.
 */
public final class LocalBinanceServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordedStream recorded;
    private final String apiKey;
    private final Mac mac;
    private final Server server;
    private final ServerConnector connector;
    private final ServerBook book = new ServerBook();
    private final Object lock = new Object();
    private final ExchangeSimulator simulator;
    private final SimulationFeed feed;
    private final AtomicInteger cursor = new AtomicInteger();
    private final Set<Integer> dropped = ConcurrentHashMap.newKeySet();
    private final List<Session> userSessions = new CopyOnWriteArrayList<>();
    /** Per order: its state, as {@code GET /fapi/v1/order} and {@code /fapi/v1/userTrades} answer it. */
    private final Map<Long, ServerOrder> orderStates = new HashMap<>();
    /** User stream messages held while the stream is cut, for {@link #deliverHeld()}. */
    private final List<String> heldUserMessages = new CopyOnWriteArrayList<>();

    private final AtomicLong nextTradeId = new AtomicLong(5_000_001);
    private final AtomicInteger userConnections = new AtomicInteger();
    private volatile boolean userStreamCut;
    private volatile int lagPositionAnswers;
    private volatile long laggedPositionLots;
    private volatile boolean holdWhileCut;
    private final Map<String, Long> clientToId = new HashMap<>();
    private final Map<Long, String> idToClient = new HashMap<>();
    private final Map<Long, Boolean> reduceOnly = new HashMap<>();
    /** Orders sent as MARKET: matched as limits far through the book (they fill at once against it). */
    private final Set<Long> marketOrders = ConcurrentHashMap.newKeySet();

    private final List<String> requestLog = new CopyOnWriteArrayList<>();
    private final AtomicLong weight = new AtomicLong();
    private final AtomicLong orderCount = new AtomicLong();
    private final AtomicInteger streamConnections = new AtomicInteger();
    private final AtomicInteger snapshotsServed = new AtomicInteger();

    private final AtomicInteger pongs = new AtomicInteger();
    private volatile long pingEveryNanos = Long.MAX_VALUE;
    private volatile double speed = Double.POSITIVE_INFINITY;
    private volatile int disconnectAt = -1;
    private volatile int skipOnReconnect;
    private volatile int stopAt = Integer.MAX_VALUE;
    private volatile long clockSkewMs;
    private volatile int failNext;
    private volatile int failStatus;
    private volatile int failRetryAfter;
    private volatile String rejectNextOrder;
    private volatile String listenKey;
    private boolean bookLive;
    private boolean recordedSnapshotServed;
    private long positionLots;

    private LocalBinanceServer(Path recording, String apiKey, String secret, double tickSize, double lotSize)
            throws Exception {
        this.recorded = RecordedStream.load(recording, JSON);
        this.apiKey = apiKey;
        this.mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        book.load(JSON.readTree(recorded.snapshot));
        SimulatorConfig config = ClockShift.resolve(
                SimulatorSettings.DEFAULTS.config(tickSize, lotSize),
                () -> EventSources.open(List.of(recording), GapPolicy.FAIL));
        this.simulator = new ExchangeSimulator(config, 4096);
        this.feed = new SimulationFeed(EventSources.open(List.of(recording), GapPolicy.FAIL), simulator);
        simulator.setExecutionListener(this::onReport);
        this.server = new Server();
        this.connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setIdleTimeout(Duration.ofMinutes(5));
            container.addMapping("/stream", (request, response, callback) -> new MarketStream());
            container.addMapping("/ws/*", (request, response, callback) -> {
                String path = request.getHttpURI().getPath();
                String key = listenKey;
                if (userStreamCut || key == null || !path.equals("/ws/" + key)) {
                    Response.writeError(request, response, callback, 503);
                    return null;
                }
                return new UserStream();
            });
        });
        ws.setHandler(new Rest());
        context.setHandler(ws);
        server.setHandler(context);
        server.start();
    }

    /** Starts a server replaying {@code recording}, accepting orders signed with {@code apiKey}'s {@code secret}. */
    public static LocalBinanceServer start(
            Path recording, String apiKey, String secret, double tickSize, double lotSize) throws Exception {
        return new LocalBinanceServer(recording, apiKey, secret, tickSize, lotSize);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public BinanceEndpoints endpoints() {
        return BinanceEndpoints.local(port());
    }

    /** The recording's symbol, upper case. */
    public String symbol() {
        return recorded.symbol;
    }

    /** How many stream messages the recording holds. */
    public int messageCount() {
        return recorded.size();
    }

    /** The recorded stream message at {@code index}, verbatim. */
    public String message(int index) {
        return recorded.messages[index];
    }

    /** Paced at {@code speed} times the recorded time (infinite: as fast as the client takes them). */
    public LocalBinanceServer speed(double speed) {
        this.speed = speed;
        return this;
    }

    /** The stream connection is pinged every {@code interval}, as Binance pings its clients. */
    public LocalBinanceServer pingEvery(Duration interval) {
        this.pingEveryNanos = interval.toNanos();
        return this;
    }

    /** Pongs received on the stream connections. */
    public int pongs() {
        return pongs.get();
    }

    /** The stream message at {@code index} is never sent (a gap, when it is a depth diff). */
    public LocalBinanceServer drop(int index) {
        dropped.add(index);
        return this;
    }

    /** The stream connection is closed before the message at {@code index}; {@code lost} messages pass meanwhile. */
    public LocalBinanceServer disconnectAt(int index, int lost) {
        this.disconnectAt = index;
        this.skipOnReconnect = lost;
        return this;
    }

    /** The replay holds before message {@code index} (orders still trade against the book as it stands). */
    public LocalBinanceServer holdAt(int index) {
        this.stopAt = index;
        return this;
    }

    /** Moves the stream's position to {@code index} without sending (the venue's market moves on, no client needed). */
    public void skipTo(int index) {
        advance(cursor.get(), index);
    }

    /** The replay goes on (after {@link #holdAt}). */
    public void release() {
        this.stopAt = Integer.MAX_VALUE;
    }

    /** The server's clock runs {@code ms} ahead of this machine's. */
    public LocalBinanceServer clockSkew(long ms) {
        this.clockSkewMs = ms;
        return this;
    }

    /** The next {@code count} REST requests are answered {@code status} (429 or 418) with a {@code Retry-After}. */
    public void failNext(int count, int status, int retryAfterSeconds) {
        this.failStatus = status;
        this.failRetryAfter = retryAfterSeconds;
        this.failNext = count;
    }

    /** The next new order is refused with this Binance error ({@code {"code":..,"msg":..}}). */
    public void rejectNextOrder(int code, String msg) {
        this.rejectNextOrder = "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}";
    }

    /**
     * Cuts the user data stream: its connections are dropped and new ones refused until {@link #restoreUserStream};
     * what it would have sent meanwhile is lost, or with {@code holdForLater} kept for {@link #deliverHeld()}.
     */
    public void cutUserStream(boolean holdForLater) {
        holdWhileCut = holdForLater;
        userStreamCut = true;
        for (Session s : userSessions) {
            s.disconnect();
        }
    }

    /** The user data stream accepts connections again. */
    public void restoreUserStream() {
        userStreamCut = false;
    }

    /** Sends what was held while the stream was cut (late, in-flight events) on the open user stream connections. */
    public void deliverHeld() {
        List<String> held = List.copyOf(heldUserMessages);
        heldUserMessages.clear();
        for (String m : held) {
            for (Session s : userSessions) {
                s.sendText(m, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }

    /** The listen key lapses: {@code listenKeyExpired} is sent, and a new key is needed to connect again. */
    public void expireListenKey() {
        long now = serverTime();
        String expired = "{\"e\":\"listenKeyExpired\",\"E\":" + now + ",\"listenKey\":\"" + listenKey + "\"}";
        listenKey = null;
        for (Session s : userSessions) {
            s.sendText(expired, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    /** The listen key lapses silently (no {@code listenKeyExpired}): only a keep-alive finds out ({@code -1125}). */
    public void dropListenKey() {
        listenKey = null;
    }

    /**
     * The next {@code count} {@code GET /fapi/v2/positionRisk} answers report the position as it is now, whatever
     * trades later (the venue's account data lagging its trades).
     */
    public void lagPositionAnswers(int count) {
        synchronized (lock) {
            laggedPositionLots = positionLots;
            lagPositionAnswers = count;
        }
    }

    /** User data stream connections accepted so far. */
    public int userStreamConnections() {
        return userConnections.get();
    }

    /** The client ids of the orders resting at the venue. */
    public List<String> openClientOrderIds() {
        synchronized (lock) {
            List<String> out = new ArrayList<>();
            OrderTracker orders = simulator.orders();
            for (int i = 0; i < orders.size(); i++) {
                if (!orders.cancelPending(i)) {
                    out.add(idToClient.get(orders.id(i)));
                }
            }
            return out;
        }
    }

    /** Cancels an order as if from elsewhere (the web interface, another session); false when it is not open. */
    public boolean cancelExternally(String clientOrderId) {
        synchronized (lock) {
            return cancel(Map.of("origClientOrderId", clientOrderId)).status() == 200;
        }
    }

    /** The venue's position moves by {@code lots} without an order of the client's (a trade from elsewhere). */
    public void movePosition(long lots) {
        String update;
        synchronized (lock) {
            positionLots += lots;
            update = accountUpdate(serverTime());
        }
        sendUser(update);
    }

    /** Every REST request so far, as {@code METHOD path?query}. */
    public List<String> requests() {
        return List.copyOf(requestLog);
    }

    /** The stream messages sent so far (the replay's position). */
    public int position() {
        return cursor.get();
    }

    public int streamConnections() {
        return streamConnections.get();
    }

    public int snapshotsServed() {
        return snapshotsServed.get();
    }

    /** Orders resting at the venue. */
    public int restingOrders() {
        synchronized (lock) {
            return simulator.restingOrders();
        }
    }

    /** The venue's position, in lots. */
    public long positionLots() {
        synchronized (lock) {
            return positionLots;
        }
    }

    /** The venue's best bid and ask now (its simulator's book). */
    public double[] bestBidAsk() {
        synchronized (lock) {
            return new double[] {
                simulator.grid().price(simulator.exchangeBestBidTicks()),
                simulator.grid().price(simulator.exchangeBestAskTicks())
            };
        }
    }

    @Override
    public void close() {
        stopAt = -1;
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the local server did not stop: " + e, e);
        } finally {
            feed.close();
        }
    }

    // ---- the market stream -------------------------------------------------------------------------

    @WebSocket
    public final class MarketStream {
        @OnWebSocketOpen
        public void onOpen(Session session) {
            int connection = streamConnections.incrementAndGet();
            Thread.ofPlatform()
                    .daemon()
                    .name("local-binance-replay-" + connection)
                    .start(() -> replay(session));
        }

        @OnWebSocketClose
        public void onClose(int status, String reason) {}

        @OnWebSocketPong
        public void onPong(java.nio.ByteBuffer payload) {
            pongs.incrementAndGet();
        }
    }

    private void replay(Session session) {
        long startNanos = System.nanoTime();
        int from = cursor.get();
        long startTs = from < recorded.size() ? recorded.localTs[from] : 0;
        long nextPing = System.nanoTime() + pingEveryNanos;
        try {
            while (session.isOpen()) {
                if (System.nanoTime() >= nextPing) {
                    nextPing = System.nanoTime() + pingEveryNanos;
                    session.sendPing(
                            java.nio.ByteBuffer.wrap(new byte[] {1}), org.eclipse.jetty.websocket.api.Callback.NOOP);
                }
                int i = cursor.get();
                if (i >= recorded.size()) {
                    Thread.sleep(10); // the end of the recording: the stream stays open, silent
                    continue;
                }
                if (i >= stopAt) {
                    Thread.sleep(1);
                    continue;
                }
                if (i == disconnectAt) {
                    disconnectAt = -1;
                    advance(i, i + skipOnReconnect);
                    session.disconnect();
                    return;
                }
                if (speed != Double.POSITIVE_INFINITY) {
                    long due = startNanos + (long) ((recorded.localTs[i] - startTs) / speed);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(Math.min(wait, 5_000_000L));
                        continue;
                    }
                }
                if (!dropped.contains(i)) {
                    org.eclipse.jetty.websocket.api.Callback.Completable sent =
                            new org.eclipse.jetty.websocket.api.Callback.Completable();
                    session.sendText(recorded.messages[i], sent);
                    sent.get(10, TimeUnit.SECONDS);
                }
                advance(i, i + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // the client went away: the next connection carries on from here
        }
    }

    /** Moves the stream's position past messages {@code [from, to)}: the book and the matching follow. */
    private void advance(int from, int to) {
        synchronized (lock) {
            for (int i = from; i < to && i < recorded.size(); i++) {
                if (recorded.kind[i] == RecordedStream.DEPTH && recorded.last[i] >= recorded.snapshotId) {
                    try {
                        book.applyDiff(JSON.readTree(recorded.messages[i]).path("data"));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    bookLive = true;
                }
                try {
                    feed.advanceTo(recorded.localTs[i]);
                } catch (MarketDataException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            cursor.set(Math.min(to, recorded.size()));
        }
    }

    // ---- the user data stream ----------------------------------------------------------------------

    @WebSocket
    public final class UserStream {
        private Session session;

        @OnWebSocketOpen
        public void onOpen(Session session) {
            this.session = session;
            userSessions.add(session);
            userConnections.incrementAndGet();
        }

        @OnWebSocketClose
        public void onClose(int status, String reason) {
            userSessions.remove(session);
        }
    }

    private void onReport(ExecutionReport r) {
        String client = idToClient.get(r.orderId());
        long now = serverTime();
        String x;
        String status;
        switch (r.type()) {
            case ACCEPTED -> {
                x = "NEW";
                status = "NEW";
            }
            case FILL -> {
                x = "TRADE";
                status = r.leavesLots() == 0 ? "FILLED" : "PARTIALLY_FILLED";
                positionLots += r.side() == Side.BUY ? r.execLots() : -r.execLots();
            }
            case CANCELED -> {
                x = "CANCELED";
                status = "CANCELED";
            }
            case EXPIRED, REJECTED -> {
                x = "EXPIRED"; // a post-only order that would have taken liquidity
                status = "EXPIRED";
            }
            default -> {
                return;
            }
        }
        boolean market = marketOrders.contains(r.orderId());
        ServerOrder state = orderStates.get(r.orderId());
        long tradeId = 0;
        if (state != null) {
            state.status = status;
            state.cumLots = r.cumExecLots();
            state.updateTime = now;
            if (r.type() == ReportType.FILL) {
                tradeId = nextTradeId.getAndIncrement();
                state.trades.add("{\"buyer\":" + (r.side() == Side.BUY) + ",\"commission\":\"" + dec(r.fee())
                        + "\",\"commissionAsset\":\"USDT\",\"id\":" + tradeId + ",\"maker\":" + r.maker()
                        + ",\"orderId\":" + r.orderId() + ",\"price\":\"" + dec(r.execPrice()) + "\",\"qty\":\""
                        + dec(r.execQty()) + "\",\"realizedPnl\":\"0\",\"side\":\""
                        + (r.side() == Side.BUY ? "BUY" : "SELL") + "\",\"positionSide\":\"BOTH\",\"symbol\":\""
                        + recorded.symbol + "\",\"time\":" + now + "}");
            }
        }
        String order = "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":" + now + ",\"T\":" + now + ",\"o\":{\"s\":\""
                + recorded.symbol + "\",\"c\":\"" + client + "\",\"S\":\"" + (r.side() == Side.BUY ? "BUY" : "SELL")
                + "\",\"o\":\"" + (market ? "MARKET" : "LIMIT") + "\",\"f\":\"" + (market ? "GTC" : "GTX")
                + "\",\"q\":\"" + dec(r.qty()) + "\",\"p\":\"" + (market ? "0" : dec(r.price()))
                + "\",\"ap\":\"" + (r.execLots() > 0 ? dec(r.execPrice()) : "0") + "\",\"sp\":\"0\",\"x\":\"" + x
                + "\",\"X\":\"" + status + "\",\"i\":" + r.orderId() + ",\"l\":\"" + dec(r.execQty()) + "\",\"z\":\""
                + dec(simulator.grid().qty(r.cumExecLots())) + "\",\"L\":\""
                + (r.execLots() > 0 ? dec(r.execPrice()) : "0") + "\",\"N\":\"USDT\",\"n\":\"" + dec(r.fee())
                + "\",\"T\":" + now + ",\"t\":" + tradeId + ",\"m\":" + r.maker()
                + ",\"R\":" + reduceOnly.getOrDefault(r.orderId(), false) + ",\"ps\":\"BOTH\",\"rp\":\"0\"}}";
        sendUser(order);
        if (r.type() == ReportType.FILL) {
            sendUser(accountUpdate(now));
        }
    }

    private String accountUpdate(long now) {
        return "{\"e\":\"ACCOUNT_UPDATE\",\"E\":" + now + ",\"T\":" + now
                + ",\"a\":{\"m\":\"ORDER\",\"B\":[],\"P\":[{\"s\":\"" + recorded.symbol + "\",\"pa\":\""
                + dec(simulator.grid().qty(positionLots)) + "\",\"ep\":\"0\",\"cr\":\"0\",\"up\":\"0\","
                + "\"mt\":\"cross\",\"iw\":\"0\",\"ps\":\"BOTH\"}]}}";
    }

    private void sendUser(String message) {
        if (userStreamCut) {
            if (holdWhileCut) {
                heldUserMessages.add(message);
            }
            return; // lost
        }
        for (Session s : userSessions) {
            s.sendText(message, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    // ---- REST ---------------------------------------------------------------------------------------

    private final class Rest extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            String query = request.getHttpURI().getQuery();
            query = query == null ? "" : query;
            requestLog.add(method + " " + path + (query.isEmpty() ? "" : "?" + query));
            Answer a;
            try {
                a = answer(method, path, query, request.getHeaders().get("X-MBX-APIKEY"));
            } catch (RuntimeException e) {
                a = new Answer(500, "{\"code\":-1000,\"msg\":\"" + e + "\"}", 0);
            }
            response.setStatus(a.status);
            response.getHeaders().put("Content-Type", "application/json");
            response.getHeaders().put("X-MBX-USED-WEIGHT-1M", Long.toString(weight.addAndGet(Math.max(1, a.weight))));
            if (path.equals("/fapi/v1/order") && method.equals("POST")) {
                response.getHeaders().put("X-MBX-ORDER-COUNT-1M", Long.toString(orderCount.incrementAndGet()));
            }
            if (a.status == 429 || a.status == 418) {
                response.getHeaders().put("Retry-After", Integer.toString(failRetryAfter));
            }
            Content.Sink.write(response, true, a.body, callback);
            return true;
        }
    }

    private record Answer(int status, String body, int weight) {}

    private static Answer error(int status, int code, String msg) {
        return new Answer(status, "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}", 1);
    }

    private Answer answer(String method, String path, String query, String key) {
        if (failNext > 0) {
            failNext--;
            return failStatus == 418
                    ? error(418, -1003, "Way too many requests; IP banned until later.")
                    : error(429, -1003, "Too many requests; current limit is exceeded.");
        }
        Map<String, String> p = params(query);
        switch (method + " " + path) {
            case "GET /fapi/v1/time" -> {
                return new Answer(200, "{\"serverTime\":" + serverTime() + "}", 1);
            }
            case "GET /fapi/v1/depth" -> {
                return new Answer(200, depth(), 20);
            }
            case "POST /fapi/v1/listenKey", "PUT /fapi/v1/listenKey", "DELETE /fapi/v1/listenKey" -> {
                if (!apiKey.equals(key)) {
                    return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
                }
                if (method.equals("PUT") && listenKey == null) {
                    return error(400, -1125, "This listenKey does not exist.");
                }
                if (method.equals("POST")) {
                    if (listenKey == null) {
                        listenKey = "localListenKey" + Long.toHexString(System.nanoTime());
                    }
                    return new Answer(200, "{\"listenKey\":\"" + listenKey + "\"}", 1);
                }
                return new Answer(200, "{}", 1);
            }
            default -> {}
        }
        Answer refused = checkSigned(query, key);
        if (refused != null) {
            return refused;
        }
        synchronized (lock) {
            return switch (method + " " + path) {
                case "POST /fapi/v1/order" -> newOrder(p);
                case "DELETE /fapi/v1/order" -> cancel(p);
                case "DELETE /fapi/v1/allOpenOrders" -> cancelAll();
                case "GET /fapi/v1/openOrders" -> openOrders();
                case "GET /fapi/v1/order" -> queryOrder(p);
                case "GET /fapi/v1/userTrades" -> userTrades(p);
                case "GET /fapi/v2/positionRisk" -> positionRisk();
                default -> error(404, -1100, "Unknown endpoint " + path);
            };
        }
    }

    /** Binance's checks of a SIGNED request: the key, the signature (last parameter), the timestamp. */
    private Answer checkSigned(String query, String key) {
        if (!apiKey.equals(key)) {
            return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        int at = query.lastIndexOf("&signature=");
        if (at < 0) {
            return error(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        String total = query.substring(0, at);
        String signature = query.substring(at + "&signature=".length());
        String expected;
        synchronized (mac) {
            expected = HexFormat.of().formatHex(mac.doFinal(total.getBytes(StandardCharsets.UTF_8)));
        }
        if (!expected.equals(signature)) {
            return error(400, -1022, "Signature for this request is not valid.");
        }
        Map<String, String> p = params(total);
        long recvWindow = Long.parseLong(p.getOrDefault("recvWindow", "5000"));
        long timestamp = Long.parseLong(p.getOrDefault("timestamp", "0"));
        long serverTime = serverTime();
        if (!(timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow)) {
            return error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return null;
    }

    private long serverTime() {
        return System.currentTimeMillis() + clockSkewMs;
    }

    /** The recording's snapshot first; later one of the server's book that the next diff continues. */
    private String depth() {
        snapshotsServed.incrementAndGet();
        synchronized (lock) {
            if (!recordedSnapshotServed || !bookLive) {
                recordedSnapshotServed = true;
                return recorded.snapshot;
            }
            int next = cursor.get();
            while (next < recorded.size() && recorded.kind[next] != RecordedStream.DEPTH) {
                next++;
            }
            if (next >= recorded.size()) {
                return book.toSnapshot(recorded.last[recorded.size() - 1], 0, 0, 1000);
            }
            ServerBook ahead = book.copy();
            JsonNode data;
            try {
                data = JSON.readTree(recorded.messages[next]).path("data");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ahead.applyDiff(data); // the diffs are absolute: the client applying it again changes nothing
            return ahead.toSnapshot(
                    recorded.last[next], data.path("E").asLong(), data.path("T").asLong(), 1000);
        }
    }

    private Answer newOrder(Map<String, String> p) {
        if (rejectNextOrder != null) {
            String body = rejectNextOrder;
            rejectNextOrder = null;
            return new Answer(400, body, 1);
        }
        if (!recorded.symbol.equals(p.get("symbol"))) {
            return error(400, -1121, "Invalid symbol.");
        }
        String client = p.get("newClientOrderId");
        if (client == null || clientToId.containsKey(client)) {
            return error(400, -4015, "Client order id is not valid.");
        }
        Side side = "BUY".equals(p.get("side")) ? Side.BUY : Side.SELL;
        double qty = Double.parseDouble(p.getOrDefault("quantity", "0"));
        boolean market = "MARKET".equals(p.get("type"));
        long lots = simulator.grid().lotsOrInvalid(qty);
        if (lots <= 0) {
            return error(400, -1111, "Precision is over the maximum defined for this asset.");
        }
        long id;
        long now = simulator.now() == Long.MIN_VALUE ? recorded.localTs[0] : simulator.now();
        if (market) {
            // marketable: at the far side of the book, immediate or cancel
            long ticks = side == Side.BUY
                    ? simulator.exchangeBestAskTicks() + 1000
                    : Math.max(1, simulator.exchangeBestBidTicks() - 1000);
            id = simulator.submitLots(side, ticks, lots, TimeInForce.GTC, now);
            marketOrders.add(id);
        } else {
            double price = Double.parseDouble(p.getOrDefault("price", "0"));
            if (simulator.grid().ticksOrInvalid(price) <= 0) {
                return error(400, -4014, "Price not increased by tick size.");
            }
            TimeInForce tif = "GTX".equals(p.get("timeInForce")) ? TimeInForce.GTX : TimeInForce.GTC;
            id = simulator.submitAtPrice(side, price, qty, tif, now);
        }
        clientToId.put(client, id);
        idToClient.put(id, client);
        reduceOnly.put(id, "true".equals(p.get("reduceOnly")));
        orderStates.put(
                id,
                new ServerOrder(
                        client,
                        p.get("side"),
                        market ? "MARKET" : "LIMIT",
                        p.getOrDefault("timeInForce", "GTC"),
                        p.get("quantity"),
                        p.getOrDefault("price", "0"),
                        serverTime()));
        simulator.advanceTo(now);
        return new Answer(
                200,
                "{\"orderId\":" + id + ",\"symbol\":\"" + recorded.symbol + "\",\"status\":\"NEW\",\"clientOrderId\":\""
                        + client + "\",\"side\":\"" + p.get("side") + "\",\"type\":\"" + p.get("type")
                        + "\",\"origQty\":\"" + p.get("quantity") + "\",\"price\":\"" + p.getOrDefault("price", "0")
                        + "\",\"executedQty\":\"0\",\"updateTime\":" + serverTime() + "}",
                1);
    }

    private Answer cancel(Map<String, String> p) {
        Long id = clientToId.get(p.get("origClientOrderId"));
        if (id == null || !isOpen(id)) {
            return error(400, -2011, "Unknown order sent.");
        }
        long now = simulator.now();
        simulator.cancel(id, now);
        simulator.advanceTo(now);
        return new Answer(
                200,
                "{\"orderId\":" + id + ",\"symbol\":\"" + recorded.symbol + "\",\"status\":\"CANCELED\","
                        + "\"clientOrderId\":\"" + p.get("origClientOrderId") + "\"}",
                1);
    }

    private boolean isOpen(long id) {
        OrderTracker orders = simulator.orders();
        for (int i = 0; i < orders.size(); i++) {
            if (orders.id(i) == id && !orders.cancelPending(i)) {
                return true;
            }
        }
        return false;
    }

    private Answer cancelAll() {
        OrderTracker orders = simulator.orders();
        long now = simulator.now();
        for (int i = orders.size() - 1; i >= 0; i--) {
            if (!orders.cancelPending(i)) {
                simulator.cancel(orders.id(i), now);
            }
        }
        if (now != Long.MIN_VALUE) {
            simulator.advanceTo(now);
        }
        return new Answer(200, "{\"code\":200,\"msg\":\"The operation of cancel all open order is done.\"}", 1);
    }

    /** An order's state, kept from its reports. */
    private static final class ServerOrder {
        final String client;
        final String side;
        final String type;
        final String timeInForce;
        final String qty;
        final String price;
        final long time;
        final List<String> trades = new ArrayList<>();
        String status = "NEW";
        long cumLots;
        long updateTime;

        ServerOrder(String client, String side, String type, String timeInForce, String qty, String price, long time) {
            this.client = client;
            this.side = side;
            this.type = type;
            this.timeInForce = timeInForce;
            this.qty = qty;
            this.price = price;
            this.time = time;
            this.updateTime = time;
        }
    }

    private Answer queryOrder(Map<String, String> p) {
        if (!recorded.symbol.equals(p.get("symbol"))) {
            return error(400, -1121, "Invalid symbol.");
        }
        Long id = p.containsKey("orderId")
                ? Long.valueOf(p.get("orderId"))
                : clientToId.get(p.getOrDefault("origClientOrderId", ""));
        ServerOrder o = id == null ? null : orderStates.get(id);
        if (o == null) {
            return error(400, -2013, "Order does not exist.");
        }
        return new Answer(
                200,
                "{\"avgPrice\":\"0\",\"clientOrderId\":\"" + o.client + "\",\"cumQuote\":\"0\",\"executedQty\":\""
                        + dec(simulator.grid().qty(o.cumLots)) + "\",\"orderId\":" + id + ",\"origQty\":\"" + o.qty
                        + "\",\"origType\":\"" + o.type + "\",\"price\":\"" + o.price + "\",\"reduceOnly\":"
                        + reduceOnly.getOrDefault(id, false) + ",\"side\":\"" + o.side
                        + "\",\"positionSide\":\"BOTH\",\"status\":\"" + o.status + "\",\"stopPrice\":\"0\","
                        + "\"symbol\":\"" + recorded.symbol + "\",\"time\":" + o.time + ",\"timeInForce\":\""
                        + o.timeInForce + "\",\"type\":\"" + o.type + "\",\"updateTime\":" + o.updateTime + "}",
                1);
    }

    private Answer userTrades(Map<String, String> p) {
        if (!recorded.symbol.equals(p.get("symbol"))) {
            return error(400, -1121, "Invalid symbol.");
        }
        List<String> out = new ArrayList<>();
        if (p.containsKey("orderId")) {
            ServerOrder o = orderStates.get(Long.valueOf(p.get("orderId")));
            if (o != null) {
                out.addAll(o.trades);
            }
        } else {
            for (ServerOrder o : orderStates.values()) {
                out.addAll(o.trades);
            }
        }
        return new Answer(200, "[" + String.join(",", out) + "]", 5);
    }

    private Answer positionRisk() {
        long lots = positionLots;
        if (lagPositionAnswers > 0) {
            lagPositionAnswers--;
            lots = laggedPositionLots;
        }
        return new Answer(
                200,
                "[{\"symbol\":\"" + recorded.symbol + "\",\"positionAmt\":\""
                        + dec(simulator.grid().qty(lots)) + "\",\"entryPrice\":\"0.0\",\"positionSide\":\"BOTH\"}]",
                5);
    }

    private Answer openOrders() {
        OrderTracker orders = simulator.orders();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            long id = orders.id(i);
            out.add("{\"orderId\":" + id + ",\"symbol\":\"" + recorded.symbol + "\",\"clientOrderId\":\""
                    + idToClient.get(id) + "\",\"status\":\"NEW\"}");
        }
        return new Answer(200, "[" + String.join(",", out) + "]", 1);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> p = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return p;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private static String dec(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
