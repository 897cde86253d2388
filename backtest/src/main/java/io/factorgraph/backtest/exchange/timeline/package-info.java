/**
 * The exchange timeline: how recorded exchange stamps become the simulated exchange's clock, on the local clock
 * (see {@code TimelineCorrection}).
 */
package io.factorgraph.backtest.exchange.timeline;
