package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.plan.NamedStream;
import io.factorgraph.runtime.plan.Plan;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.Parameter;
import io.factorgraph.runtime.spi.TickTime;
import io.factorgraph.runtime.spi.ValueType;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A linked graph: the plan, and where every node's value lives in an instance's slot array.
 * Immutable and shareable across threads; {@link #newInstance()} makes the per-instrument state.
 */
public final class CompiledGraph {
    /** Says once per JVM that generated programs are unavailable, so a slow run is never a silent one. */
    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    private final Plan plan;
    private final int[] slotOfNode;
    private final int[] bookOfNode;
    private final double[] initialSlots;
    private final int bookCount;
    private final Map<String, InputHandle> inputs;
    private final Map<String, BookHandle> books;
    private final List<OutputHandle> outputs;
    private final List<SinkBinding> sinks;
    private final ProgramGenerator generator;
    /** Makes this graph's generated tick program from a node array; generated on first use. */
    private MethodHandle programFactory;
    /** Why this graph's program could not be generated; null while it could (or was not yet tried). */
    private String programFailure;

    /** Makes the factory of a graph's generated programs; {@link TickPrograms#generate} but in tests. */
    @FunctionalInterface
    interface ProgramGenerator {
        MethodHandle generate(int nodeCount) throws ReflectiveOperationException;
    }

    /** Phase 5: assigns slots and books to the plan's nodes. */
    public static CompiledGraph link(Plan plan) {
        return new CompiledGraph(plan, TickPrograms::generate);
    }

    static CompiledGraph link(Plan plan, ProgramGenerator generator) {
        return new CompiledGraph(plan, generator);
    }

    private CompiledGraph(Plan plan, ProgramGenerator generator) {
        this.plan = plan;
        this.generator = generator;
        int nodeIds = plan.order().stream().mapToInt(PlanNode::id).max().orElse(-1) + 1;
        int maxId = Math.max(
                nodeIds, plan.sinks().stream().mapToInt(s -> s.id() + 1).max().orElse(0));
        slotOfNode = new int[maxId];
        bookOfNode = new int[maxId];
        Arrays.fill(slotOfNode, -1);
        Arrays.fill(bookOfNode, -1);
        List<Double> initial = new ArrayList<>();
        Map<String, InputHandle> inputs = new LinkedHashMap<>();
        Map<String, BookHandle> books = new LinkedHashMap<>();
        int bookCount = 0;
        for (PlanNode node : plan.order()) {
            switch (node) {
                case PlanNode.Input input
                when input.valueType() == ValueType.BOOK -> {
                    bookOfNode[input.id()] = bookCount;
                    books.put(input.name(), new BookHandle(this, input.name(), bookCount++));
                }
                case PlanNode.Input input -> {
                    slotOfNode[input.id()] = initial.size();
                    inputs.put(input.name(), new InputHandle(this, input.name(), initial.size()));
                    initial.add(Double.NaN);
                }
                case PlanNode.ConstantValue constant -> {
                    slotOfNode[constant.id()] = initial.size();
                    initial.add(
                            switch (constant.value()) {
                                case Constant.Number(double value) -> value;
                                case Constant.Bool(boolean value) -> value ? 1.0 : 0.0;
                                case Constant.Duration(long nanos) -> (double) nanos;
                            });
                }
                case PlanNode.Function function -> {
                    slotOfNode[function.id()] = initial.size();
                    initial.add(Double.NaN);
                }
                case PlanNode.Sink sinkNode -> {}
            }
        }
        this.bookCount = bookCount;
        this.initialSlots = initial.stream().mapToDouble(Double::doubleValue).toArray();
        this.inputs = Collections.unmodifiableMap(inputs);
        this.books = Collections.unmodifiableMap(books);
        List<OutputHandle> outputs = new ArrayList<>();
        for (NamedStream output : plan.outputs()) {
            outputs.add(new OutputHandle(
                    this,
                    output.name(),
                    output.node().type().orElseThrow(),
                    slotOfNode[output.node().id()]));
        }
        this.outputs = List.copyOf(outputs);
        this.sinks = plan.sinks().stream().map(this::bindSink).toList();
    }

    /** Binds each of the sink's requirements by what it is: factors to slots, the traded book to a book. */
    private SinkBinding bindSink(PlanNode.Sink sinkNode) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        List<Integer> argumentSlots = new ArrayList<>();
        BookHandle traded = null;
        List<Parameter> streams = sinkNode.function().signature().parameters().stream()
                .filter(p -> p instanceof Parameter.Stream)
                .toList();
        for (int i = 0; i < streams.size(); i++) {
            int input = sinkNode.inputs().get(i);
            if (streams.get(i) instanceof Parameter.Stream(String name, ValueType type) && type == ValueType.BOOK) {
                traded = bookHandleOfIndex(bookOfNode[input]);
            } else {
                slots.put(streams.get(i).name(), slotOfNode[input]);
                argumentSlots.add(slotOfNode[input]);
            }
        }
        return new SinkBinding(
                sinkNode.function(), slots, argumentSlots, Optional.ofNullable(traded), sinkNode.constants());
    }

    private BookHandle bookHandleOfIndex(int index) {
        return books.values().stream()
                .filter(b -> b.index() == index)
                .findFirst()
                .orElseThrow();
    }

    /**
     * A fresh instance: slots at their initial values (inputs NaN), books empty, nodes new; run by
     * {@link Execution#defaultExecution()}.
     */
    public GraphInstance newInstance() {
        return newInstance(Execution.defaultExecution());
    }

    /**
     * A fresh instance run the given way. {@link Execution#GENERATED} runs interpreted when the program
     * cannot be generated, says so once on stderr, and {@link #programFailure()} says why;
     * {@link GraphInstance#execution()} says which way an instance runs.
     */
    public GraphInstance newInstance(Execution execution) {
        double[] slots = initialSlots.clone();
        OrderBook[] bookArray = new OrderBook[bookCount];
        for (int i = 0; i < bookCount; i++) {
            bookArray[i] = new OrderBook();
        }
        TickTime time = new TickTime();
        List<PlanNode.Function> functions = plan.functionNodes();
        Node[] nodes = new Node[functions.size()];
        for (int i = 0; i < nodes.length; i++) {
            PlanNode.Function function = functions.get(i);
            nodes[i] = function.function()
                    .link(new NodeLinkContext(
                            function,
                            slots,
                            slotOfNode,
                            bookOfNode,
                            bookArray,
                            time,
                            plan.clockNanos().orElse(0),
                            plan.namesOf(function)));
        }
        TickProgram program = execution == Execution.GENERATED ? generatedProgram(nodes) : null;
        if (program == null) {
            program = new TickProgram.Interpreted(nodes);
        }
        return new GraphInstance(this, slots, initialSlots, nodes, program, bookArray, time);
    }

    /**
     * This graph's generated program over {@code nodes}, or null when it cannot be had (then the
     * instance interprets, and the reason is kept and reported). One hidden class per compiled graph,
     * so that each of its call sites sees the node classes of this graph only.
     */
    private TickProgram generatedProgram(Node[] nodes) {
        MethodHandle factory;
        synchronized (this) {
            if (programFactory == null && programFailure == null) {
                try {
                    programFactory = generator.generate(nodes.length);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    fallBack(e);
                }
            }
            factory = programFactory;
        }
        if (factory == null) {
            return null;
        }
        try {
            return (TickProgram) factory.invokeExact(nodes);
        } catch (RuntimeException | LinkageError e) {
            synchronized (this) {
                programFactory = null;
                fallBack(e);
            }
            return null;
        } catch (Throwable e) {
            // The constructor of the generated class only stores the array; anything else it throws is a
            // JVM error (out of memory, stack), which is not ours to swallow.
            throw new IllegalStateException(this + ": the generated tick program could not be instantiated", e);
        }
    }

    private void fallBack(Throwable cause) {
        programFailure = cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (FALLBACK_REPORTED.compareAndSet(false, true)) {
            System.err.println("factorgraph: warning: the generated tick program of " + this + " could not be built ("
                    + programFailure + "); graphs run on the interpreted loop, which is several times slower. "
                    + "Set -D" + Execution.PROPERTY + "=interpreted to choose it explicitly.");
        }
    }

    /** Why this graph's generated program could not be built, if it could not; empty when it could or was not tried. */
    public synchronized Optional<String> programFailure() {
        return Optional.ofNullable(programFailure);
    }

    public Plan plan() {
        return plan;
    }

    public List<OutputHandle> outputs() {
        return outputs;
    }

    public OutputHandle output(String name) {
        return outputs.stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no output '" + name + "'; the outputs are "
                        + outputs.stream().map(OutputHandle::name).toList()));
    }

    public Map<String, InputHandle> inputs() {
        return inputs;
    }

    public InputHandle input(String name) {
        InputHandle handle = inputs.get(name);
        if (handle == null) {
            throw new NoSuchElementException(
                    "no double input '" + name + "'; the double inputs are " + inputs.keySet());
        }
        return handle;
    }

    public Map<String, BookHandle> books() {
        return books;
    }

    public BookHandle book(String name) {
        BookHandle handle = books.get(name);
        if (handle == null) {
            throw new NoSuchElementException("no Book input '" + name + "'; the Book inputs are " + books.keySet());
        }
        return handle;
    }

    /** Every sink, in source order: one per traded instrument, each with its own execution context. */
    public List<SinkBinding> sinks() {
        return sinks;
    }

    /**
     * The graph's sink, for a caller that runs one instrument.
     *
     * @throws IllegalStateException when the graph has several sinks; such a caller must use {@link #sinks()}
     */
    public Optional<SinkBinding> sink() {
        if (sinks.size() > 1) {
            throw new IllegalStateException(this + " has " + sinks.size()
                    + " sinks, one per traded instrument; run them with sinks(), each with its own simulator or venue");
        }
        return sinks.stream().findFirst();
    }

    /** The interval of {@code clock every}, if the file sets one. */
    public OptionalLong clockNanos() {
        return plan.clockNanos();
    }

    public int slotCount() {
        return initialSlots.length;
    }

    /** E.g. {@code graph 'obi_mm.fg'@1b6d3586}: the source's name, and which compilation of it. */
    @Override
    public String toString() {
        return "graph '" + plan.source().name() + "'@" + Integer.toHexString(System.identityHashCode(this));
    }

    /** The graph in Graphviz DOT. */
    public String toDot() {
        return DotExport.toDot(plan);
    }
}
