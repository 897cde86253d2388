package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg backtest examples/obi_mm.fg} on the recorded USD-M BTCUSDT feed: the accounting holds at
 * every record, two runs are identical, and every kind of bad input is a one-line error.
 */
class BacktestCommandTest {
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();

    @TempDir
    static Path dir;

    static CliRun first;
    static List<String[]> series;
    static List<String[]> fills;

    @BeforeAll
    static void runOnce() throws IOException {
        first = CliRun.of(
                "backtest",
                "../examples/obi_mm.fg",
                "--data",
                BTC,
                "--latency",
                "5ms",
                "--report",
                dir.resolve("a").toString());
        assertEquals(0, first.exitCode(), first.err());
        series = rows(dir.resolve("a/timeseries.csv"));
        fills = rows(dir.resolve("a/fills.csv"));
    }

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .toList();
    }

    @Test
    void summaryNamesEveryFigure() {
        for (String figure : List.of(
                "pnl",
                "return",
                "sharpe",
                "max drawdown",
                "trades",
                "volume",
                "maker share",
                "fees",
                "final position")) {
            assertTrue(first.out().lines().anyMatch(l -> l.startsWith(figure + " ")), figure + " in\n" + first.out());
        }
        assertTrue(fills.size() > 50, "the strategy trades on six minutes of BTC: " + fills.size() + " fills");
    }

    @Test
    void positionIsTheSumOfFillsAndEquityIsCashPlusPositionTimesMid() {
        int next = 0;
        double position = 0;
        double cash = 0;
        double fees = 0;
        for (String[] record : series) {
            long ts = Long.parseLong(record[0]);
            // fills.csv: exch_ts, local_ts (when the strategy learns of the fill), side, price, qty, fee, ...
            while (next < fills.size() && Long.parseLong(fills.get(next)[1]) <= ts) {
                String[] fill = fills.get(next++);
                assertTrue(Long.parseLong(fill[0]) < Long.parseLong(fill[1]), "the report arrives after the fill");
                double signed = (fill[2].equals("buy") ? 1 : -1) * Double.parseDouble(fill[4]);
                position += signed;
                cash -= signed * Double.parseDouble(fill[3]) + Double.parseDouble(fill[5]);
                fees += Double.parseDouble(fill[5]);
            }
            assertEquals(position, Double.parseDouble(record[6]), 1e-9, "position at " + ts);
            assertEquals(cash, Double.parseDouble(record[7]), 1e-6, "cash at " + ts);
            assertEquals(fees, Double.parseDouble(record[8]), 1e-9, "fees at " + ts);
            double mid = Double.parseDouble(record[1]);
            double expectedEquity = position == 0 ? cash : cash + position * mid;
            assertEquals(expectedEquity, Double.parseDouble(record[9]), 1e-6, "equity at " + ts);
        }
        assertEquals(fills.size(), next, "every fill is reported before the run ends");
    }

    @Test
    void quotesNeverCrossTheBookAndFillsAreAtTheirQuotedSide() {
        for (String[] record : series) {
            double bid = Double.parseDouble(record[2]);
            double ask = Double.parseDouble(record[3]);
            double quoteBid = Double.parseDouble(record[4]);
            double quoteAsk = Double.parseDouble(record[5]);
            assertTrue(
                    Double.isNaN(quoteBid) || Double.isNaN(quoteAsk) || quoteBid < quoteAsk, String.join(",", record));
            assertTrue(bid < ask, "the book never crosses");
        }
        for (String[] fill : fills) {
            assertTrue(fill[6].equals("maker") || fill[6].equals("taker"), String.join(",", fill));
            assertTrue(Double.parseDouble(fill[4]) > 0);
        }
    }

    @Test
    void twoRunsAreIdenticalToTheBit() throws IOException {
        CliRun second = CliRun.of(
                "backtest",
                "../examples/obi_mm.fg",
                "--data",
                BTC,
                "--latency",
                "5ms",
                "--report",
                dir.resolve("b").toString());
        assertEquals(
                first.out().replace(dir.resolve("a").toString(), "DIR"),
                second.out().replace(dir.resolve("b").toString(), "DIR"));
        for (String file : List.of("timeseries.csv", "fills.csv")) {
            assertEquals(
                    Files.readString(dir.resolve("a").resolve(file)),
                    Files.readString(dir.resolve("b").resolve(file)),
                    file);
        }
    }

    @Test
    void factorsMatchFgRunBitForBit() throws IOException {
        // The backtest's graph ticks by the same clock as fg run: its quotes react to the same factors.
        CliRun run = CliRun.of("run", "../examples/obi_mm.fg", "--data", BTC);
        List<String> ticks = run.out().lines().skip(1).map(l -> l.split(",")[0]).toList();
        assertEquals(ticks, series.stream().map(r -> r[0]).toList(), "one record per factor tick, same times");
    }

    @Test
    void reportFilesAreWritten() {
        for (String file : List.of("report.html", "summary.json", "timeseries.csv", "fills.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve("a").resolve(file)), file);
        }
        assertTrue(first.out().contains("report: " + dir.resolve("a").resolve("report.html")), first.out());
    }

    @Test
    void unknownQueueModelListsTheAcceptedForms() {
        CliRun run = CliRun.of("backtest", "../examples/obi_mm.fg", "--data", BTC, "--queue", "fifo");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("fg backtest: error: "), run.err());
        assertTrue(run.err().contains("risk-averse"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void badFeesLatencyAndFillModeAreNamed() {
        CliRun fees = CliRun.of("backtest", "../examples/obi_mm.fg", "--data", BTC, "--fees", "0.0002");
        assertEquals(
                "fg backtest: error: --fees '0.0002': expected MAKER,TAKER as fractions of traded value, e.g. "
                        + "0.0002,0.0005 (or -0.0001,0.0004 with a maker rebate)\n",
                fees.err());
        CliRun latency = CliRun.of("backtest", "../examples/obi_mm.fg", "--data", BTC, "--latency", "fast");
        assertEquals(
                "fg backtest: error: --latency 'fast': expected a duration (e.g. 5ms), ENTRY/RESPONSE (e.g. "
                        + "250us/1.5ms), or a latency file (no such file)\n",
                latency.err());
        CliRun fill = CliRun.of("backtest", "../examples/obi_mm.fg", "--data", BTC, "--fill", "some");
        assertEquals("fg backtest: error: --fill 'some': expected no-partial or partial\n", fill.err());
        assertEquals(1, fees.exitCode() & latency.exitCode() & fill.exitCode());
    }

    @Test
    void latencyFileWithBadRowsNamesTheLine() throws IOException {
        Path file = dir.resolve("latency.csv");
        Files.writeString(file, "req_ts,exch_ts,resp_ts\n1000,2000,3000\n1500,abc,3500\n");
        CliRun run = CliRun.of("backtest", "../examples/obi_mm.fg", "--data", BTC, "--latency", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("fg backtest: error: latency.csv:3"), run.err());
    }

    @Test
    void invalidStrategyParametersAreCompileErrors() throws IOException {
        Path graph = dir.resolve("bad_mm.fg");
        Files.writeString(
                graph,
                Files.readString(Path.of("../examples/obi_mm.fg"))
                        .replace("grid_interval = 0.5", "grid_interval = 0.25"));
        CliRun run = CliRun.of("backtest", graph.toString(), "--data", BTC);
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("error:") && run.err().contains("grid_interval"), run.err());
        assertTrue(run.err().contains("^"), "points at the argument: " + run.err());
    }

    @Test
    void graphWithoutSinkCannotBeBacktested() {
        CliRun run = CliRun.of("backtest", "../examples/obi_mm_factors.fg", "--data", BTC);
        assertEquals(
                "fg backtest: error: ../examples/obi_mm_factors.fg: the graph has no sink: a backtest needs a "
                        + "strategy, e.g. `sink stateless_mm(alpha, vol, stop, ...)`\n",
                run.err());
        assertEquals(1, run.exitCode());
    }

    @Test
    void dataWithoutSnapshotIsAnError() throws IOException {
        Path file = dir.resolve("nosnap.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("1723161255030314667 {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\","
                            + "\"E\":1723161256299,\"T\":1723161256298,\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"pu\":4,"
                            + "\"b\":[[\"61800.0\",\"1.0\"]],\"a\":[[\"61800.1\",\"1.0\"]]}}\n")
                    .getBytes());
        }
        CliRun run = CliRun.of("backtest", "../examples/obi_mm.fg", "--data", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no depth snapshot"), run.err());
    }

    @Test
    void withoutDataASeededSyntheticMarketRunsTheWholePipeline() {
        CliRun run = CliRun.of("backtest", "../examples/obi_mm.fg", "--duration", "2m");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.err()
                        .startsWith("fg backtest: no --data: a synthetic market, synthetic zero-intelligence market "
                                + "(seed 42)"),
                run.err());
        String trades = run.out()
                .lines()
                .filter(l -> l.startsWith("trades "))
                .findFirst()
                .orElseThrow();
        assertFalse(trades.contains(" 0 fills"), trades);
        assertEquals(
                run.out(),
                CliRun.of("backtest", "../examples/obi_mm.fg", "--duration", "2m")
                        .out(),
                "same seed, same result");
        assertFalse(
                run.out()
                        .equals(CliRun.of("backtest", "../examples/obi_mm.fg", "--duration", "2m", "--seed", "7")
                                .out()),
                "another seed, another market");
    }

    @Test
    void badSyntheticDurationIsNamed() {
        CliRun run = CliRun.of("backtest", "../examples/obi_mm.fg", "--duration", "soon");
        assertEquals(
                "fg backtest: error: --duration 'soon': expected a positive duration such as 100ms, 1s or 5m\n",
                run.err());
        assertEquals(1, run.exitCode());
    }
}
