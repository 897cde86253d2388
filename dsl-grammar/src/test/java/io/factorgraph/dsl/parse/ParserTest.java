package io.factorgraph.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.dsl.ast.Argument;
import io.factorgraph.dsl.ast.Binary;
import io.factorgraph.dsl.ast.BinaryOperator;
import io.factorgraph.dsl.ast.BoolLiteral;
import io.factorgraph.dsl.ast.Call;
import io.factorgraph.dsl.ast.ClockStatement;
import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.DurationLiteral;
import io.factorgraph.dsl.ast.Expr;
import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.InputStatement;
import io.factorgraph.dsl.ast.NameRef;
import io.factorgraph.dsl.ast.NumberLiteral;
import io.factorgraph.dsl.ast.OutputStatement;
import io.factorgraph.dsl.ast.ParamStatement;
import io.factorgraph.dsl.ast.SinkStatement;
import io.factorgraph.dsl.ast.Statement;
import io.factorgraph.dsl.ast.Unary;
import io.factorgraph.dsl.ast.UnaryOperator;
import io.factorgraph.dsl.diagnostic.DiagnosticRenderer;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shape of the AST for every construct of docs/DESIGN.md §3, with the spans (offset, line, column,
 * length) that diagnostics of later phases will point at.
 */
class ParserTest {

    // ---------------------------------------------------------------- helpers

    /** Parses text that must be free of diagnostics. */
    private static List<Statement> parse(String text) {
        SourceText source = SourceText.of("test.fg", text);
        ParseResult result = FgParser.parse(source);
        assertTrue(
                result.diagnostics().isEmpty(),
                () -> "expected no diagnostics, got:\n" + DiagnosticRenderer.render(source, result.diagnostics()));
        return result.program().statements();
    }

    private static Statement single(String text) {
        List<Statement> statements = parse(text);
        assertEquals(1, statements.size(), () -> "statements: " + statements);
        return statements.getFirst();
    }

    /** The value of the single definition {@code x = <expression>}. */
    private static Expr expr(String expression) {
        Definition definition = assertInstanceOf(Definition.class, single("x = " + expression));
        assertEquals("x", definition.name().text());
        return definition.value();
    }

    /** Asserts a span by its position and by the text it covers in {@code text}. */
    private static void assertSpan(String text, Span span, int line, int column, String covered) {
        assertEquals(covered, text.substring(span.offset(), span.endOffset()), () -> "text under " + span);
        assertEquals(line, span.line(), () -> "line of " + span);
        assertEquals(column, span.column(), () -> "column of " + span);
    }

    /** A compact, parenthesised rendering of an expression, to compare tree shapes at a glance. */
    private static String shape(Expr expr) {
        return switch (expr) {
            case NumberLiteral n -> n.text();
            case DurationLiteral d -> d.text();
            case BoolLiteral b -> Boolean.toString(b.value());
            case NameRef n -> n.name();
            case Unary u -> "(" + u.operator().symbol() + " " + shape(u.operand()) + ")";
            case Binary b -> "(" + shape(b.left()) + " " + b.operator().symbol() + " " + shape(b.right()) + ")";
            case Call c ->
                c.function().text() + "["
                        + c.arguments().stream()
                                .map(a -> a.name().map(n -> n.text() + "=").orElse("") + shape(a.value()))
                                .collect(Collectors.joining(", "))
                        + "]";
        };
    }

    // ---------------------------------------------------------------- statements

    @Nested
    class Statements {
        @Test
        void param() {
            String text = "param depth = 0.001";
            ParamStatement param = assertInstanceOf(ParamStatement.class, single(text));
            assertSpan(text, param.span(), 1, 1, text);
            assertSpan(text, param.name().span(), 1, 7, "depth");
            assertEquals("depth", param.name().text());
            NumberLiteral value = assertInstanceOf(NumberLiteral.class, param.value());
            assertEquals(0.001, value.value());
            assertSpan(text, value.span(), 1, 15, "0.001");
        }

        @Test
        void paramWithAnExpression() {
            ParamStatement param = assertInstanceOf(ParamStatement.class, single("param w = 2 * 300"));
            assertEquals("(2 * 300)", shape(param.value()));
        }

