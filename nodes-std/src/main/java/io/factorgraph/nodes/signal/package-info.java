/**
 * Bool signals that feed the strategy: {@code stop_loss(vol, chg, ...)} ({@link io.factorgraph.nodes.signal.StopLoss}),
 * true when volatility has risen too far above its baseline or the last change is too many baseline deviations large
 * (docs/DESIGN.md §4).
 *
 * <p>The baselines are range-checked at compile time ({@code > 0}), so the divisions are always defined and a bad value
 * is a diagnostic in the user's file rather than an infinite signal. A NaN input makes its comparison false: the signal
 * does not invent a stop from missing data, and the strategy in {@code io.factorgraph.nodes.strategy} guards non-finite
 * factors itself.
 */
package io.factorgraph.nodes.signal;
