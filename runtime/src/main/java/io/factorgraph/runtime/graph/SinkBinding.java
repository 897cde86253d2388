package io.factorgraph.runtime.graph;

import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.ConstantArguments;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.TradingTerms;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The graph's {@code sink}: the function and where what it reads lives in an instance. The sink runs
 * outside the node array, in an execution context (a backtest or a live gateway) that also supplies
 * what the graph cannot know, such as position and active orders.
 *
 * @param slots the slot of each factor (double or bool stream argument), by parameter name
 * @param argumentSlots the same slots in the order of the declaration's factors, as
 *     {@link io.factorgraph.runtime.execution.SinkInputs#argument(int)} numbers them
 * @param tradedBook the book the sink trades, when it reads one
 * @param constants the constant arguments after defaults, by parameter name
 */
public record SinkBinding(
        SinkFunction function,
        Map<String, Integer> slots,
        List<Integer> argumentSlots,
        Optional<BookHandle> tradedBook,
        Map<String, Constant> constants) {
    public SinkBinding {
        slots = Map.copyOf(slots);
        argumentSlots = List.copyOf(argumentSlots);
        constants = Map.copyOf(constants);
    }

    public ConstantArguments arguments() {
        return new ConstantArguments(constants);
    }

    /** The sink's price grid and position limit, which the execution context must trade on. */
    public TradingTerms terms() {
        return function.terms(arguments());
    }

    /** A fresh sink for one run. */
    public StrategySink bind() {
        return function.bind(arguments());
    }

    /** Whether the sink reads position and working orders from its execution context. */
    public boolean needsExecution() {
        return function.declaration().needsExecution();
    }
}
