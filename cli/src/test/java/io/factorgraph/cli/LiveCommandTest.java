package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg live}: the whole live pipeline from the command line ({@code fg live run} restarts itself in a JVM with
 * Aeron's flags, which starts a media driver and the three processes), its help, and its errors.
 */
class LiveCommandTest {
    private static final String BTC =
            RecordedData.file("usdm_btcusdt_20240808.gz").toString();
    private static final String ETH =
            RecordedData.file("usdm_ethusdt_20240808.gz").toString();
    /** BTC and ETH quoted from one graph, a sink each (the live module's two-instrument test graph). */
    private static final String TWO_BOOKS = "../live/src/test/resources/btc_eth_mm.fg";

    @TempDir
    Path dir;

    @Test
    void liveRunReplaysTheFileThroughThreeProcessesAndPrintsTheStrategysSummary() throws Exception {
        Path orders = dir.resolve("orders.csv");
        CliRun run = CliRun.of(
                "live",
                "run",
                "../examples/obi_mm.fg",
                "--data",
                BTC,
                "--speed",
                "max",
                "--warmup",
                "100",
                "--orders-log",
                orders.toString(),
                "--jvm-opt=-Xmx256m");
        assertEquals(0, run.exitCode(), run.err());
        for (String row : List.of(
                "span",
                "pnl",
                "return",
                "sharpe",
                "max drawdown",
                "trades",
                "volume",
                "maker share",
                "fees",
                "final position",
                "orders sent",
                "factor stream",
                "latency")) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(row + " ")), row + " in\n" + run.out());
        }
        assertTrue(
                run.err().contains("[connector]")
                        && run.err().contains("[engine]")
                        && run.err().contains("[strategy]"),
                run.err());
        assertTrue(run.err().contains("end of market data: 3445 ticks"), run.err());
        assertTrue(run.err().contains("venue closed:"), run.err());
        List<String> lines = Files.readAllLines(orders);
        assertEquals("time_ns,action,order_id,side,price,qty,post_only", lines.get(0));
        assertTrue(lines.size() > 100, "the strategy traded: " + lines.size());
    }

    /**
     * Two instruments from the command line: each book bound by name, a venue per sink's book; the engine ticks on
     * both books (as many ticks as {@code fg run} of the same graph and files), the strategy writes an orders log per
     * instrument and a summary per instrument and in total.
     */
    @Test
    void liveRunOfTwoInstrumentsTradesEachOnItsVenue() throws Exception {
        Path orders = dir.resolve("orders.csv");
        CliRun run = CliRun.of(
                "live",
                "run",
                TWO_BOOKS,
                "--data",
                "btc=" + BTC,
                "--data",
                "eth=" + ETH,
                "--speed",
                "max",
                "--warmup",
                "100",
                "--fees",
                "eth=0,0",
                "--orders-log",
                orders.toString(),
                "--jvm-opt=-Xmx256m");
        assertEquals(0, run.exitCode(), run.err());
        // a per-instrument setting reaches that instrument's venue alone: eth trades free, btc pays the default fees
        assertEquals(0.0, feesOf(run.out(), "eth"), run.out());
        assertTrue(feesOf(run.out(), "btc") > 0, run.out());
        assertTrue(run.err().contains("end of market data: 3445 ticks"), run.err());
        assertTrue(run.err().contains("btc: venue closed:") && run.err().contains("eth: venue closed:"), run.err());
        for (String block : List.of("== btc ==", "== eth ==", "== total ==")) {
            assertTrue(run.out().contains(block), block + " in\n" + run.out());
        }
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("total ") && l.contains("2 instruments")), run.out());
        for (String name : List.of("orders.btc.csv", "orders.eth.csv")) {
            List<String> lines = Files.readAllLines(dir.resolve(name));
            assertEquals("time_ns,action,order_id,side,price,qty,post_only", lines.get(0));
            assertTrue(lines.size() > 100, name + ": the strategy traded: " + lines.size());
        }
    }

    /** The fees figure of one instrument's block ({@code == NAME ==}) of the strategy's summary. */
    private static double feesOf(String summary, String instrument) {
        String block = summary.substring(summary.indexOf("== " + instrument + " =="));
        String fees = block.lines()
                .filter(l -> l.startsWith("fees "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fees line for " + instrument + " in\n" + summary));
        return Double.parseDouble(
                fees.substring("fees ".length()).trim().split("\\s+")[0].replace(",", ""));
    }

    @Test
    void helpNamesTheProcesses() {
        CliRun help = CliRun.of("live", "--help");
        assertEquals(0, help.exitCode(), help.err());
        for (String sub : List.of("run", "driver", "connector", "engine", "strategy")) {
            assertTrue(help.out().contains(sub), sub + " in\n" + help.out());
        }
        CliRun engine = CliRun.of("live", "engine", "--help");
        assertEquals(0, engine.exitCode());
        assertTrue(engine.out().contains("--warmup") && engine.out().contains("--udp"), engine.out());
        assertTrue(!engine.out().contains("--test-drop"), "test hooks are hidden");
    }

    @Test
    void badInputIsAOneLineError() {
        CliRun noData = CliRun.of("live", "run", "../examples/obi_mm.fg");
        assertEquals(1, noData.exitCode());
        assertTrue(
                noData.err().contains("fg live run: error: Missing required option: '--data=[NAME=]FILE'"),
                noData.err());

        CliRun noFile = CliRun.of("live", "run", dir.resolve("missing.fg").toString(), "--data", BTC);
        assertEquals(1, noFile.exitCode(), noFile.err());
        assertTrue(noFile.err().contains("error: cannot read"), noFile.err());
        assertTrue(!noFile.err().contains("Exception"), noFile.err());

        // binding mistakes with several books: one line, exit 1, before any process starts
        for (List<String> bad : List.of(
                List.of("--data", BTC),
                List.of("--data", "btc=" + BTC, "--data", "sol=" + ETH),
                List.of("--data", "btc=" + BTC))) {
            List<String> args = new java.util.ArrayList<>(List.of("live", "run", TWO_BOOKS));
            args.addAll(bad);
            CliRun mistake = CliRun.of(args.toArray(String[]::new));
            assertEquals(1, mistake.exitCode(), mistake.err());
            assertEquals(1, mistake.err().lines().count(), mistake.err());
            assertTrue(!mistake.err().contains("[connector]"), "no process started: " + mistake.err());
        }
        CliRun plain = CliRun.of("live", "run", TWO_BOOKS, "--data", BTC);
        assertTrue(
                plain.err().contains("the graph reads 2 books (btc, eth); bind each to its files by name"),
                plain.err());
        CliRun unknown = CliRun.of("live", "run", TWO_BOOKS, "--data", "btc=" + BTC, "--data", "sol=" + ETH);
        assertTrue(unknown.err().contains("'sol' is not a Book input the graph reads"), unknown.err());
        CliRun fees = CliRun.of(
                "live", "run", TWO_BOOKS, "--data", "btc=" + BTC, "--data", "eth=" + ETH, "--fees", "etc=0,0");
        assertEquals(1, fees.exitCode(), fees.err());
        assertTrue(fees.err().contains("--fees 'etc=0,0': the graph has no Book input etc (did you mean"), fees.err());
        CliRun unbound = CliRun.of("live", "run", TWO_BOOKS, "--data", "btc=" + BTC);
        assertTrue(unbound.err().contains("book 'eth' has no data; add --data eth=FILE"), unbound.err());
    }
}
