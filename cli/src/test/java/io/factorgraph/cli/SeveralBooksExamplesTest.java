package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two-book examples compile and run on the recorded files as the README shows them: a tick every 100ms from when
 * both books are ready to the earliest end among the feeds, with finite factors once the windows have filled.
 */
class SeveralBooksExamplesTest {
    /** 2024-08-08 23:59:59.8: the last 100ms tick before the USD-M recordings end (the spot files go on to 00:05). */
    private static final long LAST_TICK = 1723161599800000000L;

    @Test
    void basisMmQuotesThePerpetualWithTheBasisToSpotReadFromTwoContinuingFiles() {
        CliRun run = CliRun.of(
                "run",
                "../examples/basis_mm.fg",
                "--data",
                "perp=" + RecordedData.file("usdm_btcusdt_20240808.gz"),
                "--data",
                "spot=" + RecordedData.file("spot_btcusdt_20240808.gz"),
                "--data",
                "spot=" + RecordedData.file("spot_btcusdt_20240809.gz"));
        List<String[]> rows = rows(run, "ts,basis,alpha,vol,stop");
        for (String[] row : rows) {
            double basis = Double.parseDouble(row[1]);
            assertTrue(Math.abs(basis) < 0.002, "the perpetual within 0.2% of spot: " + String.join(",", row));
        }
    }

    @Test
    void leadLagMmQuotesEthWithBtcsRecentReturn() {
        CliRun run = CliRun.of(
                "run",
                "../examples/lead_lag_mm.fg",
                "--data",
                "eth=" + RecordedData.file("usdm_ethusdt_20240808.gz"),
                "--data",
                "btc=" + RecordedData.file("usdm_btcusdt_20240808.gz"));
        rows(run, "ts,btc_ret,alpha,vol,stop");
    }

    private static List<String[]> rows(CliRun run, String header) {
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(header, lines.get(0));
        List<String[]> rows =
                lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
        assertTrue(rows.size() > 3_000, "about 5 min 44 s at 100ms: " + rows.size());
        assertEquals(LAST_TICK, Long.parseLong(rows.getLast()[0]), "the last tick is at the earliest end");
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(100_000_000L, Long.parseLong(rows.get(i)[0]) - Long.parseLong(rows.get(i - 1)[0]));
        }
        for (String[] row : rows.subList(600, rows.size())) {
            for (int c = 1; c < row.length; c++) {
                assertTrue(Double.isFinite(Double.parseDouble(row[c])), String.join(",", row));
            }
        }
        return rows;
    }
}
