package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.ast.Call;
import io.factorgraph.dsl.ast.ClockStatement;
import io.factorgraph.dsl.ast.Definition;
import io.factorgraph.dsl.ast.Expr;
import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.InputStatement;
import io.factorgraph.dsl.ast.InvalidStatement;
import io.factorgraph.dsl.ast.NameRef;
import io.factorgraph.dsl.ast.OutputStatement;
import io.factorgraph.dsl.ast.ParamStatement;
import io.factorgraph.dsl.ast.Program;
import io.factorgraph.dsl.ast.SinkStatement;
import io.factorgraph.dsl.ast.Statement;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.registry.FunctionRegistry;
import io.factorgraph.runtime.registry.Suggestions;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Phase 2: binds every name to its declaration. Reports duplicate, unknown and misplaced names
 * (with "did you mean"), unknown functions, and cycles as their path, and orders params and
 * definitions so that each comes after what it uses.
 */
public final class Resolver {
    private static final Map<String, ValueType> INPUT_TYPES =
            Map.of("Book", ValueType.BOOK, "double", ValueType.DOUBLE);

    private final FunctionRegistry registry;
    private final DiagnosticSink sink;
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Set<String> poisoned = new HashSet<>();
    /** The file's own {@code Book} inputs; {@code book} is predeclared only when there are none. */
    private List<String> declaredBooks = List.of();

    private Resolver(FunctionRegistry registry, DiagnosticSink sink) {
        this.registry = registry;
        this.sink = sink;
    }

    public static Resolution resolve(Program program, FunctionRegistry registry, DiagnosticSink sink) {
        return new Resolver(registry, sink).run(program);
    }

    private Resolution run(Program program) {
        List<Identifier> outputs = new ArrayList<>();
        boolean explicitOutputs = false;
        List<SinkStatement> sinkStatements = new ArrayList<>();
        ClockStatement clock = null;
        for (Statement statement : program.statements()) {
            switch (statement) {
                case ParamStatement param -> declare(new Symbol.Param(param));
                case InputStatement input -> declareInput(input);
                case Definition definition -> declare(new Symbol.Defined(definition));
                case InvalidStatement invalid -> invalid.definedName().ifPresent(name -> poisoned.add(name.text()));
                case OutputStatement output -> {
                    explicitOutputs = true;
                    outputs.addAll(output.names());
                }
                case SinkStatement s -> sinkStatements.add(s);
                case ClockStatement c -> {
                    if (clock != null) {
                        sink.report(Diagnostic.error(
                                c.span(),
                                "a graph has at most one clock",
                                Note.note("the first clock is here", clock.span())));
                    } else {
                        clock = c;
                    }
                }
            }
        }
        declaredBooks = symbols.values().stream()
                .filter(s -> s instanceof Symbol.Input input && input.type() == ValueType.BOOK)
                .map(Symbol::name)
                .toList();
        if (declaredBooks.isEmpty() && !symbols.containsKey("book") && !poisoned.contains("book")) {
            symbols.put("book", new Symbol.Input("book", ValueType.BOOK, new Span(0, 0, 1, 1), true));
        }

        Map<String, List<NameRef>> uses = new LinkedHashMap<>();
        for (Symbol symbol : symbols.values()) {
            switch (symbol) {
                case Symbol.Param param -> uses.put(param.name(), checkParamValue(param));
                case Symbol.Defined defined ->
                    uses.put(
                            defined.name(), checkExpression(defined.definition().value()));
                case Symbol.Input input -> {}
            }
        }
        for (SinkStatement s : sinkStatements) {
            checkExpression(s.call());
        }
        if (clock != null) {
            checkExpression(clock.interval());
        }

        List<String> order = evaluationOrder(uses);
        List<Identifier> resolvedOutputs = explicitOutputs ? checkOutputs(outputs) : implicitOutputs();
        return new Resolution(
                program,
                symbols,
                order,
                resolvedOutputs,
                explicitOutputs,
                sinkStatements,
                Optional.ofNullable(clock),
                poisoned);
    }

