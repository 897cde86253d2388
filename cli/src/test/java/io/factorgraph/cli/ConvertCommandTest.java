package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg convert}: a converted file replays to exactly the CSV the recorded feed does, through
 * {@code fg run} and {@code fg backtest}; its summary line; every kind of bad input as a one-line error.
 */
class ConvertCommandTest {
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final String SPOT_1 =
            RecordedData.file("spot_btcusdt_20240808.gz").toString();
    private static final String SPOT_2 =
            RecordedData.file("spot_btcusdt_20240809.gz").toString();
    private static final String FACTORS = "../examples/obi_mm_factors.fg";

    @TempDir
    static Path dir;

    private static Path btc;
    private static CliRun converted;

    @BeforeAll
    static void convertOnce() {
        btc = dir.resolve("btc.fgev");
        converted = CliRun.of("convert", "--data", BTC, "-o", btc.toString());
        assertEquals(0, converted.exitCode(), converted.err());
    }

    @Test
    void printsOneSummaryLine() throws IOException {
        assertEquals("", converted.err());
        String prefix = "fg convert: 598755 events, " + Files.size(btc) + " bytes written to " + btc + " in ";
        assertTrue(
                converted.out().startsWith(prefix)
                        && converted.out().endsWith(" s\n")
                        && converted.out().lines().count() == 1,
                converted.out());
        assertEquals(128 + 598_755L * 64, Files.size(btc));
    }

    @Test
    void fgRunOnTheConvertedFileWritesTheSameCsvAsOnTheFeed() {
        CliRun fromFeed = CliRun.of("run", FACTORS, "--data", BTC);
        CliRun fromFile = CliRun.of("run", FACTORS, "--data", btc.toString());
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertTrue(fromFeed.out().lines().count() > 3000, "ticks every 100ms over six minutes");
        assertEquals(fromFeed.out(), fromFile.out());
        assertEquals(summaryWithoutTime(fromFeed.err()), summaryWithoutTime(fromFile.err()));
    }

