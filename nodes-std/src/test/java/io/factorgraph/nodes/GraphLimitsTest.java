package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.Execution;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graphs that look valid but would exhaust memory or time when run: each is a diagnostic at compile time
 * (with where and what), or compiles in bounded time, never an error or a hang at run time.
 */
class GraphLimitsTest {
    private static final FgCompiler COMPILER = FgCompiler.standard();

    private static String render(String source) {
        CompileResult result = COMPILER.compile("limits.fg", source);
        assertTrue(result.hasErrors(), "expected a diagnostic for: " + source);
        return result.render();
    }

    @Test
    void aWindowOfTwoBillionTicksIsADiagnosticAtTheWindowNotAnOutOfMemoryError() {
        String rendered = render("x = zscore(OBI(book, 0.001), 2000000000)\n");
        // 2e9 doubles are 14.9 GiB: over half of any heap a test JVM has.
        assertTrue(
                rendered.startsWith("limits.fg:1:30: error: 'zscore' would keep 14.9 GiB for window = 2000000000, "
                        + "more than the graph's memory budget of "),
                rendered);
        assertTrue(
                rendered.contains("   1 | x = zscore(OBI(book, 0.001), 2000000000)\n"
                        + "     |                              ^~~~~~~~~~\n"
                        + "     = note: the budget is half of this JVM's maximum heap (Runtime.maxMemory() = "),
                rendered);
        assertTrue(
                rendered.contains(
                        "= help: use a shorter window, or give the JVM more memory (e.g. FG_JAVA_OPTS=-Xmx31g)"),
                rendered);
    }

    @Test
    void everyWindowedFunctionStatesItsMemory() {
        for (String call : List.of(
                "rolling_mean(mid(book), 2000000000)",
                "rolling_std(mid(book), 2000000000)",
                "rolling_sum(mid(book), 2000000000)",
                "rolling_min(mid(book), 2000000000)",
                "rolling_max(mid(book), 2000000000)",
                "volatility(mid(book), 2000000000)",
                "lag(mid(book), 2147483647)",
                "diff(mid(book), 2147483647)")) {
            String rendered = render("x = " + call + "\n");
            assertTrue(rendered.contains("more than the graph's memory budget"), call + ": " + rendered);
        }
    }

    @Test
    void manyWindowsThatFitAloneButNotTogetherAreADiagnostic() {
        StringBuilder source = new StringBuilder();
        long each = Runtime.getRuntime().maxMemory() / 2 / 8 / 4 + 1;
        for (int i = 0; i < 5; i++) {
            source.append("x")
                    .append(i)
                    .append(" = rolling_mean(mid(book), ")
                    .append(each + i)
                    .append(")\n");
        }
        String rendered = render(source.toString());
        assertTrue(rendered.contains("error: the graph would keep "), rendered);
        assertTrue(rendered.contains("note: 'rolling_mean' keeps "), rendered);
    }

    @Test
    void aGridOfAMillionQuotesIsOutOfRange() {
        String rendered = render("alpha = zscore(OBI(book, 0.001), 600)\nvol = volatility(mid(book), 600)\n"
                + "stop = vol > 1\nsink stateless_mm(alpha, vol, stop, tick_size = 0.1, order_qty = 0.01, "
                + "max_position = 0.1, half_spread = 0.0002, skew = 0.00005, c1 = 0.0001, power = 1.0, "
                + "baseline_vol = 0.0001, grid_num = 1000000)\n");
        assertTrue(
                rendered.contains("argument 'grid_num' of 'stateless_mm' must be in [1, 1000], found 1000000"),
                rendered);
    }

    @Test
    void aClockFinerThanAMicrosecondIsADiagnosticAndAMicrosecondIsNot() {
        String rendered = render("clock every 1ns\nx = mid(book)\n");
        assertTrue(
                rendered.startsWith("limits.fg:1:13: error: a clock of 1ns is finer than any recorded data: it "
                        + "would tick 3.6e+12 times per hour of data; the finest clock is 1us"),
                rendered);
        assertFalse(
                COMPILER.compile("ok.fg", "clock every 1us\nx = mid(book)\n").hasErrors());
        assertTrue(render("clock every 1us / 2\nx = mid(book)\n").contains("a clock of 500ns"));
    }

