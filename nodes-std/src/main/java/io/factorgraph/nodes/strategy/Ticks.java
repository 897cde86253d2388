package io.factorgraph.nodes.strategy;

/**
 * Price ↔ tick conversions, tolerant of binary floating-point error: {@code 50000.1 / 0.1} is
 * {@code 500000.99999999994} in doubles, which a plain {@code floor} would put one tick low. The
 * tolerance is {@link #ROUNDING_TOLERANCE} of a tick, as docs/DESIGN.md §6 fixes it.
 *
 * <p>Tick counts are whole numbers held in doubles until they are checked {@link #isQuotable
 * quotable} (finite, at least one tick, at most {@link #MAX_PRICE_TICKS}), so that NaN and infinite
 * prices fall out of one comparison instead of overflowing a {@code long}.
 */
public final class Ticks {
    /** The fraction of a tick a price may be off its grid and still count as on it. */
    public static final double ROUNDING_TOLERANCE = 1e-9;

    /**
     * The largest price, in ticks, the strategy quotes: 2^52, so that tick arithmetic and the
     * conversion back to a price stay exact in doubles.
     */
    public static final long MAX_PRICE_TICKS = 1L << 52;

    private Ticks() {}

    /** {@code floor(price / tick + 1e-9)}: the highest tick at or below the price (a bid's rounding). */
    public static double floor(double price, double tick) {
        return Math.floor(price / tick + ROUNDING_TOLERANCE);
    }

    /** {@code ceil(price / tick - 1e-9)}: the lowest tick at or above the price (an ask's rounding). */
    public static double ceil(double price, double tick) {
        return Math.ceil(price / tick - ROUNDING_TOLERANCE);
    }

    /**
     * The nearest tick to a price that is meant to be on the grid, such as an active order's price
     * as the venue reports it.
     */
    public static long nearest(double price, double tick) {
        return Math.round(price / tick);
    }

    /** Whether a whole tick count is a price the strategy may quote: finite, in [1, 2^52]. */
    public static boolean isQuotable(double ticks) {
        return ticks >= 1 && ticks <= MAX_PRICE_TICKS;
    }

    /**
     * The price of a tick count, as the double closest to the decimal a venue would print. When the
     * tick is 1/n for a whole n (0.1, 0.01, 0.25, 0.05 ...) the price is {@code ticks / n}, one
     * correctly rounded division, so 1003 ticks of 0.1 give {@code 100.3} (the double
     * {@code "100.3"} parses to, which an order book keyed by parsed prices matches with
     * {@code ==}) rather than {@code 1003 * 0.1 = 100.30000000000001}. Otherwise {@code ticks * tick}.
     */
    public static double price(long ticks, double tick) {
        final double perUnit = 1.0 / tick;
        final double whole = Math.rint(perUnit);
        if (whole >= 1 && Math.abs(perUnit - whole) <= ROUNDING_TOLERANCE * whole) {
            return ticks / whole;
        }
        return ticks * tick;
    }
}
