package io.factorgraph.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.factorgraph.dsl.ast.Argument;
import io.factorgraph.dsl.ast.Binary;
import io.factorgraph.dsl.ast.Call;
import io.factorgraph.dsl.ast.ClockStatement;
import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.Expr;
import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.InputStatement;
import io.factorgraph.dsl.ast.InvalidStatement;
import io.factorgraph.dsl.ast.OutputStatement;
import io.factorgraph.dsl.ast.ParamStatement;
import io.factorgraph.dsl.ast.SinkStatement;
import io.factorgraph.dsl.ast.Statement;
import io.factorgraph.dsl.ast.Unary;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.DiagnosticRenderer;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;

/**
 * The parser's robustness contract (docs/DESIGN.md §3): no input, however malformed, escapes as an
 * exception; every diagnostic points inside the source and renders; nothing is printed.
 */
class ParserFuzzProperties {

    // ---------------------------------------------------------------- the contract, checked on one input

    /** Parses and renders {@code text} with System.out and System.err captured, then checks everything. */
    static ParseResult checkContract(String input) {
        SourceText source = SourceText.of("fuzz.fg", input);
        String text = source.text(); // without a leading byte order mark
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ParseResult result;
        String rendered;
        try {
            System.setOut(capture);
            System.setErr(capture);
            try {
                result = FgParser.parse(source);
            } catch (Throwable thrown) {
                throw new AssertionError("FgParser.parse threw on " + quote(text), thrown);
            }
            StringBuilder all = new StringBuilder();
            for (Diagnostic diagnostic : result.diagnostics()) {
                try {
                    all.append(DiagnosticRenderer.render(source, diagnostic));
                    DiagnosticRenderer.headline(source, diagnostic);
                } catch (Throwable thrown) {
                    throw new AssertionError("rendering " + diagnostic + " threw on " + quote(text), thrown);
                }
            }
            rendered = all.toString();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), () -> "printed while parsing " + quote(text));
        assertEquals(rendered, DiagnosticRenderer.render(source, result.diagnostics()));

        int previousOffset = -1;
        for (Diagnostic diagnostic : result.diagnostics()) {
            checkSpan(source, diagnostic.span(), () -> "diagnostic " + diagnostic + " of " + quote(text));
            for (Note note : diagnostic.notes()) {
                note.span().ifPresent(span -> checkSpan(source, span, () -> "note " + note + " of " + quote(text)));
            }
            assertTrue(
                    diagnostic.span().offset() >= previousOffset,
                    () -> "diagnostics out of source order in " + quote(text) + ": " + result.diagnostics());
            previousOffset = diagnostic.span().offset();
            assertTrue(!diagnostic.message().isBlank(), "empty message");
        }

