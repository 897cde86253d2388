package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.sweep.Figures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fg sweep} on the recorded BTCUSDT feed: every point's figures equal a separate {@code fg backtest} with the
 * same values to the bit (fused, on one thread and on two; over params and over a simulator setting); bad grids are
 * one line and exit 1 before any data is read; a point that fails is a row with its reason.
 */
class SweepCommandTest {
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final String FILE = "../examples/obi_mm.fg";

    @TempDir
    Path dir;

    @Test
    void eightPointsEqualSeparateBacktestsToTheBitOnOneAndTwoThreads() throws IOException {
        List<String> halfSpreads = List.of("0.00001", "0.00002", "0.00003", "0.00004");
        List<String> skews = List.of("0.00001", "0.00003");
        Map<String, Map<String, Double>> expected = new HashMap<>();
        for (String h : halfSpreads) {
            for (String s : skews) {
                expected.put(h + " " + s, backtest("--param", "half_spread=" + h, "--param", "skew=" + s));
            }
        }
        for (String threads : List.of("1", "2")) {
            Path csv = dir.resolve("t" + threads + ".csv");
            CliRun run = CliRun.of(
                    "sweep",
                    FILE,
                    "--data",
                    BTC,
                    "--grid",
                    "half_spread=0.00001:0.00004:0.00001",
                    "--grid",
                    "skew=0.00001,0.00003",
                    "--threads",
                    threads,
                    "--out",
                    csv.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("points ranked by pnl (8 of 8 ran)"), run.out());
            assertTrue(run.out().startsWith("fused program: "), run.out());
            List<Map<String, String>> rows = readCsv(csv);
            assertEquals(8, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                assertEquals(Integer.toString(i), row.get("point"));
                assertEquals(halfSpreads.get(i / 2), row.get("half_spread"), "points in the grid's order");
                assertEquals(skews.get(i % 2), row.get("skew"));
                assertEquals("", row.get("failure"));
                Map<String, Double> want = expected.get(row.get("half_spread") + " " + row.get("skew"));
                assertFiguresEqual(want, row, "threads " + threads + " point " + i);
            }
        }
    }

