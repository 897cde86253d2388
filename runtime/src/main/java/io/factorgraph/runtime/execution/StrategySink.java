package io.factorgraph.runtime.execution;

/**
 * A bound sink: the graph's terminal consumer, run after every tick by an execution context. The
 * same object runs in a backtest and live, so the two cannot drift apart.
 */
public interface StrategySink {
    void onTick(long timeNanos, SinkInputs inputs, OrderGateway gateway);
}