    private void declare(Symbol symbol) {
        Symbol previous = symbols.get(symbol.name());
        if (previous != null) {
            sink.report(Diagnostic.error(
                    symbol.span(),
                    "'" + symbol.name() + "' is defined twice",
                    Note.note("first defined here as " + article(previous.kindName()), previous.span()),
                    Note.help("rename one of them; a name may be defined once")));
            poisoned.add(symbol.name());
            return;
        }
        symbols.put(symbol.name(), symbol);
    }

    private void declareInput(InputStatement input) {
        ValueType type = INPUT_TYPES.get(input.type().text());
        if (type == null) {
            Optional<String> suggestion = Suggestions.closest(input.type().text(), INPUT_TYPES.keySet(), true);
            sink.report(Diagnostic.error(
                    input.type().span(),
                    "unknown input type '" + input.type().text() + "'",
                    Note.help(suggestion.map(s -> "did you mean '" + s + "'? ").orElse("")
                            + "an input is a Book (an order book) or a double (a scalar stream the host feeds)")));
            poisoned.add(input.name().text());
            return;
        }
        declare(new Symbol.Input(input.name().text(), type, input.name().span(), false));
    }

    /** A param's value must be constant: only literals and other params. */
    private List<NameRef> checkParamValue(Symbol.Param param) {
        List<NameRef> names = checkExpression(param.statement().value());
        List<NameRef> params = new ArrayList<>();
        for (NameRef name : names) {
            Symbol used = symbols.get(name.name());
            if (used == null || used instanceof Symbol.Param) {
                params.add(name);
            } else {
                sink.report(Diagnostic.error(
                        name.span(),
                        "param '" + param.name() + "' must be a constant, but '" + name.name() + "' is "
                                + article(used.kindName()) + " (a stream)",
                        Note.help("a param is a literal, another param, or arithmetic of them; "
                                + "define a stream with NAME = EXPR instead")));
                poisoned.add(param.name());
            }
        }
        for (Call call : Expressions.calls(param.statement().value())) {
            sink.report(Diagnostic.error(
                    call.span(),
                    "param '" + param.name() + "' must be a constant, but it calls '"
                            + call.function().text() + "'",
                    Note.help("a param is a literal, another param, or arithmetic of them; "
                            + "define a stream with NAME = EXPR instead")));
            poisoned.add(param.name());
        }
        return params;
    }

    /** Reports unknown names and functions; returns the names it uses that are declared. */
    private List<NameRef> checkExpression(Expr expr) {
        List<NameRef> known = new ArrayList<>();
        for (NameRef name : Expressions.names(expr)) {
            if (symbols.containsKey(name.name())) {
                known.add(name);
            } else if (!poisoned.contains(name.name())) {
                reportUnknownName(name);
            }
        }
        for (Call call : Expressions.calls(expr)) {
            if (registry.find(call.function().text()).isEmpty()) {
                reportUnknownFunction(call);
            }
        }
        return known;
    }

    private void reportUnknownName(NameRef name) {
        List<Note> notes = new ArrayList<>();
        Optional<FunctionDefinition> function = registry.find(name.name());
        if (name.name().equals("book") && !declaredBooks.isEmpty()) {
            sink.report(new Diagnostic(
                    io.factorgraph.dsl.diagnostic.Severity.ERROR,
                    name.span(),
                    "'book' is not declared: this file declares its own books (" + String.join(", ", declaredBooks)
                            + ")",
                    List.of(Note.help("`book` is predeclared only in a file that declares no Book input; use "
                            + (declaredBooks.size() == 1
                                    ? "'" + declaredBooks.getFirst() + "'"
                                    : "one of " + String.join(", ", declaredBooks))
                            + ", or declare `input book: Book`"))));
            return;
        }
        if (function.isPresent()) {
            notes.add(Note.help("'" + name.name() + "' is a function; call it: "
                    + function.get().signature().render()));
        } else {
            Suggestions.closest(name.name(), symbols.keySet(), false)
                    .ifPresent(s -> notes.add(Note.help("did you mean '" + s + "'?")));
        }
        sink.report(new Diagnostic(
                io.factorgraph.dsl.diagnostic.Severity.ERROR,
                name.span(),
                "unknown name '" + name.name() + "'",
                notes));
    }

