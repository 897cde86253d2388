/**
 * The simulated exchange's matching engine: its book, our resting orders, and the L2 fill rules of hftbacktest.
 */
package io.factorgraph.backtest.exchange.matching;
