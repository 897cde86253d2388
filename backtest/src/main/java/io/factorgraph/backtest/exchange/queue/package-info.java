/**
 * Where our resting orders stand in their price level's queue: {@link io.factorgraph.backtest.exchange.queue.QueueModel}
 * (hftbacktest's risk-averse and probabilistic models; each owns how a trade and how a depth change move an order's
 * position), the {@link io.factorgraph.backtest.exchange.queue.ProbabilityFunction}s of the probabilistic ones, and
 * {@link io.factorgraph.backtest.exchange.queue.RestingOrders}, the bookkeeping the matching engine asks.
 *
 * <p>A new model is one record here and one line in {@code QueueModel.MODELS}, which {@code --queue} reads; the
 * simulator and the options need no other change.
 */
package io.factorgraph.backtest.exchange.queue;
