package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.data.RecordedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A duration window over its cap at run time is one line and exit 1, never a stack trace (docs/DESIGN.md §11). */
class WindowCapacityCommandTest {
    @TempDir
    Path dir;

    @Test
    void aWindowOverItsCapIsOneLineAndExitOne() throws Exception {
        Path graph = Files.writeString(dir.resolve("dense.fg"), "m = mid(book)\nw = rolling_mean(m, 2s)\noutput w\n");
        CliRun run = CliRun.of(
                "run",
                graph.toString(),
                "--data",
                RecordedData.file("usdm_btcusdt_20240808.gz").toString(),
                "--interval",
                "1us",
                "--out",
                dir.resolve("out.csv").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(
                "fg run: error: rolling_mean(window=2s) 'w' at 2:5: more than 1048576 samples within its window of 2s"
                        + " (the cap of a duration window); add a clock (clock every D) or use a shorter window\n",
                run.err());
    }
}