    private void reportUnknownFunction(Call call) {
        String typed = call.function().text();
        List<Note> notes = new ArrayList<>();
        List<String> names =
                registry.functions().stream().map(f -> f.signature().name()).toList();
        Optional<String> suggestion = Suggestions.closest(typed, names, true);
        suggestion.ifPresent(s -> notes.add(Note.help("did you mean '" + s + "'? "
                + registry.find(s).orElseThrow().signature().render())));
        Symbol symbol = symbols.get(typed);
        if (symbol != null) {
            notes.add(
                    Note.note("'" + typed + "' is " + article(symbol.kindName()) + ", not a function", symbol.span()));
        }
        if (suggestion.isEmpty()) {
            notes.add(Note.help("`fg functions` lists the functions on the class path"));
        }
        sink.report(new Diagnostic(
                io.factorgraph.dsl.diagnostic.Severity.ERROR,
                call.function().span(),
                "unknown function '" + typed + "'",
                notes));
    }

    /**
     * Params and definitions, each after what it uses, ties in source order; a cycle is reported and its
     * names poisoned. Without a cycle, which is the rule, the order comes from {@link #acyclicOrder} over
     * arrays; only a file with a cycle builds the JGraphT graph that finds and reports it.
     */
    private List<String> evaluationOrder(Map<String, List<NameRef>> uses) {
        Optional<List<String>> acyclic = acyclicOrder(uses);
        return acyclic.isPresent() ? acyclic.get() : evaluationOrderWithCycles(uses);
    }

    /**
     * The order when the names have no cycle, empty when they have one: a topological sort that always
     * takes the ready name first in source order, which is the order JGraphT's {@code TopologicalOrderIterator}
     * with the source-order comparator gives (that order is unique: at each step the smallest ready name).
     * Its graph of strings, hashed at every step, and the strongly connected components looked for first,
     * were a large part of resolving a 10,000-statement file.
     */
    private static Optional<List<String>> acyclicOrder(Map<String, List<NameRef>> uses) {
        int count = uses.size();
        Map<String, Integer> index = new HashMap<>(count * 2);
        List<String> names = new ArrayList<>(count);
        for (String name : uses.keySet()) {
            index.put(name, names.size());
            names.add(name);
        }
        // users[used] lists who uses it, once each; waiting[user] counts the distinct names it still waits for.
        int[][] users = new int[count][];
        int[] userCount = new int[count];
        int[] waiting = new int[count];
        int[] lastUser = new int[count];
        Arrays.fill(lastUser, -1);
        int user = 0;
        for (List<NameRef> used : uses.values()) {
            for (NameRef use : used) {
                Integer from = index.get(use.name());
                if (from == null || lastUser[from] == user) {
                    continue;
                }
                lastUser[from] = user;
                if (users[from] == null) {
                    users[from] = new int[2];
                } else if (userCount[from] == users[from].length) {
                    users[from] = Arrays.copyOf(users[from], userCount[from] * 2);
                }
                users[from][userCount[from]++] = user;
                waiting[user]++;
            }
            user++;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < count; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<String> order = new ArrayList<>(count);
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order.add(names.get(next));
            for (int k = 0; k < userCount[next]; k++) {
                if (--waiting[users[next][k]] == 0) {
                    ready.add(users[next][k]);
                }
            }
        }
        return order.size() == count ? Optional.of(order) : Optional.empty();
    }

    private List<String> evaluationOrderWithCycles(Map<String, List<NameRef>> uses) {
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        uses.keySet().forEach(graph::addVertex);
        Map<String, Map<String, NameRef>> firstUse = new HashMap<>();
        for (Map.Entry<String, List<NameRef>> entry : uses.entrySet()) {
            for (NameRef use : entry.getValue()) {
                if (uses.containsKey(use.name())) {
                    firstUse.computeIfAbsent(entry.getKey(), k -> new HashMap<>())
                            .putIfAbsent(use.name(), use);
                    if (!graph.containsEdge(use.name(), entry.getKey())) {
                        graph.addEdge(use.name(), entry.getKey());
                    }
                }
            }
        }
        Map<String, Integer> sourceOrder = new HashMap<>();
        for (String name : uses.keySet()) {
            sourceOrder.put(name, sourceOrder.size());
        }
        Comparator<String> bySource = Comparator.comparingInt(sourceOrder::get);
        for (Set<String> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
            String first = component.stream().min(bySource).orElseThrow();
            boolean selfLoop = component.size() == 1 && graph.containsEdge(first, first);
            if (component.size() > 1 || selfLoop) {
                reportCycle(graph, component, first, firstUse, bySource);
                poisoned.addAll(component);
                component.forEach(graph::removeVertex);
            }
        }
        List<String> order = new ArrayList<>();
        new TopologicalOrderIterator<>(graph, bySource).forEachRemaining(order::add);
        return order;
    }

