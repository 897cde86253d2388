package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.plan.NamedStream;
import io.factorgraph.runtime.plan.Plan;
import io.factorgraph.runtime.plan.PlanNode;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.TickTime;
import io.factorgraph.runtime.spi.ValueType;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A linked graph: the plan, and where every node's value lives in an instance's slot array.
 * Immutable and shareable across threads; {@link #newInstance()} makes the per-instrument state.
 */
public final class CompiledGraph {
    private final Plan plan;
    private final int[] slotOfNode;
    private final int[] bookOfNode;
    private final double[] initialSlots;
    private final int bookCount;
    private final Map<String, InputHandle> inputs;
    private final Map<String, BookHandle> books;
    private final List<OutputHandle> outputs;
    private final Optional<SinkBinding> sink;
    /** Makes this graph's generated tick program from a node array; generated on first use. */
    private MethodHandle programFactory;
    private boolean programUnavailable;

    /** Phase 5: assigns slots and books to the plan's nodes. */
    public static CompiledGraph link(Plan plan) {
        return new CompiledGraph(plan);
    }

    private CompiledGraph(Plan plan) {
        this.plan = plan;
        int nodeIds = plan.order().stream().mapToInt(PlanNode::id).max().orElse(-1) + 1;
        int maxId = Math.max(nodeIds, plan.sink().map(s -> s.id() + 1).orElse(0));
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
                case PlanNode.Input input when input.valueType() == ValueType.BOOK -> {
                    bookOfNode[input.id()] = bookCount;
                    books.put(input.name(), new BookHandle(input.name(), bookCount++));
                }
                case PlanNode.Input input -> {
                    slotOfNode[input.id()] = initial.size();
                    inputs.put(input.name(), new InputHandle(input.name(), initial.size()));
                    initial.add(Double.NaN);
                }
                case PlanNode.ConstantValue constant -> {
                    slotOfNode[constant.id()] = initial.size();
                    initial.add(switch (constant.value()) {
                        case Constant.Number(double value) -> value;
                        case Constant.Bool(boolean value) -> value ? 1.0 : 0.0;
                        case Constant.Duration(long nanos) -> (double) nanos;
                    });
                }
                case PlanNode.Function function -> {
                    slotOfNode[function.id()] = initial.size();
                    initial.add(Double.NaN);
                }
                case PlanNode.Sink sinkNode -> {
                }
            }
        }
        this.bookCount = bookCount;
        this.initialSlots = initial.stream().mapToDouble(Double::doubleValue).toArray();
        this.inputs = Map.copyOf(inputs);
        this.books = Map.copyOf(books);
        List<OutputHandle> outputs = new ArrayList<>();
        for (NamedStream output : plan.outputs()) {
            outputs.add(new OutputHandle(output.name(), output.node().type().orElseThrow(),
                    slotOfNode[output.node().id()]));
        }
        this.outputs = List.copyOf(outputs);
        this.sink = plan.sink().map(this::bindSink);
    }

    private SinkBinding bindSink(PlanNode.Sink sinkNode) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        List<Integer> argumentSlots = new ArrayList<>();
        Map<String, Integer> bookArgs = new LinkedHashMap<>();
        List<io.factorgraph.runtime.spi.Parameter> streams = sinkNode.function().signature().parameters().stream()
                .filter(p -> p instanceof io.factorgraph.runtime.spi.Parameter.Stream).toList();
        for (int i = 0; i < streams.size(); i++) {
            int input = sinkNode.inputs().get(i);
            if (bookOfNode[input] >= 0) {
                bookArgs.put(streams.get(i).name(), bookOfNode[input]);
            } else {
                slots.put(streams.get(i).name(), slotOfNode[input]);
                argumentSlots.add(slotOfNode[input]);
            }
        }
        return new SinkBinding(sinkNode.function(), slots, argumentSlots, bookArgs, sinkNode.constants());
    }

    /**
     * A fresh instance: slots at their initial values (inputs NaN), books empty, nodes new; run by
     * {@link Execution#defaultExecution()}.
     */
    public GraphInstance newInstance() {
        return newInstance(Execution.defaultExecution());
    }

    /** A fresh instance run the given way; {@link Execution#GENERATED} falls back to the loop if it must. */
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
            nodes[i] = function.function().link(new NodeLinkContext(function, slots, slotOfNode, bookOfNode, bookArray,
                    time));
        }
        TickProgram program = execution == Execution.GENERATED ? generatedProgram(nodes) : null;
        if (program == null) {
            program = new TickProgram.Interpreted(nodes);
        }
        return new GraphInstance(this, slots, initialSlots, nodes, program, bookArray, time);
    }

    /**
     * This graph's generated program over {@code nodes}, or null when it cannot be had (then the
     * instance interprets). One hidden class per compiled graph, so that each of its call sites sees
     * the node classes of this graph only.
     */
    private TickProgram generatedProgram(Node[] nodes) {
        MethodHandle factory;
        synchronized (this) {
            if (programFactory == null && !programUnavailable) {
                try {
                    programFactory = TickPrograms.generate(nodes.length);
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    programUnavailable = true;
                }
            }
            factory = programFactory;
        }
        if (factory == null) {
            return null;
        }
        try {
            return (TickProgram) factory.invokeExact(nodes);
        } catch (Throwable e) {
            return null;
        }
    }

    public Plan plan() {
        return plan;
    }

    public List<OutputHandle> outputs() {
        return outputs;
    }

    public OutputHandle output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no output '" + name + "'; the outputs are "
                        + outputs.stream().map(OutputHandle::name).toList()));
    }

    public Map<String, InputHandle> inputs() {
        return inputs;
    }

    public InputHandle input(String name) {
        InputHandle handle = inputs.get(name);
        if (handle == null) {
            throw new NoSuchElementException("no double input '" + name + "'; the double inputs are " + inputs.keySet());
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

    public Optional<SinkBinding> sink() {
        return sink;
    }

    /** The interval of {@code clock every}, if the file sets one. */
    public OptionalLong clockNanos() {
        return plan.clockNanos();
    }

    public int slotCount() {
        return initialSlots.length;
    }

    /** The graph in Graphviz DOT. */
    public String toDot() {
        return DotExport.toDot(plan);
    }
}
