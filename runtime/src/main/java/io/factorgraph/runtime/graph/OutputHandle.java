package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.spi.ValueType;

/** An exposed stream of one graph: read it from an instance with {@link GraphInstance#value}. */
public record OutputHandle(String name, ValueType type, int slot) {
}