    @Test
    void constantArithmeticThatOverflowsIsADiagnostic() {
        assertTrue(render("x = mid(book) * (1e308 * 10)\n")
                .contains("error: this constant expression overflows: it is Infinity, beyond the largest double"));
        assertTrue(render("clock every 9000000000s + 9000000000s\nx = mid(book)\n")
                .contains("error: this duration does not fit: durations are at most about 292 years"));
        assertTrue(render("clock every 100ms * 1e300\nx = mid(book)\n").contains("this duration does not fit"));
        assertTrue(render("x = zscore(mid(book), 1e400)\n").contains("the largest double is about 1.8e308"));
    }

    @Test
    void deepNestingIsADiagnosticNotAStackOverflowError() {
        String deep = "x = " + "(".repeat(50_000) + "mid(book)" + ")".repeat(50_000) + "\n";
        assertTrue(render(deep).contains("nests too deeply"));
        String calls = "x = " + "abs(".repeat(5_000) + "mid(book)" + ")".repeat(5_000) + "\n";
        assertTrue(render(calls).contains("nests too deeply"));
    }

    @Test
    void aLongChainOfDefinitionsCompilesWithoutOverflowingTheStack() {
        StringBuilder source = new StringBuilder("a0 = mid(book)\n");
        int n = 50_000;
        for (int i = 1; i < n; i++) {
            source.append('a')
                    .append(i)
                    .append(" = a")
                    .append(i - 1)
                    .append(" + ")
                    .append(i)
                    .append('\n');
        }
        source.append("output a").append(n - 1).append('\n');
        CompiledGraph graph =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> COMPILER.compile("chain.fg", source.toString())
                        .orElseThrow());
        assertEquals(n, graph.plan().functionNodes().size());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.fg");
        try (var channel = java.nio.channels.FileChannel.open(
                file, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), FgCompiler.MAX_SOURCE_BYTES);
        }
        CompileResult result = COMPILER.compile(file, List.of());
        assertTrue(result.hasErrors());
        assertTrue(
                result.render().contains("error: this file is 16.0 MiB; a graph file may be at most 16.0 MiB"),
                result.render());
    }

    @Test
    void theStandardLibraryRunsOnTheGeneratedProgram() {
        String source = """
                m = mid(book); mp = microprice(book)
                o = OBI(book, 0.001); n = obi_norm(book, 0.001); b = best_bid(book); a = best_ask(book)
                s = spread(book); z = zscore(o, 60); rm = rolling_mean(m, 10); rs = rolling_std(m, 10)
                su = rolling_sum(o, 5); mn = rolling_min(m, 5); mx = rolling_max(m, 5); em = ewm_mean(m, 10)
                es = ewm_std(m, 10); eh = ewm_mean_halflife(m, 5); ehs = ewm_std_halflife(m, 5)
                v = volatility(m, 60); c = change(m); l = lag(m, 3); d = diff(m, 2); cl = clip(z, -3, 3)
                ab = abs(z); lg = log(m); sq = sqrt(m); st = stop_loss(v, c, vol_threshold = 3, change_threshold = 8,
                                            baseline_vol = 0.0001, baseline_change_std = 0.0001)
                e = (m + 1) * 2 - o / 3 > b and not (a <= s) or -z != 0 or a < b or a >= b or a == b
                """;
        CompiledGraph graph = COMPILER.compile("std.fg", source).orElseThrow();
        List<String> used = graph.plan().functionNodes().stream()
                .map(f -> f.function().signature().name())
                .toList();
        List<String> nodes = COMPILER.registry().functions().stream()
                .filter(f -> f instanceof io.factorgraph.runtime.spi.NodeFunction)
                .map(f -> f.signature().name())
                .toList();
        assertTrue(used.containsAll(nodes), "every node function of the library is in the graph: " + nodes);
        assertEquals(Execution.GENERATED, graph.newInstance(Execution.GENERATED).execution());
        assertEquals(Optional.empty(), graph.programFailure());
    }
}
