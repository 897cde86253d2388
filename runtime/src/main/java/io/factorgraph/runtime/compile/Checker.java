package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.ast.Argument;
import io.factorgraph.dsl.ast.Binary;
import io.factorgraph.dsl.ast.BoolLiteral;
import io.factorgraph.dsl.ast.Call;
import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.DurationLiteral;
import io.factorgraph.dsl.ast.Expr;
import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.NameRef;
import io.factorgraph.dsl.ast.NumberLiteral;
import io.factorgraph.dsl.ast.SinkStatement;
import io.factorgraph.dsl.ast.Unary;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.diagnostic.Severity;
import io.factorgraph.dsl.parse.FgParser;
import io.factorgraph.dsl.parse.ParseResult;
import io.factorgraph.dsl.source.SourceText;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.registry.FunctionRegistry;
import io.factorgraph.runtime.registry.Suggestions;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.ConstantArguments;
import io.factorgraph.runtime.spi.ConstantKind;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.Range;
import io.factorgraph.runtime.spi.Signature;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

// Over 500 lines, for a reason: it is the type rules of the language, one method per kind of expression and
// statement, each short; split by kind they would have to share the symbol table, the folded constants and the
// diagnostic sink through a context object, and the rules would no longer read top to bottom in one place.
/**
 * Phase 3: gives every expression a type, folds constant arithmetic, applies {@code --param}
 * overrides, binds call arguments to signatures (positional, then named, then defaults) and checks
 * their types and ranges. Each problem is reported once, where it is; an expression that already
 * failed is {@link Typed#INVALID} and is not reported again by its users.
 */
public final class Checker {
    private final Resolution resolution;
    private final FunctionRegistry registry;
    private final DiagnosticSink sink;
    private final List<OverrideProblem> overrideProblems;
    private final Map<String, Typed> values = new HashMap<>();
    private final Map<String, Constant> params = new LinkedHashMap<>();
    private final Map<String, ParamOverride> appliedOverrides = new HashMap<>();
    private final ConstantFolder folder;
    /**
     * The "the signature is ..." note of each signature bound, made once: every call's binding needs it at
     * hand for its errors, and rendering it anew for each of 10,000 calls was a noticeable part of checking.
     */
    private final Map<Signature, Note> usages = new IdentityHashMap<>();

    private Checker(
            Resolution resolution,
            FunctionRegistry registry,
            DiagnosticSink sink,
            List<OverrideProblem> overrideProblems) {
        this.resolution = resolution;
        this.registry = registry;
        this.sink = sink;
        this.overrideProblems = overrideProblems;
        this.folder = new ConstantFolder(sink);
    }

    /**
     * @param overrideProblems receives the problems of {@code overrides}, which have no place in
     *     the file to point at
     */
    public static CheckedProgram check(
            Resolution resolution,
            FunctionRegistry registry,
            List<ParamOverride> overrides,
            DiagnosticSink sink,
            List<OverrideProblem> overrideProblems) {
        return new Checker(resolution, registry, sink, overrideProblems).run(overrides);
    }

    private CheckedProgram run(List<ParamOverride> overrides) {
        Map<String, ParamOverride> byName = overridesByName(overrides);
        for (Symbol symbol : resolution.symbols().values()) {
            if (symbol instanceof Symbol.Input input) {
                values.put(input.name(), new Typed.Stream(new StreamExpr.InputRef(input.name(), input.type())));
            }
        }
        Map<String, Typed> definitions = new LinkedHashMap<>();
        for (String name : resolution.evaluationOrder()) {
            switch (resolution.symbols().get(name)) {
                case Symbol.Param param -> checkParam(param, byName.get(name));
                case Symbol.Defined defined -> {
                    Typed typed = resolution.poisoned().contains(name)
                            ? Typed.INVALID
                            : type(defined.definition().value());
                    values.put(name, typed);
                    definitions.put(name, typed);
                }
                case Symbol.Input input -> {}
            }
        }
        List<CheckedProgram.NamedValue> outputs = new ArrayList<>();
        for (Identifier output : resolution.outputs()) {
            Typed typed = values.getOrDefault(output.text(), Typed.INVALID);
            if (!(typed instanceof Typed.Invalid)) {
                outputs.add(new CheckedProgram.NamedValue(output.text(), typed));
            }
        }
        List<CheckedProgram.SinkCall> sinkApply = checkSinks();
        OptionalLong clock =
                resolution.clock().map(c -> checkClock(c.interval())).orElse(OptionalLong.empty());
        return new CheckedProgram(resolution, params, definitions, outputs, sinkApply, clock);
    }

