package io.factorgraph.runtime.graph;

import java.util.Objects;

/**
 * Where the host writes a {@code double} input of one graph: pass it to {@link GraphInstance#set}. A handle
 * belongs to the graph that made it; an instance of another graph refuses it (its slot would address
 * another value there).
 */
public final class InputHandle {
    private final CompiledGraph graph;
    private final String name;
    private final int slot;

    InputHandle(CompiledGraph graph, String name, int slot) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.name = name;
        this.slot = slot;
    }

    public CompiledGraph graph() {
        return graph;
    }

    public String name() {
        return name;
    }

    public int slot() {
        return slot;
    }

    @Override
    public String toString() {
        return "input '" + name + "' of " + graph;
    }
}
