package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --exchange-clock} on the recorded USD-M BTCUSDT feed at 0 ms latency. The expected figures are not this
 * project's: 613 fills and PnL -28.4812 are what an independent re-implementation with hftbacktest's constant shift
 * gave, and 609 fills with PnL -27.8700 what the running maximum gave (the figures of the issue that changed the
 * default). The summary says which clock was used.
 */
class ExchangeClockCommandTest {
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();

    @TempDir
    Path dir;

    @Test
    void theDefaultIsHftbacktestsConstantShift() throws IOException {
        CliRun run = backtest("constant");
        assertTrue(run.out().contains("pnl             -28.4812"), run.out());
        assertEquals(613, fillCount("constant"));
        assertTrue(Files.readString(dir.resolve("constant/summary.json")).contains("1272156851"));
    }

    @Test
    void theRunningMaximumIsKeptByName() throws IOException {
        CliRun run = backtest("running-max");
        assertTrue(run.out().contains("pnl             -27.8700"), run.out());
        assertEquals(609, fillCount("running-max"));
        assertTrue(Files.readString(dir.resolve("running-max/summary.json")).contains("running-max"));
    }

    private CliRun backtest(String clock) {
        CliRun run = CliRun.of(
                "backtest",
                "../examples/obi_mm.fg",
                "--data",
                BTC,
                "--latency",
                "0ms",
                "--exchange-clock",
                clock,
                "--report",
                dir.resolve(clock).toString());
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private long fillCount(String clock) throws IOException {
        return Files.readAllLines(dir.resolve(clock).resolve("fills.csv")).size() - 1L;
    }
}
