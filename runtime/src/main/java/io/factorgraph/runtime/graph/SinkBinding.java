package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.FunctionDefinition;
import java.util.List;
import java.util.Map;

/**
 * The graph's {@code sink}: the function and where its arguments live in an instance. The sink runs
 * outside the node array, in an execution context (a backtest or a live gateway) that also supplies
 * what the graph cannot know, such as position and active orders.
 *
 * @param slots the slot of each double or bool stream argument, by parameter name
 * @param argumentSlots the same slots in the order of the signature's double and bool parameters, as
 *     {@link io.factorgraph.runtime.execution.SinkInputs#argument(int)} numbers them
 * @param books the book index of each Book argument, by parameter name
 * @param constants the constant arguments after defaults, by parameter name
 */
public record SinkBinding(FunctionDefinition function, Map<String, Integer> slots, List<Integer> argumentSlots,
        Map<String, Integer> books, Map<String, Constant> constants) {
    public SinkBinding {
        slots = Map.copyOf(slots);
        argumentSlots = List.copyOf(argumentSlots);
        books = Map.copyOf(books);
        constants = Map.copyOf(constants);
    }

    /** The sink's first Book argument: the book whose best levels it reads. */
    public int bookIndex() {
        return books.values().stream().findFirst().orElse(0);
    }
}
