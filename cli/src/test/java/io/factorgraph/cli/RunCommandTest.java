package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fg run}: its output format, and every kind of bad input as a one-line error with exit 1. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();

    @Test
    void writesHeaderThenOneRowPerTickWithBoolsAsDigits() {
        CliRun run = CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", BTC, "--interval", "1s");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("ts,mid,obi,alpha,chg,vol,stop", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(7, cells.length, line);
            assertEquals(0, Long.parseLong(cells[0]) % 1_000_000_000L, "ticks on whole seconds: " + line);
            assertTrue(cells[6].equals("0") || cells[6].equals("1"), line);
        }
        assertTrue(run.err().startsWith("fg run: 598755 events, " + (lines.size() - 1) + " ticks in "), run.err());
    }

    @Test
    void withoutAClockTheGraphTicksOnEveryBookChange() {
        CliRun run = CliRun.of("run", "../examples/basics.fg", "--data", BTC);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("the graph reads no book"), run.err());
        Path graph = write("mid.fg", "mid = mid(book)\n");
        CliRun mids = CliRun.of("run", graph.toString(), "--data", BTC);
        assertEquals(0, mids.exitCode(), mids.err());
        List<String> rows = mids.out().lines().skip(1).toList();
        // The file holds 6,551 depth messages (zcat | grep -c depthUpdate) and one snapshot; a few diffs are
        // older than the snapshot and dropped, so at most one row per message and nearly all of them.
        assertTrue(rows.size() > 6_400 && rows.size() <= 6_552, "one row per book-changing message: " + rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(Long.parseLong(rows.get(i).split(",")[0])
                    >= Long.parseLong(rows.get(i - 1).split(",")[0]));
        }
    }

    @Test
    void withoutAClockASnapshotAndTheDiffsHeldBeforeItTickOnce() {
        Path graph = write("mid.fg", "mid = mid(book)\n");
        CliRun run = CliRun.of("run", graph.toString(), "--data", BTC);
        assertEquals(0, run.exitCode(), run.err());
        // line 55's snapshot, and the diffs of lines 42 and 50 applied with it, all at the snapshot's local time
        List<String> rows = run.out()
                .lines()
                .filter(l -> l.startsWith("1723161255319702566,"))
                .toList();
        assertEquals(1, rows.size(), "one change, one tick (docs/DESIGN.md §11): " + rows);
    }

    @Test
    void csvGoesToTheOutFile() throws IOException {
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.of(
                "run", "../examples/obi_mm_factors.fg", "--data", BTC, "--interval", "10s", "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(
                CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", BTC, "--interval", "10s")
                        .out(),
                Files.readString(out));
    }

    @Test
    void badIntervalNamesTheExpectedForm() {
        CliRun run = CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", BTC, "--interval", "100");
        assertEquals(
                "fg run: error: --interval '100': expected a positive duration such as 100ms, 1s or 5m\n", run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void anIntervalFinerThanAMicrosecondIsRefusedBeforeAnyDataIsRead() {
        CliRun run =
                CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", "no-such-file.gz", "--interval", "1ns");
        assertEquals(
                "fg run: error: --interval '1ns': a clock of 1ns is finer than any recorded data: it would tick "
                        + "3.6e+12 times per hour of data; the finest clock is 1us\n",
                run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void aWindowThatCannotFitIsADiagnosticBeforeAnyDataIsReadNotAnOutOfMemoryError(@TempDir Path dir)
            throws IOException {
        Path graph = Files.writeString(dir.resolve("oom.fg"), "x = zscore(OBI(book, 0.001), 2000000000)\n");
        CliRun run = CliRun.of("run", graph.toString(), "--data", BTC);
        assertEquals(1, run.exitCode());
        assertTrue(
                run.err()
                        .startsWith(graph + ":1:30: error: 'zscore' would keep 14.9 GiB for window = 2000000000, "
                                + "more than the graph's memory budget of "),
                run.err());
        assertTrue(run.err().contains("     |                              ^~~~~~~~~~\n"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("Error:"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void missingDataOptionIsReported() {
        CliRun run = CliRun.of("run", "../examples/obi_mm_factors.fg");
        assertTrue(
                run.err()
                        .startsWith(
                                "fg run: error: Missing required option: '--data=[NAME=]FILE': the recorded data to replay"),
                run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void missingAndUnknownDataFilesAreReported() {
        CliRun missing = CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", "nope.gz");
        assertEquals("fg run: error: --data nope.gz: no such file\n", missing.err());
        assertEquals(1, missing.exitCode());
        Path csv = write("data.csv", "1,2,3\n");
        CliRun unknown = CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", csv.toString());
        assertEquals(
                "fg run: error: --data " + csv + ": unknown data file type: expected a recorded Binance feed (.gz), an "
                        + "hftbacktest event file (.npz) or a factorgraph event file (.fgev)\n",
                unknown.err());
        assertEquals(1, unknown.exitCode());
    }

    @Test
    void truncatedGzipIsAnErrorNamingTheFile() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(BTC));
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRun run = CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", cut.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("fg run: error: cut.gz:"), run.err());
        assertTrue(run.err().contains("truncated"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void malformedLineIsAnErrorNamingFileAndLine() throws IOException {
        Path bad = gzip(
                "bad.gz", "1723161255030314667 {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\"\n");
        CliRun run = CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", bad.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("fg run: error: bad.gz:1: "), run.err());
    }

    @Test
    void filesOutOfOrderAreRejected() {
        CliRun run = CliRun.of(
                "run",
                "../examples/obi_mm_factors.fg",
                "--data",
                RecordedData.file("spot_btcusdt_20240809.gz").toString(),
                "--data",
                RecordedData.file("spot_btcusdt_20240808.gz").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("files out of order"), run.err());
    }

    @Test
    void badOnGapValueIsReported() {
        CliRun run = CliRun.of("run", "../examples/obi_mm_factors.fg", "--data", BTC, "--on-gap", "ignore");
        assertEquals("fg run: error: --on-gap 'ignore': expected fail or resync\n", run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void graphWithDoubleInputsCannotBeReplayed() {
        Path graph = write("inputs.fg", "input funding: double\nx = mid(book) * funding\n");
        CliRun run = CliRun.of("run", graph.toString(), "--data", BTC);
        assertEquals(1, run.exitCode());
        assertEquals(
                "fg run: error: " + graph + ": a replay feeds only the books, but the graph also has double "
                        + "inputs [funding] that would stay NaN; feed them through the embedding API instead\n",
                run.err());
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
