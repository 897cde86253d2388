package io.factorgraph.runtime.spi;

/**
 * The values a numeric constant parameter accepts, checked at compile time so that a bad window
 * or a zero baseline is a diagnostic in the user's file rather than NaNs at run time.
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);

    public static Range positive() {
        return new Range(0, false, Double.POSITIVE_INFINITY, true);
    }

    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, true);
    }

    public static Range between(double min, double max) {
        return new Range(min, true, max, true);
    }

    public boolean contains(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** E.g. {@code "> 0"}, {@code ">= 1"}, {@code "in [0, 1]"}. */
    public String describe() {
        boolean lower = min != Double.NEGATIVE_INFINITY;
        boolean upper = max != Double.POSITIVE_INFINITY;
        if (lower && upper) {
            return "in " + (minInclusive ? "[" : "(") + Constant.format(min) + ", " + Constant.format(max)
                    + (maxInclusive ? "]" : ")");
        }
        if (lower) {
            return (minInclusive ? ">= " : "> ") + Constant.format(min);
        }
        if (upper) {
            return (maxInclusive ? "<= " : "< ") + Constant.format(max);
        }
        return "any value";
    }
}
