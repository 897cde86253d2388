package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.FunctionDefinition;
import java.util.Map;

/**
 * The graph's {@code sink}: the function and where its arguments live in an instance. The sink runs
 * outside the node array, in an execution context (a backtest or a live gateway) that also supplies
 * what the graph cannot know, such as position and active orders.
 *
 * @param slots the slot of each double or bool stream argument, by parameter name
 * @param books the book index of each Book argument, by parameter name
 * @param constants the constant arguments after defaults, by parameter name
 */
public record SinkBinding(FunctionDefinition function, Map<String, Integer> slots, Map<String, Integer> books,
        Map<String, Constant> constants) {
    public SinkBinding {
        slots = Map.copyOf(slots);
        books = Map.copyOf(books);
        constants = Map.copyOf(constants);
    }
}
