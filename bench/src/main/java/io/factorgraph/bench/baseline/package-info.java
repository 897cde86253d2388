/**
 * What the compiled graph is measured against: the same work written without the framework, so that every ratio of
 * docs/DESIGN.md §10 is measured side by side, in the same run, on the same data.
 *
 * <ul>
 *   <li>{@link io.factorgraph.bench.baseline.HandFusedObiMm}: {@code obi_mm}'s factors as one hand-written method, the
 *       practical limit. Start here. It uses the graph's own statistics
 *       ({@link io.factorgraph.nodes.window.RollingMoments}) operation for operation, so its outputs are bit-identical
 *       to the graph's (a test holds it to that) and the comparison measures the framework, not different arithmetic.
 *   <li>{@link io.factorgraph.bench.baseline.WindowRecompute}: what the seed does and the graph replaces, every
 *       statistic recomputed over the window at every tick; agrees with the graph to rounding, not to the bit.
 *   <li>{@link io.factorgraph.bench.baseline.NaiveFusedFactors}: the seed's {@code sum}/{@code sum_sq} statistics,
 *       wrong (they lose a price's noise and drift) but the cheapest O(1) arithmetic there is, to show what numerical
 *       stability costs.
 *   <li>{@link io.factorgraph.bench.baseline.HandObi}: {@code OBI} by hand against the book API, the node's method and
 *       the obvious level walk, both equal to the node to the bit.
 *   <li>{@link io.factorgraph.bench.baseline.PaperGateway}: an order gateway that never fills, so a benchmark can run
 *       the sink's decision and diff every tick without the simulator's cost.
 * </ul>
 * Baselines are as careful as the code they are compared with: a fast baseline that computes something else proves
 * nothing. They allocate nothing per tick. The benchmarks that use them are in {@code io.factorgraph.bench}.
 */
package io.factorgraph.bench.baseline;
