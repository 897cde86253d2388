package io.factorgraph.cli;

import io.factorgraph.venue.binance.BinanceVenue;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which venue the live connector trades at: {@code paper} (the recorded feed and the backtest's simulator), or
 * Binance USD-M futures, the testnet unless {@code --venue binance} and {@code --mainnet} are both given. Credentials
 * come from {@code BINANCE_API_KEY}/{@code BINANCE_API_SECRET} or an owner-only {@code --credentials} file, never from
 * the command line.
 */
final class LiveBinanceOptions {
    static final String PAPER = "paper";

    @Option(
            names = "--venue",
            paramLabel = "paper|binance-testnet|binance",
            defaultValue = PAPER,
            description = "paper (default): the recorded --data replayed to the backtest's simulator; binance-testnet: "
                    + "Binance USD-M futures' testnet; binance: the real market (with --mainnet).")
    String venue;

    @Option(names = "--mainnet", description = "With --venue binance: yes, real money.")
    boolean mainnet;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "The Binance symbol, e.g. BTCUSDT.")
    String symbol;

    @Option(
            names = "--credentials",
            paramLabel = "FILE",
            description = "key=... and secret=... lines, readable by its owner only (chmod 600). Default: the "
                    + "environment, BINANCE_API_KEY and BINANCE_API_SECRET.")
    Path credentials;

    @Option(
            names = "--max-position",
            paramLabel = "QTY",
            defaultValue = "0.01",
            description = "The connector refuses an order that could take the position beyond this, whatever the "
                    + "strategy does. Default: ${DEFAULT-VALUE}.")
    double maxPosition;

    @Option(
            names = "--max-order-rate",
            paramLabel = "N",
            defaultValue = "5",
            description = "New orders per second the connector lets through. Default: ${DEFAULT-VALUE}.")
    int maxOrderRate;

    @Option(
            names = "--record",
            paramLabel = "FILE.gz",
            description = "Record the venue's raw feed in the format of the recorded files (fg run reads it).")
    Path record;

    @Option(
            names = "--venue-url",
            hidden = true,
            paramLabel = "URL",
            description = "A local server speaking Binance's protocol (tests).")
    URI venueUrl;

    boolean paper() {
        return PAPER.equals(venue);
    }

    /** The venue, or one line saying what is refused (before any process starts). */
    BinanceVenue resolve() {
        if (symbol == null) {
            throw new UserError("--venue " + venue + ": give the --symbol to trade, e.g. --symbol BTCUSDT");
        }
        try {
            return BinanceVenue.resolve(venue, mainnet, symbol, credentials, System.getenv(), venueUrl);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
