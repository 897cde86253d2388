/**
 * The stateless market-making strategy, {@code stateless_mm}, bound as a graph's sink (docs/DESIGN.md §6).
 *
 * <p>Start at {@link io.factorgraph.nodes.strategy.StatelessMm}: its class comment is the decision, step by step (stop,
 * cannot quote, quotes, grid, diff against the active orders). It is a pure function: factors, the top of the book, the
 * position and the active orders in, orders to cancel and to send out; the execution context owns position and orders.
 * That is what makes it testable by properties (bids below asks, no quote through the book, position limits respected,
 * the diff idempotent, same input same output) and what lets one object run in the backtest and live.
 *
 * <p>Two forms, one decision. The convenient one takes and returns records
 * ({@link io.factorgraph.nodes.strategy.StrategyInput}, {@link io.factorgraph.nodes.strategy.StrategyOutput}) for
 * tests, notebooks and embedding; the zero-allocation one reads a reusable
 * {@link io.factorgraph.nodes.strategy.ActiveOrders} and writes a caller-owned
 * {@link io.factorgraph.nodes.strategy.OrderDiff}, and is the one on the hot path, through
 * {@link io.factorgraph.nodes.strategy.StatelessMmSink}. Prices are computed in doubles and quoted in integer ticks,
 * rounded with a tolerance for binary-float error ({@link io.factorgraph.nodes.strategy.Ticks}), so that
 * {@code 50000.1 / 0.1} does not land a tick low. Parameters are checked in one place
 * ({@link io.factorgraph.nodes.strategy.StrategyParams#check}) for both a {@code .fg} file and Java code.
 *
 * <p>Neighbours: the sink contract is {@code io.factorgraph.runtime.execution}; its gateways are the backtest's
 * simulated venue ({@code io.factorgraph.backtest}) and the live strategy process
 * ({@code io.factorgraph.live.strategy}).
 */
package io.factorgraph.nodes.strategy;
