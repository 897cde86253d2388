/**
 * Tick-to-tick transforms of one stream: {@code change(x)} ({@link io.factorgraph.nodes.series.Change}),
 * {@code diff(x, k)} ({@link io.factorgraph.nodes.series.Diff}) and {@code lag(x, k)}
 * ({@link io.factorgraph.nodes.series.Lag}).
 *
 * <p>Each is a node of its own, reading its input's slot and remembering what it needs, so that any number of consumers
 * share one computation and the order of evaluation cannot go wrong: the seed computed the price change after the
 * volatility node had already stored the new price, which made every change 0 (docs/DESIGN.md §4). Warm-up follows
 * pandas ({@code diff} and {@code shift} leave the first k ticks NaN); {@code change} is 0.0 on its first tick, as the
 * specification fixes it. Windowed statistics of these streams are in {@code io.factorgraph.nodes.window}.
 */
package io.factorgraph.nodes.series;
