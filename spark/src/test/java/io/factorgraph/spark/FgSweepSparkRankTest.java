package io.factorgraph.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.cli.Fg;
import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg sweep --spark local[2]} prints the local sweep's ranked table and writes its report, from the rows the
 * driver collects; {@code --days} under Spark chains the days in each task exactly as {@code fg sweep --days} does on
 * one machine, to the bit; and the ways {@code --days} cannot combine with the data options are one line, exit 1.
 */
class FgSweepSparkRankTest {
    private static final String D1 =
            RecordedData.file("spot_btcusdt_20240808.gz").toString();
    private static final String D2 =
            RecordedData.file("spot_btcusdt_20240809.gz").toString();

    private record Run(int code, String out, String err) {
        /** The ranked tables (and failures) as printed: without the run's first line and the lines naming files. */
        List<String> tables() {
            return out.lines()
                    .skip(1)
                    .filter(l -> !l.startsWith("report: ") && !l.startsWith("results: "))
                    .toList();
        }
    }

    private static Run fg(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Fg.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> args(String... args) {
        return new ArrayList<>(List.of(args));
    }

    @Test
    void theRankedTableAndReportOfSparkAreTheLocalSweeps(@TempDir Path dir) throws Exception {
        String graph = Path.of(
                        FgSweepSparkRankTest.class.getResource("/sweep_mm.fg").toURI())
                .toString();
        String day = RecordedData.file("usdm_btcusdt_20240808.gz").toString();
        // Ranked by Sharpe ratio, so --rank travels; a simulator axis, so the best backtest takes the point's latency;
        // half_spread = -0.00001 fails the sink's check: a failed row too.
        List<String> sweep = args(
                "sweep",
                graph,
                "--data",
                day,
                "--grid",
                "half_spread=-0.00001,0.00001,0.00002,0.00004",
                "--grid",
                "latency=0ms,5ms",
                "--rank",
                "sharpe");
        List<String> local = new ArrayList<>(sweep);
        local.addAll(List.of("--threads", "1", "--report", dir.resolve("local").toString()));
        Run here = fg(local);
        assertEquals(0, here.code(), here.err());

        List<String> cluster = new ArrayList<>(sweep);
        cluster.addAll(
                List.of("--spark", "local[2]", "--report", dir.resolve("spark").toString()));
        Run there = fg(cluster);
        assertEquals(0, there.code(), there.err());
        assertTrue(there.out().startsWith("spark local[2]: 8 points x 1 span in 2 tasks"), there.out());
        assertFalse(there.out().contains("results: "), "no --out, no table: " + there.out());

        assertTrue(here.tables().get(0).startsWith("points ranked by sharpe (6 of 8 ran)"), here.out());
        assertTrue(here.tables().stream().filter(l -> l.startsWith("failed ")).count() == 2, here.out());
        assertEquals(here.tables(), there.tables());
        assertTrue(there.out().contains("report: " + dir.resolve("spark").resolve("report.html")), there.out());
        assertSameFile(dir, "report.html");
        assertSameSummary(dir);
    }

    @Test
    void daysUnderSparkEqualTheLocalDaysBitForBit(@TempDir Path dir) throws IOException {
        Path graph = spotGraph(dir);
        List<String> sweep = args(
                "sweep",
                graph.toString(),
                "--days",
                "--grid",
                "window=300,600",
                "--grid",
                "half_spread=0.00002,0.00004",
                "--threads",
                "2");
        Path csv = dir.resolve("days.csv");
        List<String> local = new ArrayList<>(sweep);
        local.addAll(List.of(
                "--data",
                D1,
                "--data",
                D2,
                "--out",
                csv.toString(),
                "--report",
                dir.resolve("local").toString()));
        Run here = fg(local);
        assertEquals(0, here.code(), here.err());

        // The days as spans, in order, labelled as the local sweep labels them (by the first input's file).
        String table = dir.resolve("days.parquet").toString();
        List<String> cluster = new ArrayList<>(sweep);
        cluster.addAll(List.of(
                "--span",
                "spot_btcusdt_20240808.gz:" + D1,
                "--span",
                "spot_btcusdt_20240809.gz:" + D2,
                "--spark",
                "local[2]",
                "--out",
                table,
                "--report",
                dir.resolve("spark").toString()));
        Run there = fg(cluster);
        assertEquals(0, there.code(), there.err());
        assertTrue(
                there.out().startsWith("spark local[2]: 4 points x 2 days (chained) in 2 tasks of up to 2 points"),
                there.out());
        assertTrue(there.out().contains("day spot_btcusdt_20240809.gz:"), there.out());
        assertEquals(here.tables(), there.tables());
        // The best row may be of day 2: its report is the backtest of day 2 restored from day 1, as the row is.
        assertSameFile(dir, "report.html");
        assertSameSummary(dir);

        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        try (SparkSession spark = SparkSession.builder()
                .master("local[1]")
                .config("spark.ui.enabled", "false")
                .getOrCreate()) {
            assertArrayEquals(header, spark.read().parquet(table).columns());
            List<Row> rows =
                    spark.read().parquet(table).orderBy("span", "point").collectAsList();
            assertEquals(8, rows.size(), "4 points, 2 days");
            assertEquals(lines.size() - 1, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] cells = lines.get(i + 1).split(",", -1);
                Row row = rows.get(i);
                for (int c = 0; c < header.length; c++) {
                    Object v = row.get(c);
                    int column = c;
                    assertEquals(
                            cells[c],
                            v == null ? "" : v.toString(),
                            () -> "span " + row.get(1) + ", point " + row.get(0) + ", " + header[column]);
                }
            }
        }
    }

