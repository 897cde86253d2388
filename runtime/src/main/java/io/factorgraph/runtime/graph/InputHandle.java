package io.factorgraph.runtime.graph;

/** Where the host writes a {@code double} input of one graph: pass it to {@link GraphInstance#set}. */
public record InputHandle(String name, int slot) {
}