        List<Statement> statements = result.program().statements();
        int previousEnd = 0;
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            checkSpan(source, statement.span(), () -> "statement " + statement + " of " + quote(text));
            assertTrue(statement.span().offset() >= previousEnd, () -> "statements overlap in " + quote(text));
            int from = previousEnd;
            previousEnd = statement.span().endOffset();
            checkStatement(source, statement, text);
            if (statement instanceof InvalidStatement invalid) {
                int to =
                        i + 1 < statements.size() ? statements.get(i + 1).span().offset() : text.length();
                assertTrue(
                        result.diagnostics().stream()
                                .anyMatch(d -> d.isError()
                                        && d.span().offset() >= from
                                        && d.span().offset() <= to),
                        () -> "no error explains " + invalid + " in " + quote(text) + ": " + result.diagnostics());
            }
        }
        if (result.diagnostics().isEmpty()) {
            assertTrue(
                    statements.stream().noneMatch(s -> s instanceof InvalidStatement),
                    () -> "an invalid statement without a diagnostic in " + quote(text));
        }
        return result;
    }

    private static void checkStatement(SourceText source, Statement statement, String text) {
        switch (statement) {
            case ParamStatement param -> {
                checkIdentifier(source, param.name(), param.span(), text);
                checkExpr(source, param.value(), param.span(), text);
            }
            case InputStatement input -> {
                checkIdentifier(source, input.name(), input.span(), text);
                checkIdentifier(source, input.type(), input.span(), text);
            }
            case ClockStatement clock -> checkExpr(source, clock.interval(), clock.span(), text);
            case Definition definition -> {
                checkIdentifier(source, definition.name(), definition.span(), text);
                checkExpr(source, definition.value(), definition.span(), text);
            }
            case OutputStatement output -> output.names().forEach(n -> checkIdentifier(source, n, output.span(), text));
            case SinkStatement sink -> checkExpr(source, sink.call(), sink.span(), text);
            case InvalidStatement invalid ->
                invalid.definedName().ifPresent(n -> checkIdentifier(source, n, invalid.span(), text));
        }
    }

    private static void checkIdentifier(SourceText source, Identifier identifier, Span within, String text) {
        checkSpan(source, identifier.span(), () -> identifier + " in " + quote(text));
        assertEquals(
                identifier.text(),
                text.substring(identifier.span().offset(), identifier.span().endOffset()));
        checkInside(identifier.span(), within, text);
    }

    private static void checkExpr(SourceText source, Expr expr, Span within, String text) {
        checkSpan(source, expr.span(), () -> expr + " in " + quote(text));
        checkInside(expr.span(), within, text);
        switch (expr) {
            case Binary binary -> {
                checkExpr(source, binary.left(), expr.span(), text);
                checkExpr(source, binary.right(), expr.span(), text);
                checkInside(binary.operatorSpan(), expr.span(), text);
            }
            case Unary unary -> checkExpr(source, unary.operand(), expr.span(), text);
            case Call call -> {
                checkIdentifier(source, call.function(), expr.span(), text);
                for (Argument argument : call.arguments()) {
                    checkInside(argument.span(), expr.span(), text);
                    argument.name().ifPresent(n -> checkIdentifier(source, n, argument.span(), text));
                    checkExpr(source, argument.value(), argument.span(), text);
                }
            }
            default -> {}
        }
    }

    private static void checkInside(Span inner, Span outer, String text) {
        assertTrue(
                inner.offset() >= outer.offset() && inner.endOffset() <= outer.endOffset(),
                () -> inner + " is not inside " + outer + " in " + quote(text));
    }

    private static void checkSpan(SourceText source, Span span, java.util.function.Supplier<String> what) {
        String text = source.text();
        if (span.endOffset() > text.length()) {
            fail("span ends after the text (" + text.length() + " chars): " + what.get());
        }
        if (span.line() > source.lineCount()) {
            fail("span line is after the last line " + source.lineCount() + ": " + what.get());
        }
        Span expected = source.spanAt(span.offset(), span.length());
        if (expected.line() != span.line() || expected.column() != span.column()) {
            fail("span position " + span.position() + " is not where its offset lies, " + expected.position() + ": "
                    + what.get());
        }
        if (span.offset() > 0
                && span.offset() < text.length()
                && Character.isLowSurrogate(text.charAt(span.offset()))
                && Character.isHighSurrogate(text.charAt(span.offset() - 1))) {
            fail("span starts inside a surrogate pair: " + what.get());
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else {
                out.append(String.format("\\u{%x}", c));
            }
        });
        return out.append('"').toString();
    }

    // ---------------------------------------------------------------- (a) random token soup

    private static final List<String> FRAGMENTS = List.of(
            "param",
            "input",
            "clock",
            "every",
            "output",
            "sink",
            "and",
            "or",
            "not",
            "true",
            "false",
            "x",
            "obi",
            "OBI",
            "book",
            "Book",
            "double",
            "zscore",
            "mid",
            "a_b",
            "_",
            "e",
            "E",
            "ms",
            "s",
            "ns",
            "(",
            "(",
            ")",
            ")",
            ",",
            ",",
            ":",
            ";",
            "=",
            "=",
            "==",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
            "+",
            "-",
            "*",
            "/",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            "\n",
            "\r\n",
            "\r",
            "\f",
            "#",
            "# comment\n",
            "\\",
            "0",
            "1",
            "9",
            "600",
            "1e-4",
            "0.5",
            ".5",
            "5.",
            "1_000",
            "1__0",
            "1e999",
            "1e-999",
            "1.5ns",
            "100ms",
            "5m",
            "2h",
            "250us",
            "99999999999h",
            "0x1F",
            ".",
            "_1",
            "$",
            "@",
            "'",
            "\"",
            "`",
            "~",
            "!",
            "&",
            "|",
            "%",
            "^",
            "[",
            "]",
            "{",
            "}",
            "?",
            "é",
            "e\u0301",
            "中文",
            "😀",
            "👨‍👩‍👧",
            "𝑥",
            "\u0000",
            "\u0007",
            "\u007f",
            "\u00a0",
            "\u2028",
            "\ufeff",
            "\uD800",
            "\uDC00",
            "\uFFFF");

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 1200, shrinking = ShrinkingMode.BOUNDED)
    void randomTokenSoupKeepsTheContract(@ForAll("tokenSoup") String text) {
        checkContract(text);
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void randomCharactersKeepTheContract(@ForAll("anyText") String text) {
        checkContract(text);
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> ascii =
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(60);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(30);
        return Arbitraries.oneOf(ascii, anything);
    }

    // ---------------------------------------------------------------- (b) mutated valid programs

    static final List<String> VALID_PROGRAMS = List.of(
            """
            param depth = 0.001                 # a named constant
            param window = 600
            input book: Book
            input funding: double
            clock every 100ms
            obi   = OBI(book, depth)
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
            """,
            "alpha = zscore(OBI(book, 0.001), 600)\n",
            "a = 1; b = -a * (2 + 3) / 4\r\nc = not a < b and b >= 1e-4 or false\r\noutput a, b, c,\r\n",
            "x = f(\n  a,\n  k = 1_000,\n  d = 1.5s,\n)\ny = x != .5 # done",
            "param w = 2 * 300\nclock every 250us\ns = sum(lag(mid(book), 1), w)\n");

    private static final Pattern TOKENS =
            Pattern.compile("\\s+|[A-Za-z_][A-Za-z_0-9]*|[0-9._]+[a-z]*|[<>=!]=|.", Pattern.DOTALL);

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** One edit: what to do, where (a fraction of the length), and what to insert. */
    record Mutation(int kind, double where, double other, String fragment) {}

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<Mutation>>> mutatedProgram() {
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.of(FRAGMENTS))
                .as(Mutation::new);
        return Combinators.combine(
                        Arbitraries.of(VALID_PROGRAMS),
                        mutation.list().ofMinSize(1).ofMaxSize(4))
                .as(Tuple::of);
    }

    static String mutate(String program, List<Mutation> mutations) {
        String text = program;
        for (Mutation m : mutations) {
            List<String> tokens = tokens(text);
            if (tokens.isEmpty()) {
                text = m.fragment();
                continue;
            }
            int t = Math.min(tokens.size() - 1, (int) (m.where() * tokens.size()));
            int u = Math.min(tokens.size() - 1, (int) (m.other() * tokens.size()));
            int c = Math.min(text.length(), (int) (m.where() * (text.length() + 1)));
            switch (m.kind()) {
                case 0 -> tokens.remove(t); // delete a token
                case 1 -> tokens.add(t, m.fragment()); // insert a token
                case 2 -> tokens.add(t, tokens.get(t)); // duplicate a token
                case 3 -> { // swap two tokens
                    String a = tokens.get(t);
                    tokens.set(t, tokens.get(u));
                    tokens.set(u, a);
                }
                default -> {}
            }
            if (m.kind() <= 3) {
                text = String.join("", tokens);
                continue;
            }
            text = switch (m.kind()) {
                case 4 -> c < text.length() ? text.substring(0, c) + text.substring(c + 1) : text; // delete a char
                case 5 -> text.substring(0, c) + m.fragment().charAt(0) + text.substring(c); // insert a char
                case 6 -> c < text.length() ? text.substring(0, c + 1) + text.substring(c) : text; // duplicate a char
                case 7 ->
                    c + 1 < text.length() // swap two chars
                            ? text.substring(0, c) + text.charAt(c + 1) + text.charAt(c) + text.substring(c + 2)
                            : text;
                case 8 -> text.substring(0, c); // cut the end
                default -> text.substring(c); // cut the start
            };
        }
        return text;
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED)
    void mutatedValidProgramsKeepTheContract(@ForAll("mutatedProgram") Tuple.Tuple2<String, List<Mutation>> input) {
        checkContract(mutate(input.get1(), input.get2()));
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void everyPrefixOfAValidProgramKeepsTheContract(@ForAll("prefixCut") String text) {
        checkContract(text);
    }

    @Provide
    Arbitrary<String> prefixCut() {
        return Arbitraries.of(VALID_PROGRAMS)
                .flatMap(program ->
                        Arbitraries.integers().between(0, program.length()).map(cut -> program.substring(0, cut)));
    }

    // ---------------------------------------------------------------- (c) generated valid programs

    @Provide
    Arbitrary<String> expression() {
        return expression(4);
    }

    private Arbitrary<String> expression(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of(
                        "600", "1e-4", "0.5", ".5", "1_000", "3.", "100ms", "1s", "5m", "2h", "250us", "10ns", "1.5s",
                        "true", "false"),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .ofMinLength(1)
                        .ofMaxLength(6)
                        .filter(s -> !List.of(
                                        "param", "input", "clock", "every", "output", "sink", "and", "or", "not",
                                        "true", "false")
                                .contains(s)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> expression(depth - 1));
        Arbitrary<String> binary = Combinators.combine(
                        sub, Arbitraries.of("+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or"), sub)
                .as((l, op, r) -> l + " " + op + " " + r);
        Arbitrary<String> unary =
                Combinators.combine(Arbitraries.of("-", "not "), sub).as((op, e) -> op + e);
        Arbitrary<String> paren = sub.map(e -> "(" + e + ")");
        // Continuation lines, indented or not (a named argument at column 1 must not end the statement).
        Arbitrary<String> call = Combinators.combine(
                        Arbitraries.of("f", "OBI", "zscore"),
                        sub.list().ofMaxSize(3),
                        sub.list().ofMaxSize(2),
                        Arbitraries.of(",", ", ", ",\n   ", ",\r\n", ",\n", ", # c\n\n"),
                        Arbitraries.of("", ",", ",\n"),
                        Arbitraries.of("(", "(\n", "(  # c\n"))
                .as((f, positional, named, comma, trailing, open) -> {
                    List<String> args = new ArrayList<>(positional);
                    for (int i = 0; i < named.size(); i++) {
                        args.add("k" + i + " = " + named.get(i));
                    }
                    return f + open + String.join(comma, args) + (args.isEmpty() ? "" : trailing) + ")";
                });
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf), Tuple.of(3, binary), Tuple.of(1, unary), Tuple.of(1, paren), Tuple.of(2, call));
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void generatedValidProgramsParseWithoutDiagnostics(
            @ForAll("expression") String first, @ForAll("expression") String second) {
        String text = "param p = 1\ninput in: double\nclock every 1s\nfirst = " + first + "   # c\n\nsecond = " + second
                + "; output first, second\nsink s(first, k = second)\n";
        ParseResult result = checkContract(text);
        assertTrue(
                result.diagnostics().isEmpty(),
                () -> "diagnostics for valid " + quote(text) + ":\n"
                        + DiagnosticRenderer.render(SourceText.of("fuzz.fg", text), result.diagnostics()));
        assertEquals(7, result.program().statements().size());
    }
}
