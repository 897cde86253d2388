package io.factorgraph.runtime.market;

/**
 * Quantities as whole lots of {@code 10^-decimals}, so that sums of them are exact integer sums.
 *
 * <p>Why: a band's quantity is kept as a running sum updated by every edit, and a running double sum
 * drifts (it is the sum of its history's rounding errors, not of the levels). A running sum of longs is
 * exact, and converting it once, {@code (double) lots / 10^decimals}, is correctly rounded: the band's
 * quantity is the double nearest its exact decimal sum. A quantity is admitted if {@code round(q * 10^d)}
 * divided back gives the same double (the argument of {@link PriceGrid}); the decimals grow as finer
 * quantities arrive (every running sum is then multiplied up, exactly), and a quantity with more than
 * {@value #MAX_DECIMALS} places, or too large, turns exact sums off until the book is cleared.
 */
final class LotScale {
    static final int MAX_DECIMALS = 12;
    /**
     * Lots of one level stay below this, so that a band of a whole window of levels sums below 2^52 and
     * converts to a double exactly before the one division ({@link #qty} checks the sum all the same).
     */
    private static final long MAX_LOTS = 1L << 38;

    private static final long MAX_EXACT_SUM = 1L << 53;

    private int decimals;
    private double scale = 1.0;
    private boolean exact = true;
    /** The most lots any admitted quantity had: a rise of the decimals must keep every level below the cap. */
    private long maxLots;

    boolean isExact() {
        return exact;
    }

    double scale() {
        return scale;
    }

    /** Lots of a quantity already {@link #admit admitted} at this scale. */
    long lots(double qty) {
        return Math.round(qty * scale);
    }

    /** Whether a sum of {@code lots} converts exactly: {@link #qty} is then correctly rounded. */
    static boolean convertsExactly(long lots) {
        return lots > -MAX_EXACT_SUM && lots < MAX_EXACT_SUM;
    }

    /** The quantity of {@code lots} lots, correctly rounded when {@link #convertsExactly}. */
    double qty(long lots) {
        return (double) lots / scale;
    }

    /**
     * Makes {@code qty} representable, raising the decimals if it needs more. Returns the factor every
     * running lot sum must be multiplied by (1 when nothing changed), or 0 when exact sums are off from now
     * on (the quantity cannot be represented).
     */
    long admit(double qty) {
        if (!exact) {
            return 0;
        }
        double scaled = qty * scale;
        if (scaled < MAX_LOTS) {
            long lots = Math.round(scaled);
            if ((double) lots / scale == qty) {
                maxLots = Math.max(maxLots, lots);
                return 1;
            }
        }
        int d = Math.max(decimals, PriceGrid.decimalsOf(qty));
        double s = d <= MAX_DECIMALS ? PriceGrid.POWERS[d] : Double.NaN;
        if (!(qty * s < MAX_LOTS) || (double) Math.round(qty * s) / s != qty) {
            exact = false;
            return 0;
        }
        long factor = 1;
        for (int k = decimals; k < d; k++) {
            factor *= 10;
        }
        if (maxLots >= MAX_LOTS / factor) {
            exact = false;
            return 0;
        }
        maxLots = Math.max(maxLots * factor, Math.round(qty * s));
        decimals = d;
        scale = s;
        return factor;
    }

    /** Turns exact sums off until {@link #reset}: a running sum could not follow a rise of the decimals. */
    void disable() {
        exact = false;
    }

    /** Back to whole lots with exact sums on: for a cleared book. */
    void reset() {
        decimals = 0;
        scale = 1.0;
        exact = true;
        maxLots = 0;
    }
}
