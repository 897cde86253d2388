package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.TickTime;

/**
 * One running copy of a compiled graph, for one instrument: the shared slot array, the books, and
 * the flat node array in run order. A tick runs every node once; nothing is allocated. Not
 * thread-safe: one instance belongs to one thread at a time.
 */
public final class GraphInstance {
    private final CompiledGraph graph;
    private final double[] slots;
    private final double[] initialSlots;
    private final Node[] nodes;
    private final TickProgram program;
    private final OrderBook[] books;
    private final TickTime time;
    private long ticks;

    GraphInstance(
            CompiledGraph graph,
            double[] slots,
            double[] initialSlots,
            Node[] nodes,
            TickProgram program,
            OrderBook[] books,
            TickTime time) {
        this.graph = graph;
        this.slots = slots;
        this.initialSlots = initialSlots;
        this.nodes = nodes;
        this.program = program;
        this.books = books;
        this.time = time;
    }

    public CompiledGraph graph() {
        return graph;
    }

    /** Sets a double input; it keeps its value until set again. */
    public void set(InputHandle input, double value) {
        if (input.graph() != graph) {
            throw foreign(input);
        }
        slots[input.slot()] = value;
    }

    public OrderBook book(BookHandle book) {
        if (book.graph() != graph) {
            throw foreign(book);
        }
        return books[book.index()];
    }

    /** Runs every node once, in order, for the tick at {@code timeNanos} (local clock). */
    public void onTick(long timeNanos) {
        time.set(timeNanos);
        program.run();
        ticks++;
    }

    /** The output's value after the last tick; a bool reads 1.0 or 0.0. */
    public double value(OutputHandle output) {
        if (output.graph() != graph) {
            throw foreign(output);
        }
        return slots[output.slot()];
    }

    public boolean isTrue(OutputHandle output) {
        return value(output) != 0.0;
    }

    /** A handle of another graph would address another value's slot here: refused, never read or written. */
    private IllegalArgumentException foreign(GraphHandle handle) {
        return new IllegalArgumentException(handle + " used with an instance of " + graph + ": a handle belongs to "
                + "the graph that made it; take it from this instance's graph (instance.graph())");
    }

    /** A slot's value, for execution contexts that read a {@link SinkBinding}'s arguments. */
    public double slot(int slot) {
        return slots[slot];
    }

    public long tickCount() {
        return ticks;
    }

    /** Back to the state of a new instance: nodes, slots and books. */
    public void reset() {
        resetNodes();
        for (OrderBook book : books) {
            book.clear();
        }
    }

    /**
     * Back to a new instance's nodes and slots, the books kept as they are: after a gap in one of several feeds only
     * that feed's book is rebuilt (the live engine clears it and re-syncs it from a snapshot), the others go on.
     */
    public void resetNodes() {
        System.arraycopy(initialSlots, 0, slots, 0, slots.length);
        for (Node node : nodes) {
            node.reset();
        }
        time.set(Long.MIN_VALUE);
        ticks = 0;
    }

    /** How this instance runs its nodes: {@link Execution#GENERATED} unless asked or forced otherwise. */
    public Execution execution() {
        return program instanceof TickProgram.Interpreted ? Execution.INTERPRETED : Execution.GENERATED;
    }

    /** How many nodes run per tick. */
    public int nodeCount() {
        return nodes.length;
    }
}
