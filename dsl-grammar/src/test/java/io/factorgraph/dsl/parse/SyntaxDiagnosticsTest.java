package io.factorgraph.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.InvalidStatement;
import io.factorgraph.dsl.ast.Statement;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.DiagnosticRenderer;
import io.factorgraph.dsl.source.SourceText;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: for each malformed input, the exact text a user reads. The expected text is
 * written by hand from what the user should see, not copied from the output.
 */
class SyntaxDiagnosticsTest {

    static ParseResult parse(String text) {
        return ParserFuzzProperties.checkContract(text);
    }

    static String render(String text) {
        SourceText source = SourceText.of("graph.fg", text);
        return DiagnosticRenderer.render(source, FgParser.parse(source).diagnostics());
    }

    static void assertRendered(String text, String expected) {
        parse(text);
        assertEquals(expected, render(text));
    }

    // ---------------------------------------------------------------- pathological nesting

    @Nested
    class DeepNesting {
        private static final List<String> PATHOLOGICAL = List.of(
                "x = " + "(".repeat(20_000) + "1" + ")".repeat(20_000),
                "x = " + "-".repeat(20_000) + "1",
                "x = " + "not ".repeat(20_000) + "a",
                "x = " + "f(".repeat(20_000) + "1" + ")".repeat(20_000),
                "x = 1" + " + 1".repeat(100_000));

        @Test
        void pathologicalNestingIsADiagnosticNotAStackOverflow() {
            for (String text : PATHOLOGICAL) {
                ParseResult result = parse(text + "\ny = 2");
                assertEquals(1, result.diagnostics().size(), () -> result.diagnostics().toString());
                List<Statement> statements = result.program().statements();
                assertInstanceOf(Definition.class, statements.getLast(), "the next statement is still parsed");
                assertEquals("this statement nests too deeply: more than 256 levels of parentheses, calls and"
                        + " operators", result.diagnostics().getFirst().message());
                assertEquals("x", ((InvalidStatement) statements.getFirst()).definedName().orElseThrow().text());
            }
            ParseResult unclosed = parse("x = " + "(".repeat(100_000) + "\ny = 2");
            assertEquals(1, unclosed.diagnostics().size(), () -> unclosed.diagnostics().toString());
        }

        @Test
        void theSameOnASmallStack() throws InterruptedException {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread thread = new Thread(null, () -> {
                try {
                    pathologicalNestingIsADiagnosticNotAStackOverflow();
                } catch (Throwable thrown) {
                    failure.set(thrown);
                }
            }, "small-stack", 512 * 1024);
            thread.start();
            thread.join();
            if (failure.get() != null) {
                throw new AssertionError("on a 512 KiB stack", failure.get());
            }
        }

        @Test
        void theLimitIsOnTheTreeDepth() {
            String atLimit = "x = 1" + " + 1".repeat(255);
            assertTrue(parse(atLimit).diagnostics().isEmpty());
            String beyond = "x = 1" + " + 1".repeat(256);
            assertEquals(List.of("this statement nests too deeply: more than 256 levels of parentheses, calls and"
                    + " operators"), parse(beyond).diagnostics().stream().map(Diagnostic::message).toList());
        }

        @Test
        void rendered() {
            assertRendered("x = " + "-".repeat(300) + "1\n", "graph.fg:1:1: error: this statement nests too deeply:"
                    + " more than 256 levels of parentheses, calls and operators\n"
                    + "   1 | x = " + "-".repeat(300) + "1\n"
                    + "     | ^" + "~".repeat(304) + "\n"
                    + "     = help: split it into several named definitions\n");
        }
    }
}
