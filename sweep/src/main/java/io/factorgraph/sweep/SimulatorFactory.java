package io.factorgraph.sweep;

import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.runtime.graph.SinkBinding;

/**
 * The simulator of one sink at one point: {@code fg backtest}'s settings with the point's simulator axes applied. The
 * caller (the CLI, a cluster task) owns option parsing, so a grid over {@code latency} means exactly what {@code
 * --latency} means.
 */
@FunctionalInterface
public interface SimulatorFactory {
    /**
     * @param book the name of the Book input the sink trades
     * @throws IllegalArgumentException when the point's settings do not make a simulator: the point fails with the
     *     message
     */
    SimulatorConfig config(GridPoint point, SinkBinding sink, String book);
}
