package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of docs/DESIGN.md §13 on the recorded pairs of files ({@code _20240808} then {@code _20240809}, the
 * second continuing the first's stream with diffs, no REST snapshot): {@code fg run A --save-state S} then
 * {@code fg run B --restore-state S} gives, bit for bit, the rows {@code fg run A B} gives after A's last row.
 */
class StateContractTest {
    /** 600-tick windows (a minute at 100ms), an EWM, a lag: state that takes long to rebuild. */
    private static final String FACTORS = """
            param depth  = 0.001
            param window = 600
            %s
            obi   = OBI(book, depth)
            alpha = zscore(obi, window)
            mid   = mid(book)
            chg   = change(mid)
            vol   = volatility(mid, window)
            trend = ewm_mean(mid, 300)
            slow  = lag(mid, 50)
            hi    = rolling_max(mid, 30s)
            output mid, obi, alpha, chg, vol, trend, slow, hi
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "spot_btcusdt, clock every 100ms",
        "spot_btcusdt, ''",
        "spot_ethusdt, clock every 100ms",
        "spot_ethusdt, ''",
        "cm_btcusd_perp, clock every 100ms",
        "cm_btcusd_perp, ''"
    })
    void aRunRestoredOverTheNextFileGivesTheRowsOfOneRunOverBoth(String feed, String clock) throws IOException {
        Path graph = Files.writeString(dir.resolve("factors.fg"), FACTORS.formatted(clock));
        String a = RecordedData.file(feed + "_20240808.gz").toString();
        String b = RecordedData.file(feed + "_20240809.gz").toString();
        Path state = dir.resolve("a.fgst");

        CliRun first = ok("run", graph.toString(), "--data", a, "--save-state", state.toString());
        CliRun second = ok("run", graph.toString(), "--data", b, "--restore-state", state.toString());
        CliRun both = ok("run", graph.toString(), "--data", a, "--data", b);

        assertContinues(first.out(), second.out(), both.out());
    }

    @Test
    void aTwoBookRunContinuesEveryFeedAndTheEventsItReadPastItsEnd() throws IOException {
        Path graph = Files.writeString(dir.resolve("pair.fg"), """
                input btc: Book
                input eth: Book
                clock every 100ms
                ratio = mid(eth) / mid(btc)
                z     = zscore(ratio, 600)
                lead  = ewm_mean(change(mid(btc)), 50)
                obi   = obi_norm(eth, 0.001)
                output ratio, z, lead, obi
                """);
        Path state = dir.resolve("pair.fgst");
        List<String> a = List.of(
                "--data", "btc=" + RecordedData.file("spot_btcusdt_20240808.gz"),
                "--data", "eth=" + RecordedData.file("spot_ethusdt_20240808.gz"));
        List<String> b = List.of(
                "--data", "btc=" + RecordedData.file("spot_btcusdt_20240809.gz"),
                "--data", "eth=" + RecordedData.file("spot_ethusdt_20240809.gz"));
        CliRun first = ok(args(List.of("run", graph.toString()), a, List.of("--save-state", state.toString())));
        CliRun second = ok(args(List.of("run", graph.toString()), b, List.of("--restore-state", state.toString())));
        List<String> all = new ArrayList<>();
        for (int i = 0; i < a.size(); i += 2) {
            all.addAll(List.of(a.get(i), a.get(i + 1), b.get(i), b.get(i + 1)));
        }
        CliRun both = ok(args(List.of("run", graph.toString()), all, List.of()));
        assertContinues(first.out(), second.out(), both.out());
        CompiledGraph compiled =
                FgCompiler.standard().compile(graph, List.of()).graph().orElseThrow();
        ReplaySnapshot snapshot = ReplaySnapshot.read(state, compiled, 100_000_000L);
        assertTrue(
                snapshot.carriedCount(0) + snapshot.carriedCount(1) > 0,
                "A's feeds end at different times, so the one that ends later has events A never applied: "
                        + "the test is about them");
    }

    /** B's rows are the combined run's rows after A's; A's rows are its first ones. */
    static void assertContinues(String a, String b, String both) {
        List<String> rowsA = a.lines().toList();
        List<String> rowsB = b.lines().toList();
        List<String> rowsBoth = both.lines().toList();
        assertEquals(rowsBoth.get(0), rowsB.get(0), "header");
        assertTrue(rowsA.size() > 1000 && rowsB.size() > 1000, rowsA.size() + " and " + rowsB.size() + " rows");
        assertEquals(rowsBoth.size(), rowsA.size() + rowsB.size() - 1, "A's rows and B's rows make the whole run");
        assertEquals(rowsBoth.subList(0, rowsA.size()), rowsA, "A alone is the start of the whole run");
        List<String> tail = rowsBoth.subList(rowsA.size(), rowsBoth.size());
        List<String> restored = rowsB.subList(1, rowsB.size());
        for (int i = 0; i < tail.size(); i++) {
            if (!tail.get(i).equals(restored.get(i))) {
                assertEquals(tail.get(i), restored.get(i), "B's row " + (i + 1) + " differs from the whole run's");
            }
        }
    }

    private static String[] args(List<String> head, List<String> data, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(data);
        all.addAll(tail);
        return all.toArray(String[]::new);
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }
}
