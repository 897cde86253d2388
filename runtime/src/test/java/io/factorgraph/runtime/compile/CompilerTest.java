package io.factorgraph.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.DiagnosticRenderer;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.registry.FunctionRegistry;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.TradingTerms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compiler end to end on a test library, one behaviour of docs/DESIGN.md §3 per test. */
class CompilerTest {
    private static final FgCompiler COMPILER = FgCompiler.withRegistry(FunctionRegistry.of(List.of(new TestLibrary())));

    private static CompiledGraph compile(String text) {
        return COMPILER.compile("t.fg", text).orElseThrow();
    }

    private static List<String> errors(String text) {
        CompileResult result = COMPILER.compile("t.fg", text);
        assertTrue(result.hasErrors(), "expected errors for:\n" + text);
        return result.errors().stream()
                .map(d -> DiagnosticRenderer.headline(result.source(), d))
                .toList();
    }

    @Test
    void definitionsMayAppearInAnyOrder() {
        CompiledGraph graph = compile("""
                input x: double
                b = a * 2
                a = x + 1
                """);
        GraphInstance instance = graph.newInstance();
        instance.set(graph.input("x"), 3);
        instance.onTick(1);
        assertEquals(4.0, instance.value(graph.output("a")));
        assertEquals(8.0, instance.value(graph.output("b")));
    }

    @Test
    void withoutOutputStatementEveryDefinitionIsAnOutputInSourceOrder() {
        CompiledGraph graph = compile("input x: double; z = x + 1; a = z * 2; m = -x");
        assertEquals(
                List.of("z", "a", "m"),
                graph.outputs().stream().map(OutputHandle::name).toList());
    }

    @Test
    void identicalSubExpressionsBecomeOneNode() {
        CompiledGraph graph = compile("""
                input x: double
                a = sumof(x, 3) + 1
                b = SumOf(x, n = 3) * 2
                c = sumof(x, 4)
                """);
        long sums = graph.plan().functionNodes().stream()
                .filter(n -> n.function().signature().name().equals("sumof"))
                .count();
        assertEquals(2, sums, "sumof(x, 3) is shared by a and b; sumof(x, 4) is another node");
    }

    @Test
    void aliasesShareTheNodeAndKeepBothNames() {
        CompiledGraph graph = compile("input x: double; a = x + 1; b = a");
        PlanNode node = graph.plan().outputs().get(0).node();
        assertEquals(List.of("a", "b"), graph.plan().namesOf(node));
        assertEquals(graph.output("a").slot(), graph.output("b").slot());
    }

    @Test
    void runOrderPutsInputsFirstAndBreaksTiesBySourceOrder() {
        CompiledGraph graph = compile("""
                input x: double
                input y: double
                p = y * 2
                q = x * 3
                r = p + q
                """);
        List<String> order = graph.plan().order().stream()
                .map(n -> String.join(",", graph.plan().namesOf(n)))
                .toList();
        assertEquals(List.of("y", "", "p", "x", "", "q", "r"), order);
    }

    @Test
    void constantArithmeticFoldsIntoConstantArguments() {
        CompiledGraph graph = compile("""
                input x: double
                param base = 2
                k = base * 3 - 1
                s = sumof(x, k)
                """);
        PlanNode.Function sum = graph.plan().functionNodes().get(0);
        assertEquals(Map.of("n", Constant.number(5)), sum.constants());
    }

    @Test
    void constantsPromoteToStreamsWhereAStreamIsExpected() {
        CompiledGraph graph = compile("input x: double; y = 0.5 * x - 1");
        GraphInstance instance = graph.newInstance();
        instance.set(graph.input("x"), 10);
        instance.onTick(0);
        assertEquals(4.0, instance.value(graph.output("y")));
    }

    @Test
    void namedArgumentsAndDefaultsBind() {
        CompiledGraph graph = compile("input x: double; a = scale(x, 2); b = scale(offset = 1, x = x, factor = 3)");
        GraphInstance instance = graph.newInstance();
        instance.set(graph.input("x"), 5);
        instance.onTick(0);
        assertEquals(10.0, instance.value(graph.output("a")));
        assertEquals(16.0, instance.value(graph.output("b")));
    }

    @Test
    void functionNamesAreCaseInsensitiveButUserNamesAreNot() {
        assertEquals(
                1,
                compile("input x: double; a = SCALE(x, 2)")
                        .plan()
                        .functionNodes()
                        .size());
        assertEquals(List.of("t.fg:1:22: error: unknown name 'X'"), errors("input x: double; a = X + 1"));
    }

    @Test
    void functionsAndStreamsLiveInSeparateNamespaces() {
        CompiledGraph graph = compile("depth = depth(book)");
        GraphInstance instance = graph.newInstance();
        instance.onTick(0);
        assertEquals(42.0, instance.value(graph.output("depth")));
        assertEquals(List.of("book"), List.copyOf(graph.books().keySet()));
    }

