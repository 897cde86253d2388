package io.factorgraph.runtime.graph;

/** Where the host writes a {@code double} input of one graph: pass it to {@link GraphInstance#set}. */
public final class InputHandle extends GraphHandle {
    private final int slot;

    InputHandle(CompiledGraph graph, String name, int slot) {
        super(graph, name);
        this.slot = slot;
    }

    public int slot() {
        return slot;
    }

    @Override
    String kind() {
        return "input";
    }
}
