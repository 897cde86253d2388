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
import io.factorgraph.dsl.source.Span;
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
                assertEquals(1, result.diagnostics().size(), () -> result.diagnostics()
                        .toString());
                List<Statement> statements = result.program().statements();
                assertInstanceOf(Definition.class, statements.getLast(), "the next statement is still parsed");
                assertEquals(
                        "this statement nests too deeply: more than 256 levels of parentheses, calls and"
                                + " operators",
                        result.diagnostics().getFirst().message());
                assertEquals(
                        "x",
                        ((InvalidStatement) statements.getFirst())
                                .definedName()
                                .orElseThrow()
                                .text());
            }
            ParseResult unclosed = parse("x = " + "(".repeat(100_000) + "\ny = 2");
            assertEquals(1, unclosed.diagnostics().size(), () -> unclosed.diagnostics()
                    .toString());
        }

        @Test
        void theSameOnASmallStack() throws InterruptedException {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread thread = new Thread(
                    null,
                    () -> {
                        try {
                            pathologicalNestingIsADiagnosticNotAStackOverflow();
                        } catch (Throwable thrown) {
                            failure.set(thrown);
                        }
                    },
                    "small-stack",
                    512 * 1024);
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
            assertEquals(
                    List.of("this statement nests too deeply: more than 256 levels of parentheses, calls and"
                            + " operators"),
                    parse(beyond).diagnostics().stream()
                            .map(Diagnostic::message)
                            .toList());
        }

        @Test
        void rendered() {
            assertRendered(
                    "x = " + "-".repeat(300) + "1\n",
                    "graph.fg:1:1: error: this statement nests too deeply:"
                            + " more than 256 levels of parentheses, calls and operators\n"
                            + "   1 | x = " + "-".repeat(300) + "1\n"
                            + "     | ^" + "~".repeat(304) + "\n"
                            + "     = help: split it into several named definitions\n");
        }
    }

    // ---------------------------------------------------------------- unexpected characters

    static final String CHARACTERS_HELP = "     = help: a .fg file holds names, numbers, durations, operators"
            + " + - * / < <= > >= == !=, parentheses, ',', ':', ';', '=' and # comments\n";

    @Nested
    class UnexpectedCharacters {
        @Test
        void dollar() {
            assertRendered("x = $a\n", """
                    graph.fg:1:5: error: unexpected character '$'
                       1 | x = $a
                         |     ^
                    """ + CHARACTERS_HELP);
        }

        @Test
        void theStatementIsInvalidNotSilentlyReadWithoutTheCharacter() {
            ParseResult result = parse("x = $a\ny = 2");
            InvalidStatement x = assertInstanceOf(
                    InvalidStatement.class, result.program().statements().get(0));
            assertEquals("x", x.definedName().orElseThrow().text());
            assertInstanceOf(Definition.class, result.program().statements().get(1));
        }

        @Test
        void aSyntaxErrorThatOnlyEchoesTheCharacterIsNotReported() {
            // Without the '$' the parser reads 'x = a b' and would complain about 'b'.
            assertRendered("x = a$b\n", """
                    graph.fg:1:6: error: unexpected character '$'
                       1 | x = a$b
                         |      ^
                    """ + CHARACTERS_HELP);
        }

        @Test
        void aSyntaxErrorBeforeTheCharacterIsStillReported() {
            assertEquals(
                    List.of("expected an expression, found '+'", "unexpected character '$'"), messages("x = + $ 1"));
        }

        @Test
        void nonAsciiLetter() {
            assertRendered("x = é + 1\n", """
                    graph.fg:1:5: error: unexpected character 'é'
                       1 | x = é + 1
                         |     ^
                    """ + CHARACTERS_HELP);
        }

        @Test
        void emoji() {
            assertRendered("x = 1 + 🚀\n", """
                    graph.fg:1:9: error: unexpected character '🚀'
                       1 | x = 1 + 🚀
                         |         ^~
                    """ + CHARACTERS_HELP);
        }

        @Test
        void columnsAndCaretsStayRightAfterCharactersOutsideTheBmp() {
            // Each emoji is two UTF-16 units, one column (as rustc counts) and two terminal cells.
            assertRendered("x = 1 # 🚀🚀\ny = 🚀🚀; z = f(a))\n", """
                    graph.fg:2:5: error: unexpected characters '🚀🚀'
                       2 | y = 🚀🚀; z = f(a))
                         |     ^~~~
                    """ + CHARACTERS_HELP + """
                    graph.fg:2:17: error: unmatched ')'
                       2 | y = 🚀🚀; z = f(a))
                         |                   ^
                         = help: no '(' is open here; remove it, or add the '(' it was meant to close
                    """);
        }

        @Test
        void adjacentCharactersAreOneDiagnostic() {
            assertRendered("alpha = obi ?? 0\n", """
                    graph.fg:1:13: error: unexpected characters '??'
                       1 | alpha = obi ?? 0
                         |             ^~
                    """ + CHARACTERS_HELP);
        }

        @Test
        void aLongRunIsQuotedShort() {
            assertEquals(
                    List.of("unexpected characters '" + "@".repeat(16) + "...' (5000 of them)"),
                    messages("x = 1 " + "@".repeat(5000)));
            assertEquals(List.of("unexpected characters '" + "@".repeat(16) + "'"), messages("@".repeat(16)));
        }

        @Test
        void aLineOfJunkBetweenStatements() {
            ParseResult result = parse("a = 1\n@@@\nb = 2");
            assertEquals(2, result.program().statements().size());
            assertTrue(result.program().statements().stream().allMatch(Definition.class::isInstance));
            assertEquals(List.of("unexpected characters '@@@'"), messages("a = 1\n@@@\nb = 2"));
        }

        @Test
        void quotesGetAHintThatThereAreNoStrings() {
            assertRendered("input book: \"Book\"\n", """
                    graph.fg:1:13: error: unexpected character '"'
                       1 | input book: "Book"
                         |             ^
                         = help: a .fg file has no strings: names, such as input types, are written without quotes
                    graph.fg:1:18: error: unexpected character '"'
                       1 | input book: "Book"
                         |                  ^
                         = help: a .fg file has no strings: names, such as input types, are written without quotes
                    """);
        }

        @Test
        void invisibleCharactersAreShownByTheirCodePoint() {
            assertRendered("x = 1\u00a0+ 2\n", """
                    graph.fg:1:6: error: unexpected character '\\u{a0}'
                       1 | x = 1\u00a0+ 2
                         |      ^
                         = help: this is an invisible character; delete it or use a plain space
                    """);
            assertEquals(List.of("unexpected character '\\u{7}'"), messages("x = 1\u0007"));
            assertEquals(List.of("unexpected characters '\\u{feff}\\u{200b}'"), messages("x = 1\ufeff\u200b"));
        }

        @Test
        void aByteOrderMarkAtTheStartOfTheFileIsNotContent() {
            ParseResult result = parse("\ufeffx = 1\ny = $");
            Definition x = assertInstanceOf(
                    Definition.class, result.program().statements().getFirst());
            assertEquals(new Span(0, 1, 1, 1), x.name().span());
            assertEquals("""
                    graph.fg:2:5: error: unexpected character '$'
                       2 | y = $
                         |     ^
                    """ + CHARACTERS_HELP, render("\ufeffx = 1\ny = $"));
        }

        @Test
        void anEndOfStatementErrorAfterTheCharacterIsAnEchoToo() {
            // Without the '$' the parser reads 'y =' and would complain that the expression is missing.
            assertRendered("y = $\n", """
                    graph.fg:1:5: error: unexpected character '$'
                       1 | y = $
                         |     ^
                    """ + CHARACTERS_HELP);
        }

        @Test
        void quoteAndBackslashAreEscapedInTheMessage() {
            assertEquals(List.of("unexpected character '\\''"), messages("x = 1'"));
            assertEquals(List.of("unexpected character '\\\\'"), messages("x = 1\\"));
        }
    }

    static List<String> messages(String text) {
        return parse(text).diagnostics().stream().map(Diagnostic::message).toList();
    }

    // ---------------------------------------------------------------- what was expected

    @Nested
    class Expectations {
        @Test
        void missingOperandSaysOnlyExpression() {
            // ANTLR's own expectation would add "or an operator", which cannot stand after '+'.
            assertRendered("x = 1 +\n", """
                    graph.fg:1:8: error: expected an expression, found end of statement
                       1 | x = 1 +
                         |        ^
                    """);
            assertEquals(List.of("expected an expression, found '<'"), messages("x = 1 < < 2"));
            assertEquals(List.of("expected an expression, found ')'"), messages("x = f(a = )"));
            assertEquals(List.of("expected an expression, found end of statement"), messages("x = -"));
            assertEquals(List.of("expected an expression, found end of statement"), messages("clock every"));
        }

        @Test
        void endOfStatementIsRightAfterTheLastTokenNotAfterATrailingComment() {
            assertRendered("x = 1 +   # more to come\ny = 2\n", """
                    graph.fg:1:8: error: expected an expression, found end of statement
                       1 | x = 1 +   # more to come
                         |        ^
                    """);
        }

        @Test
        void endOfStatementAtASemicolonIsTheSemicolon() {
            assertRendered("x = 1 + ; y = 2\n", """
                    graph.fg:1:9: error: expected an expression, found end of statement
                       1 | x = 1 + ; y = 2
                         |         ^
                    """);
        }

        @Test
        void endOfStatementAtTheEndOfTheFile() {
            assertRendered(
                    "x = 1 +  ",
                    "graph.fg:1:8: error: expected an expression, found end of statement\n"
                            + "   1 | x = 1 +  \n"
                            + "     |        ^\n");
        }

        @Test
        void doubledCommaSaysWhatMayFollowTheFirstComma() {
            // ANTLR's own expectation is "')' or ','", what may follow 'a', which contradicts "found ','".
            assertEquals(List.of("expected an expression or ')', found ','"), messages("x = f(a,,b)"));
            assertEquals(List.of("expected an expression or ')', found ','"), messages("x = f(,)"));
            assertEquals(List.of("expected end of statement or a name, found ','"), messages("output a,, b"));
        }

        @Test
        void afterACompleteOperand() {
            assertEquals(List.of("expected end of statement or an operator, found name 'b'"), messages("x = a b"));
            assertEquals(List.of("expected end of statement or an operator, found number 2"), messages("x = 1 2"));
            assertEquals(List.of("expected ')' or an operator, found name 'b'"), messages("x = (a b)"));
            assertEquals(List.of("expected ')', ',' or an operator, found '='"), messages("x = f(1 = 2)"));
            assertEquals(List.of("expected end of statement or an operator, found '('"), messages("x = f(a)(b)"));
        }

        @Test
        void statementForms() {
            assertEquals(List.of("expected a statement, found number 3"), messages("3"));
            assertEquals(List.of("expected a statement, found '='"), messages("= 3"));
            assertEquals(List.of("expected ':', found end of statement"), messages("input x"));
            assertEquals(List.of("expected a name, found number 3"), messages("input x: 3"));
            assertEquals(List.of("expected 'every', found duration 100ms"), messages("clock 100ms"));
            assertEquals(List.of("expected a name, found end of statement"), messages("output"));
            assertEquals(List.of("expected end of statement or ',', found name 'b'"), messages("output a b"));
            assertEquals(List.of("expected '(', found end of statement"), messages("sink f"));
        }
    }

    // ---------------------------------------------------------------- unclosed '('

    @Nested
    class Unclosed {
        @Test
        void atTheEndOfTheFile() {
            assertRendered("obi = OBI(book, 0.001", """
                    graph.fg:1:10: error: unclosed '(' in the call to 'OBI'
                       1 | obi = OBI(book, 0.001
                         |          ^
                         = help: add ')' to close it
                    """);
        }

        @Test
        void parenthesisNotOfACall() {
            assertRendered("x = (1 + 2\n", """
                    graph.fg:1:5: error: unclosed '('
                       1 | x = (1 + 2
                         |     ^
                         = help: add ')' to close it
                    """);
        }

        @Test
        void followedByMoreLinesPointsAtTheParenthesisAndWhereTheNextStatementStarts() {
            String text = """
                    obi = OBI(book, 0.001
                    alpha = zscore(obi, 600)
                    output alpha
                    """;
            assertRendered(text, """
                    graph.fg:1:10: error: unclosed '(' in the call to 'OBI'
                       1 | obi = OBI(book, 0.001
                         |          ^
                         = help: add ')' to close it
                    graph.fg:2:1: note: the next statement seems to start here
                       2 | alpha = zscore(obi, 600)
                         | ^~~~~
                    """);
            List<Statement> statements = parse(text).program().statements();
            assertEquals(3, statements.size(), "parsing resumes at the next statement");
            InvalidStatement obi = assertInstanceOf(InvalidStatement.class, statements.get(0));
            assertEquals("obi", obi.definedName().orElseThrow().text());
            assertEquals(new Span(0, 21, 1, 1), obi.span());
            assertInstanceOf(Definition.class, statements.get(1));
        }

        @Test
        void namedArgumentsOnContinuationLinesAreNotTakenForTheNextStatement() {
            String text = """
                    stop = stop_loss(vol, change(mid), vol_threshold = 3.0,
                                     change_threshold = 8.0,
                                     baseline_vol = 0.0001
                    alpha = zscore(obi, 600)
                    bad = = 1
                    """;
            assertRendered(text, """
                    graph.fg:1:17: error: unclosed '(' in the call to 'stop_loss'
                       1 | stop = stop_loss(vol, change(mid), vol_threshold = 3.0,
                         |                 ^
                         = help: add ')' to close it
                    graph.fg:4:1: note: the next statement seems to start here
                       4 | alpha = zscore(obi, 600)
                         | ^~~~~
                    graph.fg:5:7: error: expected an expression, found '='
                       5 | bad = = 1
                         |       ^
                    """);
        }

        @Test
        void anIndentedNameEqualsIsAContinuationEvenAfterACompleteLine() {
            // The ',' after change(mid) is missing too; line 2 is indented, so it is not a new statement.
            String text = "stop = stop_loss(vol, change(mid)\n    vol_threshold = 3.0\nalpha = 1\n";
            ParseResult result = parse(text);
            assertEquals(2, result.program().statements().size());
            Diagnostic unclosed = result.diagnostics().getFirst();
            assertEquals(3, unclosed.notes().get(1).span().orElseThrow().line());
        }

        @Test
        void aLineEndingInACommaOrOperatorAsksForMore() {
            assertEquals(1, parse("x = f(a,\ny = 2").program().statements().size());
            assertEquals(1, parse("x = f(a +\ny = 2").program().statements().size());
            assertEquals(1, parse("x = f(a, k =\ny = 2").program().statements().size());
            assertEquals(2, parse("x = f(a\ny = 2").program().statements().size());
        }

        @Test
        void severalUnclosedCallsAreEachReported() {
            String text = "x = f(a, g(b\ny = 2\nz = h(c\n\n# comment\nw = 1\n";
            ParseResult result = parse(text);
            assertEquals(
                    List.of("unclosed '(' in the call to 'f'", "unclosed '(' in the call to 'h'"),
                    result.diagnostics().stream().map(Diagnostic::message).toList());
            assertEquals(
                    List.of(2, 6),
                    result.diagnostics().stream()
                            .map(d -> d.notes().get(1).span().orElseThrow().line())
                            .toList());
            assertEquals(4, result.program().statements().size());
        }

        @Test
        void aSemicolonEndsTheStatementAndWhatIsOpenInIt() {
            ParseResult result = parse("a = 1; b = f(x\nc = 2");
            assertEquals(
                    List.of("unclosed '(' in the call to 'f'"),
                    result.diagnostics().stream().map(Diagnostic::message).toList());
            assertEquals(3, result.program().statements().size());
            assertEquals(List.of("unclosed '(' in the call to 'f'"), messages("x = f(1;\ny = 2\nz = 3"));
        }

        @Test
        void aStrayClosingParenthesisLaterDoesNotHideTheMissingOne() {
            // Matching parentheses alone would pair f's '(' with the extra ')' on line 2 and read
            // 'x = f(a y = g(b))' as one statement, reporting "found name 'y'" and losing y.
            ParseResult result = parse("x = f(a\ny = g(b))\nz = 1");
            assertEquals(
                    List.of("unclosed '(' in the call to 'f'", "unmatched ')'"),
                    result.diagnostics().stream().map(Diagnostic::message).toList());
            assertEquals(
                    List.of("x", "y"),
                    result.program().statements().stream()
                            .limit(2)
                            .map(st -> ((InvalidStatement) st)
                                    .definedName()
                                    .orElseThrow()
                                    .text())
                            .toList());
            assertInstanceOf(Definition.class, result.program().statements().get(2));
        }

        @Test
        void aCallThatDoesCloseOnALaterLineIsOneStatement() {
            ParseResult result = parse("x = f(a,\ny = 2)\nz = 1");
            assertTrue(
                    result.diagnostics().isEmpty(), () -> result.diagnostics().toString());
            assertEquals(2, result.program().statements().size());
        }
    }

    // ---------------------------------------------------------------- the brief's classic mistakes

    static String definedName(String text) {
        Statement statement = parse(text).program().statements().getFirst();
        return assertInstanceOf(InvalidStatement.class, statement)
                .definedName()
                .map(i -> i.text())
                .orElse(null);
    }

    @Nested
    class Mistakes {
        @Test
        void strayClosingParenthesis() {
            assertRendered("mid = mid(book))\n", """
                    graph.fg:1:16: error: unmatched ')'
                       1 | mid = mid(book))
                         |                ^
                         = help: no '(' is open here; remove it, or add the '(' it was meant to close
                    """);
            assertEquals("mid", definedName("mid = mid(book))"));
            assertEquals(List.of("unmatched ')'"), messages(") = 1"));
        }

        @Test
        void anEarlierErrorWinsOverALaterUnmatchedParenthesis() {
            assertEquals(List.of("expected an expression, found '*'"), messages("x = * f(a))"));
        }

        @Test
        void strayComma() {
            assertRendered("obi = OBI(book,, 0.001)\n", """
                    graph.fg:1:16: error: expected an expression or ')', found ','
                       1 | obi = OBI(book,, 0.001)
                         |                ^
                         = help: remove the extra ','
                    """);
            assertEquals("obi", definedName("obi = OBI(book,, 0.001)"));
        }

        @Test
        void missingEquals() {
            assertRendered("obi OBI(book)\n", """
                    graph.fg:1:5: error: expected '=', found name 'OBI'
                       1 | obi OBI(book)
                         |     ^~~
                         = help: a definition is written NAME = EXPR, e.g. obi = OBI(book, 0.001)
                    """);
            assertEquals("obi", definedName("obi OBI(book)"), "uses of obi must not be reported as unknown");
            assertEquals("x", definedName("x 600"));
        }

        @Test
        void colonEquals() {
            assertRendered("obi := OBI(book)\n", """
                    graph.fg:1:5: error: expected '=', found ':='
                       1 | obi := OBI(book)
                         |     ^~
                         = help: a definition is written NAME = EXPR, with a plain '='
                    """);
            assertEquals("obi", definedName("obi := OBI(book)"));
        }

        @Test
        void colonOrDoubleEqualsInsteadOfEquals() {
            assertEquals(List.of("expected '=', found ':'"), messages("obi: OBI(book)"));
            assertEquals("obi", definedName("obi: OBI(book)"));
            assertEquals(List.of("expected '=', found '=='"), messages("obi == OBI(book)"));
            assertEquals("obi", definedName("obi == OBI(book)"));
        }

        @Test
        void keywordAsADefinitionName() {
            assertRendered("output = 3\n", """
                    graph.fg:1:1: error: 'output' is a keyword, not a name
                       1 | output = 3
                         | ^~~~~~
                         = note: 'output' starts a statement: output NAME, NAME, ...
                         = help: choose another name
                    """);
            assertRendered("true = 1\n", """
                    graph.fg:1:1: error: 'true' is a keyword, not a name
                       1 | true = 1
                         | ^~~~
                         = help: choose another name
                    """);
            assertEquals(
                    List.of(
                            "'param' is a keyword, not a name",
                            "'input' is a keyword, not a name",
                            "'clock' is a keyword, not a name",
                            "'sink' is a keyword, not a name",
                            "'every' is a keyword, not a name",
                            "'not' is a keyword, not a name"),
                    messages("param = 1\ninput = 2\nclock = 3\nsink = 4\nevery = 5\nnot = 6"));
        }

        @Test
        void keywordWhereANameShouldBe() {
            assertRendered("x = 2 * output\n", """
                    graph.fg:1:9: error: expected an expression, found keyword 'output'
                       1 | x = 2 * output
                         |         ^~~~~~
                         = help: 'output' is a keyword, not a name; choose another name
                    """);
            assertRendered("param sink = 3\n", """
                    graph.fg:1:7: error: expected a name, found keyword 'sink'
                       1 | param sink = 3
                         |       ^~~~
                         = help: 'sink' is a keyword, not a name; choose another name
                    """);
            assertEquals(
                    List.of("expected an expression or ')', found keyword 'every'"), messages("x = f(a, every = 1)"));
        }

        @Test
        void misspelledStatementKeyword() {
            assertRendered("pram depth = 0.001\n", """
                    graph.fg:1:6: error: expected '=', found name 'depth'
                       1 | pram depth = 0.001
                         |      ^~~~~
                         = help: 'pram' is not a keyword; did you mean 'param'?
                    """);
            assertEquals("depth", definedName("pram depth = 0.001"));
            assertEquals("funding", definedName("Input funding: double"));
            assertEquals(List.of("expected '=', found name 'a'"), messages("ouput a, b"));
            assertEquals("help: 'ouput' is not a keyword; did you mean 'output'?", helpOf("ouput a, b"));
            assertEquals("help: 'snk' is not a keyword; did you mean 'sink'?", helpOf("snk f(x)"));
            assertEquals(
                    "help: a definition is written NAME = EXPR, e.g. obi = OBI(book, 0.001)", helpOf("mid mid(x)"));
        }

        @Test
        void aCallOnItsOwn() {
            assertRendered("zscore(obi, 600)\n", """
                    graph.fg:1:7: error: expected '=', found '('
                       1 | zscore(obi, 600)
                         |       ^
                         = help: a call on its own is not a statement: give it a name, NAME = zscore(...), or, \
                    for the graph's consumer, write sink zscore(...)
                    """);
        }

        @Test
        void statementFormsSayHowTheyAreWritten() {
            assertEquals("help: write it as param NAME = VALUE", helpOf("param depth 0.001"));
            assertEquals("help: write it as input NAME: TYPE, e.g. input funding: double", helpOf("input f double"));
            assertEquals("help: write it as clock every DURATION, e.g. clock every 100ms", helpOf("clock 100ms"));
            assertEquals("help: write it as output NAME, NAME, ...", helpOf("output a b"));
            assertEquals("help: write it as sink FUNCTION(ARGUMENTS)", helpOf("sink f"));
            assertEquals("", helpOf("param depth = 1 +"), "an error inside the value is not about the form");
        }

        @Test
        void twoOperandsWithoutAComma() {
            assertRendered("alpha = zscore(obi 600)\n", """
                    graph.fg:1:20: error: expected ')', ',', '=' or an operator, found number 600
                       1 | alpha = zscore(obi 600)
                         |                    ^~~
                         = help: separate arguments with ','
                    """);
            assertEquals("help: separate arguments with ','", helpOf("alpha = zscore(obi window)"));
        }
    }

    static String helpOf(String text) {
        List<Diagnostic> diagnostics = parse(text).diagnostics();
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        return diagnostics.getFirst().notes().stream()
                .map(n -> n.kind().label() + ": " + n.message())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    // ---------------------------------------------------------------- literals

    @Nested
    class Literals {
        @Test
        void numberTooLarge() {
            assertRendered("param big = 1e999\n", """
                    graph.fg:1:13: error: number 1e999 is too large for a double
                       1 | param big = 1e999
                         |             ^~~~~
                         = help: the largest double is about 1.8e308
                    """);
            assertEquals("big", definedName("param big = 1e999"));
            assertEquals(
                    List.of("number 1" + "0".repeat(400) + " is too large for a double"),
                    messages("x = 1" + "0".repeat(400)));
        }

        @Test
        void numberTooSmallWouldSilentlyBeZero() {
            assertRendered("eps = 1e-400\n", """
                    graph.fg:1:7: error: number 1e-400 is too small for a double: it would be read as 0
                       1 | eps = 1e-400
                         |       ^~~~~~
                         = help: the smallest positive double is about 4.9e-324; write 0 if 0 is meant
                    """);
            assertTrue(messages("x = 0.000e-999 + 1e-320").isEmpty(), "a written zero and a subnormal are fine");
        }

        @Test
        void durationNotWholeInNanoseconds() {
            assertRendered("clock every 1.5ns\n", """
                    graph.fg:1:13: error: duration 1.5ns is not a whole number of nanoseconds
                       1 | clock every 1.5ns
                         |             ^~~~~
                         = help: durations are held as whole nanoseconds; the nearest is 2ns
                    """);
            assertEquals(
                    List.of("duration 0.0000001ms is not a whole number of nanoseconds"), messages("x = 0.0000001ms"));
        }

        @Test
        void durationWithASpaceOrAnExponentBeforeItsUnit() {
            assertRendered("clock every 100 ms\n", """
                    graph.fg:1:17: error: expected end of statement or an operator, found name 'ms'
                       1 | clock every 100 ms
                         |                 ^~
                         = help: a duration is written with no space before its unit (ns, us, ms, s, m, h), \
                    e.g. 100ms or 1500us
                    """);
            assertEquals(
                    "help: a duration is written without an exponent before its unit (ns, us, ms, s, m, h),"
                            + " e.g. 100ms or 1500us",
                    helpOf("clock every 1e3ms"));
            assertEquals(
                    "help: a duration is written with no space before its unit (ns, us, ms, s, m, h),"
                            + " e.g. 100ms or 1500us",
                    helpOf("x = 5 min"));
        }

        @Test
        void durationTooLong() {
            assertRendered("x = 3000000h\n", """
                    graph.fg:1:5: error: duration 3000000h is too long
                       1 | x = 3000000h
                         |     ^~~~~~~~
                         = help: durations are held in nanoseconds and must stay below about 292 years
                    """);
            assertEquals(List.of("duration 9223372036854775808ns is too long"), messages("x = 9223372036854775808ns"));
        }

        @Test
        void everyBadLiteralInAStatementIsReported() {
            assertEquals(
                    List.of(
                            "number 1e999 is too large for a double",
                            "duration 1.5ns is not a whole number of nanoseconds"),
                    messages("x = f(1e999, 1.5ns)"));
        }
    }

    // ---------------------------------------------------------------- a whole file

    @Nested
    class WholeFile {
        static final String FILE = """
                param depth = 0.001
                input book: Book
                obi   = OBI(book, depth
                alpha = zscore(obi, 600)
                mid   = mid(book))
                vol   = volatility(mid 600)
                edge  = 0.5 * alpha - 2 * vol $
                output = alpha
                output alpha, vol, edge
                """;

        @Test
        void everyErrorIsReportedInSourceOrder() {
            assertRendered(FILE, """
                    graph.fg:3:12: error: unclosed '(' in the call to 'OBI'
                       3 | obi   = OBI(book, depth
                         |            ^
                         = help: add ')' to close it
                    graph.fg:4:1: note: the next statement seems to start here
                       4 | alpha = zscore(obi, 600)
                         | ^~~~~
                    graph.fg:5:18: error: unmatched ')'
                       5 | mid   = mid(book))
                         |                  ^
                         = help: no '(' is open here; remove it, or add the '(' it was meant to close
                    graph.fg:6:24: error: expected ')', ',', '=' or an operator, found number 600
                       6 | vol   = volatility(mid 600)
                         |                        ^~~
                         = help: separate arguments with ','
                    graph.fg:7:31: error: unexpected character '$'
                       7 | edge  = 0.5 * alpha - 2 * vol $
                         |                               ^
                    """ + CHARACTERS_HELP + """
                    graph.fg:8:1: error: 'output' is a keyword, not a name
                       8 | output = alpha
                         | ^~~~~~
                         = note: 'output' starts a statement: output NAME, NAME, ...
                         = help: choose another name
                    """);
        }

        @Test
        void theValidStatementsAroundTheBadOnesAreParsed() {
            List<Statement> statements = parse(FILE).program().statements();
            assertEquals(
                    List.of(
                            "ParamStatement",
                            "InputStatement",
                            "InvalidStatement",
                            "Definition",
                            "InvalidStatement",
                            "InvalidStatement",
                            "InvalidStatement",
                            "InvalidStatement",
                            "OutputStatement"),
                    statements.stream().map(st -> st.getClass().getSimpleName()).toList());
            assertEquals(
                    List.of("obi", "mid", "vol", "edge", "-"),
                    statements.stream()
                            .filter(InvalidStatement.class::isInstance)
                            .map(InvalidStatement.class::cast)
                            .map(st -> st.definedName().map(i -> i.text()).orElse("-"))
                            .toList());
            Definition alpha = (Definition) statements.get(3);
            assertEquals(new Span(FILE.indexOf("alpha"), 5, 4, 1), alpha.name().span());
            InvalidStatement vol = (InvalidStatement) statements.get(5);
            assertEquals(new Span(FILE.indexOf("vol "), 27, 6, 1), vol.span());
        }

        @Test
        void oneErrorPerStatementNeverHidesTheNext() {
            String text = "a = = 1\nb = 1 +\nc = f(,)\nd = )\ne = 1 2\nf = ok(1)";
            ParseResult result = parse(text);
            assertEquals(
                    List.of(1, 2, 3, 4, 5),
                    result.diagnostics().stream().map(d -> d.span().line()).toList());
            assertInstanceOf(Definition.class, result.program().statements().getLast());
            assertEquals(
                    List.of("a", "b", "c", "d", "e"),
                    result.program().statements().stream()
                            .limit(5)
                            .map(st -> ((InvalidStatement) st)
                                    .definedName()
                                    .orElseThrow()
                                    .text())
                            .toList());
        }
    }
}
