package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.compile.CompileResult;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.MemoryBudget;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole compiler (parse, resolve, check, plan, memory check, link) against programs no one would write:
 * random programs from a generator that knows the grammar and the standard library, real programs mutated
 * token by token, huge and odd numbers, deep nesting and long files, with random {@code --param}s. Whatever
 * comes in, nothing but diagnostics comes out: no exception, nothing printed, every diagnostic and note at a
 * valid position of the source; and a graph that compiles links and runs ticks without throwing.
 */
class CompilerFuzzProperties {
    /** A small budget, so that a generated window that passes it allocates little when linked. */
    private static final FgCompiler COMPILER = FgCompiler.standard().withMemoryBudget(MemoryBudget.of(16L << 20));

    private static final List<String> FUNCTIONS = List.of(
            "OBI",
            "obi",
            "obi_norm",
            "mid",
            "best_bid",
            "best_ask",
            "spread",
            "microprice",
            "zscore",
            "ZScore",
            "rolling_mean",
            "rolling_std",
            "rolling_sum",
            "rolling_min",
            "rolling_max",
            "ewm_mean",
            "ewm_std",
            "ewm_mean_halflife",
            "ewm_std_halflife",
            "volatility",
            "change",
            "lag",
            "diff",
            "clip",
            "abs",
            "log",
            "sqrt",
            "neg",
            "add",
            "not",
            "stop_loss",
            "stateless_mm",
            "lga",
            "unknown_fn");
    private static final List<String> NAMES =
            List.of("book", "x", "y", "obi", "alpha", "vol", "stop", "w", "depth", "perp", "spot", "mid", "f", "Book");
    private static final List<String> PARAMETERS = List.of(
            "window",
            "depth",
            "k",
            "span",
            "lo",
            "hi",
            "book",
            "tick_size",
            "order_qty",
            "max_position",
            "half_spread",
            "skew",
            "c1",
            "power",
            "baseline_vol",
            "grid_num",
            "grid_interval",
            "flatten_ticks",
            "vol_threshold",
            "change_threshold",
            "baseline_change_std",
            "nope");
    private static final List<String> NUMBERS = List.of(
            "0",
            "1",
            "2",
            "3",
            "600",
            "0.001",
            "-1",
            "1e-4",
            "0.5",
            "2000000000",
            "2147483647",
            "2147483648",
            "9223372036854775807",
            "1e308",
            "1e309",
            "1e400",
            "1e-400",
            "4.9e-324",
            "1_000",
            "100000",
            "1000000",
            "0.1",
            "1e15",
            "123456789012345678901234567890");
    private static final List<String> DURATIONS =
            List.of("1ns", "999ns", "1us", "100ms", "1s", "5m", "2h", "99999999999h", "9223372036s", "0ns");

    // ---------------------------------------------------------------- the contract

