/**
 * Where a graph meets the thing that trades on it: the contracts between a bound sink and the execution context that
 * runs it, a backtest or a live strategy process.
 *
 * <p>{@link io.factorgraph.runtime.execution.StrategySink} is the graph's terminal consumer, run after every tick;
 * {@link io.factorgraph.runtime.execution.SinkInputs} is what it reads (its stream arguments and the best levels of its
 * book); {@link io.factorgraph.runtime.execution.OrderGateway} is what it trades through and what tells it what the
 * graph cannot know, its position and working orders. They are interfaces, and this small, because the same sink object
 * must run in process on a graph instance and in a separate process on factor messages: the backtest and live paths
 * then cannot drift apart (docs/DESIGN.md §6, §8). All three are called per tick on one thread, so implementations
 * allocate nothing and read by index, not by name.
 *
 * <p>Implementations live downstream: the sink in {@code io.factorgraph.nodes.strategy}, gateways in
 * {@code io.factorgraph.backtest} and {@code io.factorgraph.live.strategy}, in-process inputs in
 * {@link io.factorgraph.runtime.graph.InstanceSinkInputs}. A sink function is bound to a sink through
 * {@link io.factorgraph.runtime.spi.SinkFunction}.
 */
package io.factorgraph.runtime.execution;