        @Test
        void input() {
            String text = "input funding: double";
            InputStatement input = assertInstanceOf(InputStatement.class, single(text));
            assertEquals(new Identifier("funding", new Span(6, 7, 1, 7)), input.name());
            assertEquals(new Identifier("double", new Span(15, 6, 1, 16)), input.type());
            assertSpan(text, input.span(), 1, 1, text);
        }

        @Test
        void inputWithoutSpaceAroundTheColon() {
            InputStatement input = assertInstanceOf(InputStatement.class, single("input book:Book"));
            assertEquals("book", input.name().text());
            assertEquals("Book", input.type().text());
        }

        @Test
        void clock() {
            String text = "clock every 100ms";
            ClockStatement clock = assertInstanceOf(ClockStatement.class, single(text));
            assertSpan(text, clock.span(), 1, 1, text);
            DurationLiteral interval = assertInstanceOf(DurationLiteral.class, clock.interval());
            assertEquals(100_000_000L, interval.nanos());
            assertEquals("100ms", interval.text());
            assertSpan(text, interval.span(), 1, 13, "100ms");
        }

        @Test
        void definition() {
            String text = "obi   = OBI(book, depth)";
            Definition definition = assertInstanceOf(Definition.class, single(text));
            assertSpan(text, definition.span(), 1, 1, text);
            assertSpan(text, definition.name().span(), 1, 1, "obi");
            Call call = assertInstanceOf(Call.class, definition.value());
            assertSpan(text, call.span(), 1, 9, "OBI(book, depth)");
            assertSpan(text, call.function().span(), 1, 9, "OBI");
            assertEquals(2, call.arguments().size());
            assertSpan(text, call.arguments().get(0).span(), 1, 13, "book");
            assertSpan(text, call.arguments().get(1).value().span(), 1, 19, "depth");
        }

        @Test
        void functionAndStreamMayShareAName() {
            Definition definition = assertInstanceOf(Definition.class, single("mid = mid(book)"));
            assertEquals("mid", definition.name().text());
            assertEquals("mid[book]", shape(definition.value()));
        }

        @Test
        void output() {
            String text = "output alpha, vol, stop";
            OutputStatement output = assertInstanceOf(OutputStatement.class, single(text));
            assertSpan(text, output.span(), 1, 1, text);
            assertEquals(
                    List.of("alpha", "vol", "stop"),
                    output.names().stream().map(Identifier::text).toList());
            assertSpan(text, output.names().get(0).span(), 1, 8, "alpha");
            assertSpan(text, output.names().get(1).span(), 1, 15, "vol");
            assertSpan(text, output.names().get(2).span(), 1, 20, "stop");
        }

        @Test
        void outputOfOneName() {
            OutputStatement output = assertInstanceOf(OutputStatement.class, single("output alpha"));
            assertEquals(
                    List.of("alpha"),
                    output.names().stream().map(Identifier::text).toList());
        }

        @Test
        void outputWithATrailingComma() {
            String text = "output a, b,";
            OutputStatement output = assertInstanceOf(OutputStatement.class, single(text));
            assertEquals(
                    List.of("a", "b"),
                    output.names().stream().map(Identifier::text).toList());
            assertSpan(text, output.span(), 1, 1, text);
        }

        @Test
        void sink() {
            String text = "sink stateless_mm(alpha, vol, tick_size = 0.1, grid_num = 3)";
            SinkStatement sink = assertInstanceOf(SinkStatement.class, single(text));
            assertSpan(text, sink.span(), 1, 1, text);
            assertSpan(text, sink.call().span(), 1, 6, "stateless_mm(alpha, vol, tick_size = 0.1, grid_num = 3)");
            assertEquals("stateless_mm[alpha, vol, tick_size=0.1, grid_num=3]", shape(sink.call()));
        }

        @Test
        void keywordsAreCaseSensitiveSoCapitalisedOnesAreNames() {
            Definition definition = assertInstanceOf(Definition.class, single("Output = Param + True"));
            assertEquals("Output", definition.name().text());
            assertEquals("(Param + True)", shape(definition.value()));
        }

        @Test
        void namesMayContainKeywords() {
            Definition definition = assertInstanceOf(Definition.class, single("output_2 = sink_x + param1 - inputs"));
            assertEquals("output_2", definition.name().text());
            assertEquals("((sink_x + param1) - inputs)", shape(definition.value()));
        }

