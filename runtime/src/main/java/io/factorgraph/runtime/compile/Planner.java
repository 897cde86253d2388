package io.factorgraph.runtime.compile;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import io.factorgraph.dsl.ast.Identifier;
import io.factorgraph.dsl.ast.NameRef;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import io.factorgraph.dsl.diagnostic.Note;
import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.plan.NamedStream;
import io.factorgraph.runtime.plan.Plan;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.ValueType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Phase 4: turns typed expressions into the plan graph. Equal sub-expressions (same function, same
 * inputs, same constants) become one node; only what an output or the sink needs is kept; unused
 * definitions, params and inputs are warned about. The run order is topological with ties broken by
 * source order, which the node ids already are (see {@link #runOrder}).
 */
public final class Planner {
    private record FunctionKey(String function, List<Integer> inputs, Map<String, Constant> constants) {}

    private record ConstantKey(Constant value, ValueType type) {}

    private final Map<Object, PlanNode> interned = new HashMap<>();
    /**
     * Expressions already lowered, by identity. A definition used twice is one shared expression
     * object, so the typed program is a DAG; walked as a tree, {@code s1 = s0 + s0; s2 = s1 + s1; ...}
     * costs 2^n visits (25 such lines took 8 s). By identity, because the expressions are records whose
     * structural hashCode would walk the same tree.
     */
    private final Map<StreamExpr, PlanNode> lowered = new IdentityHashMap<>();

    private final List<PlanNode> nodes = new ArrayList<>();
    /** Where the arguments of each function node's first call are written, by node id. */
    private final Map<Integer, Map<String, Span>> argumentSpans = new HashMap<>();

    private Planner() {}

    /** Plans with the default budget, {@link MemoryBudget#ofHeap()}. */
    public static Plan plan(CheckedProgram checked, DiagnosticSink sink) {
        return plan(checked, MemoryBudget.ofHeap(), sink);
    }

    /** Plans, and reports a graph whose windows would not fit {@code budget}. */
    public static Plan plan(CheckedProgram checked, MemoryBudget budget, DiagnosticSink sink) {
        return new Planner().run(checked, budget, sink);
    }

    /**
     * Plans several checked programs of one source (the points of a sweep, docs/DESIGN.md §12) into one
     * plan through one interning planner, so a node whose function, inputs and constants are the same in
     * several points exists once. The plan's sinks are every point's sinks in point order; it has no
     * outputs (a sweep reads its sinks only, and an output would keep nodes no sink needs); its clock and
     * params are the first program's, and the caller makes sure every program has the same clock. No
     * unused-definition warnings: they are each point's own compile's.
     */
    static Plan planFused(List<CheckedProgram> programs, MemoryBudget budget, DiagnosticSink sink) {
        if (programs.isEmpty()) {
            throw new IllegalArgumentException("no program to plan");
        }
        Planner planner = new Planner();
        planner.lowerBooks(programs.get(0));
        List<PlanNode.Sink> sinkNodes = new ArrayList<>();
        Map<Integer, Map<String, Span>> sinkArgumentSpans = new HashMap<>();
        for (CheckedProgram checked : programs) {
            planner.lowerSinks(checked, sinkNodes, sinkArgumentSpans);
        }
        return planner.finish(programs, List.of(), sinkNodes, sinkArgumentSpans, budget, sink);
    }

    /**
     * Book inputs first, in declaration order: their ids order them in the plan, and so the books of an instance,
     * the feeds of a replay and the tie rule of docs/DESIGN.md §11 follow the file, not the order of first use. The
     * predeclared {@code book} is the only book where it exists, and a file that never reads it has none.
     */
    private void lowerBooks(CheckedProgram checked) {
        for (Symbol symbol : checked.resolution().symbols().values()) {
            if (symbol instanceof Symbol.Input(String name, ValueType type, Span span, boolean predeclared)
                    && type == ValueType.BOOK
                    && !predeclared) {
                lower(new StreamExpr.InputRef(name, type));
            }
        }
    }

    private void lowerSinks(
            CheckedProgram checked, List<PlanNode.Sink> sinkNodes, Map<Integer, Map<String, Span>> sinkArgumentSpans) {
        for (CheckedProgram.SinkCall call : checked.sinks()) {
            PlanNode.Sink sinkNode = lowerSink(call);
            sinkNodes.add(sinkNode);
            sinkArgumentSpans.put(sinkNode.id(), call.argumentSpans());
        }
    }

    private Plan run(CheckedProgram checked, MemoryBudget budget, DiagnosticSink sink) {
        warnUnused(checked.resolution(), sink);
        lowerBooks(checked);

        List<NamedStream> outputs = new ArrayList<>();
        for (CheckedProgram.NamedValue output : checked.outputs()) {
            Optional<PlanNode> node =
                    switch (output.value()) {
                        case Typed.Stream(StreamExpr expr) -> Optional.of(lower(expr));
                        case Typed.Const(Constant.Number number) ->
                            Optional.of(lower(new StreamExpr.ConstantStream(number, ValueType.DOUBLE)));
                        case Typed.Const(Constant.Bool bool) ->
                            Optional.of(lower(new StreamExpr.ConstantStream(bool, ValueType.BOOL)));
                        case Typed.Const(Constant.Duration duration) -> {
                            Identifier at = checked.resolution().outputs().stream()
                                    .filter(o -> o.text().equals(output.name()))
                                    .findFirst()
                                    .orElseThrow();
                            sink.report(Diagnostic.error(
                                    at.span(),
                                    "cannot output '" + output.name() + "': it is a duration constant",
                                    Note.help("outputs are double or bool streams")));
                            yield Optional.empty();
                        }
                        case Typed.Invalid invalid -> Optional.empty();
                    };
            node.ifPresent(n -> outputs.add(new NamedStream(output.name(), n)));
        }
        List<PlanNode.Sink> sinkNodes = new ArrayList<>();
        Map<Integer, Map<String, Span>> sinkArgumentSpans = new HashMap<>();
        lowerSinks(checked, sinkNodes, sinkArgumentSpans);
        return finish(List.of(checked), outputs, sinkNodes, sinkArgumentSpans, budget, sink);
    }

    /** Keeps what the outputs and sinks need, checks its memory, orders it and names it. */
    private Plan finish(
            List<CheckedProgram> programs,
            List<NamedStream> outputs,
            List<PlanNode.Sink> sinkNodes,
            Map<Integer, Map<String, Span>> sinkArgumentSpans,
            MemoryBudget budget,
            DiagnosticSink sink) {
        CheckedProgram checked = programs.get(0);
        // What the outputs and the sink need: one walk back from all of them at once, marking by node
        // id. (Asking Guava for the nodes reachable from each output in turn cost outputs × nodes, and
        // every step hashed a PlanNode record: 10,000 outputs took seconds.)
        boolean[] reachable = new boolean[nodes.size()];
        Deque<PlanNode> pending = new ArrayDeque<>();
        outputs.forEach(o -> pending.push(o.node()));
        sinkNodes.forEach(pending::push);
        while (!pending.isEmpty()) {
            PlanNode node = pending.pop();
            if (!reachable[node.id()]) {
                reachable[node.id()] = true;
                for (int input : node.inputs()) {
                    if (!reachable[input]) {
                        pending.push(nodes.get(input));
                    }
                }
            }
        }
        List<PlanNode> needed = new ArrayList<>();
        for (PlanNode node : nodes) {
            if (reachable[node.id()]) {
                needed.add(node);
            }
        }
        List<MemoryCheck.Call> calls = new ArrayList<>();
        for (PlanNode node : needed) {
            switch (node) {
                case PlanNode.Function f ->
                    calls.add(new MemoryCheck.Call(f.function(), f.constants(), f.span(), argumentSpans.get(f.id())));
                case PlanNode.Sink s ->
                    calls.add(
                            new MemoryCheck.Call(s.function(), s.constants(), s.span(), sinkArgumentSpans.get(s.id())));
                case PlanNode.Input input -> {}
                case PlanNode.ConstantValue constant -> {}
            }
        }
        MemoryCheck.check(calls, checked.clockNanos().orElse(0), budget, sink);
        ImmutableList<PlanNode> order = runOrder(needed);

        ImmutableListMultimap.Builder<Integer, String> names = ImmutableListMultimap.builder();
        Set<Map.Entry<Integer, String>> named = new HashSet<>();
        for (CheckedProgram program : programs) {
            for (Map.Entry<String, Typed> definition : program.definitions().entrySet()) {
                if (definition.getValue() instanceof Typed.Stream(StreamExpr expr)) {
                    // A definition nothing needs is lowered only now, past the end of reachable.
                    PlanNode node = lower(expr);
                    boolean isNeeded = node.id() < reachable.length && reachable[node.id()];
                    if (isNeeded && named.add(Map.entry(node.id(), definition.getKey()))) {
                        names.put(node.id(), definition.getKey());
                    }
                }
            }
        }
        for (PlanNode node : needed) {
            if (node instanceof PlanNode.Input input) {
                names.put(input.id(), input.name());
            }
        }
        return new Plan(
                checked.resolution().program().source(),
                order,
                names.build(),
                outputs,
                sinkNodes,
                checked.clockNanos(),
                checked.params());
    }

    /**
     * The run order: each node after its inputs, ties broken by id (source order). A node is made only
     * after the nodes of its stream arguments ({@link #lower} and {@link #lowerSink}), so its inputs have
     * smaller ids and the ids themselves are that order: a topological sort that always takes the smallest
     * ready id (what JGraphT's iterator with an id comparator did, over a Guava copy of the graph that
     * hashed every node record several times, most of the planning of a 10,000-statement file) gives
     * exactly the nodes in id order. Checked, since the rest of the runtime relies on it.
     *
     * @param needed the nodes to run, in id order, each one's inputs among them
     */
    private static ImmutableList<PlanNode> runOrder(List<PlanNode> needed) {
        for (PlanNode node : needed) {
            for (int input : node.inputs()) {
                if (input >= node.id()) {
                    throw new IllegalStateException("node " + node.id() + " reads node " + input + ", made after it");
                }
            }
        }
        return ImmutableList.copyOf(needed);
    }

    /**
     * The node of {@code expr}, lowering what it needs first. Iterative, with an explicit stack: a chain of
     * definitions ({@code a1 = a0 + 1; a2 = a1 + 1; ...}) nests the typed expressions as deep as the file is
     * long, and a recursive walk of a long file ended in a StackOverflowError.
     */
    private PlanNode lower(StreamExpr expr) {
        PlanNode done = lowered.get(expr);
        if (done != null) {
            return done;
        }
        Deque<StreamExpr> pending = new ArrayDeque<>();
        pending.push(expr);
        while (!pending.isEmpty()) {
            StreamExpr next = pending.peek();
            if (lowered.containsKey(next)) {
                pending.pop();
                continue;
            }
            boolean ready = true;
            if (next instanceof StreamExpr.Apply apply) {
                for (int i = apply.streams().size() - 1; i >= 0; i--) {
                    StreamExpr argument = apply.streams().get(i);
                    if (!lowered.containsKey(argument)) {
                        pending.push(argument);
                        ready = false;
                    }
                }
            }
            if (ready) {
                pending.pop();
                lowered.put(next, lowerOnce(next));
            }
        }
        return lowered.get(expr);
    }

    /** Lowers one expression whose stream arguments are lowered already. */
    private PlanNode lowerOnce(StreamExpr expr) {
        return switch (expr) {
            case StreamExpr.InputRef input ->
                intern(input.name(), id -> new PlanNode.Input(id, input.name(), input.type()));
            case StreamExpr.ConstantStream constant ->
                intern(
                        new ConstantKey(constant.value(), constant.type()),
                        id -> new PlanNode.ConstantValue(id, constant.value(), constant.type()));
            case StreamExpr.Apply apply -> {
                List<Integer> inputs = lowerAll(apply.streams());
                PlanNode node = intern(
                        new FunctionKey(apply.function().signature().key(), inputs, apply.constants()),
                        id -> new PlanNode.Function(
                                id, apply.function(), inputs, apply.constants(), apply.type(), apply.span()));
                argumentSpans.putIfAbsent(node.id(), apply.argumentSpans());
                yield node;
            }
        };
    }

    private PlanNode.Sink lowerSink(CheckedProgram.SinkCall apply) {
        List<Integer> inputs = lowerAll(apply.streams());
        PlanNode.Sink sink = new PlanNode.Sink(nodes.size(), apply.function(), inputs, apply.constants(), apply.span());
        nodes.add(sink);
        return sink;
    }

    private List<Integer> lowerAll(List<StreamExpr> streams) {
        List<Integer> ids = new ArrayList<>(streams.size());
        for (StreamExpr stream : streams) {
            ids.add(lower(stream).id());
        }
        return ids;
    }

    private PlanNode intern(Object key, java.util.function.IntFunction<PlanNode> create) {
        PlanNode existing = interned.get(key);
        if (existing != null) {
            return existing;
        }
        PlanNode node = create.apply(nodes.size());
        nodes.add(node);
        interned.put(key, node);
        return node;
    }

    /**
     * Warns about definitions that neither an output nor the sink needs (only when the file lists
     * its outputs: otherwise every definition is one), and about params and inputs that nothing
     * refers to.
     */
    private static void warnUnused(Resolution resolution, DiagnosticSink sink) {
        Map<String, List<NameRef>> uses = new HashMap<>();
        Set<String> referenced = new HashSet<>();
        for (Symbol symbol : resolution.symbols().values()) {
            List<NameRef> names =
                    switch (symbol) {
                        case Symbol.Defined defined ->
                            Expressions.names(defined.definition().value());
                        case Symbol.Param param ->
                            Expressions.names(param.statement().value());
                        case Symbol.Input input -> List.of();
                    };
            uses.put(symbol.name(), names);
            names.forEach(n -> referenced.add(n.name()));
        }
        Deque<String> pending = new ArrayDeque<>();
        resolution.outputs().forEach(o -> pending.add(o.text()));
        resolution.sinks().forEach(s -> Expressions.names(s.call()).forEach(n -> pending.add(n.name())));
        resolution.clock().ifPresent(c -> Expressions.names(c.interval()).forEach(n -> pending.add(n.name())));
        pending.forEach(referenced::add);
        if (!resolution.explicitOutputs()) {
            resolution.symbols().values().stream()
                    .filter(s -> s instanceof Symbol.Defined)
                    .forEach(s -> pending.add(s.name()));
        }
        Set<String> needed = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (needed.add(name)) {
                uses.getOrDefault(name, List.of()).forEach(n -> pending.add(n.name()));
            }
        }
        for (Symbol symbol : resolution.symbols().values()) {
            if (resolution.poisoned().contains(symbol.name())) {
                continue;
            }
            switch (symbol) {
                case Symbol.Defined defined
                when !needed.contains(defined.name()) ->
                    sink.report(Diagnostic.warning(
                            defined.span(),
                            "unused definition '" + defined.name() + "'",
                            Note.help("no output or sink needs it: list it in `output` or remove it")));
                case Symbol.Param param
                when !referenced.contains(param.name()) ->
                    sink.report(Diagnostic.warning(
                            param.span(),
                            "unused param '" + param.name() + "'",
                            Note.help("nothing uses it: remove it")));
                case Symbol.Input input
                when !input.predeclared() && !referenced.contains(input.name()) ->
                    sink.report(Diagnostic.warning(
                            input.span(),
                            "unused input '" + input.name() + "'",
                            Note.help("nothing uses it: remove it")));
                default -> {}
            }
        }
    }
}