    // ---- params and overrides

    private Map<String, ParamOverride> overridesByName(List<ParamOverride> overrides) {
        Map<String, ParamOverride> byName = new LinkedHashMap<>();
        List<String> paramNames = resolution.symbols().values().stream()
                .filter(s -> s instanceof Symbol.Param)
                .map(Symbol::name)
                .toList();
        for (ParamOverride override : overrides) {
            Symbol symbol = resolution.symbols().get(override.name());
            if (symbol instanceof Symbol.Param) {
                byName.put(override.name(), override);
                continue;
            }
            String message = symbol == null
                    ? "no param named '" + override.name() + "' in "
                            + resolution.program().source().name()
                    : "'" + override.name() + "' is " + Resolver.article(symbol.kindName()) + ", not a param";
            Optional<String> suggestion = Suggestions.closest(override.name(), paramNames, false);
            String help = suggestion
                    .map(s -> "did you mean '" + s + "'?")
                    .orElse(
                            paramNames.isEmpty()
                                    ? "this file declares no params"
                                    : "the params are: " + String.join(", ", paramNames));
            overrideProblems.add(new OverrideProblem(override, message, Optional.of(help)));
        }
        return byName;
    }

    private void checkParam(Symbol.Param param, ParamOverride override) {
        String name = param.name();
        if (resolution.poisoned().contains(name)) {
            values.put(name, Typed.INVALID);
            return;
        }
        Typed declared = type(param.statement().value());
        if (!(declared instanceof Typed.Const(Constant declaredValue))) {
            values.put(name, Typed.INVALID);
            return;
        }
        Constant value = declaredValue;
        if (override != null) {
            Optional<Constant> overridden = parseOverride(override, declaredValue, param);
            if (overridden.isPresent()) {
                value = overridden.get();
                appliedOverrides.put(name, override);
            }
        }
        params.put(name, value);
        values.put(name, new Typed.Const(value));
    }

