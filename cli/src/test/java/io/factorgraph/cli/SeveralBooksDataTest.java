package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Book input reads its own files, of any format: a converted feed replays as its recorded files do. */
class SeveralBooksDataTest {
    private static final String PERP =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final String SPOT_08 =
            RecordedData.file("spot_btcusdt_20240808.gz").toString();
    private static final String SPOT_09 =
            RecordedData.file("spot_btcusdt_20240809.gz").toString();

    @TempDir
    Path dir;

    @Test
    void aFeedConvertedToFgevReplaysAsItsRecordedFilesInATwoBookGraph() throws IOException {
        Path graph = Files.writeString(
                dir.resolve("basis.fg"),
                "input perp: Book\ninput spot: Book\nbasis = mid(perp) / mid(spot) - 1\nobi = obi_norm(spot, 0.001)\n");
        Path spot = dir.resolve("spot.fgev");
        CliRun convert =
                CliRun.of("convert", "--data", "spot=" + SPOT_08, "--data", "spot=" + SPOT_09, "-o", spot.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        CliRun fromGz = CliRun.of(
                "run",
                graph.toString(),
                "--interval",
                "1s",
                "--data",
                "perp=" + PERP,
                "--data",
                "spot=" + SPOT_08,
                "--data",
                "spot=" + SPOT_09);
        CliRun fromFgev = CliRun.of(
                "run", graph.toString(), "--interval", "1s", "--data", "perp=" + PERP, "--data", "spot=" + spot);
        assertEquals(0, fromGz.exitCode(), fromGz.err());
        assertEquals(0, fromFgev.exitCode(), fromFgev.err());
        assertTrue(fromGz.out().lines().count() > 300, fromGz.out());
        assertEquals(fromGz.out(), fromFgev.out());
    }

    @Test
    void anNpzFeedBindsToItsBookBesideARecordedOne() throws IOException {
        Path graph = Files.writeString(
                dir.resolve("ratio.fg"), "input btc: Book\ninput eth: Book\nratio = mid(eth) / mid(btc)\n");
        Path eth = dir.resolve("eth.npz");
        CliRun convert = CliRun.of(
                "convert",
                "--data",
                RecordedData.file("usdm_ethusdt_20240808.gz").toString(),
                "-o",
                eth.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        CliRun run =
                CliRun.of("run", graph.toString(), "--interval", "1s", "--data", "btc=" + PERP, "--data", "eth=" + eth);
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = run.out().lines().skip(1).toList();
        assertTrue(rows.size() > 300, "a tick a second for about six minutes: " + rows.size());
        for (String row : rows) {
            double ratio = Double.parseDouble(row.split(",")[1]);
            assertTrue(ratio > 0.04 && ratio < 0.05, "ETH/BTC about 0.043: " + row);
        }
    }

    @Test
    void convertTakesOneFeedAndRefusesSeveralWithAClearLine() {
        CliRun run = CliRun.of(
                "convert",
                "--data",
                "perp=" + PERP,
                "--data",
                "spot=" + SPOT_08,
                "-o",
                dir.resolve("x.fgev").toString());
        assertEquals(1, run.exitCode());
        assertEquals(
                "fg convert: error: --data spot=" + SPOT_08 + ": fg convert writes one feed to one file, but the "
                        + "--data options name 2 feeds (perp, spot); give the files of one feed\n",
                run.err());
    }
}