    /** Reports the cycle through {@code first} as its path, each step at the use that makes it. */
    private void reportCycle(
            Graph<String, DefaultEdge> graph,
            Set<String> component,
            String first,
            Map<String, Map<String, NameRef>> firstUse,
            Comparator<String> bySource) {
        Graph<String, DefaultEdge> within = new AsSubgraph<>(graph, component);
        List<String> path = new ArrayList<>();
        path.add(first);
        if (!within.containsEdge(first, first)) {
            // Edges run from a used name to its user; walk "uses" backwards: first uses x uses ... uses first.
            GraphPath<String, DefaultEdge> back = null;
            List<String> usedByFirst = within.incomingEdgesOf(first).stream()
                    .map(within::getEdgeSource)
                    .sorted(Comparator.comparingInt(
                            (String u) -> firstUse.get(first).get(u).span().offset()))
                    .toList();
            for (String used : usedByFirst) {
                back = BFSShortestPath.findPathBetween(within, first, used);
                if (back != null) {
                    break;
                }
            }
            List<String> forward = new ArrayList<>(back.getVertexList());
            java.util.Collections.reverse(forward);
            path.addAll(forward);
        } else {
            path.add(first);
        }
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            String user = path.get(i);
            String used = path.get(i + 1);
            notes.add(Note.note(
                    "'" + user + "' uses '" + used + "' here",
                    firstUse.get(user).get(used).span()));
        }
        Symbol start = symbols.get(first);
        sink.report(new Diagnostic(
                io.factorgraph.dsl.diagnostic.Severity.ERROR,
                start.span(),
                "cycle: " + String.join(" -> ", path),
                notes));
    }

    private List<Identifier> checkOutputs(List<Identifier> outputs) {
        List<Identifier> resolved = new ArrayList<>();
        Map<String, Identifier> seen = new HashMap<>();
        for (Identifier output : outputs) {
            Symbol symbol = symbols.get(output.text());
            if (symbol == null) {
                if (!poisoned.contains(output.text())) {
                    List<Note> notes = new ArrayList<>();
                    Suggestions.closest(output.text(), symbols.keySet(), false)
                            .ifPresent(s -> notes.add(Note.help("did you mean '" + s + "'?")));
                    notes.add(Note.help("an output names a definition or an input of this file"));
                    sink.report(new Diagnostic(
                            io.factorgraph.dsl.diagnostic.Severity.ERROR,
                            output.span(),
                            "output of undefined name '" + output.text() + "'",
                            notes));
                }
                continue;
            }
            if (symbol instanceof Symbol.Input input && input.type() == ValueType.BOOK) {
                sink.report(Diagnostic.error(
                        output.span(),
                        "cannot output '" + output.text() + "': it is a Book",
                        Note.help("output a stream computed from it, e.g. mid(" + output.text() + ")")));
                continue;
            }
            Identifier previous = seen.putIfAbsent(output.text(), output);
            if (previous != null) {
                sink.report(Diagnostic.error(
                        output.span(),
                        "'" + output.text() + "' is listed twice in output",
                        Note.note("first listed here", previous.span())));
                continue;
            }
            resolved.add(output);
        }
        return resolved;
    }

    private List<Identifier> implicitOutputs() {
        return symbols.values().stream()
                .filter(s -> s instanceof Symbol.Defined)
                .map(s -> ((Symbol.Defined) s).definition().name())
                .collect(Collectors.toList());
    }

    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
