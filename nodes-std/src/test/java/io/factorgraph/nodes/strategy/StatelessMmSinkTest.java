package io.factorgraph.nodes.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.spi.SinkRequirement;
import io.factorgraph.runtime.spi.TradingTerms;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stateless_mm} as a sink: its signature, its compile-time checks, and how a binding becomes params. */
class StatelessMmSinkTest {
    /** The standard library, which registers the sink. */
    static final FgCompiler COMPILER = FgCompiler.standard();

    static final String FACTORS = """
            obi   = OBI(book, 0.001)
            alpha = zscore(obi, 600)
            mid   = mid(book)
            vol   = volatility(mid, 600)
            stop  = stop_loss(vol, change(mid), vol_threshold = 3.0, change_threshold = 8.0,
                              baseline_vol = 0.0001, baseline_change_std = 0.0001)
            output alpha, vol, stop
            """;

    static CompileResult compile(String sinkArguments) {
        return COMPILER.compile(
                "mm.fg", FACTORS + "sink stateless_mm(alpha, vol, stop, book, " + sinkArguments + ")\n");
    }

    static final String DESIGN_ARGUMENTS = "tick_size = 0.1, order_qty = 0.01, max_position = 0.1, "
            + "half_spread = 0.0002, skew = 0.00005, c1 = 0.0001, power = 1.0, baseline_vol = 0.0001";

    @Test
    void theSignatureReadsAsDocumented() {
        assertEquals(
                "stateless_mm(alpha: double, vol: double, stop: bool, book: Book, tick_size: number > 0, "
                        + "order_qty: number > 0, max_position: number > 0, half_spread: number >= 0, skew: number >= 0, "
                        + "c1: number, power: number >= 0, baseline_vol: number > 0, grid_num: integer in [1, 1000] = 1, "
                        + "grid_interval: number >= 0 = 0, flatten_ticks: integer >= 1 = 100) (sink)",
                StatelessMm.FUNCTION.signature().render());
        assertTrue(StatelessMm.FUNCTION.signature().isSink());
    }

    @Test
    void aBoundSinkGivesTheParameters() {
        CompileResult result = compile(DESIGN_ARGUMENTS + ", grid_num = 3, grid_interval = 0.5");
        SinkBinding sink = result.orElseThrow().sink().orElseThrow();
        assertSame(StatelessMm.FUNCTION, sink.function());
        assertEquals(
                List.of("alpha", "stop", "vol"),
                sink.slots().keySet().stream().sorted().toList());
        assertEquals("book", sink.tradedBook().orElseThrow().name());
        assertEquals(new TradingTerms(0.1, 0.1), sink.terms());
        assertEquals(
                new StrategyParams(0.1, 0.01, 0.1, 0.0002, 0.00005, 0.0001, 1.0, 0.0001, 3, 0.5, 100),
                StrategyParams.fromConstants(sink.constants()));
    }

    @Test
    void defaultsAreOneLevelOneTickApartAndAHundredTicksToFlatten() {
        SinkBinding sink = compile(DESIGN_ARGUMENTS).orElseThrow().sink().orElseThrow();
        StrategyParams params = StrategyParams.fromConstants(sink.constants());
        assertEquals(1, params.gridNum());
        assertEquals(0.1, params.gridInterval());
        assertEquals(1, params.gridIntervalTicks());
        assertEquals(100, params.flattenTicks());
    }

    @Test
    void aGridIntervalOffTheTickIsAnErrorAtTheArgument() {
        CompileResult result = compile(DESIGN_ARGUMENTS + ", grid_num = 3, grid_interval = 0.25");
        assertTrue(result.hasErrors());
        String rendered = result.render();
        assertTrue(
                rendered.contains("grid_interval must be a positive multiple of tick_size (0.1), found 0.25"),
                rendered);
        assertTrue(rendered.contains("grid_interval = 0.25"), "points at the argument: " + rendered);
        assertTrue(rendered.contains("help: use a whole number of ticks"), rendered);
    }