    @Test
    void aGridOverLatencyEqualsSeparateBacktestsWithLatency() throws IOException {
        Path csv = dir.resolve("latency.csv");
        CliRun run = CliRun.of(
                "sweep", FILE, "--data", BTC, "--grid", "latency=0ms,5ms", "--threads", "1", "--out", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> rows = readCsv(csv);
        assertEquals(
                List.of("0ms", "5ms"), rows.stream().map(r -> r.get("latency")).toList());
        assertFiguresEqual(backtest("--latency", "0ms"), rows.get(0), "0ms");
        assertFiguresEqual(backtest("--latency", "5ms"), rows.get(1), "5ms");
        assertFalse(rows.get(0).get("pnl").equals(rows.get(1).get("pnl")), "the latency changes the result: " + rows);
    }

    @Test
    void aFailingPointIsARowWithItsReasonAndTheOthersRun() throws IOException {
        Path csv = dir.resolve("fail.csv");
        CliRun run = CliRun.of(
                "sweep", FILE, "--data", BTC, "--grid", "grid_num=0,3", "--threads", "1", "--out", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> rows = readCsv(csv);
        assertTrue(
                rows.get(0).get("failure").contains("'grid_num' of 'stateless_mm' must be in [1, 1000]"),
                rows.get(0).toString());
        assertEquals("", rows.get(0).get("pnl"));
        assertEquals("", rows.get(1).get("failure"));
        assertFiguresEqual(backtest("--param", "grid_num=3"), rows.get(1), "grid_num=3");
        assertTrue(run.out().contains("failed      0  grid_num=0: "), run.out());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "half_sprad=0.00001,0.00002 | --grid half_sprad=0.00001,0.00002: no param named 'half_sprad' in ../examples/obi_mm.fg; did you mean 'half_spread'?",
                "half_spread= | --grid 'half_spread=': no values",
                "half_spread=0.00003:0.00001:0.00001 | the range is inverted (0.00003 > 0.00001)",
                "half_spread=0.00001:0.00003:0 | the step must be positive, was 0",
                "window=abc | --grid window=abc: 'abc' is not a literal",
                "grid_num=true | --grid grid_num=true: param 'grid_num' is a number",
                "half_spread=0:1:0.00001 | the grid has 100001 points, more than the limit of 10000; narrow it, or give --force",
                "half_spread | --grid 'half_spread': expected NAME=v1,v2,... or NAME=lo:hi:step",
                "half_spread=0:x:1 | hi 'x' is not a number",
                "latency=5ms,abc | --grid latency=abc: Invalid value for option '--latency'",
            })
    void aBadGridIsOneLineAndExitOneBeforeAnyDataIsRead(String grid, String message) {
        // The data does not exist: a grid mistake must be reported before the data is looked at.
        CliRun run = CliRun.of("sweep", FILE, "--data", "/nonexistent/data.gz", "--grid", grid);
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("fg sweep: error: "), run.err());
        assertTrue(run.err().contains(message.strip()), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aRangeIsDecimalExact() throws IOException {
        CliRun run = CliRun.of(
                "sweep", FILE, "--data", "/nonexistent/data.gz", "--grid", "half_spread=0.00001:0.00004:0.00001");
        // The data is missing: the grid itself parsed.
        assertTrue(run.err().contains("--data"), run.err());
        assertEquals(
                List.of("0.00001", "0.00002", "0.00003", "0.00004"),
                io.factorgraph.sweep.GridAxis.parse("h=0.00001:0.00004:0.00001", java.util.Set.of())
                        .values());
    }

    @Test
    void theReportLinksTheBestPointsOwnBacktest() throws IOException {
        Path report = dir.resolve("report");
        Path csv = dir.resolve("r.csv");
        CliRun run = CliRun.of(
                "sweep",
                FILE,
                "--data",
                BTC,
                "--grid",
                "skew=0.00001,0.00004",
                "--grid",
                "latency=0ms,5ms",
                "--threads",
                "1",
                "--out",
                csv.toString(),
                "--report",
                report.toString(),
                "--heatmap",
                "latency,skew");
        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(report.resolve("report.html"));
        assertTrue(page.contains("href=\"best/report.html\""), "the best point's report linked");
        assertTrue(Files.isRegularFile(report.resolve("best/report.html")));
        // best/ is the best row's own backtest: its figures are the row's
        List<Map<String, String>> rows = readCsv(csv);
        Map<String, String> best = rows.stream()
                .max(java.util.Comparator.comparingDouble(r -> Double.parseDouble(r.get("pnl"))))
                .orElseThrow();
        String json = Files.readString(report.resolve("best/summary.json"));
        Matcher pnl = Pattern.compile("\"pnl\": (-?[0-9.eE+-]+)").matcher(json);
        assertTrue(pnl.find());
        assertEquals(Double.parseDouble(best.get("pnl")), Double.parseDouble(pnl.group(1)));
        assertTrue(json.contains("\"latency\": \"" + best.get("latency") + "\""), json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "skew,skew | --heatmap 'skew,skew': expected two different grid axes X,Y",
                "skew,window | --heatmap 'skew,window': 'window' is not an axis of the grid (skew, latency)",
            })
    void aBadHeatmapIsOneLine(String heatmap, String message) {
        CliRun run = CliRun.of(
                "sweep",
                FILE,
                "--data",
                "/nonexistent/data.gz",
                "--grid",
                "skew=0.00001,0.00004",
                "--grid",
                "latency=0ms,5ms",
                "--report",
                dir.toString(),
                "--heatmap",
                heatmap);
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("fg sweep: error: " + message.strip(), run.err().strip());
    }

    @Test
    void aSweepOfSeveralSinksHasTheTotalColumnsOfFgBacktestAndRanksByTheTotal() throws IOException {
        String graph = "../examples/btc_eth_mm.fg";
        String btc = "btc=" + BTC;
        String eth = "eth=" + RecordedData.file("usdm_ethusdt_20240808.gz");
        Path csv = dir.resolve("total.csv");
        CliRun run = CliRun.of(
                "sweep",
                graph,
                "--data",
                btc,
                "--data",
                eth,
                "--grid",
                "window=300,600",
                "--threads",
                "1",
                "--out",
                csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, String>> rows = readCsv(csv);
        assertEquals(2, rows.size());
        double bestPnl = Double.NEGATIVE_INFINITY;
        String best = null;
        for (Map<String, String> row : rows) {
            Path report = Files.createTempDirectory(dir, "bt");
            CliRun bt = CliRun.of(
                    "backtest",
                    graph,
                    "--data",
                    btc,
                    "--data",
                    eth,
                    "--param",
                    "window=" + row.get("window"),
                    "--report",
                    report.toString());
            assertEquals(0, bt.exitCode(), bt.err());
            String json = Files.readString(report.resolve("summary.json"));
            String total = json.substring(json.indexOf("\"total\""));
            for (Figures.TotalFigure f : Figures.TOTAL) {
                Matcher m = Pattern.compile("\"" + f.name() + "\": (-?[0-9.eE+-]+|null)")
                        .matcher(total);
                assertTrue(m.find(), f.name() + " in " + total);
                String cell = row.get("total." + f.name());
                assertTrue(cell != null, "total." + f.name() + " column");
                double want = m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
                assertEquals(
                        Double.doubleToLongBits(want),
                        Double.doubleToLongBits(Double.parseDouble(cell)),
                        "window " + row.get("window") + ": total." + f.name());
            }
            double pnl = Double.parseDouble(row.get("total.pnl"));
            assertTrue(pnl != Double.parseDouble(row.get("btc.pnl")), "the total is not one instrument's");
            if (pnl > bestPnl) {
                bestPnl = pnl;
                best = row.get("point");
            }
        }
        // ranked by the total's pnl: the first line of the table is the point with the best total
        Matcher first = Pattern.compile("\\n\\s+1\\s+(\\d+)\\s").matcher(run.out());
        assertTrue(first.find(), run.out());
        assertEquals(best, first.group(1), run.out());
    }

    /** A separate {@code fg backtest}'s summary.json figures. */
    private Map<String, Double> backtest(String... options) throws IOException {
        Path report = Files.createTempDirectory(dir, "bt");
        List<String> args = new ArrayList<>(List.of("backtest", FILE, "--data", BTC, "--report", report.toString()));
        args.addAll(Arrays.asList(options));
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, run.exitCode(), run.err());
        return figures(report);
    }

    /** The figures of the summary.json a backtest's {@code --report} wrote, by name. */
    static Map<String, Double> figures(Path report) throws IOException {
        String json = Files.readString(report.resolve("summary.json"));
        Map<String, Double> figures = new HashMap<>();
        String summary = json.substring(json.indexOf("\"summary\""), json.indexOf("\"hftbacktest\""));
        for (String name : Figures.names()) {
            if (name.startsWith("hft_")) {
                continue;
            }
            Matcher m = Pattern.compile("\"" + name + "\": (-?[0-9.eE+-]+|NaN)").matcher(summary);
            assertTrue(m.find(), name + " in " + summary);
            figures.put(name, Double.parseDouble(m.group(1)));
        }
        return figures;
    }

    static void assertFiguresEqual(Map<String, Double> want, Map<String, String> row, String what) {
        for (var e : want.entrySet()) {
            double got = Double.parseDouble(row.get(e.getKey()));
            assertEquals(
                    Double.doubleToLongBits(e.getValue()),
                    Double.doubleToLongBits(got),
                    what + ": " + e.getKey() + " " + e.getValue() + " vs " + got);
        }
    }

    static List<Map<String, String>> readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i].replaceAll("^\"|\"$", ""));
            }
            rows.add(row);
        }
        return rows;
    }
}
