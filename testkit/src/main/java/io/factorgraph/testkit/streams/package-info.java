/**
 * Adversarial {@code double} streams and the naive batch references streaming statistics are tested against
 * (docs/DESIGN.md §4: results within about 1e-9 of a two-pass computation, exactly 0 on a constant window, no drift).
 *
 * <p>Start at {@link io.factorgraph.testkit.streams.Streams}: each generator aims at one way incremental statistics
 * break (cancellation on large levels, exact constant runs, NaN bursts, spikes whose residue must not linger, tiny
 * magnitudes), so a failing property already names its culprit. Streams are concatenations of
 * {@link io.factorgraph.testkit.streams.Segment}s of a {@link io.factorgraph.testkit.streams.SegmentKind}, whose
 * contents come from a seed rather than from jqwik value by value, so a failure shrinks by structure (fewer, shorter,
 * simpler segments) instead of through thousands of noise values.
 *
 * <p>{@link io.factorgraph.testkit.streams.BatchReference} is naive in its algorithm, not in its arithmetic: a
 * reference is only useful if it is more accurate than what it checks, so it sums with compensation, refines the mean
 * and computes variances in two passes with a correction term; its conventions (window, NaN, ddof = 0) are the
 * design's. Generated values stay finite and within a range where squared deviations are normal doubles, so the
 * two-pass reference is meaningful; infinities are left to example-based tests.
 */
package io.factorgraph.testkit.streams;
