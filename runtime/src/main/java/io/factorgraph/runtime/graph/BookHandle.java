package io.factorgraph.runtime.graph;

/** A {@code Book} input of one graph: {@link GraphInstance#book} gives the instance's book for it. */
public record BookHandle(String name, int index) {
}