    @Test
    void inputsStartAsNaNAndResetRestoresEverything() {
        CompiledGraph graph = compile("input x: double; s = sumof(x, 2)");
        GraphInstance instance = graph.newInstance();
        OutputHandle s = graph.output("s");
        InputHandle x = graph.input("x");
        assertTrue(Double.isNaN(instance.value(s)), "nothing computed before the first tick");
        instance.set(x, 1);
        instance.onTick(1);
        instance.set(x, 2);
        instance.onTick(2);
        assertEquals(3.0, instance.value(s));
        instance.reset();
        assertTrue(Double.isNaN(instance.value(s)));
        instance.onTick(3);
        assertTrue(Double.isNaN(instance.value(s)), "reset also forgets the input's value");
        instance.reset();
        instance.set(x, 5);
        instance.onTick(4);
        assertEquals(5.0, instance.value(s), "the window restarted empty");
        assertEquals(1, instance.tickCount());
    }

    @Test
    void instancesOfOneGraphAreIndependent() {
        CompiledGraph graph = compile("input x: double; s = sumof(x, 10)");
        GraphInstance first = graph.newInstance();
        GraphInstance second = graph.newInstance();
        first.set(graph.input("x"), 1);
        first.onTick(0);
        first.onTick(1);
        second.set(graph.input("x"), 7);
        second.onTick(0);
        assertEquals(2.0, first.value(graph.output("s")));
        assertEquals(7.0, second.value(graph.output("s")));
    }

    @Test
    void clockIntervalIsAConstantDuration() {
        assertEquals(
                100_000_000L,
                compile("clock every 2 * 50ms; d = depth(book)").clockNanos().getAsLong());
        assertEquals(
                List.of("t.fg:1:13: error: the clock interval must be positive, found 0ns"),
                errors("clock every 0ms; d = depth(book)"));
        assertEquals(
                List.of("t.fg:1:13: error: clock every expects a duration, found a number constant (5)"),
                errors("clock every 5; d = depth(book)"));
    }

    @Test
    void sinkIsBoundToSlotsBooksAndConstants() {
        CompiledGraph graph = compile("""
                input x: double
                signal = x * 2
                output signal
                sink trade(signal, book, size = 0.5)
                """);
        SinkBinding sink = graph.sink().orElseThrow();
        assertEquals("trade", sink.function().signature().name());
        assertEquals(Map.of("signal", graph.output("signal").slot()), sink.slots());
        assertEquals(graph.book("book"), sink.tradedBook().orElseThrow());
        assertEquals(Map.of("size", Constant.number(0.5)), sink.constants());
        assertEquals(new TradingTerms(0.5, 0.5), sink.terms());
    }

    @Test
    void aTradedBookLeftOutIsTheGraphsOnlyBook() {
        CompiledGraph graph = compile("input x: double; sink trade(x, size = 1)");
        assertEquals(graph.book("book"), graph.sink().orElseThrow().tradedBook().orElseThrow());
    }

    private static double valueOf(CompiledGraph graph, String output) {
        GraphInstance instance = graph.newInstance();
        instance.onTick(0);
        return instance.value(graph.output(output));
    }

    @Test
    void sinkMisuseIsReported() {
        assertEquals(
                List.of("t.fg:1:5: error: 'trade' is a sink and gives no stream to use in an expression"),
                errors("a = trade(1, book, size = 1)"));
        assertEquals(List.of("t.fg:1:23: error: 'scale' is not a sink"), errors("input x: double; sink scale(x, 1)"));
        assertEquals(List.of("t.fg:2:6: error: two sinks trade the book 'book'"), errors("""
                sink trade(1, book, size = 1)
                sink trade(2, book, size = 1)
                """));
    }

    @Test
    void severalSinksEachTradeTheirOwnBook() {
        CompiledGraph graph = compile("""
                input perp: Book
                input spot: Book
                sink trade(1, perp, size = 1)
                sink trade(2, spot, size = 1)
                """);
        assertEquals(
                List.of("perp", "spot"),
                graph.sinks().stream()
                        .map(s -> s.tradedBook().orElseThrow().name())
                        .toList());
        IllegalStateException single = assertThrows(IllegalStateException.class, graph::sink);
        assertTrue(single.getMessage().contains("2 sinks"), single.getMessage());
    }

    @Test
    void booksAreInDeclarationOrderWhateverTheOrderOfUse() {
        // the order of the input declarations breaks ties between feeds (docs/DESIGN.md §11), so it must be
        // the order of the books, not the order in which definitions first use them
        CompiledGraph graph = compile("""
                input eth: Book
                input btc: Book
                lead = depth(btc) * 2
                output lead
                sink trade(lead, eth, size = 1)
                """);
        assertEquals(List.of("eth", "btc"), List.copyOf(graph.books().keySet()));
        assertEquals(0, graph.book("eth").index());
        assertEquals(1, graph.book("btc").index());
    }

