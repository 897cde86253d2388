package io.factorgraph.venue.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Which Binance venue to trade and with what: the testnet unless real money is asked for explicitly (the venue {@code
 * binance} and the {@code --mainnet} flag, both), credentials from the environment or an owner-only file (never the
 * command line), the symbol and the connector's own limits. {@link #resolve} refuses anything else with one line.
 *
 * @param endpoints where it answers
 * @param symbol upper case, as the REST API takes it
 */
public record BinanceVenue(BinanceEndpoints endpoints, String symbol, Credentials credentials, long recvWindowMs) {
    /** The venue names {@code --venue} takes besides {@code paper}. */
    public static final String TESTNET = "binance-testnet";

    public static final String MAINNET = "binance";

    /**
     * The venue named {@code venue}.
     *
     * @param mainnetConfirmed the explicit flag that real money may trade
     * @param credentialsFile a file of {@code key=}/{@code secret=} lines readable by its owner only, or null for the
     *     environment ({@value Credentials#KEY_VARIABLE}, {@value Credentials#SECRET_VARIABLE})
     * @param restOverride another REST and stream base (a local protocol server), or null
     * @throws IllegalArgumentException one line: what is refused and why
     */
    public static BinanceVenue resolve(
            String venue,
            boolean mainnetConfirmed,
            String symbol,
            Path credentialsFile,
            Map<String, String> env,
            URI restOverride) {
        BinanceEndpoints endpoints =
                switch (venue) {
                    case TESTNET -> BinanceEndpoints.TESTNET;
                    case MAINNET -> BinanceEndpoints.MAINNET;
                    default ->
                        throw new IllegalArgumentException(
                                "--venue " + venue + ": expected paper, " + TESTNET + " or " + MAINNET);
                };
        if (endpoints.mainnet() && !mainnetConfirmed) {
            throw new IllegalArgumentException(
                    "--venue binance trades real money: add --mainnet to say so (or use --venue " + TESTNET + ")");
        }
        if (!endpoints.mainnet() && mainnetConfirmed) {
            throw new IllegalArgumentException("--mainnet: only with --venue " + MAINNET);
        }
        if (symbol == null || !symbol.matches("[A-Za-z0-9]{2,20}")) {
            throw new IllegalArgumentException("--symbol " + symbol + ": expected a USD-M futures symbol like BTCUSDT");
        }
        if (restOverride != null) {
            if (endpoints.mainnet()) {
                throw new IllegalArgumentException("--venue-url: not with the real market");
            }
            String ws = restOverride.toString().replaceFirst("^http", "ws");
            endpoints = new BinanceEndpoints("local", restOverride, URI.create(ws), false);
        }
        Credentials credentials =
                credentialsFile != null ? Credentials.fromFile(credentialsFile) : Credentials.fromEnvironment(env);
        return new BinanceVenue(endpoints, symbol.toUpperCase(Locale.ROOT), credentials, 5000);
    }

    /** A REST client of this venue. */
    public BinanceRest rest(HttpClient http) {
        return new BinanceRest(
                endpoints.rest(),
                http,
                credentials,
                ServerClock.system(),
                recvWindowMs,
                new RateLimits(System::currentTimeMillis));
    }

    /**
     * The kill switch: cancels every open order of the symbol at the venue (whatever placed them) and reports what
     * was open and the position left; returns the number of orders that were open.
     */
    public int cancelAll(HttpClient http, Consumer<String> log) throws BinanceException {
        BinanceRest rest = rest(http);
        rest.syncTime();
        JsonNode open = rest.openOrders(symbol);
        rest.cancelAll(symbol);
        JsonNode left = rest.openOrders(symbol);
        String position = "0";
        for (JsonNode p : rest.positionRisk(symbol)) {
            if (symbol.equals(p.path("symbol").asText())) {
                position = p.path("positionAmt").asText();
            }
        }
        log.accept(endpoints.name() + " " + symbol + ": " + open.size() + " open orders cancelled, " + left.size()
                + " left; position " + position + " (" + credentials.describe() + ")");
        return open.size();
    }
}