        @Test
        void theExampleOfDesignSection3() {
            String text = """
                    param depth = 0.001                 # a named constant
                    param window = 600
                    input book: Book                    # a stream source
                    input funding: double
                    clock every 100ms
                    obi   = OBI(book, depth)            # a definition: NAME = EXPR
                    alpha = zscore(obi, window)
                    mid   = mid(book)
                    vol   = volatility(mid, 600)
                    stop  = stop_loss(vol, change(mid), vol_threshold = 3.0, change_threshold = 8.0,
                                      baseline_vol = 0.0001, baseline_change_std = 0.0001)
                    edge  = 0.5 * alpha - 2 * vol       # arithmetic and nested calls
                    output alpha, vol, stop
                    sink stateless_mm(alpha, vol, stop, tick_size = 0.1, order_qty = 0.01, max_position = 0.1,
                                      half_spread = 0.0002, skew = 0.00005, c1 = 0.0001, power = 1.0,
                                      baseline_vol = 0.0001, grid_num = 3, grid_interval = 0.5)
                    """;
            List<Statement> statements = parse(text);
            assertEquals(
                    List.of(
                            ParamStatement.class,
                            ParamStatement.class,
                            InputStatement.class,
                            InputStatement.class,
                            ClockStatement.class,
                            Definition.class,
                            Definition.class,
                            Definition.class,
                            Definition.class,
                            Definition.class,
                            Definition.class,
                            OutputStatement.class,
                            SinkStatement.class),
                    statements.stream().map(Object::getClass).toList());
            Definition stop = (Definition) statements.get(9);
            assertEquals(
                    "stop_loss[vol, change[mid], vol_threshold=3.0, change_threshold=8.0, baseline_vol=0.0001,"
                            + " baseline_change_std=0.0001]",
                    shape(stop.value()));
            assertSpan(
                    text, stop.span(), 10, 1, text.substring(text.indexOf("stop  ="), text.indexOf("0.0001)\n") + 7));
            Definition edge = (Definition) statements.get(10);
            assertEquals("((0.5 * alpha) - (2 * vol))", shape(edge.value()));
            SinkStatement sink = (SinkStatement) statements.get(12);
            assertEquals(13, sink.call().arguments().size());
            assertSpan(text, sink.call().arguments().get(12).span(), 16, 56, "grid_interval = 0.5");
        }
    }

    // ---------------------------------------------------------------- literals

    @Nested
    class Literals {
        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                600      | 600
                0        | 0
                1e-4     | 0.0001
                1E4      | 10000
                2.5e+3   | 2500
                0.5      | 0.5
                .5       | 0.5
                5.       | 5
                1_000    | 1000
                1_000.000_5 | 1000.0005
                007      | 7
                """)
        void numbers(String written, double value) {
            NumberLiteral number = assertInstanceOf(NumberLiteral.class, expr(written));
            assertEquals(value, number.value());
            assertEquals(written, number.text());
            assertEquals(new Span(4, written.length(), 1, 5), number.span());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                100ms  | 100000000
                1s     | 1000000000
                5m     | 300000000000
                2h     | 7200000000000
                250us  | 250000
                10ns   | 10
                1.5s   | 1500000000
                0.25ms | 250000
                .5s    | 500000000
                1_000ms| 1000000000
                0s     | 0
                """)
        void durations(String written, long nanos) {
            DurationLiteral duration = assertInstanceOf(DurationLiteral.class, expr(written));
            assertEquals(nanos, duration.nanos());
            assertEquals(written, duration.text());
            assertEquals(new Span(4, written.length(), 1, 5), duration.span());
        }

        @Test
        void theLongestDurationThatFitsInALong() {
            DurationLiteral duration = assertInstanceOf(DurationLiteral.class, expr("9223372036854775807ns"));
            assertEquals(Long.MAX_VALUE, duration.nanos());
        }

        @Test
        void booleans() {
            assertEquals(new BoolLiteral(true, new Span(4, 4, 1, 5)), expr("true"));
            assertEquals(new BoolLiteral(false, new Span(4, 5, 1, 5)), expr("false"));
        }

