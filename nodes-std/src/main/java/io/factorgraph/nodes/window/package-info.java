/**
 * Statistics over a window of ticks and exponentially weighted ones: {@code rolling_mean}, {@code rolling_std},
 * {@code zscore}, {@code rolling_sum}, {@code rolling_min}, {@code rolling_max}
 * ({@link io.factorgraph.nodes.window.RollingNodes}), {@code ewm_mean}, {@code ewm_std} and their half-life forms
 * ({@link io.factorgraph.nodes.window.EwmNodes}), and {@code volatility}
 * ({@link io.factorgraph.nodes.window.Volatility}).
 *
 * <p>This is where the seed's O(window) recompute becomes O(1) streaming state, and where accuracy is part of the
 * contract (docs/DESIGN.md §4): the seed's {@code sum}/{@code sum_sq} loses every digit of a price's noise and drifts
 * over millions of updates. So the nodes are thin, and the numerics live in plain, separately tested calculators with
 * {@code onValue(x)} and a getter: {@link io.factorgraph.nodes.window.RollingMoments} (shifted compensated sums, an
 * exact re-sum from the ring when cancellation is detected; start reading here, its class comment gives the method and
 * the error bound), {@link io.factorgraph.nodes.window.RollingSum}, {@link io.factorgraph.nodes.window.RollingMax} and
 * {@link io.factorgraph.nodes.window.RollingMin} (monotonic deques), {@link io.factorgraph.nodes.window.EwmStats}, on
 * {@link io.factorgraph.nodes.window.CompensatedSum} and {@link io.factorgraph.nodes.window.DoubleRingBuffer}.
 * Hand-written baselines and other nodes reuse them, so every implementation computes the same doubles.
 *
 * <p>Invariants: the window is the last W ticks including the current one (fewer while warming up), or for a duration
 * D the samples whose tick time lies in {@code (t - D, t]} (docs/DESIGN.md §11), both kept in one
 * {@link io.factorgraph.nodes.window.SampleRing}; a NaN occupies its
 * tick but is left out of counts and sums, and a window with no valid value gives NaN; standard deviations are
 * population ones (ddof = 0); a constant window gives exactly 0; results agree with a two-pass batch computation to
 * about 1e-9 relative to the data's scale (the tests hold tighter bounds, stated in each class). The z-score's guard
 * lives once, in {@link io.factorgraph.nodes.window.ZScore}. All memory is preallocated at link time: no boxing, no
 * allocation per tick, O(1) amortised work.
 */
package io.factorgraph.nodes.window;
