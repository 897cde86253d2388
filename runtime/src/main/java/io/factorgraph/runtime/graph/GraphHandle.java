package io.factorgraph.runtime.graph;

import java.util.Objects;

/**
 * A name of one compiled graph that addresses a slot or a book of its instances. A handle belongs to the
 * graph that made it: with an instance of another graph its slot would address another value, so
 * {@link GraphInstance} refuses it, naming the handle and both graphs.
 */
public abstract sealed class GraphHandle permits InputHandle, OutputHandle, BookHandle {
    private final CompiledGraph graph;
    private final String name;

    GraphHandle(CompiledGraph graph, String name) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The graph that made it. */
    public final CompiledGraph graph() {
        return graph;
    }

    public final String name() {
        return name;
    }

    /** E.g. {@code "output"}, as {@link #toString()} names the kind. */
    abstract String kind();

    @Override
    public final String toString() {
        return kind() + " '" + name + "' of " + graph;
    }
}