        @Test
        void names() {
            assertEquals(new NameRef("_Obi_2", new Span(4, 6, 1, 5)), expr("_Obi_2"));
        }
    }

    // ---------------------------------------------------------------- expressions

    @Nested
    class Expressions {
        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                1 + 2 * 3          | (1 + (2 * 3))
                1 * 2 + 3          | ((1 * 2) + 3)
                1 - 2 - 3          | ((1 - 2) - 3)
                8 / 4 / 2          | ((8 / 4) / 2)
                1 - 2 + 3          | ((1 - 2) + 3)
                2 * 3 / 4 * 5      | (((2 * 3) / 4) * 5)
                (1 + 2) * 3        | ((1 + 2) * 3)
                1 - (2 - 3)        | (1 - (2 - 3))
                ((a))              | a
                -a                 | (- a)
                -a * b             | ((- a) * b)
                a * -b             | (a * (- b))
                a - -b             | (a - (- b))
                --a                | (- (- a))
                -(a + b)           | (- (a + b))
                -2 * 3 + 1         | (((- 2) * 3) + 1)
                a + b < c * d      | ((a + b) < (c * d))
                a <= b             | (a <= b)
                a > b              | (a > b)
                a >= b             | (a >= b)
                a == b             | (a == b)
                a != b             | (a != b)
                a < b == c         | ((a < b) == c)
                not a < b          | (not (a < b))
                not a              | (not a)
                not not a          | (not (not a))
                not a and b        | ((not a) and b)
                a or b and c       | (a or (b and c))
                a and b or c       | ((a and b) or c)
                a or b or c        | ((a or b) or c)
                a and b and c      | ((a and b) and c)
                a < b and c > d    | ((a < b) and (c > d))
                (a or b) and c     | ((a or b) and c)
                not (a or b)       | (not (a or b))
                x > 0 or not y     | ((x > 0) or (not y))
                -1                 | (- 1)
                1s + 500ms         | (1s + 500ms)
                true and false     | (true and false)
                """)
        void precedenceAndAssociativity(String written, String expected) {
            assertEquals(expected, shape(expr(written)));
        }

        @Test
        void binarySpansCoverBothOperandsAndPointAtTheOperator() {
            String text = "x = a + b * c";
            Binary sum = assertInstanceOf(Binary.class, ((Definition) single(text)).value());
            assertEquals(BinaryOperator.ADD, sum.operator());
            assertSpan(text, sum.span(), 1, 5, "a + b * c");
            assertSpan(text, sum.operatorSpan(), 1, 7, "+");
            Binary product = assertInstanceOf(Binary.class, sum.right());
            assertEquals(BinaryOperator.MULTIPLY, product.operator());
            assertSpan(text, product.span(), 1, 9, "b * c");
            assertSpan(text, product.operatorSpan(), 1, 11, "*");
        }

        @Test
        void everyBinaryOperatorMapsToItsEnum() {
            String[] symbols = {"+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or"};
            BinaryOperator[] operators = {
                BinaryOperator.ADD,
                BinaryOperator.SUBTRACT,
                BinaryOperator.MULTIPLY,
                BinaryOperator.DIVIDE,
                BinaryOperator.LESS,
                BinaryOperator.LESS_OR_EQUAL,
                BinaryOperator.GREATER,
                BinaryOperator.GREATER_OR_EQUAL,
                BinaryOperator.EQUAL,
                BinaryOperator.NOT_EQUAL,
                BinaryOperator.AND,
                BinaryOperator.OR
            };
            for (int i = 0; i < symbols.length; i++) {
                String text = "x = a " + symbols[i] + " b";
                Binary binary = assertInstanceOf(Binary.class, expr("a " + symbols[i] + " b"));
                assertEquals(operators[i], binary.operator(), symbols[i]);
                assertSpan(text, binary.operatorSpan(), 1, 7, symbols[i]);
            }
        }

        @Test
        void unarySpansStartAtTheOperator() {
            String text = "x = not -a";
            Unary not = assertInstanceOf(Unary.class, ((Definition) single(text)).value());
            assertEquals(UnaryOperator.NOT, not.operator());
            assertSpan(text, not.span(), 1, 5, "not -a");
            Unary negate = assertInstanceOf(Unary.class, not.operand());
            assertEquals(UnaryOperator.NEGATE, negate.operator());
            assertSpan(text, negate.span(), 1, 9, "-a");
        }

        @Test
        void parenthesesAreNotNodesAndTheInnerSpanExcludesThem() {
            String text = "x = (a + b) * c";
            Binary product = assertInstanceOf(Binary.class, ((Definition) single(text)).value());
            assertSpan(text, product.span(), 1, 5, "(a + b) * c");
            assertSpan(text, product.left().span(), 1, 6, "a + b");
        }

        @Test
        void parenthesisedLiteralKeepsItsOwnSpan() {
            String text = "x = ((600))";
            assertSpan(text, ((Definition) single(text)).value().span(), 1, 7, "600");
        }
    }

    // ---------------------------------------------------------------- calls

    @Nested
    class Calls {
        @Test
        void noArguments() {
            String text = "x = now()";
            Call call = assertInstanceOf(Call.class, ((Definition) single(text)).value());
            assertEquals("now", call.function().text());
            assertTrue(call.arguments().isEmpty());
            assertSpan(text, call.span(), 1, 5, "now()");
        }

        @Test
        void positionalThenNamedArguments() {
            String text = "x = zscore(obi, 600, min_periods = 30, clip = true)";
            Call call = assertInstanceOf(Call.class, ((Definition) single(text)).value());
            List<Argument> arguments = call.arguments();
            assertEquals(4, arguments.size());
            assertFalse(arguments.get(0).name().isPresent());
            assertFalse(arguments.get(1).name().isPresent());
            assertSpan(text, arguments.get(1).span(), 1, 17, "600");
            Argument minPeriods = arguments.get(2);
            assertEquals("min_periods", minPeriods.name().orElseThrow().text());
            assertSpan(text, minPeriods.name().orElseThrow().span(), 1, 22, "min_periods");
            assertSpan(text, minPeriods.span(), 1, 22, "min_periods = 30");
            assertSpan(text, minPeriods.value().span(), 1, 36, "30");
            assertEquals(
                    new BoolLiteral(true, new Span(46, 4, 1, 47)),
                    arguments.get(3).value());
        }

        @Test
        void namedArgumentWithAnExpressionValue() {
            assertEquals("f[a, w=(2 * window)]", shape(expr("f(a, w = 2 * window)")));
        }

        @Test
        void namedArgumentComparedWithEqualsIsAPositionalComparison() {
            assertEquals("f[(a == 1)]", shape(expr("f(a == 1)")));
        }

        @Test
        void nestedCalls() {
            String text = "x = zscore(change(mid(book)), 600)";
            Call outer = assertInstanceOf(Call.class, ((Definition) single(text)).value());
            Call middle = assertInstanceOf(Call.class, outer.arguments().get(0).value());
            Call inner = assertInstanceOf(Call.class, middle.arguments().get(0).value());
            assertSpan(text, middle.span(), 1, 12, "change(mid(book))");
            assertSpan(text, inner.span(), 1, 19, "mid(book)");
            assertEquals("zscore[change[mid[book]], 600]", shape(outer));
        }

        @Test
        void callsInsideArithmetic() {
            assertEquals("((0.5 * zscore[obi, 600]) - abs[(- x)])", shape(expr("0.5 * zscore(obi, 600) - abs(-x)")));
        }

        @Test
        void trailingComma() {
            String text = "x = f(a, b,)";
            Call call = assertInstanceOf(Call.class, ((Definition) single(text)).value());
            assertEquals(2, call.arguments().size());
            assertSpan(text, call.span(), 1, 5, "f(a, b,)");
        }

        @Test
        void trailingCommaAfterANamedArgument() {
            assertEquals("f[a, k=1]", shape(expr("f(a, k = 1,)")));
        }

        @Test
        void callOverSeveralLinesWithNamedArgumentsOnContinuationLines() {
            String text = """
                    stop = stop_loss(vol, change(mid),
                                     vol_threshold = 3.0,
                                     change_threshold = 8.0
                    )
                    after = 1
                    """;
            List<Statement> statements = parse(text);
            assertEquals(2, statements.size(), "the named arguments must not be read as definitions");
            Definition stop = assertInstanceOf(Definition.class, statements.get(0));
            assertEquals("stop_loss[vol, change[mid], vol_threshold=3.0, change_threshold=8.0]", shape(stop.value()));
            Argument threshold = ((Call) stop.value()).arguments().get(2);
            assertSpan(text, threshold.span(), 2, 18, "vol_threshold = 3.0");
            Argument change = ((Call) stop.value()).arguments().get(3);
            assertSpan(text, change.name().orElseThrow().span(), 3, 18, "change_threshold");
            assertSpan(text, stop.span(), 1, 1, text.substring(0, text.indexOf(")\n") + 1));
            Definition after = assertInstanceOf(Definition.class, statements.get(1));
            assertSpan(text, after.span(), 5, 1, "after = 1");
        }

        @Test
        void blankLinesAndCommentsInsideACall() {
            String text = "x = f(a,   # the first\n\n   # a comment line\n   b = 2)\ny = 3";
            List<Statement> statements = parse(text);
            assertEquals(2, statements.size());
            assertEquals("f[a, b=2]", shape(((Definition) statements.get(0)).value()));
            assertEquals(5, statements.get(1).span().line());
        }

        @Test
        void nestedParenthesesOverSeveralLines() {
            List<Statement> statements = parse("x = (1 +\n 2) * f(\n(3),\n4\n)\ny = 0");
            assertEquals(2, statements.size());
            assertEquals("((1 + 2) * f[3, 4])", shape(((Definition) statements.get(0)).value()));
        }
    }

    // ---------------------------------------------------------------- layout

    @Nested
    class Layout {
        @Test
        void emptyFileAndBlankFileHaveNoStatements() {
            assertTrue(parse("").isEmpty());
            assertTrue(parse("\n\n   \n\t\n").isEmpty());
            assertTrue(parse("# only a comment").isEmpty());
            assertTrue(parse(";;\n ; \n").isEmpty());
        }

        @Test
        void commentsEndAtTheLineEnd() {
            String text = "# header\nx = 1 # trailing\n#x = 2\ny = 3#no space";
            List<Statement> statements = parse(text);
            assertEquals(2, statements.size());
            assertSpan(text, statements.get(0).span(), 2, 1, "x = 1");
            assertSpan(text, statements.get(1).span(), 4, 1, "y = 3");
        }

        @Test
        void semicolonsSeparateStatementsOnOneLine() {
            String text = "a = 1; b = a + 1;c = 3 ;";
            List<Statement> statements = parse(text);
            assertEquals(3, statements.size());
            assertSpan(text, statements.get(0).span(), 1, 1, "a = 1");
            assertSpan(text, statements.get(1).span(), 1, 8, "b = a + 1");
            assertSpan(text, statements.get(2).span(), 1, 18, "c = 3");
        }

        @Test
        void blankLinesAndIndentation() {
            String text = "\n\n   a = 1\n\n\n\tb = 2\n\n";
            List<Statement> statements = parse(text);
            assertEquals(2, statements.size());
            assertSpan(text, statements.get(0).span(), 3, 4, "a = 1");
            assertSpan(text, statements.get(1).span(), 6, 2, "b = 2");
        }

        @Test
        void crlfLineEndings() {
            String text = "param w = 600\r\nx = f(a,\r\n      b)\r\ny = x * 2\r\n";
            List<Statement> statements = parse(text);
            assertEquals(3, statements.size());
            assertSpan(text, statements.get(0).span(), 1, 1, "param w = 600");
            assertSpan(text, statements.get(1).span(), 2, 1, "x = f(a,\r\n      b)");
            Call call = (Call) ((Definition) statements.get(1)).value();
            assertSpan(text, call.arguments().get(1).span(), 3, 7, "b");
            assertSpan(text, statements.get(2).span(), 4, 1, "y = x * 2");
        }

        @Test
        void oldMacLineEndings() {
            String text = "a = 1\rb = 2\r";
            List<Statement> statements = parse(text);
            assertEquals(2, statements.size());
            assertSpan(text, statements.get(1).span(), 2, 1, "b = 2");
        }

        @Test
        void noNewlineAtTheEndOfTheFile() {
            String text = "a = 1\nb = f(a)";
            List<Statement> statements = parse(text);
            assertSpan(text, statements.get(1).span(), 2, 1, "b = f(a)");
        }

        @Test
        void whitespaceAroundTokensIsOptional() {
            assertEquals("f[(a + (b * c)), k=(- 1)]", shape(expr("f(a+b*c,k=-1)")));
        }

        @Test
        void formFeedIsWhitespace() {
            assertEquals("(a + b)", shape(expr("a\f+\fb")));
        }
    }
}
