package io.factorgraph.runtime.graph;

import java.util.Objects;

/**
 * A {@code Book} input of one graph: {@link GraphInstance#book} gives the instance's book for it. A handle
 * belongs to the graph that made it; an instance of another graph refuses it.
 */
public final class BookHandle {
    private final CompiledGraph graph;
    private final String name;
    private final int index;

    BookHandle(CompiledGraph graph, String name, int index) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.name = name;
        this.index = index;
    }

    public CompiledGraph graph() {
        return graph;
    }

    public String name() {
        return name;
    }

    public int index() {
        return index;
    }

    @Override
    public String toString() {
        return "Book input '" + name + "' of " + graph;
    }
}
