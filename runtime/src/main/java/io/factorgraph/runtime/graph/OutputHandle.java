package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.spi.ValueType;

/** An exposed stream of one graph: read it from an instance with {@link GraphInstance#value}. */
public final class OutputHandle extends GraphHandle {
    private final ValueType type;
    private final int slot;

    OutputHandle(CompiledGraph graph, String name, ValueType type, int slot) {
        super(graph, name);
        this.type = type;
        this.slot = slot;
    }

    public ValueType type() {
        return type;
    }

    public int slot() {
        return slot;
    }

    @Override
    String kind() {
        return "output";
    }
}