    @Test
    void daysFromDataUnderSparkAreTheLocalDays(@TempDir Path dir) throws IOException {
        Path graph = spotGraph(dir);
        List<String> sweep = args(
                "sweep",
                graph.toString(),
                "--days",
                "--data",
                D1,
                "--data",
                D2,
                "--grid",
                "half_spread=0.00002,0.00004");
        Run here = fg(sweep);
        assertEquals(0, here.code(), here.err());
        List<String> cluster = new ArrayList<>(sweep);
        cluster.addAll(List.of("--spark", "local[2]"));
        Run there = fg(cluster);
        assertEquals(0, there.code(), there.err());
        assertTrue(there.out().contains("day spot_btcusdt_20240808.gz:"), there.out());
        assertEquals(here.tables(), there.tables());
    }

    @Test
    void daysThatContradictTheDataAreOneLineAndExitOne() throws IOException, URISyntaxException {
        String two = Path.of("..", "examples", "btc_eth_mm.fg").toString();
        String eth = RecordedData.file("spot_ethusdt_20240808.gz").toString();
        Run counts = fg(args(
                "sweep",
                two,
                "--days",
                "--data",
                "btc=" + D1,
                "--data",
                "btc=" + D2,
                "--data",
                "eth=" + eth,
                "--grid",
                "window=300,600",
                "--spark",
                "local[2]"));
        assertEquals(1, counts.code(), counts.err());
        assertEquals(
                "fg sweep: error: --days: every book needs one file per day, but btc has 2, eth has 1\n", counts.err());

        Run inputs = fg(args(
                "sweep",
                two,
                "--days",
                "--span",
                "d1:btc=" + D1 + ";eth=" + eth,
                "--span",
                "d2:btc=" + D2,
                "--grid",
                "window=300,600",
                "--spark",
                "local[2]"));
        assertEquals(1, inputs.code(), inputs.err());
        assertEquals(
                "fg sweep: error: --days: --span d2:btc=" + D2 + " feeds btc but the first day, d1, feeds btc, eth; "
                        + "every day feeds the same Book inputs\n",
                inputs.err());

        String graph = Path.of(
                        FgSweepSparkRankTest.class.getResource("/sweep_mm.fg").toURI())
                .toString();
        Run both = fg(args(
                "sweep",
                graph,
                "--days",
                "--data",
                D1,
                "--span",
                "d2:" + D2,
                "--grid",
                "half_spread=0.00002",
                "--spark",
                "local[2]"));
        assertEquals(1, both.code(), both.err());
        assertEquals(
                "fg sweep: error: --spark: give the data either as --data (one span) or as --span LABEL:DATA (one per "
                        + "span), not both\n",
                both.err());

        Run local = fg(args("sweep", graph, "--days", "--span", "d1:" + D1, "--grid", "half_spread=0.00002"));
        assertEquals(1, local.code(), local.err());
        assertEquals(
                "fg sweep: error: --span: only with --spark; on one machine, --data is the one span\n", local.err());
    }

    /** {@code examples/obi_mm.fg} on spot BTCUSDT's tick, as cli's SweepDaysTest has it. */
    private static Path spotGraph(Path dir) throws IOException {
        return Files.writeString(
                dir.resolve("spot_mm.fg"),
                Files.readString(Path.of("..", "examples", "obi_mm.fg"))
                        .replace("tick_size = 0.1", "tick_size = 0.01"));
    }

    /**
     * The best point's {@code summary.json} of both reports: the same figures, to the digit. Its wall time is the run's
     * own, and it names the data as the backtest was given it: the driver's copy of the span's URI, which Hadoop
     * writes normalised.
     */
    private static void assertSameSummary(Path dir) throws IOException {
        Pattern quotedPath = Pattern.compile("\"(/[^\"]*)\"");
        List<String> both = new ArrayList<>();
        for (String side : List.of("local", "spark")) {
            both.add(Files.readAllLines(dir.resolve(side).resolve("best/summary.json")).stream()
                    .filter(l -> !l.contains("\"wall_time_s\""))
                    .map(l -> quotedPath
                            .matcher(l)
                            .replaceAll(m -> Matcher.quoteReplacement(
                                    "\"" + Path.of(m.group(1)).normalize() + "\"")))
                    .collect(Collectors.joining("\n")));
        }
        assertTrue(both.get(0).contains("\"pnl\""), both.get(0));
        assertEquals(both.get(0), both.get(1));
    }

    private static void assertSameFile(Path dir, String name) throws IOException {
        Path local = dir.resolve("local").resolve(name);
        Path spark = dir.resolve("spark").resolve(name);
        assertTrue(Files.isRegularFile(local), local::toString);
        assertEquals(Files.readString(local), Files.readString(spark), name);
    }
}
