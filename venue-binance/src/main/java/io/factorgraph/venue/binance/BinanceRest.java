package io.factorgraph.venue.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binance USD-M futures' REST API, the endpoints the connector uses: server time, the depth snapshot, orders (new,
 * cancel, cancel all, open orders, one order and its
 * trades), the position, and the listen key of the user data stream. SIGNED requests carry
 * {@code recvWindow}, a timestamp from the {@link ServerClock} and the signature as their last parameter, all in the
 * query string; the key goes in the {@code X-MBX-APIKEY} header. Every answer's rate-limit headers are accounted
 * ({@link RateLimits}); a {@code -1021} (timestamp outside the window) re-measures the clock and is retried once.
 * Thread-safe.
 */
public final class BinanceRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;
    private final Credentials credentials;
    private final RequestSigner signer;
    private final ServerClock clock;
    private final long recvWindowMs;
    private final RateLimits limits;

    /**
     * @param credentials null for a client of the public endpoints only
     * @param recvWindowMs how long after its timestamp the venue may still accept a request (Binance: at most 60000)
     */
    public BinanceRest(
            URI base,
            HttpClient http,
            Credentials credentials,
            ServerClock clock,
            long recvWindowMs,
            RateLimits limits) {
        if (recvWindowMs <= 0 || recvWindowMs > 60_000) {
            throw new IllegalArgumentException("--recv-window: between 1 and 60000 ms, not " + recvWindowMs);
        }
        this.base = base;
        this.http = http;
        this.credentials = credentials;
        this.signer = credentials == null ? null : new RequestSigner(credentials);
        this.clock = clock;
        this.recvWindowMs = recvWindowMs;
        this.limits = limits;
    }

    public ServerClock clock() {
        return clock;
    }

    public RateLimits limits() {
        return limits;
    }

    /** Measures the offset of the server's clock ({@code GET /fapi/v1/time}); returns it in ms. */
    public long syncTime() throws BinanceException {
        long sent = clock.localMillis();
        JsonNode time = json("GET /fapi/v1/time", send("GET", "/fapi/v1/time", "", false, false));
        long received = clock.localMillis();
        clock.update(time.path("serverTime").asLong(), sent, received);
        return clock.offsetMillis();
    }

    /** The REST depth snapshot, the body exactly as received (the recorded files hold it so). */
    public String depthSnapshot(String symbol, int limit) throws BinanceException {
        return send("GET", "/fapi/v1/depth", "symbol=" + symbol + "&limit=" + limit, false, false);
    }

    /**
     * A new order: a post-only limit ({@code timeInForce=GTX}, refused by the venue rather than taking liquidity), or,
     * with {@code price} null, a market order (the marketable closing order of a stop; {@code reduceOnly} so it can
     * only shrink the position).
     */
    public JsonNode newOrder(
            String symbol, boolean buy, String quantity, String price, String clientOrderId, boolean reduceOnly)
            throws BinanceException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol);
        p.put("side", buy ? "BUY" : "SELL");
        if (price != null) {
            p.put("type", "LIMIT");
            p.put("timeInForce", "GTX");
            p.put("price", price);
        } else {
            p.put("type", "MARKET");
        }
        p.put("quantity", quantity);
        p.put("newClientOrderId", clientOrderId);
        if (reduceOnly) {
            p.put("reduceOnly", "true");
        }
        p.put("newOrderRespType", "ACK");
        return json("POST /fapi/v1/order", send("POST", "/fapi/v1/order", query(p), true, true));
    }

    /** Cancels one order by its client id. */
    public JsonNode cancelOrder(String symbol, String clientOrderId) throws BinanceException {
        return json(
                "DELETE /fapi/v1/order",
                send(
                        "DELETE",
                        "/fapi/v1/order",
                        "symbol=" + symbol + "&origClientOrderId=" + enc(clientOrderId),
                        true,
                        true));
    }

    /** Cancels every open order of the symbol. */
    public JsonNode cancelAll(String symbol) throws BinanceException {
        return json(
                "DELETE /fapi/v1/allOpenOrders",
                send("DELETE", "/fapi/v1/allOpenOrders", "symbol=" + symbol, true, true));
    }

    /** The symbol's open orders (an array). */
    public JsonNode openOrders(String symbol) throws BinanceException {
        return json("GET /fapi/v1/openOrders", send("GET", "/fapi/v1/openOrders", "symbol=" + symbol, true, true));
    }

    /** One order, by its client id ({@code GET /fapi/v1/order}): its status and executed quantity. */
    public JsonNode order(String symbol, String clientOrderId) throws BinanceException {
        return json(
                "GET /fapi/v1/order",
                send(
                        "GET",
                        "/fapi/v1/order",
                        "symbol=" + symbol + "&origClientOrderId=" + enc(clientOrderId),
                        true,
                        true));
    }

    /** The fills of one order ({@code GET /fapi/v1/userTrades}, an array, each with its trade {@code id}). */
    public JsonNode userTrades(String symbol, long orderId) throws BinanceException {
        return json(
                "GET /fapi/v1/userTrades",
                send("GET", "/fapi/v1/userTrades", "symbol=" + symbol + "&orderId=" + orderId, true, true));
    }

    /** The symbol's position (an array of one entry in one-way mode). */
    public JsonNode positionRisk(String symbol) throws BinanceException {
        return json("GET /fapi/v2/positionRisk", send("GET", "/fapi/v2/positionRisk", "symbol=" + symbol, true, true));
    }

    /** Starts the user data stream: its listen key. */
    public String newListenKey() throws BinanceException {
        return json("POST /fapi/v1/listenKey", send("POST", "/fapi/v1/listenKey", "", false, true))
                .path("listenKey")
                .asText();
    }

    /** Keeps the listen key alive (it lapses 60 minutes after the last keep-alive). */
    public void keepAliveListenKey() throws BinanceException {
        send("PUT", "/fapi/v1/listenKey", "", false, true);
    }

    public void closeListenKey() throws BinanceException {
        send("DELETE", "/fapi/v1/listenKey", "", false, true);
    }

    private String send(String method, String path, String query, boolean signed, boolean keyed)
            throws BinanceException {
        String endpoint = method + " " + path;
        try {
            return sendOnce(method, path, query, signed, keyed, endpoint);
        } catch (BinanceException e) {
            if (signed && e.code() == BinanceException.INVALID_TIMESTAMP) {
                syncTime(); // the clock moved: measure it again, once
                return sendOnce(method, path, query, signed, keyed, endpoint);
            }
            throw e;
        }
    }

    private String sendOnce(String method, String path, String query, boolean signed, boolean keyed, String endpoint)
            throws BinanceException {
        limits.check(endpoint);
        if ((signed || keyed) && credentials == null) {
            throw new BinanceException(endpoint, 0, BinanceException.LOCAL_BACK_OFF, "no API key given");
        }
        String q = signed ? signer.signedQuery(query, recvWindowMs, clock.nowMillis()) : query;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path + (q.isEmpty() ? "" : "?" + q)))
                .timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (keyed || signed) {
            request.header("X-MBX-APIKEY", credentials.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BinanceException(
                    endpoint,
                    0,
                    -1,
                    "not answered: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceException(endpoint, 0, -1, "interrupted");
        }
        limits.onResponse(response.statusCode(), response.headers());
        if (response.statusCode() / 100 != 2) {
            int code = -1;
            String msg = "no error message";
            try {
                JsonNode error = JSON.readTree(response.body());
                code = error.path("code").asInt(-1);
                msg = error.path("msg").asText(msg);
            } catch (JsonProcessingException e) {
                msg = "not JSON: " + abbreviate(response.body());
            }
            throw new BinanceException(endpoint, response.statusCode(), code, msg);
        }
        return response.body();
    }

    static JsonNode json(String endpoint, String body) throws BinanceException {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BinanceException(endpoint, 200, -1, "answer is not JSON: " + abbreviate(body));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static String query(Map<String, String> p) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (!b.isEmpty()) {
                b.append('&');
            }
            b.append(e.getKey()).append('=').append(enc(e.getValue()));
        }
        return b.toString();
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
