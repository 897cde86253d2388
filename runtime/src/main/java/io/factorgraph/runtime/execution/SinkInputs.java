package io.factorgraph.runtime.execution;

/**
 * What a sink reads each tick: its stream arguments (in the order of its signature's double and
 * bool parameters; a bool reads 1.0 or 0.0) and the best levels of its book. In process they come
 * from the graph instance; in a separate strategy process, from the factor update message.
 */
public interface SinkInputs {
    double argument(int index);

    double bestBid();

    double bestAsk();
}
