/**
 * The latency link between the strategy and the simulated exchange: requests and reports in flight, each delayed
 * by the configured {@code LatencyModel} and kept in order.
 */
package io.factorgraph.backtest.exchange.latency;
