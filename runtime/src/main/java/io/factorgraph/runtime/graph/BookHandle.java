package io.factorgraph.runtime.graph;

/** A {@code Book} input of one graph: {@link GraphInstance#book} gives the instance's book for it. */
public final class BookHandle extends GraphHandle {
    private final int index;

    BookHandle(CompiledGraph graph, String name, int index) {
        super(graph, name);
        this.index = index;
    }

    public int index() {
        return index;
    }

    @Override
    String kind() {
        return "Book input";
    }
}