    @Test
    void theTwoDaySpotStreamConvertsAndReplaysTheSame() {
        Path spot = dir.resolve("spot.fgev");
        CliRun convert = CliRun.of("convert", "--data", SPOT_1, "--data", SPOT_2, "--out", spot.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        assertTrue(convert.out().startsWith("fg convert: 466348 events, "), convert.out());
        CliRun fromFeed = CliRun.of("run", FACTORS, "--data", SPOT_1, "--data", SPOT_2, "--interval", "1s");
        CliRun fromFile = CliRun.of("run", FACTORS, "--data", spot.toString(), "--interval", "1s");
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertEquals(fromFeed.out(), fromFile.out());
    }

    /**
     * The {@code .npz} export is what hftbacktest's converter writes: every message unsynchronised and local time
     * moved later by the largest {@code exch_ts - local_ts}. Read back, the book is wrong at first (diffs older
     * than the snapshot still reach it, as in hftbacktest) and then, once later diffs have overwritten those
     * levels, the same as the synchronised feed's at every change, on a clock shifted by that amount.
     */
    @Test
    void fgRunOnAnNpzExportGivesTheFeedsFactorsShiftedByTheLocalCorrectionOnceTheBookHasCaughtUp() throws IOException {
        Path npz = dir.resolve("btc.npz");
        CliRun convert = CliRun.of("convert", "--data", BTC, "-o", npz.toString());
        assertEquals(0, convert.exitCode(), convert.err());
        assertTrue(
                convert.out().startsWith("fg convert: 491973 events, " + Files.size(npz) + " bytes written to "),
                convert.out());
        Matcher moved =
                Pattern.compile("local timestamps moved (\\d+) ns later").matcher(convert.out());
        assertTrue(moved.find(), convert.out());
        long shift = Long.parseLong(moved.group(1));
        assertEquals(1_272_156_851L, shift, "hftbacktest's notebook: local_timestamp is ahead of exch_timestamp by");

        Path graph = Files.writeString(
                dir.resolve("book.fg"),
                "obi = OBI(book, 0.001)\nmid = mid(book)\n"
                        + "output mid, obi\n"); // no clock: a row at every book change, at its local time
        Map<Long, String> fromFeed = rowsByTime(CliRun.of("run", graph.toString(), "--data", BTC), shift);
        Map<Long, String> fromNpz = rowsByTime(CliRun.of("run", graph.toString(), "--data", npz.toString()), 0);
        long start = fromNpz.keySet().stream().min(Long::compare).orElseThrow();
        long caughtUp = start + 60_000_000_000L;
        Map<Long, String> feedLater = new TreeMap<>(fromFeed);
        feedLater.keySet().removeIf(t -> t < caughtUp);
        Map<Long, String> npzLater = new TreeMap<>(fromNpz);
        npzLater.keySet().removeIf(t -> t < caughtUp);
        assertTrue(npzLater.size() > 5000, "book changes over the last five minutes: " + npzLater.size());
        assertEquals(feedLater, npzLater);
        assertFalse(fromFeed.equals(fromNpz), "before it catches up the unsynchronised book differs");
    }

    /** {@code fg run}'s CSV rows by their time plus {@code shift}; a time's last row wins. */
    private static Map<Long, String> rowsByTime(CliRun run, long shift) {
        assertEquals(0, run.exitCode(), run.err());
        Map<Long, String> rows = new TreeMap<>();
        run.out().lines().skip(1).forEach(line -> {
            int comma = line.indexOf(',');
            rows.put(Long.parseLong(line.substring(0, comma)) + shift, line.substring(comma + 1));
        });
        return rows;
    }

    @Test
    void fgBacktestOnTheConvertedFileMatchesTheFeed() throws IOException {
        CliRun fromFeed = CliRun.of(
                "backtest",
                "../examples/obi_mm.fg",
                "--data",
                BTC,
                "--latency",
                "5ms",
                "--report",
                dir.resolve("feed").toString());
        CliRun fromFile = CliRun.of(
                "backtest",
                "../examples/obi_mm.fg",
                "--data",
                btc.toString(),
                "--latency",
                "5ms",
                "--report",
                dir.resolve("file").toString());
        assertEquals(0, fromFeed.exitCode(), fromFeed.err());
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        for (String csv : List.of("timeseries.csv", "fills.csv")) {
            assertEquals(
                    Files.readString(dir.resolve("feed").resolve(csv)),
                    Files.readString(dir.resolve("file").resolve(csv)),
                    csv);
        }
        assertTrue(Files.readAllLines(dir.resolve("file/fills.csv")).size() > 50);
    }

    @Test
    void convertingAConvertedFileGivesTheSameBytesButTheDescription() throws IOException {
        Path again = dir.resolve("again.fgev");
        CliRun run = CliRun.of("convert", "--data", btc.toString(), "-o", again.toString());
        assertEquals(0, run.exitCode(), run.err());
        byte[] a = Files.readAllBytes(btc);
        byte[] b = Files.readAllBytes(again);
        assertEquals(
                a.length,
                b.length,
                "the descriptions are of equal length: --data btc.fgev vs --data "
                        + "usdm_btcusdt_20240808.gz --on-gap fail, both within 128 bytes");
        assertTrue(Arrays.equals(a, 128, a.length, b, 128, b.length), "every record the same");
        assertTrue(Arrays.equals(a, 0, 50, b, 0, 50), "the fixed header the same up to the description's length");
    }

    @Test
    void helpDescribesTheOptions() {
        CliRun help = CliRun.of("convert", "--help");
        assertEquals(0, help.exitCode());
        for (String option : List.of(
                "--data",
                "-o, --out",
                "--on-gap",
                "--symbol",
                "--bbo",
                ".fgev",
                ".npz",
                "binancefutures",
                "EXCH_EVENT")) {
            assertTrue(help.out().contains(option), option + " in\n" + help.out());
        }
        assertTrue(CliRun.of("--help").out().contains("convert"));
    }

    @Test
    void missingOptionsAreReported() {
        assertError(
                "Missing required option: '--data=FILE': the recorded data to convert",
                "convert",
                "-o",
                dir.resolve("x.fgev").toString());
        assertError("Missing required option: '--out=OUT.fgev': the file to write", "convert", "--data", BTC);
    }

    @Test
    void badInputIsAOneLineError() throws IOException {
        assertError(
                "--data nope.gz: no such file",
                "convert",
                "--data",
                "nope.gz",
                "-o",
                dir.resolve("x.fgev").toString());
        Path csv = dir.resolve("x.csv");
        assertError(
                "-o " + csv + ": unknown output type: expected an hftbacktest event file (.npz) or a factorgraph "
                        + "event file (.fgev)",
                "convert",
                "--data",
                BTC,
                "-o",
                csv.toString());
        assertError(
                "--on-gap 'maybe': expected fail or resync",
                "convert",
                "--data",
                BTC,
                "-o",
                dir.resolve("x.fgev").toString(),
                "--on-gap",
                "maybe");
        assertError(
                "-o " + btc + ": is also an input (--data " + btc + "); write the conversion to another file",
                "convert",
                "--data",
                btc.toString(),
                "-o",
                btc.toString());
        assertError(
                "--bbo: keeps bookTicker rows in an .npz export; -o " + dir.resolve("x.fgev") + " is not an .npz "
                        + "(an .fgev always keeps them)",
                "convert",
                "--data",
                BTC,
                "-o",
                dir.resolve("x.fgev").toString(),
                "--bbo");
        assertError(
                btc + ": cannot write a factorgraph event file (.fgev) as an hftbacktest .npz: it holds the "
                        + "synchronised local stream only, without the exchange timeline hftbacktest needs; convert the "
                        + "recorded feed (.gz) instead",
                "convert",
                "--data",
                btc.toString(),
                "-o",
                dir.resolve("x.npz").toString());
        Path text = Files.writeString(dir.resolve("text.fgev"), "hello");
        assertError(
                "text.fgev: not a factorgraph event file: it does not start with the .fgev magic bytes "
                        + "\\x89FGEV\\r\\n\\x1a",
                "convert",
                "--data",
                text.toString(),
                "-o",
                dir.resolve("y.fgev").toString());
        assertFalse(Files.exists(dir.resolve("x.fgev")));
        assertFalse(Files.exists(dir.resolve("x.npz")));
        assertFalse(Files.exists(dir.resolve("y.fgev")));
    }

    @Test
    void aCorruptFeedFailsWithItsLineAndWritesNothing() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(BTC));
        Path cut = dir.resolve("cut.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Path out = dir.resolve("cut.fgev");
        CliRun run = CliRun.of("convert", "--data", cut.toString(), "-o", out.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("fg convert: error: cut.gz"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void fgRunRefusesToMixAConvertedFileWithAFeed() {
        CliRun run = CliRun.of("run", FACTORS, "--data", btc.toString(), "--data", BTC);
        assertEquals(
                "fg run: error: --data " + btc + ": the data files mix factorgraph event files (.fgev) and recorded "
                        + "feeds (.gz); give files of one kind\n",
                run.err());
        assertEquals(1, run.exitCode());
    }

    private static void assertError(String message, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals("fg convert: error: " + message + "\n", run.err());
        assertEquals("", run.out());
        assertEquals(1, run.exitCode());
    }

    /** {@code fg run: N events, M ticks in S s} without the seconds. */
    private static String summaryWithoutTime(String err) {
        return err.replaceAll(" in [0-9.]+ s", "");
    }
}
