package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
