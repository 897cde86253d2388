package io.factorgraph.testkit.streams;

/**
 * The shapes an adversarial stream is assembled from. Each one targets a way a streaming statistic
 * goes wrong; a stream is a concatenation of {@link Segment}s of these kinds.
 */
public enum SegmentKind {
    /** {@code level + scale·u}, u uniform in [-1, 1): small noise on a level (cancellation). */
    NOISE,
    /** A random walk from {@code level} with steps up to {@code scale}: price-like, mean drifts. */
    RANDOM_WALK,
    /** {@code level + i·scale}: a steady trend, the fastest way to drag a mean away from a shift. */
    RAMP,
    /** {@code level} repeated exactly: must give std exactly 0 and the mean exactly {@code level}. */
    CONSTANT,
    /** Each value is {@code level} or {@code level + scale}: a two-valued, nearly constant window. */
    TWO_LEVEL,
    /**
     * {@code level} plus 0 to 3 units in its last place (of 1.0 when the level is 0, to stay clear of
     * subnormals): spreads at the edge of representability.
     */
    ULP_STEPS,
    /** NaN throughout: long enough, it makes windows with no valid value. */
    NAN_BURST,
    /** Noise with about a third of its ticks NaN. */
    SPARSE_NAN,
    /**
     * {@code level ± f·scale} with f from 1e2 to 1e8: values far outside the rest, whose residue
     * must not linger after they leave.
     */
    SPIKE
}
