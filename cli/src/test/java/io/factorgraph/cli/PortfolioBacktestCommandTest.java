package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fg backtest examples/btc_eth_mm.fg} on the recorded USD-M BTCUSDT and ETHUSDT feeds: it reports each
 * instrument and the total, writes each instrument's report beside the portfolio's, and every bad per-instrument
 * option is one line and exit 1 before any data is read.
 */
class PortfolioBacktestCommandTest {
    private static final String GRAPH = "../examples/btc_eth_mm.fg";
    private static final String BTC = "btc=" + RecordedData.file("usdm_btcusdt_20240808.gz");
    private static final String ETH = "eth=" + RecordedData.file("usdm_ethusdt_20240808.gz");

    @TempDir
    static Path dir;

    static CliRun run;

    @BeforeAll
    static void runOnce() {
        run = CliRun.of(
                "backtest",
                GRAPH,
                "--data",
                BTC,
                "--data",
                ETH,
                "--latency",
                "5ms",
                "--report",
                dir.resolve("r").toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void reportsEachInstrumentAndTheTotal() {
        String out = run.out();
        Matcher btc = Pattern.compile("== btc: ([0-9,]+) fills, pnl (\\S+) ==").matcher(out);
        Matcher eth = Pattern.compile("== eth: ([0-9,]+) fills, pnl (\\S+) ==").matcher(out);
        assertTrue(btc.find() && eth.find(), out);
        assertTrue(out.contains("== total of 2 instruments =="), out);
        int fills = Integer.parseInt(btc.group(1).replace(",", ""))
                + Integer.parseInt(eth.group(1).replace(",", ""));
        assertTrue(out.contains("trades          " + String.format("%,d fills", fills)), out);
        assertTrue(Integer.parseInt(eth.group(1).replace(",", "")) > 20, "eth trades: " + out);
        assertTrue(out.contains("report: " + dir.resolve("r").resolve("report.html")), out);
    }

    @Test
    void writesThePortfolioSummaryAndEachInstrumentsReport() throws IOException {
        String summary = Files.readString(dir.resolve("r/summary.json"));
        assertTrue(summary.contains("\"format\": \"factorgraph-backtest-portfolio/1\""), summary);
        assertTrue(summary.contains("\"btc\": {") && summary.contains("\"eth\": {"), summary);
        for (String name : List.of("btc", "eth")) {
            for (String file : List.of("summary.json", "timeseries.csv", "fills.csv", "report.html")) {
                assertTrue(Files.isRegularFile(dir.resolve("r").resolve(name).resolve(file)), name + "/" + file);
            }
            assertTrue(Files.readString(dir.resolve("r").resolve(name).resolve("summary.json"))
                    .contains("\"format\": \"factorgraph-backtest-summary/1\""));
        }
        // eth's fills are on eth's grid (0.01), btc's on btc's (0.1)
        for (String line : Files.readAllLines(dir.resolve("r/eth/fills.csv")).subList(1, 5)) {
            double price = Double.parseDouble(line.split(",")[3]);
            assertTrue(price > 1000 && price < 5000, "an ETH price: " + line);
        }
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of(
                        "--fees ehh=0,0",
                        "--fees 'ehh=0,0': the graph has no Book input ehh (did you mean eth?); "
                                + "its Book inputs are [btc, eth]"),
                Arguments.of(
                        "--lot-size eth=0.001 --lot-size eth=0.01",
                        "--lot-size 'eth=0.01': the book eth is given " + "twice (also 'eth=0.001')"),
                Arguments.of(
                        "--latency 1ms --latency 2ms",
                        "--latency '2ms': a value for every book is given twice "
                                + "(also '1ms'); name a book with BOOK=VALUE"),
                Arguments.of(
                        "--fees eth=0.1",
                        "--fees 'eth=0.1': expected MAKER,TAKER as fractions of traded value, "
                                + "e.g. 0.0002,0.0005 (or -0.0001,0.0004 with a maker rebate)"),
                Arguments.of("--lot-size btc=-1", "--lot-size 'btc=-1': expected a positive step such as 0.001"),
                Arguments.of(
                        "--latency eth=soon",
                        "--latency 'eth=soon': expected a duration (e.g. 5ms), "
                                + "ENTRY/RESPONSE (e.g. 250us/1.5ms), or a latency file (no such file)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void eachBadPerInstrumentOptionIsOneLine(String options, String expected) {
        // the data files do not exist: the option is refused before any is opened
        List<String> args = new ArrayList<>(
                List.of("backtest", GRAPH, "--data", "btc=no-such-btc.gz", "--data", "eth=no-such-eth.gz"));
        args.addAll(Arrays.asList(options.split(" ")));
        CliRun bad = CliRun.of(args.toArray(String[]::new));
        assertEquals("fg backtest: error: " + expected + "\n", bad.err());
        assertEquals(1, bad.exitCode());
        assertEquals("", bad.out());
    }

    @Test
    void eachBindingMistakeIsOneLine() {
        String btcFile = BTC.substring("btc=".length());
        for (String[] args : new String[][] {
            {"--data", btcFile},
            {"--data", BTC},
            {"--data", BTC, "--data", "eht=" + btcFile},
        }) {
            List<String> line = new ArrayList<>(List.of("backtest", GRAPH));
            line.addAll(List.of(args));
            CliRun bad = CliRun.of(line.toArray(String[]::new));
            assertEquals(1, bad.exitCode(), bad.err());
            assertTrue(bad.err().startsWith("fg backtest: error: "), bad.err());
            assertEquals(1, bad.err().lines().count(), bad.err());
            assertEquals("", bad.out());
        }
    }
}
