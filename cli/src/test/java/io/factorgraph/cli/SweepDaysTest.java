package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg sweep --days} chains days (docs/DESIGN.md §12, §13): each point's row for day 2 equals, to the bit,
 * {@code fg backtest} of day 2 restored from the state that point's backtest of day 1 saved; day 1's row is a plain
 * backtest of day 1.
 */
class SweepDaysTest {
    private static final String D1 =
            RecordedData.file("spot_btcusdt_20240808.gz").toString();
    private static final String D2 =
            RecordedData.file("spot_btcusdt_20240809.gz").toString();

    @TempDir
    Path dir;

    /** examples/obi_mm.fg on the spot recordings' 0.01 tick. */
    private Path spotMm() throws IOException {
        return Files.writeString(
                dir.resolve("spot_mm.fg"),
                Files.readString(Path.of("..", "examples", "obi_mm.fg"))
                        .replace("tick_size = 0.1", "tick_size = 0.01"));
    }

    @Test
    void dayTwoOfEveryPointEqualsItsBacktestRestoredFromDayOne() throws IOException {
        Path graph = spotMm();
        Path csv = dir.resolve("days.csv");
        CliRun sweep = CliRun.of(
                "sweep",
                graph.toString(),
                "--data",
                D1,
                "--data",
                D2,
                "--days",
                "--grid",
                "window=300,600",
                "--grid",
                "half_spread=0.00002,0.00004",
                "--threads",
                "2",
                "--out",
                csv.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertTrue(sweep.out().contains("day spot_btcusdt_20240809.gz:"), sweep.out());
        List<Map<String, String>> rows = SweepCommandTest.readCsv(csv);
        assertEquals(8, rows.size(), "4 points, 2 days");
        for (Map<String, String> row : rows) {
            String[] params = {
                "--param", "window=" + row.get("window"), "--param", "half_spread=" + row.get("half_spread")
            };
            Path state = dir.resolve("d1-" + row.get("point") + ".fgst");
            Map<String, Double> day1 = backtest(graph, D1, params, "--save-state", state.toString());
            String span = row.get("span");
            if (span.equals("spot_btcusdt_20240808.gz")) {
                SweepCommandTest.assertFiguresEqual(day1, row, "day 1, point " + row.get("point"));
            } else {
                assertEquals("spot_btcusdt_20240809.gz", span);
                Map<String, Double> day2 = backtest(graph, D2, params, "--restore-state", state.toString());
                SweepCommandTest.assertFiguresEqual(day2, row, "day 2, point " + row.get("point"));
            }
        }
    }

    @Test
    void theReportsBestPointIsItsRowsBacktestOfThatDay() throws IOException {
        Path graph = spotMm();
        Path csv = dir.resolve("days.csv");
        Path report = dir.resolve("report");
        CliRun sweep = CliRun.of(
                "sweep",
                graph.toString(),
                "--data",
                D1,
                "--data",
                D2,
                "--days",
                "--grid",
                "half_spread=0.00002,0.00004",
                "--out",
                csv.toString(),
                "--report",
                report.toString());
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertEquals("", sweep.err());
        // The best row over both days by pnl (ties: the lower point), as the report ranks them.
        Map<String, String> best = SweepCommandTest.readCsv(csv).stream()
                .sorted(java.util.Comparator.<Map<String, String>>comparingDouble(
                                r -> -Double.parseDouble(r.get("pnl")))
                        .thenComparingInt(r -> Integer.parseInt(r.get("point"))))
                .findFirst()
                .orElseThrow();
        SweepCommandTest.assertFiguresEqual(
                SweepCommandTest.figures(report.resolve("best")), best, "the best row, " + best.get("span"));
    }

    @Test
    void daysOfDifferentCountsPerBookAreOneLine() throws IOException {
        Path graph =
                Files.writeString(dir.resolve("two.fg"), Files.readString(Path.of("..", "examples", "btc_eth_mm.fg")));
        CliRun run = CliRun.of(
                "sweep",
                graph.toString(),
                "--days",
                "--data",
                "btc=" + D1,
                "--data",
                "btc=" + D2,
                "--data",
                "eth=" + RecordedData.file("spot_ethusdt_20240808.gz"),
                "--grid",
                "window=300,600");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(
                "fg sweep: error: --days: every book needs one file per day, but btc has 2, eth has 1",
                run.err().strip());
    }

    private Map<String, Double> backtest(Path graph, String data, String[] params, String... more) throws IOException {
        Path report = Files.createTempDirectory(dir, "bt");
        List<String> args = new java.util.ArrayList<>(
                List.of("backtest", graph.toString(), "--data", data, "--report", report.toString()));
        args.addAll(List.of(params));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return SweepCommandTest.figures(report);
    }
}
