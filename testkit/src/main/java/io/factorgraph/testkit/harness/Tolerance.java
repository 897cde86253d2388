package io.factorgraph.testkit.harness;

/**
 * How close a streaming node's value must be to the batch reference's. NaN matches only NaN, and an
 * infinity only the same infinity, under every tolerance.
 */
@FunctionalInterface
public interface Tolerance {
    /**
     * @param dataScale the largest magnitude among the finite inputs seen so far, for bounds such as
     *     "1e-9 relative to the data's scale"
     */
    boolean accepts(double expected, double actual, double dataScale);

    static Tolerance exact() {
        return (expected, actual, scale) -> Double.compare(expected, actual) == 0 || expected == actual;
    }

    static Tolerance absolute(double bound) {
        return (expected, actual, scale) -> sameSpecial(expected, actual) || Math.abs(expected - actual) <= bound;
    }

    /** {@code |actual - expected| <= bound * max(|expected|, tiny)}. */
    static Tolerance relative(double bound) {
        return (expected, actual, scale) -> sameSpecial(expected, actual)
                || Math.abs(expected - actual) <= bound * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    }

    /** {@code |actual - expected| <= bound * dataScale}: the accuracy contract of docs/DESIGN.md §4. */
    static Tolerance relativeToData(double bound) {
        return (expected, actual, scale) -> sameSpecial(expected, actual)
                || Math.abs(expected - actual) <= bound * Math.max(scale, Double.MIN_NORMAL);
    }

    private static boolean sameSpecial(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        return expected == actual;
    }
}