    @Test
    void bookIsPredeclaredOnlyWhenTheFileDeclaresNone() {
        assertEquals(
                List.of("t.fg:3:11: error: 'book' is not declared: this file declares its own books (perp, spot)"),
                errors("""
                        input perp: Book
                        input spot: Book
                        a = depth(book)
                        """));
        assertEquals(
                List.of("t.fg:1:47: error: unknown name 'y'"),
                errors("input x: double; a = depth(book) + x; b = a + y"));
    }

    @Test
    void argumentBindingErrorsSayWhatIsWrong() {
        assertEquals(
                List.of("t.fg:1:43: error: positional argument after named arguments"),
                errors("input x: double; a = scale(x, factor = 2, 3)"));
        assertEquals(
                List.of("t.fg:1:34: error: argument 'factor' is given twice"),
                errors("input x: double; a = scale(x, 2, factor = 3)"));
        assertEquals(
                List.of("t.fg:1:31: error: 'scale' has no parameter 'factr'"),
                errors("input x: double; a = scale(x, factr = 2)"));
        assertEquals(
                List.of("t.fg:1:31: error: argument 'factor' of 'scale' must be > 0, found 0"),
                errors("input x: double; a = scale(x, 0)"));
    }

    @Test
    void functionValidationPointsAtTheArgument() {
        assertEquals(
                List.of("t.fg:1:34: error: offset must not exceed factor"),
                errors("input x: double; a = scale(x, 1, offset = 2)"));
    }

    @Test
    void operatorTypeErrorsNameTheOperand() {
        assertEquals(
                List.of(
                        "t.fg:1:27: error: operator '+' expects double operands, but the right operand is a bool stream"),
                errors("input x: double; a = x + (x > 1)"));
        assertEquals(
                List.of("t.fg:1:13: error: operator 'and' cannot be applied to numbers"), errors("param p = 1 and 2"));
        assertEquals(List.of("t.fg:1:15: error: division by zero in a constant expression"), errors("param p = 1 / 0"));
    }

    @Test
    void paramsMustBeConstant() {
        assertEquals(
                List.of("t.fg:2:11: error: param 'p' must be a constant, but 'x' is an input (a stream)"),
                errors("input x: double\nparam p = x + 1"));
    }

    @Test
    void outputOfABookIsRejected() {
        assertEquals(
                List.of("t.fg:1:28: error: cannot output 'book': it is a Book"),
                errors("d = depth(book); output d, book"));
    }

    @Test
    void unknownInputTypeSuggestsTheKnownOnes() {
        CompileResult result = COMPILER.compile("t.fg", "input x: Double\ny = x + 1");
        assertEquals(1, result.errors().size(), result.render());
        Diagnostic error = result.errors().get(0);
        assertEquals("unknown input type 'Double'", error.message());
        assertEquals(
                "did you mean 'double'? an input is a Book (an order book) or a double (a scalar stream the host feeds)",
                error.notes().get(0).message());
    }

    @Test
    void selfReferenceIsACycle() {
        assertEquals(List.of("t.fg:1:1: error: cycle: a -> a"), errors("a = a + 1"));
    }

    @Test
    void orElseThrowCarriesTheRenderedDiagnostics() {
        CompilationException thrown =
                assertThrows(CompilationException.class, () -> COMPILER.compile("t.fg", "a = nope + 1")
                        .orElseThrow());
        assertTrue(thrown.getMessage().startsWith("t.fg:1:5: error: unknown name 'nope'"), thrown.getMessage());
    }

    @Test
    void registryLoadsLibrariesThroughServiceLoader() {
        FunctionRegistry registry = FunctionRegistry.load();
        assertTrue(registry.find("SumOf").isPresent());
        assertEquals("test", registry.libraryOf("sumof").orElseThrow());
    }

    @Test
    void twoLibrariesDefiningOneNameAreRejected() {
        IllegalArgumentException thrown = assertThrows(
                IllegalArgumentException.class,
                () -> FunctionRegistry.of(List.of(new TestLibrary(), new TestLibrary())));
        assertEquals("function 'add' is defined by both library 'test' and library 'test'", thrown.getMessage());
    }

    @Test
    void warningsDoNotStopCompilation() {
        CompileResult result = COMPILER.compile("t.fg", "input x: double; a = x + 1; b = x * 2; output a");
        assertFalse(result.hasErrors());
        assertEquals(
                List.of("t.fg:1:29: warning: unused definition 'b'"),
                result.warnings().stream()
                        .map(d -> DiagnosticRenderer.headline(result.source(), d))
                        .toList());
        assertEquals(1, result.graph().orElseThrow().plan().functionNodes().size(), "b is not linked");
    }
}