    private Optional<Constant> parseOverride(ParamOverride override, Constant declared, Symbol.Param param) {
        String expected = "a " + declared.kindName() + " like " + declared + ", as '" + param.name()
                + "' is declared at " + param.span().position();
        ParseResult parsed = FgParser.parse(SourceText.of("--param " + override.name(), "value = " + override.value()));
        if (parsed.hasErrors()
                || parsed.program().statements().size() != 1
                || !(parsed.program().statements().getFirst() instanceof Definition definition)) {
            overrideProblems.add(new OverrideProblem(
                    override, "'" + override.value() + "' is not a constant", Optional.of("expected " + expected)));
            return Optional.empty();
        }
        if (!Expressions.names(definition.value()).isEmpty()
                || !Expressions.calls(definition.value()).isEmpty()) {
            overrideProblems.add(new OverrideProblem(
                    override, "'" + override.value() + "' is not a literal", Optional.of("expected " + expected)));
            return Optional.empty();
        }
        DiagnosticSink scratch = new DiagnosticSink();
        Typed typed = new Checker(resolution, registry, scratch, overrideProblems).type(definition.value());
        if (!(typed instanceof Typed.Const(Constant value)) || scratch.hasErrors()) {
            overrideProblems.add(new OverrideProblem(
                    override, "'" + override.value() + "' is not a constant", Optional.of("expected " + expected)));
            return Optional.empty();
        }
        if (!value.kindName().equals(declared.kindName()) && !windowSwitch(declared, value, param.name())) {
            overrideProblems.add(new OverrideProblem(
                    override,
                    "param '" + param.name() + "' is a " + declared.kindName() + ", but '" + override.value()
                            + "' is a " + value.kindName(),
                    Optional.of("expected " + expected)));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * Whether a count may be overridden by a duration or the reverse ({@code --param window=60s} for
     * {@code param window = 600}): only for a param whose every use is directly a window or half-life argument
     * (docs/DESIGN.md §11), where both forms mean something; anywhere else the kinds must match.
     */
    private boolean windowSwitch(Constant declared, Constant value, String name) {
        boolean countOrDuration = (declared instanceof Constant.Number || declared instanceof Constant.Duration)
                && (value instanceof Constant.Number || value instanceof Constant.Duration);
        return countOrDuration && usedOnlyAsWindow(name);
    }

    private boolean usedOnlyAsWindow(String name) {
        int uses = 0;
        int windowUses = 0;
        for (var statement : resolution.program().statements()) {
            if (statement instanceof io.factorgraph.dsl.ast.OutputStatement output
                    && output.names().stream().anyMatch(n -> n.text().equals(name))) {
                return false;
            }
            Expr expr =
                    switch (statement) {
                        case io.factorgraph.dsl.ast.ParamStatement p -> p.value();
                        case Definition d -> d.value();
                        case SinkStatement k -> k.call();
                        case io.factorgraph.dsl.ast.ClockStatement c -> c.interval();
                        default -> null;
                    };
            if (expr == null) {
                continue;
            }
            uses += (int) Expressions.names(expr).stream()
                    .filter(n -> n.name().equals(name))
                    .count();
            for (Call call : Expressions.calls(expr)) {
                windowUses += windowArguments(call, name);
            }
        }
        return uses > 0 && uses == windowUses;
    }

    /** How many arguments of {@code call} are the bare name {@code name} given to a window or half-life parameter. */
    private int windowArguments(Call call, String name) {
        Optional<FunctionDefinition> function = registry.find(call.function().text());
        if (function.isEmpty()) {
            return 0;
        }
        Signature signature = function.get().signature();
        int count = 0;
        for (int i = 0; i < call.arguments().size(); i++) {
            Argument argument = call.arguments().get(i);
            if (!(argument.value() instanceof NameRef ref && ref.name().equals(name))) {
                continue;
            }
            Optional<Parameter> parameter = argument.name().isPresent()
                    ? signature.parameter(argument.name().get().text())
                    : i < signature.parameters().size()
                            ? Optional.of(signature.parameters().get(i))
                            : Optional.empty();
            if (parameter.orElse(null) instanceof Parameter.Const c
                    && (c.kind() == ConstantKind.WINDOW || c.kind() == ConstantKind.NUMBER_OR_DURATION)) {
                count++;
            }
        }
        return count;
    }

    // ---- expressions

    Typed type(Expr expr) {
        return switch (expr) {
            case NumberLiteral number -> new Typed.Const(Constant.number(number.value()));
            case DurationLiteral duration -> new Typed.Const(Constant.duration(duration.nanos()));
            case BoolLiteral bool -> new Typed.Const(Constant.bool(bool.value()));
            case NameRef name -> values.getOrDefault(name.name(), Typed.INVALID);
            case Unary unary -> unary(unary);
            case Binary binary -> binary(binary);
            case Call call -> call(call);
        };
    }

    private Typed unary(Unary unary) {
        Typed operand = type(unary.operand());
        return switch (operand) {
            case Typed.Invalid invalid -> invalid;
            case Typed.Const(Constant value) -> folder.unary(unary, value);
            case Typed.Stream stream ->
                applyOperator(
                        unary.operator().functionName(),
                        unary.operator().symbol(),
                        List.of(operand),
                        List.of(unary.operand().span()),
                        unary.span());
        };
    }

    private Typed binary(Binary binary) {
        Typed left = type(binary.left());
        Typed right = type(binary.right());
        if (left instanceof Typed.Invalid || right instanceof Typed.Invalid) {
            return Typed.INVALID;
        }
        if (left instanceof Typed.Const(Constant a) && right instanceof Typed.Const(Constant b)) {
            return folder.binary(binary, a, b);
        }
        return applyOperator(
                binary.operator().functionName(),
                binary.operator().symbol(),
                List.of(left, right),
                List.of(binary.left().span(), binary.right().span()),
                binary.operatorSpan());
    }

    /** An operator on at least one stream is a call of its library function. */
    private Typed applyOperator(String functionName, String symbol, List<Typed> operands, List<Span> spans, Span at) {
        Optional<NodeFunction> function = registry.find(functionName)
                .filter(f -> f instanceof NodeFunction)
                .map(f -> (NodeFunction) f);
        if (function.isEmpty()) {
            return error(
                    at,
                    "operator '" + symbol + "' needs the library function '" + functionName
                            + "', which is not on the class path",
                    Note.help("add the factorgraph nodes-std library"));
        }
        Signature signature = function.get().signature();
        List<Parameter> parameters = signature.parameters();
        List<StreamExpr> streams = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < operands.size() && i < parameters.size(); i++) {
            ValueType expected = ((Parameter.Stream) parameters.get(i)).type();
            Optional<StreamExpr> stream = asStream(operands.get(i), expected);
            if (stream.isEmpty()) {
                String side = operands.size() == 1 ? "its operand" : i == 0 ? "the left operand" : "the right operand";
                error(
                        spans.get(i),
                        "operator '" + symbol + "' expects " + expected.displayName() + " operands, but " + side
                                + " is " + operands.get(i).describe());
                failed = true;
            } else {
                streams.add(stream.get());
            }
        }
        if (failed) {
            return Typed.INVALID;
        }
        return new Typed.Stream(new StreamExpr.Apply(
                function.get(), streams, Map.of(), signature.returns().orElseThrow(), at, Map.of()));
    }

    private Optional<StreamExpr> asStream(Typed typed, ValueType expected) {
        return switch (typed) {
            case Typed.Stream(StreamExpr expr) -> expr.type() == expected ? Optional.of(expr) : Optional.empty();
            case Typed.Const(Constant.Number number)
            when expected == ValueType.DOUBLE -> Optional.of(new StreamExpr.ConstantStream(number, ValueType.DOUBLE));
            case Typed.Const(Constant.Bool bool)
            when expected == ValueType.BOOL -> Optional.of(new StreamExpr.ConstantStream(bool, ValueType.BOOL));
            default -> Optional.empty();
        };
    }

    private Typed call(Call call) {
        Optional<FunctionDefinition> function = registry.find(call.function().text());
        if (function.isEmpty()) {
            return Typed.INVALID;
        }
        return switch (function.get()) {
            case SinkFunction sinkFunction ->
                error(
                        call.function().span(),
                        "'" + sinkFunction.signature().name()
                                + "' is a sink and gives no stream to use in an expression",
                        Note.help("bind it as the graph's terminal consumer: sink "
                                + sinkFunction.signature().name() + "(...)"));
            case NodeFunction node ->
                bind(node, call)
                        .<Typed>map(b -> new Typed.Stream(new StreamExpr.Apply(
                                node,
                                b.streams(),
                                b.constants(),
                                node.signature().returns().orElseThrow(),
                                call.span(),
                                b.spans())))
                        .orElse(Typed.INVALID);
        };
    }

    /** Every sink, each trading its own book: two sinks on one book would both work its orders. */
    private List<CheckedProgram.SinkCall> checkSinks() {
        List<CheckedProgram.SinkCall> sinks = new ArrayList<>();
        Map<String, CheckedProgram.SinkCall> byBook = new HashMap<>();
        for (SinkStatement statement : resolution.sinks()) {
            Optional<CheckedProgram.SinkCall> checked = checkSink(statement.call());
            if (checked.isEmpty()) {
                continue;
            }
            CheckedProgram.SinkCall call = checked.get();
            Optional<String> book = call.tradedBook();
            CheckedProgram.SinkCall first = book.map(byBook::get).orElse(null);
            if (first != null) {
                error(
                        call.span(),
                        "two sinks trade the book '" + book.get() + "'",
                        Note.note("the first sink trading it is here", first.span()),
                        Note.help("a graph has one sink per traded instrument; give this sink another book with "
                                + "`book = NAME`, or merge the two strategies into one"));
                continue;
            }
            book.ifPresent(b -> byBook.put(b, call));
            sinks.add(call);
        }
        return sinks;
    }

    private Optional<CheckedProgram.SinkCall> checkSink(Call call) {
        Optional<FunctionDefinition> function = registry.find(call.function().text());
        if (function.isEmpty()) {
            return Optional.empty();
        }
        return switch (function.get()) {
            case NodeFunction node -> {
                error(
                        call.function().span(),
                        "'" + node.signature().name() + "' is not a sink",
                        Note.help("a sink consumes the graph's streams and gives none, e.g. stateless_mm(...); "
                                + "define '" + node.signature().name() + "' as NAME = "
                                + node.signature().name() + "(...) instead"));
                yield Optional.empty();
            }
            case SinkFunction sinkFunction ->
                bind(sinkFunction, call)
                        .map(b -> new CheckedProgram.SinkCall(
                                sinkFunction, b.streams(), b.constants(), call.span(), b.spans()));
        };
    }

    /**
     * The book a sink trades when its call leaves the argument out: the graph's only book. The books are
     * the file's {@code Book} inputs, or the predeclared {@code book} when it declares none.
     */
    private Optional<StreamExpr> tradedBookByDefault(
            Signature signature, Parameter.Stream parameter, Span at, Note usage) {
        List<Symbol.Input> books = resolution.symbols().values().stream()
                .filter(s -> s instanceof Symbol.Input input && input.type() == ValueType.BOOK)
                .map(s -> (Symbol.Input) s)
                .toList();
        List<Symbol.Input> declared =
                books.stream().filter(b -> !b.predeclared()).toList();
        List<Symbol.Input> candidates = declared.isEmpty() ? books : declared;
        if (candidates.size() == 1) {
            return Optional.of(new StreamExpr.InputRef(candidates.getFirst().name(), ValueType.BOOK));
        }
        if (candidates.isEmpty()) {
            error(
                    at,
                    "sink '" + signature.name() + "' trades a book, but the graph has none",
                    Note.help("declare one with `input book: Book`"),
                    usage);
        } else {
            String names =
                    String.join(", ", candidates.stream().map(Symbol::name).toList());
            error(
                    at,
                    "sink '" + signature.name() + "' must name the book it trades: the graph reads " + candidates.size()
                            + " books (" + names + ")",
                    Note.help("pass it as " + parameter.name() + " = "
                            + candidates.getFirst().name()),
                    usage);
        }
        return Optional.empty();
    }

    private OptionalLong checkClock(Expr interval) {
        Typed typed = type(interval);
        if (typed instanceof Typed.Invalid) {
            return OptionalLong.empty();
        }
        if (typed instanceof Typed.Const(Constant.Duration(long nanos))) {
            if (nanos <= 0) {
                error(interval.span(), "the clock interval must be positive, found " + Constant.formatNanos(nanos));
                return OptionalLong.empty();
            }
            Optional<String> tooFine = ClockInterval.problem(nanos);
            if (tooFine.isPresent()) {
                error(interval.span(), tooFine.get(), Note.help(ClockInterval.HELP));
                return OptionalLong.empty();
            }
            return OptionalLong.of(nanos);
        }
        error(
                interval.span(),
                "clock every expects a duration, found " + typed.describe(),
                Note.help("write a duration such as 100ms, 1s or 5m"));
        return OptionalLong.empty();
    }

    // ---- argument binding

    private record BoundArgument(Typed value, Expr expr, Span span) {}

    /** A call's arguments bound to its signature: streams in the order of its stream parameters, constants by name. */
    private record BoundCall(List<StreamExpr> streams, Map<String, Constant> constants, Map<String, Span> spans) {}

    private Optional<BoundCall> bind(FunctionDefinition function, Call call) {
        Signature signature = function.signature();
        Note usage = usages.computeIfAbsent(signature, g -> Note.help("the signature is " + g.render()));
        Map<String, BoundArgument> bound = new LinkedHashMap<>();
        boolean failed = false;
        boolean seenNamed = false;
        int position = 0;
        for (Argument argument : call.arguments()) {
            Parameter parameter;
            if (argument.name().isPresent()) {
                seenNamed = true;
                Identifier name = argument.name().get();
                Optional<Parameter> found = signature.parameter(name.text());
                if (found.isEmpty()) {
                    Optional<String> suggestion = Suggestions.closest(
                            name.text(),
                            signature.parameters().stream().map(Parameter::name).toList(),
                            false);
                    error(
                            name.span(),
                            "'" + signature.name() + "' has no parameter '" + name.text() + "'",
                            suggestion
                                    .map(s -> Note.help("did you mean '" + s + "'?"))
                                    .orElse(usage),
                            usage);
                    failed = true;
                    type(argument.value());
                    continue;
                }
                parameter = found.get();
            } else {
                if (seenNamed) {
                    error(
                            argument.span(),
                            "positional argument after named arguments",
                            Note.help("write positional arguments first, e.g. f(a, b, name = c)"),
                            usage);
                    failed = true;
                    continue;
                }
                if (position >= signature.parameters().size()) {
                    error(
                            argument.span(),
                            "too many arguments: '" + signature.name() + "' takes "
                                    + signature.parameters().size() + ", found "
                                    + call.arguments().size(),
                            usage);
                    failed = true;
                    break;
                }
                parameter = signature.parameters().get(position++);
            }
            BoundArgument previous = bound.get(parameter.name());
            if (previous != null) {
                error(
                        argument.span(),
                        "argument '" + parameter.name() + "' is given twice",
                        Note.note("first given here", previous.span()),
                        usage);
                failed = true;
                continue;
            }
            bound.put(parameter.name(), new BoundArgument(type(argument.value()), argument.value(), argument.span()));
        }
        if (failed) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        List<StreamExpr> streams = new ArrayList<>();
        Map<String, Constant> constants = new LinkedHashMap<>();
        Map<String, Span> spans = new HashMap<>();
        for (Parameter parameter : signature.parameters()) {
            BoundArgument argument = bound.get(parameter.name());
            if (argument == null) {
                if (parameter instanceof Parameter.Const c && c.defaultValue().isPresent()) {
                    constants.put(c.name(), c.defaultValue().get());
                } else if (function instanceof SinkFunction sinkFunction
                        && parameter instanceof Parameter.Stream s
                        && sinkFunction
                                .declaration()
                                .tradedBook()
                                .filter(b -> b.name().equals(s.name()))
                                .isPresent()) {
                    // `sink stateless_mm(alpha, vol, stop, ...)` trades the graph's only book.
                    Optional<StreamExpr> book = tradedBookByDefault(signature, s, call.span(), usage);
                    if (book.isPresent()) {
                        streams.add(book.get());
                    } else {
                        failed = true;
                    }
                } else {
                    missing.add(parameter.name());
                }
                continue;
            }
            spans.put(parameter.name(), argument.span());
            if (argument.value() instanceof Typed.Invalid) {
                failed = true;
                continue;
            }
            switch (parameter) {
                case Parameter.Stream stream -> {
                    Optional<StreamExpr> expr = asStream(argument.value(), stream.type());
                    if (expr.isPresent()) {
                        streams.add(expr.get());
                    } else {
                        error(
                                argument.span(),
                                "argument '" + stream.name() + "' of '" + signature.name()
                                        + "' must be a " + stream.type().displayName() + " stream, found "
                                        + argument.value().describe(),
                                usage);
                        failed = true;
                    }
                }
                case Parameter.Const constant -> {
                    Optional<Constant> value = checkConstantArgument(signature, constant, argument, usage);
                    if (value.isPresent()) {
                        constants.put(constant.name(), value.get());
                    } else {
                        failed = true;
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            error(
                    call.span(),
                    (missing.size() == 1 ? "missing argument '" : "missing arguments '") + String.join("', '", missing)
                            + "' in call to '" + signature.name() + "'",
                    usage);
            return Optional.empty();
        }
        if (failed) {
            return Optional.empty();
        }
        int before = sink.diagnostics().size();
        try {
            function.validate(
                    new ConstantArguments(constants),
                    (parameter, message, help) ->
                            error(spans.getOrDefault(parameter, call.span()), message, Note.help(help)));
        } catch (RuntimeException e) {
            error(
                    call.span(),
                    "function '" + signature.name() + "' failed to check its arguments: " + e,
                    Note.help("this is a bug in the library that defines '" + signature.name() + "'"));
        }
        if (sink.diagnostics().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new BoundCall(streams, constants, spans));
    }

    private Optional<Constant> checkConstantArgument(
            Signature signature, Parameter.Const parameter, BoundArgument argument, Note usage) {
        String what = "argument '" + parameter.name() + "' of '" + signature.name() + "'";
        if (!(argument.value() instanceof Typed.Const(Constant value))) {
            error(
                    argument.span(),
                    what + " must be a constant (a literal, a param, or arithmetic of them), found "
                            + argument.value().describe(),
                    usage);
            return Optional.empty();
        }
        List<Note> notes = new ArrayList<>();
        provenance(argument.expr()).ifPresent(notes::add);
        notes.add(usage);
        boolean kindMatches =
                switch (parameter.kind()) {
                    case NUMBER, INTEGER -> value instanceof Constant.Number;
                    case DURATION -> value instanceof Constant.Duration;
                    case BOOL -> value instanceof Constant.Bool;
                    case WINDOW, NUMBER_OR_DURATION ->
                        value instanceof Constant.Number || value instanceof Constant.Duration;
                };
        if (!kindMatches) {
            report(
                    argument.span(),
                    what + " must be " + expectedForm(parameter) + ", found "
                            + argument.value().describe(),
                    notes);
            return Optional.empty();
        }
        if (value instanceof Constant.Duration(long nanos)
                && (parameter.kind() == ConstantKind.WINDOW || parameter.kind() == ConstantKind.NUMBER_OR_DURATION)
                && nanos <= 0) {
            report(argument.span(), what + " must be " + expectedForm(parameter) + ", found " + value, notes);
            return Optional.empty();
        }
        if (value instanceof Constant.Number(double number)) {
            if ((parameter.kind() == ConstantKind.INTEGER || parameter.kind() == ConstantKind.WINDOW)
                    && (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE)) {
                report(
                        argument.span(),
                        what + " must be "
                                + (parameter.kind() == ConstantKind.WINDOW ? expectedForm(parameter) : "a whole number")
                                + ", found " + value,
                        notes);
                return Optional.empty();
            }
            if ((parameter.kind() == ConstantKind.WINDOW || parameter.kind() == ConstantKind.NUMBER_OR_DURATION)
                    && !parameter.range().contains(number)) {
                report(argument.span(), what + " must be " + expectedForm(parameter) + ", found " + value, notes);
                return Optional.empty();
            }
            if (!parameter.range().contains(number)) {
                report(argument.span(), what + " must be " + parameter.range().describe() + ", found " + value, notes);
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

    /**
     * What an argument of this kind must be, as a message says it: {@code a number}, or for a window
     * {@code a whole number of ticks >= 1 or a positive duration (e.g. 600 or 60s)}.
     */
    private static String expectedForm(Parameter.Const parameter) {
        String range = parameter.range().equals(Range.ANY)
                ? ""
                : " " + parameter.range().describe();
        return switch (parameter.kind()) {
            case WINDOW -> "a whole number of ticks" + range + " or a positive duration (e.g. 600 or 60s)";
            case NUMBER_OR_DURATION -> "a number" + range + " or a positive duration (e.g. 20 or 5s)";
            default -> Resolver.article(parameter.kind().displayName());
        };
    }

    /** When an argument is a param, say where its value came from. */
    private Optional<Note> provenance(Expr expr) {
        if (expr instanceof NameRef name && resolution.symbols().get(name.name()) instanceof Symbol.Param param) {
            ParamOverride override = appliedOverrides.get(name.name());
            if (override != null) {
                return Optional.of(Note.note("'" + name.name() + "' was set by --param " + override));
            }
            return Optional.of(Note.note("'" + name.name() + "' is declared here", param.span()));
        }
        return Optional.empty();
    }

    private Typed error(Span span, String message, Note... notes) {
        sink.report(Diagnostic.error(span, message, notes));
        return Typed.INVALID;
    }

    private void report(Span span, String message, List<Note> notes) {
        sink.report(new Diagnostic(Severity.ERROR, span, message, notes));
    }
}
