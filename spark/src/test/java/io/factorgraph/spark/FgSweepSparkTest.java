package io.factorgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.cli.Fg;
import io.factorgraph.runtime.data.RecordedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg sweep ... --spark local[2]} end to end through the cli: the cli finds this module through ServiceLoader,
 * and its Parquet table holds, cell for cell and to the bit, what {@code fg sweep --out results.csv} writes on one
 * machine for the same arguments, simulator axes included.
 */
class FgSweepSparkTest {
    private static final List<String> GRID =
            List.of("--grid", "half_spread=0.00001,0.00002,0.00004,0.00008", "--grid", "latency=0ms,5ms");

    private record Run(int code, String out, String err) {}

    private static Run fg(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Fg.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> sweep(String... more) throws URISyntaxException {
        List<String> args = new ArrayList<>(List.of(
                "sweep",
                Path.of(FgSweepSparkTest.class.getResource("/sweep_mm.fg").toURI())
                        .toString(),
                "--fees",
                "0.0001,0.0004"));
        args.addAll(GRID);
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theSparkTableEqualsTheLocalCsvCellForCell(@TempDir Path dir) throws Exception {
        String day = RecordedData.file("usdm_btcusdt_20240808.gz").toString();
        Path csv = dir.resolve("results.csv");
        Run local = fg(sweep("--data", day, "--threads", "1", "--out", csv.toString()));
        assertEquals(0, local.code(), local.err());

        String table = dir.resolve("results.parquet").toString();
        Run cluster = fg(sweep("--data", day, "--spark", "local[2]", "--out", table));
        assertEquals(0, cluster.code(), cluster.err());
        assertTrue(cluster.out().contains("8 points x 1 span in 2 tasks"), cluster.out());

        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        try (SparkSession spark = SparkSession.builder()
                .master("local[1]")
                .config("spark.ui.enabled", "false")
                .getOrCreate()) {
            List<Row> rows = spark.read().parquet(table).orderBy("point").collectAsList();
            assertEquals(List.of(header), List.of(spark.read().parquet(table).columns()));
            assertEquals(lines.size() - 1, rows.size());
            assertEquals(8, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] cells = lines.get(i + 1).split(",", -1);
                Row row = rows.get(i);
                for (int c = 0; c < header.length; c++) {
                    Object v = row.get(c);
                    String text = v == null ? "" : v.toString();
                    assertEquals(cells[c], text, () -> header[0] + " row " + row.get(0) + " column " + row.schema());
                }
            }
        }
    }

    @Test
    void aMissingFileIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("usdm_btcusdt_20240899.gz").toString();
        Run run = fg(sweep(
                "--span",
                "d1:" + RecordedData.file("usdm_btcusdt_20240808.gz"),
                "--span",
                "d2:" + missing,
                "--spark",
                "local[2]",
                "--out",
                dir.resolve("t.parquet").toString()));
        assertEquals(1, run.code());
        assertEquals("fg sweep: error: span d2, input book: " + missing + ": no such file\n", run.err());
    }
}
