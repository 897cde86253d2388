/**
 * Queue bookkeeping for our resting orders: their place in their price level's queue, which the configured
 * {@code QueueModel} moves on trades and depth changes.
 */
package io.factorgraph.backtest.exchange.queue;
