package io.factorgraph.runtime.spi;

import io.factorgraph.runtime.execution.StrategySink;
import java.util.Map;

/**
 * A function usable as a graph's {@code sink}: not linked into the node array but bound, with its
 * constant arguments, to a {@link StrategySink} that an execution context runs after each tick.
 */
public interface SinkFunction extends FunctionDefinition {
    /** Makes the sink's state for one run from its constant arguments (after defaults, validated). */
    StrategySink bind(Map<String, Constant> constants);

    /** Sinks are not nodes. */
    @Override
    default Node link(LinkContext context) {
        throw new UnsupportedOperationException("'" + signature().name() + "' is a sink: it is bound with bind(...) "
                + "and run by a backtest or a live strategy, not linked as a node");
    }
}
