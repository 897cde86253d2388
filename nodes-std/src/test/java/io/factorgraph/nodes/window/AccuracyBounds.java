package io.factorgraph.nodes.window;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The accuracy the window statistics promise, as test assertions. The bounds are the ones stated in
 * the classes' Javadoc (and far inside docs/DESIGN.md §4's 1e-9): tightening them is fine as long as they
 * stay above the worst case the analysis allows; loosening them needs a reason.
 */
final class AccuracyBounds {
    /** Mean error, relative to the largest magnitude in the window. */
    static final double MEAN_OF_SCALE = 1e-13;
    /** Standard deviation error, relative to the exact standard deviation itself. */
    static final double STD_RELATIVE = 1e-12;
    /**
     * Below this a std is only checked absolutely: the variance is then within ~1e-28 of the
     * subnormal range, where weights and squares lose relative precision in any computation.
     */
    static final double STD_FLOOR = 1e-140;
    /** Sum error, relative to the larger of |sum| and the largest magnitude in the window. */
    static final double SUM_OF_SCALE = 1e-13;

    private AccuracyBounds() {}

    /** NaN exactly when the reference is NaN; otherwise within {@link #MEAN_OF_SCALE}·scale. */
    static void assertMean(double actual, double expected, double scale, Supplier<String> where) {
        if (bothNaN(actual, expected, where)) {
            return;
        }
        check(Math.abs(actual - expected) <= MEAN_OF_SCALE * scale, "mean", actual, expected, "scale " + scale, where);
    }

    /**
     * NaN exactly when the reference is NaN; exactly 0.0 when the reference is 0 (a constant window);
     * otherwise within {@link #STD_RELATIVE} of the reference (plus {@link #STD_FLOOR}).
     */
    static void assertStd(double actual, double expected, Supplier<String> where) {
        if (bothNaN(actual, expected, where)) {
            return;
        }
        if (expected == 0.0) {
            check(actual == 0.0, "std", actual, expected, "a constant window must give exactly 0", where);
            return;
        }
        check(
                Math.abs(actual - expected) <= STD_RELATIVE * expected + STD_FLOOR,
                "std",
                actual,
                expected,
                "relative error " + Math.abs(actual - expected) / expected,
                where);
    }

    /**
     * For exponentially weighted stds, which decay towards 0 without reaching it: the reference's
     * weights underflow to exactly 0 where the recurrence still holds a subnormal variance, so a
     * zero reference is matched within {@link #STD_FLOOR} rather than exactly (a constant stream's
     * exact 0 is tested on its own).
     */
    static void assertDecayingStd(double actual, double expected, Supplier<String> where) {
        if (bothNaN(actual, expected, where)) {
            return;
        }
        check(
                Math.abs(actual - expected) <= STD_RELATIVE * expected + STD_FLOOR,
                "std",
                actual,
                expected,
                "relative error " + Math.abs(actual - expected) / expected,
                where);
    }

    static void assertSum(double actual, double expected, double scale, Supplier<String> where) {
        if (bothNaN(actual, expected, where)) {
            return;
        }
        check(
                Math.abs(actual - expected) <= SUM_OF_SCALE * Math.max(Math.abs(expected), scale),
                "sum",
                actual,
                expected,
                "scale " + scale,
                where);
    }

    /** Bit-for-bit up to the sign of zero; NaN matches NaN. For exact statistics (min, max). */
    static void assertExact(double actual, double expected, String what, Supplier<String> where) {
        if (bothNaN(actual, expected, where)) {
            return;
        }
        check(actual == expected, what, actual, expected, "must be exact", where);
    }

    /** Describes the window ending at tick {@code end}, for failure messages. */
    static Supplier<String> at(double[] xs, int end, int window) {
        return () -> {
            final int from = Math.max(0, end - window + 1);
            final int shownFrom = Math.max(from, end - 11);
            return "at tick " + end + " of " + xs.length + ", window " + window + ", last values "
                    + Arrays.toString(Arrays.copyOfRange(xs, shownFrom, end + 1));
        };
    }

    private static boolean bothNaN(double actual, double expected, Supplier<String> where) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            check(
                    Double.isNaN(expected) && Double.isNaN(actual),
                    "NaN-ness",
                    actual,
                    expected,
                    "NaN exactly when the window has no valid value",
                    where);
            return true;
        }
        return false;
    }

    private static void check(
            boolean ok, String what, double actual, double expected, String detail, Supplier<String> where) {
        if (!ok) {
            throw new AssertionError(
                    what + " was " + actual + ", reference " + expected + " (" + detail + ") " + where.get());
        }
    }
}
