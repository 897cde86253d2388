package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad window argument (docs/DESIGN.md §11) is one diagnostic at the argument, with its caret and the expected
 * form, never an exception or a run that fails later.
 */
class WindowArgumentDiagnosticsTest {
    private static final String EXPECTED =
            "must be a whole number of ticks >= 1 or a positive duration (e.g. 600 or 60s), found ";

    private static CompileResult compile(String text) {
        return FgCompiler.standard().compile("w.fg", text);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "zscore(x, -5)       | -5",
                "zscore(x, 0)        | 0",
                "rolling_mean(x, 0s) | 0ns",
                "rolling_std(x, -1s) | -1s",
                "volatility(x, 1.5)  | 1.5",
                "rolling_max(x, 2e10)| 20000000000",
                "rolling_sum(x, true)| a bool constant (true)"
            })
    void aWindowThatIsNotACountOrADurationIsOneDiagnosticAtTheArgument(String call, String found) {
        String function = call.substring(0, call.indexOf('('));
        String argument = call.substring(call.indexOf(", ") + 2, call.length() - 1);
        CompileResult result = compile("input x: double\ny = " + call + "\n");
        assertEquals(1, result.diagnostics().size(), result.render());
        String column = Integer.toString(5 + call.indexOf(", ") + 2);
        assertTrue(
                result.render()
                        .startsWith("w.fg:2:" + column + ": error: argument 'window' of '" + function + "' " + EXPECTED
                                + found + "\n"),
                result.render());
        assertTrue(result.render().contains("^" + "~".repeat(argument.length() - 1) + "\n"), result.render());
        assertTrue(
                result.render().contains("window: ticks >= 1 or duration > 0) -> double"),
                "the help shows the signature with both forms: " + result.render());
    }

    @ParameterizedTest
    @CsvSource({"60x, x", "60d, d", "5min, min", "1.5hours, hours"})
    void aDurationWithAnUnknownUnitNamesTheUnitAndTheUnitsThereAre(String written, String unit) {
        CompileResult result = compile("input x: double\ny = zscore(x, " + written + ")\n");
        String render = result.render();
        assertTrue(
                render.startsWith("w.fg:2:15: error: '" + written + "' is not a number or a duration: unknown unit '"
                        + unit + "'\n"),
                render);
        assertTrue(render.contains("   2 | y = zscore(x, " + written + ")\n"), render);
        assertTrue(render.contains("|               ^" + "~".repeat(written.length() - 1) + "\n"), render);
        assertTrue(render.contains("help: a duration is a number and one of the units ns, us, ms, s, m, h"), render);
    }

    @Test
    void aStreamIsNotAWindow() {
        String render = compile("input x: double\ny = zscore(x, x)\n").render();
        assertTrue(render.contains("argument 'window' of 'zscore' must be a constant"), render);
    }

    @Test
    void aHalflifeIsAPositiveNumberOrAPositiveDuration() {
        CompileResult result =
                compile("input x: double\ny = ewm_mean_halflife(x, -2s)\nz = ewm_std_halflife(x, 0)\noutput y, z\n");
        assertEquals(2, result.diagnostics().size(), result.render());
        assertTrue(
                result.render()
                        .contains("w.fg:2:26: error: argument 'halflife' of 'ewm_mean_halflife' must be a number > 0 or"
                                + " a positive duration (e.g. 20 or 5s), found -2s"),
                result.render());
        assertTrue(
                result.render()
                        .contains("w.fg:3:25: error: argument 'halflife' of 'ewm_std_halflife' must be a number > 0 or"
                                + " a positive duration (e.g. 20 or 5s), found 0"),
                result.render());
    }

    @Test
    void aDurationWindowThatCannotFitOnItsClockIsACompileTimeDiagnostic() {
        String render = compile("input x: double\nclock every 1us\ny = zscore(x, 100000h)\n")
                .render();
        assertTrue(
                render.startsWith(
                        "w.fg:3:15: error: 'zscore' would keep 5.1 PiB for window = 100000h on a clock of 1us,"
                                + " more than the graph's memory budget"),
                render);
    }

    @Test
    void withoutAClockADurationWindowIsCountedAtItsCap() {
        String render = FgCompiler.standard()
                .withMemoryBudget(io.factorgraph.runtime.compile.MemoryBudget.of(10_000_000))
                .compile("w.fg", "input x: double\ny = rolling_mean(x, 60s)\n")
                .render();
        assertTrue(
                render.contains("'rolling_mean' would keep 16.0 MiB for window = 1m without a clock (at most 1048576"
                        + " samples), more than the graph's memory budget of 9.5 MiB"),
                render);
    }

    /** {@code --param window=60s} for {@code param window = 600}, as a sweep over windows in time needs. */
    @Test
    void aParamUsedOnlyAsAWindowTakesACountOrADurationFromTheCommandLine() {
        String text = "input x: double\nparam window = 600\nclock every 100ms\na = zscore(x, window)\n"
                + "b = volatility(x, window = window)\nc = ewm_mean_halflife(x, window)\n";
        CompileResult result = FgCompiler.standard().compile("w.fg", text, java.util.Map.of("window", "60s"));
        assertTrue(result.diagnostics().isEmpty(), result.render());
        assertEquals(
                io.factorgraph.runtime.spi.Constant.duration(60_000_000_000L),
                result.graph().orElseThrow().plan().params().get("window"));
    }

    @Test
    void aParamUsedAnywhereElseKeepsItsKind() {
        String text = "input x: double\nparam window = 600\na = zscore(x, window)\nb = lag(x, window)\n";
        String render = FgCompiler.standard()
                .compile("w.fg", text, java.util.Map.of("window", "60s"))
                .render();
        assertTrue(render.contains("param 'window' is a number, but '60s' is a duration"), render);
        String arithmetic = "input x: double\nparam window = 600\na = zscore(x, window)\nb = x * window\n";
        assertTrue(FgCompiler.standard()
                .compile("w.fg", arithmetic, java.util.Map.of("window", "60s"))
                .render()
                .contains("param 'window' is a number, but '60s' is a duration"));
    }

    @Test
    void bothFormsCompileAndACountStaysACount() {
        CompileResult result = compile(
                "input x: double\nparam span = 60s\nclock every 100ms\na = zscore(x, 600)\nb = zscore(x, span)\n"
                        + "c = volatility(x, 5m)\nd = ewm_mean_halflife(x, 2.5)\ne = ewm_std_halflife(x, 30s)\n");
        assertTrue(result.diagnostics().isEmpty(), result.render());
    }
}