    @Test
    void anOrderLargerThanTheLimitIsAnError() {
        CompileResult result = compile("tick_size = 0.1, order_qty = 0.2, max_position = 0.1, "
                + "half_spread = 0.0002, skew = 0.00005, c1 = 0.0001, power = 1.0, baseline_vol = 0.0001");
        assertTrue(result.hasErrors());
        assertTrue(result.render().contains("order_qty (0.2) must be at most max_position (0.1)"), result.render());
    }

    @Test
    void rangesAreCheckedPerArgument() {
        for (String bad : List.of(
                "skew = -0.1",
                "power = -1",
                "grid_num = 0",
                "flatten_ticks = 0",
                "grid_interval = -0.1",
                "grid_num = 2.5")) {
            String arguments = DESIGN_ARGUMENTS.replaceAll(bad.split(" ")[0] + " = [^,]*", bad);
            if (!arguments.contains(bad)) {
                arguments = arguments + ", " + bad;
            }
            CompileResult result = compile(arguments);
            assertTrue(result.hasErrors(), bad);
            assertTrue(result.render().contains(bad.split(" ")[0]), bad + ": " + result.render());
        }
    }

    @Test
    void missingParametersAreNamed() {
        CompileResult result = compile("tick_size = 0.1");
        assertTrue(
                result.render()
                        .contains("missing arguments 'order_qty', 'max_position', 'half_spread', 'skew', "
                                + "'c1', 'power', 'baseline_vol'"),
                result.render());
    }

    @Test
    void itDeclaresItsFactorsItsBookAndItsExecutionContextAsRequirements() {
        assertEquals(
                List.of(
                        SinkRequirement.factor("alpha"),
                        SinkRequirement.factor("vol"),
                        SinkRequirement.signal("stop"),
                        SinkRequirement.tradedBook("book"),
                        SinkRequirement.execution()),
                StatelessMm.FUNCTION.declaration().requirements());
        assertTrue(StatelessMm.FUNCTION.declaration().needsExecution());
    }

    private static final String SINK = "sink stateless_mm(alpha, vol, stop, " + DESIGN_ARGUMENTS + ")\n";

    private static final String TWO_BOOKS = """
            input perp: Book
            input spot: Book
            basis = mid(perp) / mid(spot) - 1
            alpha = zscore(basis, 600)
            vol   = volatility(mid(perp), 600)
            stop  = vol > 1
            output alpha
            """;

    @Test
    void anOmittedBookIsTheGraphsOnlyBookWhateverItsName() {
        String source = FACTORS.replace("book", "perp") + SINK;
        SinkBinding sink = COMPILER.compile("perp.fg", "input perp: Book\n" + source)
                .orElseThrow()
                .sink()
                .orElseThrow();
        assertEquals("perp", sink.tradedBook().orElseThrow().name());
    }

    @Test
    void anOmittedBookAmongSeveralIsAnErrorNamingThem() {
        CompileResult result = COMPILER.compile("two.fg", TWO_BOOKS + SINK);
        assertTrue(result.hasErrors());
        assertTrue(
                result.render()
                        .contains("error: sink 'stateless_mm' must name the book it trades: the graph reads 2 "
                                + "books (perp, spot)"),
                result.render());
        assertTrue(result.render().contains("help: pass it as book = perp"), result.render());
    }

    @Test
    void aNamedBookIsTheOneTraded() {
        SinkBinding sink = COMPILER.compile("two.fg", TWO_BOOKS + SINK.replace("stop, ", "stop, book = spot, "))
                .orElseThrow()
                .sink()
                .orElseThrow();
        assertEquals("spot", sink.tradedBook().orElseThrow().name());
    }

    @Test
    void aBookLeftOutOfANodeCallIsMissingNotGuessed() {
        CompileResult result = COMPILER.compile("mid.fg", "x = mid()\n");
        assertTrue(result.render().contains("missing argument 'book' in call to 'mid'"), result.render());
    }
}