    private static void checkContract(String text, List<ParamOverride> overrides) {
        SourceText source = SourceText.of("fuzz.fg", text);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CompileResult result;
        try {
            System.setOut(capture);
            System.setErr(capture);
            try {
                result = COMPILER.compile(source, overrides);
                result.render();
            } catch (Throwable thrown) {
                throw new AssertionError("the compiler threw on " + quote(text) + " with " + overrides, thrown);
            }
            if (!result.hasErrors()) {
                run(result.graph().orElseThrow(), text);
            }
            Statistics.label("outcome").collect(result.hasErrors() ? "diagnosed" : "compiled and ran");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8), () -> "printed while compiling " + quote(text));
        assertEquals(
                result.hasErrors(),
                !result.errors().isEmpty() || !result.overrideProblems().isEmpty(),
                () -> "a failed compile without an error, or an error with a graph, for " + quote(text));
        for (Diagnostic diagnostic : result.diagnostics()) {
            checkSpan(source, diagnostic.span(), () -> "diagnostic " + diagnostic + " of " + quote(text));
            assertFalse(diagnostic.message().isBlank(), () -> "an empty message for " + quote(text));
            for (Note note : diagnostic.notes()) {
                note.span().ifPresent(span -> checkSpan(source, span, () -> "note " + note + " of " + quote(text)));
            }
        }
    }

    /** A compiled graph links, and ticks on an empty book and random inputs without throwing. */
    private static void run(CompiledGraph graph, String text) {
        try {
            GraphInstance instance = graph.newInstance();
            double value = 0.5;
            for (int t = 0; t < 3; t++) {
                for (InputHandle input : graph.inputs().values()) {
                    instance.set(input, value);
                }
                instance.onTick(t);
                value = t == 0 ? Double.NaN : -1e300;
            }
            graph.sinks().forEach(sink -> {
                sink.terms();
                sink.bind();
            });
        } catch (Throwable thrown) {
            throw new AssertionError("a graph that compiled failed to link or run: " + quote(text), thrown);
        }
    }

    private static void checkSpan(SourceText source, Span span, Supplier<String> what) {
        String text = source.text();
        if (span.offset() < 0 || span.length() < 0 || span.endOffset() > text.length()) {
            fail("span " + span + " is outside the text (" + text.length() + " chars): " + what.get());
        }
        if (span.line() < 1 || span.line() > Math.max(1, source.lineCount()) || span.column() < 1) {
            fail("span line " + span.line() + " is not a line of the text: " + what.get());
        }
        Span expected = source.spanAt(span.offset(), span.length());
        if (expected.line() != span.line() || expected.column() != span.column()) {
            fail("span position " + span.position() + " is not where its offset lies, " + expected.position() + ": "
                    + what.get());
        }
    }

    private static String quote(String text) {
        String shown = text.length() > 2_000 ? text.substring(0, 2_000) + "...(" + text.length() + " chars)" : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------- (a) programs from the grammar

    private static Arbitrary<String> expression(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of(NUMBERS),
                Arbitraries.of(DURATIONS),
                Arbitraries.of(NAMES),
                Arbitraries.of("true", "false"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> sub = Arbitraries.lazy(() -> expression(depth - 1));
        Arbitrary<String> argument = Combinators.combine(
                        Arbitraries.of(PARAMETERS), sub, Arbitraries.integers().between(0, 2))
                .as((name, value, named) -> named == 0 ? name + " = " + value : value);
        Arbitrary<String> call = Combinators.combine(
                        Arbitraries.of(FUNCTIONS), argument.list().ofMaxSize(5))
                .as((f, args) -> f + "(" + String.join(", ", args) + ")");
        Arbitrary<String> binary = Combinators.combine(
                        sub, Arbitraries.of("+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "and", "or"), sub)
                .as((a, op, b) -> a + " " + op + " " + b);
        Arbitrary<String> unary = Combinators.combine(Arbitraries.of("-", "not ", "("), sub)
                .as((op, e) -> op.equals("(") ? "(" + e + ")" : op + e);
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(4, call), Tuple.of(2, binary), Tuple.of(1, unary));
    }

    private static Arbitrary<String> statement() {
        Arbitrary<String> expr = expression(3);
        Arbitrary<String> name = Arbitraries.of(NAMES);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(name, expr).as((n, e) -> n + " = " + e)),
                Tuple.of(2, Combinators.combine(name, expr).as((n, e) -> "param " + n + " = " + e)),
                Tuple.of(
                        2,
                        Combinators.combine(name, Arbitraries.of("Book", "double", "bool", "Bok"))
                                .as((n, t) -> "input " + n + ": " + t)),
                Tuple.of(1, expr.map(e -> "clock every " + e)),
                Tuple.of(1, name.list().ofMinSize(1).ofMaxSize(3).map(ns -> "output " + String.join(", ", ns))),
                Tuple.of(
                        2,
                        Combinators.combine(
                                        Arbitraries.of("stateless_mm", "zscore", "trade"),
                                        expr.list().ofMaxSize(4),
                                        Arbitraries.of(PARAMETERS).list().ofMaxSize(6),
                                        Arbitraries.of(NUMBERS))
                                .as((f, positional, named, value) -> {
                                    List<String> args = new ArrayList<>(positional);
                                    named.forEach(n -> args.add(n + " = " + value));
                                    return "sink " + f + "(" + String.join(", ", args) + ")";
                                })));
    }

    private static Arbitrary<List<ParamOverride>> overrides() {
        return Combinators.combine(
                        Arbitraries.of("w", "depth", "window", "x", "nope"),
                        Arbitraries.oneOf(
                                Arbitraries.of(NUMBERS),
                                Arbitraries.of(DURATIONS),
                                Arbitraries.of("true", "abc", "", "1 +", "mid(book)")))
                .as(ParamOverride::new)
                .list()
                .ofMaxSize(2);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<ParamOverride>>> grammarProgram() {
        return Combinators.combine(
                        statement().list().ofMinSize(1).ofMaxSize(12).map(lines -> String.join("\n", lines) + "\n"),
                        overrides())
                .as(Tuple::of);
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void programsFromTheGrammarGiveOnlyDiagnostics(
            @ForAll("grammarProgram") Tuple.Tuple2<String, List<ParamOverride>> program) {
        checkContract(program.get1(), program.get2());
    }

    // ---------------------------------------------------------------- (b) mutated real programs

    /** The example graphs of the repository, and a multi-book graph in the shape of docs/DESIGN.md §11. */
    private static final List<String> REAL_PROGRAMS = realPrograms();

    private static List<String> realPrograms() {
        List<String> programs = new ArrayList<>();
        try (var files = Files.list(Path.of("../examples"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".fg")).sorted().toList()) {
                programs.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the examples are read from ../examples", e);
        }
        if (programs.isEmpty()) {
            throw new IllegalStateException("no .fg files in ../examples");
        }
        programs.add("""
                input perp: Book
                input spot: Book
                clock every 100ms
                basis = mid(perp) / mid(spot) - 1
                alpha = zscore(basis, 600)
                vol   = volatility(mid(perp), 600)
                stop  = stop_loss(vol, change(mid(perp)), vol_threshold = 3, change_threshold = 8,
                                  baseline_vol = 0.0001, baseline_change_std = 0.0001)
                sink stateless_mm(alpha, vol, stop, book = perp, tick_size = 0.1, order_qty = 0.01,
                                  max_position = 0.1, half_spread = 0.0002, skew = 0.00005, c1 = 0.0001,
                                  power = 1.0, baseline_vol = 0.0001)
                """);
        return List.copyOf(programs);
    }

    private static final Pattern TOKENS =
            Pattern.compile("\\s+|[A-Za-z_][A-Za-z_0-9]*|[0-9._]+[a-z]*|[<>=!]=|.", Pattern.DOTALL);

    /** One edit at a fraction of the program's tokens: delete, insert, duplicate, swap, or replace a number. */
    record Mutation(int kind, double where, double other, String fragment) {}

    @Provide
    Arbitrary<Tuple.Tuple2<String, List<Mutation>>> mutatedProgram() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.of(NUMBERS),
                Arbitraries.of(DURATIONS),
                Arbitraries.of(FUNCTIONS),
                Arbitraries.of(NAMES),
                Arbitraries.of(
                        "(",
                        ")",
                        ",",
                        "=",
                        "\n",
                        ";",
                        "+",
                        "#",
                        "sink",
                        "param",
                        "input",
                        "output",
                        "clock every",
                        " book = perp",
                        "\"",
                        "\u00e9"));
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        fragments)
                .as(Mutation::new);
        return Combinators.combine(
                        Arbitraries.of(REAL_PROGRAMS),
                        mutation.list().ofMinSize(1).ofMaxSize(5))
                .as(Tuple::of);
    }

    static String mutate(String program, List<Mutation> mutations) {
        String text = program;
        for (Mutation m : mutations) {
            List<String> tokens = new ArrayList<>();
            Matcher matcher = TOKENS.matcher(text);
            while (matcher.find()) {
                tokens.add(matcher.group());
            }
            if (tokens.isEmpty()) {
                text = m.fragment();
                continue;
            }
            int t = Math.min(tokens.size() - 1, (int) (m.where() * tokens.size()));
            int u = Math.min(tokens.size() - 1, (int) (m.other() * tokens.size()));
            switch (m.kind()) {
                case 0 -> tokens.remove(t);
                case 1 -> tokens.add(t, m.fragment());
                case 2 -> tokens.add(t, tokens.get(t));
                case 3 -> {
                    String a = tokens.get(t);
                    tokens.set(t, tokens.get(u));
                    tokens.set(u, a);
                }
                default -> {
                    for (int i = 0; i < tokens.size(); i++) {
                        int k = (t + i) % tokens.size();
                        if (Character.isDigit(tokens.get(k).charAt(0))) {
                            tokens.set(k, m.fragment());
                            break;
                        }
                    }
                }
            }
            text = String.join("", tokens);
        }
        return text;
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void mutatedRealProgramsGiveOnlyDiagnostics(@ForAll("mutatedProgram") Tuple.Tuple2<String, List<Mutation>> input) {
        checkContract(mutate(input.get1(), input.get2()), List.of());
    }

    // ---------------------------------------------------------------- (c) deep nesting, (d) long files

    @Provide
    Arbitrary<String> deepProgram() {
        Arbitrary<String> wrapper = Arbitraries.of("(", "-", "not ", "abs(", "zscore(", "1 + ", "lag(");
        return Combinators.combine(wrapper, Arbitraries.integers().between(100, 4_000))
                .as((w, depth) -> {
                    StringBuilder text = new StringBuilder("x = ");
                    text.append(w.repeat(depth)).append("mid(book)");
                    String close =
                            switch (w) {
                                case "(", "abs(" -> ")";
                                case "zscore(" -> ", 10)";
                                case "lag(" -> ", 1)";
                                default -> "";
                            };
                    text.append(close.repeat(depth)).append('\n');
                    return text.toString();
                });
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void deepNestingGivesOnlyDiagnostics(@ForAll("deepProgram") String text) {
        checkContract(text, List.of());
    }

    @Provide
    Arbitrary<String> longProgram() {
        Arbitrary<String> line = Combinators.combine(
                        Arbitraries.of(
                                "zscore(%s, 600)",
                                "%s + 1",
                                "lag(%s, 3)",
                                "rolling_max(%s, 50)",
                                "ewm_mean(%s, 10)",
                                "abs(%s)",
                                "%s * %s",
                                "change(%s)"),
                        Arbitraries.of(0, 1, 7))
                .as((shape, back) -> shape + "|" + back);
        return Combinators.combine(
                        line.list().ofMinSize(500).ofMaxSize(3_000),
                        Arbitraries.integers().between(0, 9))
                .as((lines, seed) -> {
                    StringBuilder text = new StringBuilder("d0 = mid(book)\n");
                    for (int i = 1; i <= lines.size(); i++) {
                        String[] parts = lines.get(i - 1).split("\\|");
                        String used = "d" + Math.max(0, i - 1 - Integer.parseInt(parts[1]));
                        text.append('d')
                                .append(i)
                                .append(" = ")
                                .append(parts[0].replace("%s", used))
                                .append('\n');
                    }
                    if (seed == 0) {
                        text.append("d").append(lines.size() / 2).append(" = oops(\n");
                    }
                    return text.toString();
                });
    }

    @Property(tries = 8, shrinking = ShrinkingMode.OFF)
    void longFilesGiveOnlyDiagnostics(@ForAll("longProgram") String text) {
        checkContract(text, List.of());
    }
}
