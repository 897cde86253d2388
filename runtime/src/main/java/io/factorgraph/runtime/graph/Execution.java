package io.factorgraph.runtime.graph;

/**
 * How a graph instance runs its nodes each tick. Both run the same node objects in the same order
 * over the same slots, so their outputs are bit-identical (a property test holds them to it); they
 * differ only in how the JIT compiler sees the calls.
 */
public enum Execution {
    /**
     * A class generated for the compiled graph (with {@code java.lang.classfile}, defined as a hidden
     * class) that calls each node's {@code update()} from a call site of its own. Each site then sees
     * one node class, so the JIT inlines every node into one compiled tick, where the loop's single
     * site sees them all and pays a megamorphic virtual call per node. The default; falls back to
     * {@link #INTERPRETED} if the class cannot be generated, and says so once on stderr (a run several times
     * slower must not be a silent one); {@link CompiledGraph#programFailure()} says why.
     */
    GENERATED,
    /** The loop {@code for (Node n : nodes) n.update()} over the flat node array. */
    INTERPRETED;

    /** The system property that sets the default: {@code generated} or {@code interpreted}. */
    public static final String PROPERTY = "factorgraph.execution";

    /** The default: {@link #PROPERTY} when set, else {@link #GENERATED}. */
    public static Execution defaultExecution() {
        String value = System.getProperty(PROPERTY, "generated").trim();
        return value.equalsIgnoreCase("interpreted") ? INTERPRETED : GENERATED;
    }
}
