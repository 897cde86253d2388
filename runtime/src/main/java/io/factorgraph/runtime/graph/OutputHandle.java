package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.spi.ValueType;
import java.util.Objects;

/**
 * An exposed stream of one graph: read it from an instance with {@link GraphInstance#value}. A handle
 * belongs to the graph that made it; an instance of another graph refuses it.
 */
public final class OutputHandle {
    private final CompiledGraph graph;
    private final String name;
    private final ValueType type;
    private final int slot;

    OutputHandle(CompiledGraph graph, String name, ValueType type, int slot) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.name = name;
        this.type = type;
        this.slot = slot;
    }

    public CompiledGraph graph() {
        return graph;
    }

    public String name() {
        return name;
    }

    public ValueType type() {
        return type;
    }

    public int slot() {
        return slot;
    }

    @Override
    public String toString() {
        return "output '" + name + "' of " + graph;
    }
}
