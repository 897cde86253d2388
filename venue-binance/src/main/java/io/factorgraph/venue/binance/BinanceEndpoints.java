package io.factorgraph.venue.binance;

import java.net.URI;
import java.util.Locale;

/**
 * Where a Binance USD-M futures venue answers: the REST base ({@code /fapi/...}) and the WebSocket base of the market
 * and user data streams ({@code /stream?streams=...}, {@code /ws/<listenKey>}).
 *
 * @param name for the log: {@code binance-testnet}, {@code binance}, or {@code local} in tests
 * @param mainnet whether real money trades here (refused without the explicit flag)
 */
public record BinanceEndpoints(String name, URI rest, URI stream, boolean mainnet) {
    /** Binance's futures testnet (the default venue of {@code --venue binance-testnet}). */
    public static final BinanceEndpoints TESTNET = new BinanceEndpoints(
            "binance-testnet",
            URI.create("https://testnet.binancefuture.com"),
            URI.create("wss://fstream.binancefuture.com"),
            false);

    /** The real market. */
    public static final BinanceEndpoints MAINNET = new BinanceEndpoints(
            "binance", URI.create("https://fapi.binance.com"), URI.create("wss://fstream.binance.com"), true);

    /** A local server speaking the protocol (tests): REST and WebSocket on one port. */
    public static BinanceEndpoints local(int port) {
        return new BinanceEndpoints(
                "local", URI.create("http://127.0.0.1:" + port), URI.create("ws://127.0.0.1:" + port), false);
    }

    /** The combined stream of one symbol's depth diffs, trades and best bid/offer: what the recorded files hold. */
    public URI marketStream(String symbol) {
        String s = symbol.toLowerCase(Locale.ROOT);
        return URI.create(stream + "/stream?streams=" + s + "@depth@0ms/" + s + "@trade/" + s + "@bookTicker");
    }

    /** The user data stream of a listen key. */
    public URI userStream(String listenKey) {
        return URI.create(stream + "/ws/" + listenKey);
    }
}
