package io.factorgraph.cli;

import io.factorgraph.venue.binance.BinanceException;
import io.factorgraph.venue.binance.BinanceVenue;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code fg live cancel-all}: the kill switch, every open order of the symbol cancelled at the venue. */
@Command(
        name = "cancel-all",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The kill switch: cancel every open order of --symbol at the venue, whatever placed it, and print what "
                    + "was open and the position left. Works whether or not fg live run is still running.",
            "",
            "Example: fg live cancel-all --venue binance-testnet --symbol BTCUSDT"
        })
final class LiveCancelAllCommand implements Callable<Integer> {
    @Mixin
    LiveBinanceOptions venue;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (venue.paper()) {
            throw new UserError("--venue paper: the paper venue lives in its connector; stop fg live run instead "
                    + "(its close cancels everything)");
        }
        BinanceVenue v = venue.resolve();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            v.cancelAll(http, line -> spec.commandLine().getOut().println(line));
        } catch (BinanceException e) {
            throw new UserError(e.getMessage());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
