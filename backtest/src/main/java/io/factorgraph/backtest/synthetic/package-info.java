/**
 * A documented, seeded synthetic market ({@link io.factorgraph.backtest.synthetic.SyntheticMarket}): a
 * zero-intelligence order-flow model that emits the same events as a recorded Binance feed, so that a
 * backtest runs, and shows every part of the pipeline, without any data.
 */
package io.factorgraph.backtest.synthetic;
