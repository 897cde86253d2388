/**
 * The strategy process (docs/DESIGN.md §8): runs the graph's sink ({@code stateless_mm}) on the engine's factor updates
 * and works its orders at the connector's venue.
 *
 * <p>Start at {@link io.factorgraph.live.strategy.StrategyRunner}; its class comment lists the fail-safes. Everything
 * here reuses the in-process path so the two cannot drift apart: the sink is bound with
 * {@link io.factorgraph.runtime.spi.SinkFunction#bind} exactly as the backtest binds it;
 * {@link io.factorgraph.live.strategy.LiveFactorProvider} implements the same
 * {@link io.factorgraph.runtime.replay.FactorProvider} as a replay;
 * {@link io.factorgraph.live.strategy.LiveOrderGateway} is an {@link io.factorgraph.runtime.execution.OrderGateway}
 * that keeps position and working orders from its own orders and the execution reports alone, with the backtest's
 * {@link io.factorgraph.backtest.exchange.OrderTracker} and {@link io.factorgraph.backtest.account.Account}; and the
 * summary at the end is the backtest's, computed by the same code, followed by what only a live run has (orders, halts,
 * gaps, hop latencies).
 *
 * <p>The rule behind the fail-safes: trade only on an update that is fresh, warm, in sequence and of the graph it
 * compiled (its fingerprint); otherwise cancel every order and quote nothing. Lost execution reports mean position and
 * orders are no longer known, so trading stops for good. Per tick the path is allocation-free.
 */
package io.factorgraph.live.strategy;
