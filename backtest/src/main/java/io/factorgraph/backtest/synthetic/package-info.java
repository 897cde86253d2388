/**
 * A documented, seeded synthetic market ({@link io.factorgraph.backtest.synthetic.SyntheticMarket}): a
 * zero-intelligence order-flow model that emits the same events as a recorded Binance feed, so that a
 * backtest runs, and shows every part of the pipeline, without any data. Its configuration is one small record
 * per concern (instrument, session, price process, order flow, book shape, shocks, feed timing), each checking
 * its own fields.
 */
package io.factorgraph.backtest.synthetic;
