package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.RecordedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fg backtest} chains days (docs/DESIGN.md §13): the graph's state travels, so the state a backtest of day 1
 * then a backtest of day 2 restored from it leaves is the state {@code fg run} leaves over both days, byte for byte;
 * the simulator does not travel: day 2 starts flat, and its exchange has the book from its first tick.
 */
class BacktestStateTest {
    private static final String D1 =
            RecordedData.file("spot_btcusdt_20240808.gz").toString();
    private static final String D2 =
            RecordedData.file("spot_btcusdt_20240809.gz").toString();
    private static final String ETH1 =
            RecordedData.file("spot_ethusdt_20240808.gz").toString();
    private static final String ETH2 =
            RecordedData.file("spot_ethusdt_20240809.gz").toString();

    @TempDir
    Path dir;

    @Test
    void dayTwoRestoredFromDayOneCarriesTheGraphAndStartsFlat() throws IOException {
        Path graph = spotGraph("obi_mm.fg", "tick_size = 0.1", "tick_size = 0.01");
        Path day1 = dir.resolve("day1.fgst");
        Path day2 = dir.resolve("day2.fgst");
        Path run = dir.resolve("run.fgst");
        CliRun first = ok("backtest", graph.toString(), "--data", D1, "--save-state", day1.toString());
        CliRun second = ok(
                "backtest",
                graph.toString(),
                "--data",
                D2,
                "--restore-state",
                day1.toString(),
                "--save-state",
                day2.toString());
        ok(
                "run",
                graph.toString(),
                "--data",
                D1,
                "--data",
                D2,
                "-o",
                dir.resolve("r.csv").toString(),
                "--save-state",
                run.toString());
        assertArrayEquals(Files.readAllBytes(run), Files.readAllBytes(day2), "the graph's state after both days");
        assertEquals(first.out(), ok("backtest", graph.toString(), "--data", D1).out(), "saving changes nothing");
        assertTrue(fills(second.out()) > 100, "day 2 trades from its start: " + second.out());
        assertTrue(second.out().contains("final position"), second.out());
    }

    @Test
    void aTwoBookBacktestSavesTheStateOfBothFeedsWithoutChangingItsResult() throws IOException {
        Path graph = spotGraph("btc_eth_mm.fg", "tick_size = 0.1,", "tick_size = 0.01,");
        Path day1 = dir.resolve("pair1.fgst");
        Path day2 = dir.resolve("pair2.fgst");
        Path run = dir.resolve("pair.fgst");
        List<String> base = List.of("backtest", graph.toString(), "--data", "btc=" + D1, "--data", "eth=" + ETH1);
        CliRun plain = ok(base.toArray(String[]::new));
        CliRun saving = ok(with(base, "--save-state", day1.toString()));
        assertEquals(plain.out(), saving.out(), "saving the state changes no figure");
        ok(
                "backtest",
                graph.toString(),
                "--data",
                "btc=" + D2,
                "--data",
                "eth=" + ETH2,
                "--restore-state",
                day1.toString(),
                "--save-state",
                day2.toString());
        ok(
                "run",
                graph.toString(),
                "--data",
                "btc=" + D1,
                "--data",
                "btc=" + D2,
                "--data",
                "eth=" + ETH1,
                "--data",
                "eth=" + ETH2,
                "-o",
                dir.resolve("p.csv").toString(),
                "--save-state",
                run.toString());
        assertArrayEquals(Files.readAllBytes(run), Files.readAllBytes(day2), "the graph's state after both days");
    }

    private Path spotGraph(String example, String from, String to) throws IOException {
        String text = Files.readString(Path.of("..", "examples", example));
        assertTrue(text.contains(from), example);
        return Files.writeString(dir.resolve(example), text.replace(from, to));
    }

    private static int fills(String summary) {
        Matcher m = Pattern.compile("trades\\s+([0-9,]+) fills").matcher(summary);
        assertTrue(m.find(), summary);
        return Integer.parseInt(m.group(1).replace(",", ""));
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }
}
