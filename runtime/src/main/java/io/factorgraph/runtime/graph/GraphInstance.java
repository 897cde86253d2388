package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.spi.Node;
import io.factorgraph.runtime.spi.TickTime;
import io.factorgraph.runtime.state.SnapshotException;
import io.factorgraph.runtime.state.SnapshotSection;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * This instance's whole state as a snapshot file's bytes (docs/DESIGN.md §13, format in {@code GraphSnapshots}):
     * the tick count and time, every slot (inputs and node outputs), every book (all levels, the ready flag) and
     * every node's own state, each node's bytes prefixed by their length so a node that reads back too little or
     * too much is caught by name. Taken between ticks; allocates.
     *
     * @throws SnapshotException when a node keeps state but cannot write it (a user node without writeState)
     */
    public byte[] saveState() {
        return saveState(List.of());
    }

    /**
     * {@link #saveState()} with {@code sections} after the graph's state, under the same checksum: what the driver of
     * this instance needs to continue exactly (a replay's clock phase and feeds' sync state), so one file restores
     * everything.
     */
    public byte[] saveState(List<SnapshotSection> sections) {
        StateWriter out = new StateWriter();
        GraphSnapshots.writeHeader(out, graph.plan());
        out.writeLong(ticks);
        out.writeLong(time.nanos());
        out.writeDoubles(slots, 0, slots.length);
        out.writeInt(books.length);
        for (OrderBook book : books) {
            book.writeState(out);
        }
        out.writeInt(nodes.length);
        for (Node n : nodes) {
            StateWriter own = new StateWriter();
            n.writeState(own);
            out.writeBytes(own.toByteArray());
        }
        out.writeInt(sections.size());
        for (SnapshotSection section : sections) {
            out.writeString(section.name());
            out.writeInt(section.version());
            out.writeBytes(section.bytes());
        }
        return GraphSnapshots.finish(out);
    }

    /**
     * Replaces this instance's state with a snapshot's, so the next tick computes what the instance that took it
     * would have computed next.
     *
     * @param what names the snapshot in errors (its file)
     * @throws SnapshotException with one line naming the difference: not a snapshot, another format version,
     *     truncated, corrupted (checksum), another parameter value, another graph
     * @return the sections saved with the state ({@link #saveState(List)}), in order, for its driver
     */
    public List<SnapshotSection> restoreState(byte[] bytes, String what) {
        StateReader in = GraphSnapshots.open(bytes, graph.plan(), what);
        reset();
        ticks = in.readLong();
        time.set(in.readLong());
        int slotCount = in.readLength(8);
        if (slotCount != slots.length) {
            throw in.corrupt(slotCount + " slots for a graph of " + slots.length);
        }
        for (int i = 0; i < slotCount; i++) {
            slots[i] = in.readDouble();
        }
        int bookCount = in.readInt();
        if (bookCount != books.length) {
            throw in.corrupt(bookCount + " books for a graph of " + books.length);
        }
        for (OrderBook book : books) {
            book.readState(in);
        }
        int nodeCount = in.readInt();
        if (nodeCount != nodes.length) {
            throw in.corrupt(nodeCount + " nodes for a graph of " + nodes.length);
        }
        List<io.factorgraph.runtime.plan.PlanNode.Function> functions =
                graph.plan().functionNodes();
        for (int i = 0; i < nodes.length; i++) {
            byte[] own = in.readBytes();
            int length = own.length;
            String node = what + ": node " + (i + 1) + " (" + functions.get(i).label() + ")";
            StateReader nodeIn = new StateReader(own, 0, length, node);
            nodes[i].readState(nodeIn);
            if (nodeIn.remaining() != 0) {
                throw nodeIn.corrupt(nodeIn.remaining() + " bytes left over");
            }
        }
        int sectionCount = in.readLength(12);
        List<SnapshotSection> sections = new ArrayList<>(sectionCount);
        for (int i = 0; i < sectionCount; i++) {
            String name = in.readString();
            int version = in.readInt();
            sections.add(new SnapshotSection(name, version, in.readBytes()));
        }
        if (in.remaining() != 0) {
            throw in.corrupt(in.remaining() + " bytes after the state");
        }
        return List.copyOf(sections);
    }
}
