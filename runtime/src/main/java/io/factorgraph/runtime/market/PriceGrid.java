package io.factorgraph.runtime.market;

/**
 * The price grid of one instrument: prices that are whole multiples of a tick of {@code tickUnits} units
 * of {@code 10^-decimals}, numbered by their tick index {@code units / tickUnits}.
 *
 * <p>Why the mapping is exact both ways: a price is on the grid only if {@code (double) units / 10^decimals}
 * gives back the very double, and that division of two exactly representable values (units below
 * 2^53, {@code 10^decimals} for decimals up to 22) is correctly rounded, so it is the double nearest the
 * decimal {@code units * 10^-decimals}, the one a correctly rounded parser makes of the feed's string.
 * {@link #price(long)} repeats that division, so a tick index reads back the price that was stored;
 * two different doubles never share an index. Anything else (a price with more decimals, off the tick,
 * or too large) is {@link #OFF_GRID} and the book keeps it elsewhere, at its exact double.
 *
 * <p>The grid is learnt from the levels of the first snapshot (the most decimals any price needs, and the
 * greatest common divisor of their units) unless it was given; see {@link #learn}.
 */
final class PriceGrid {
    /** {@link #tickOf} of a price that is not on the grid, or of any price before the grid is known. */
    static final long OFF_GRID = Long.MIN_VALUE;
    /** Most decimals a learnt grid uses: Binance quotes at most 8. */
    static final int MAX_DECIMALS = 12;
    /** Units stay below this, so that they and their products with small factors are exact in a double. */
    private static final long MAX_UNITS = 1L << 52;

    private boolean known;
    private double scale = 1.0;
    private long tickUnits = 1;

    /** An unknown grid: every price is off it until {@link #learn} or {@link #set}. */
    PriceGrid() {}

    boolean isKnown() {
        return known;
    }

    /** The tick size as a double (for messages and tests); NaN while unknown. */
    double tickSize() {
        return known ? tickUnits / scale : Double.NaN;
    }

    /**
     * Fixes the grid to {@code tickSize}, a positive decimal with at most {@value #MAX_DECIMALS} places.
     *
     * @throws IllegalArgumentException otherwise
     */
    void set(double tickSize) {
        int decimals = decimalsOf(tickSize);
        if (!(tickSize > 0) || decimals < 0) {
            throw new IllegalArgumentException(
                    "tick size must be a positive decimal with at most " + MAX_DECIMALS + " places, was " + tickSize);
        }
        scale = POWERS[decimals];
        tickUnits = Math.round(tickSize * scale);
        known = true;
    }

    /**
     * Learns the grid from sample prices: the most decimals any of them needs and the greatest common
     * divisor of their units. Prices that need more than {@value #MAX_DECIMALS} places are ignored (the
     * book keeps them off the grid). Returns whether a grid was learnt (at least one usable price).
     */
    boolean learn(double[] prices, int count) {
        int decimals = 0;
        int usable = 0;
        for (int i = 0; i < count; i++) {
            int d = decimalsOf(prices[i]);
            if (d >= 0) {
                decimals = Math.max(decimals, d);
                usable++;
            }
        }
        if (usable == 0) {
            return false;
        }
        double s = POWERS[decimals];
        long gcd = 0;
        for (int i = 0; i < count; i++) {
            if (decimalsOf(prices[i]) >= 0) {
                gcd = gcd(gcd, Math.round(prices[i] * s));
            }
        }
        if (gcd <= 0) {
            return false;
        }
        scale = s;
        tickUnits = gcd;
        known = true;
        return true;
    }

    /** The tick index of {@code price}, or {@link #OFF_GRID}. */
    long tickOf(double price) {
        if (!known) {
            return OFF_GRID;
        }
        double scaled = price * scale;
        if (!(scaled < MAX_UNITS)) {
            return OFF_GRID;
        }
        long units = Math.round(scaled);
        if ((double) units / scale != price) {
            return OFF_GRID;
        }
        long t = tickUnits;
        if (t == 1) {
            return units;
        }
        long tick = units / t;
        return tick * t == units ? tick : OFF_GRID;
    }

    /** The price of tick index {@code tick}: exactly the double {@link #tickOf} mapped to it. */
    double price(long tick) {
        return (double) (tick * tickUnits) / scale;
    }

    /**
     * The smallest tick whose price is {@code >= limit} (a double comparison, as a band is defined); the
     * grid must be known and {@code limit} finite.
     */
    long firstTickAtOrAbove(double limit) {
        long tick = (long) Math.ceil(limit * scale / tickUnits);
        while (price(tick - 1) >= limit) {
            tick--;
        }
        while (price(tick) < limit) {
            tick++;
        }
        return tick;
    }

    /** The largest tick whose price is {@code <= limit}; the grid must be known and {@code limit} finite. */
    long lastTickAtOrBelow(double limit) {
        long tick = (long) Math.floor(limit * scale / tickUnits);
        while (price(tick + 1) <= limit) {
            tick++;
        }
        while (price(tick) > limit) {
            tick--;
        }
        return tick;
    }

    /** The fewest decimals that give back {@code value} exactly (see the class comment), or -1. */
    static int decimalsOf(double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            return -1;
        }
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            double scaled = value * POWERS[d];
            if (!(scaled < MAX_UNITS)) {
                return -1;
            }
            if ((double) Math.round(scaled) / POWERS[d] == value) {
                return d;
            }
        }
        return -1;
    }

    /** {@code 10^d} for {@code d} up to {@value #MAX_DECIMALS}, each exact. */
    static final double[] POWERS = new double[MAX_DECIMALS + 1];

    static {
        double p = 1.0;
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            POWERS[d] = p;
            p *= 10.0;
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return Math.abs(a);
    }
}
