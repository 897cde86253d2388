package io.factorgraph.backtest.exchange;

import java.math.BigDecimal;

/**
 * An instrument's price and quantity grids: prices in whole ticks, quantities in whole lots, and back.
 *
 * <p>The way back is exact in the sense that matters: {@link #price(long)} returns the double nearest to
 * {@code ticks * tickSize} computed in decimal, which is the very double a feed's decimal string for that price parses
 * to ({@code 618002} ticks of {@code 0.1} give {@code 61800.2}, not {@code 61800.200000000004}); the same holds for
 * lots. The way in rounds to the nearest tick or lot and refuses values off the grid (by more than a millionth of a
 * step), so that a wrong tick or lot size in a configuration shows at once rather than as silently rounded prices.
 */
public final class PriceGrid {
    private static final double GRID_TOLERANCE = 1e-6;
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final double tickSize;
    private final double lotSize;
    private final Step tick;
    private final Step lot;
    private final double tickLotValue;

    public PriceGrid(double tickSize, double lotSize) {
        if (!(tickSize > 0) || !Double.isFinite(tickSize)) {
            throw new IllegalArgumentException("tick size must be finite and > 0, was " + tickSize);
        }
        if (!(lotSize > 0) || !Double.isFinite(lotSize)) {
            throw new IllegalArgumentException("lot size must be finite and > 0, was " + lotSize);
        }
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.tick = new Step(tickSize);
        this.lot = new Step(lotSize);
        this.tickLotValue = new BigDecimal(Double.toString(tickSize))
                .multiply(new BigDecimal(Double.toString(lotSize)))
                .doubleValue();
    }

    public double tickSize() {
        return tickSize;
    }

    public double lotSize() {
        return lotSize;
    }

    /** {@code tickSize * lotSize} computed in decimal and rounded once: the value of one tick on one lot. */
    public double tickLotValue() {
        return tickLotValue;
    }

    /** The price of {@code ticks}, the double nearest to {@code ticks * tickSize} in decimal. */
    public double price(long ticks) {
        return tick.value(ticks);
    }

    /** The quantity of {@code lots}, the double nearest to {@code lots * lotSize} in decimal. */
    public double qty(long lots) {
        return lot.value(lots);
    }

    /** The nearest whole number of ticks to {@code price}, or {@link Long#MIN_VALUE} when it is off the grid or not finite. */
    public long ticksOrInvalid(double price) {
        return onGrid(price / tickSize);
    }

    /** The nearest whole number of lots to {@code qty}, or {@link Long#MIN_VALUE} when it is off the grid or not finite. */
    public long lotsOrInvalid(double qty) {
        return onGrid(qty / lotSize);
    }

    /**
     * {@code price} in ticks.
     *
     * @throws IllegalArgumentException when the price is not finite or not a multiple of the tick size
     */
    public long ticks(double price) {
        long t = ticksOrInvalid(price);
        if (t == Long.MIN_VALUE) {
            throw new IllegalArgumentException("price " + price + " is not a multiple of the tick size " + tickSize);
        }
        return t;
    }

    /**
     * {@code qty} in lots.
     *
     * @throws IllegalArgumentException when the quantity is not finite or not a multiple of the lot size
     */
    public long lots(double qty) {
        long l = lotsOrInvalid(qty);
        if (l == Long.MIN_VALUE) {
            throw new IllegalArgumentException("quantity " + qty + " is not a multiple of the lot size " + lotSize);
        }
        return l;
    }

    private static long onGrid(double steps) {
        if (!(Math.abs(steps) < 0x1p62)) {
            return Long.MIN_VALUE;
        }
        double r = Math.rint(steps);
        return Math.abs(steps - r) <= GRID_TOLERANCE ? (long) r : Long.MIN_VALUE;
    }

    @Override
    public String toString() {
        return "PriceGrid[tick " + tickSize + ", lot " + lotSize + "]";
    }

    /** A step written as {@code mantissa * 10^-scale} so that multiples can be computed in decimal. */
    private static final class Step {
        private final double size;
        private final long mantissa;
        private final int scale; // may be negative
        private final boolean exact;

        Step(double size) {
            this.size = size;
            BigDecimal d = new BigDecimal(Double.toString(size)).stripTrailingZeros();
            boolean ok = d.precision() <= 15 && d.scale() <= 22 && d.scale() >= -18;
            long m = 0;
            if (ok) {
                BigDecimal unscaled = new BigDecimal(d.unscaledValue());
                if (d.scale() < 0) {
                    unscaled = unscaled.movePointRight(-d.scale());
                }
                ok = unscaled.compareTo(BigDecimal.valueOf(1L << 53)) < 0;
                m = ok ? unscaled.longValueExact() : 0;
            }
            this.exact = ok;
            this.mantissa = m;
            this.scale = Math.max(d.scale(), 0);
        }

        double value(long steps) {
            if (exact) {
                long hi = Math.multiplyHigh(steps, mantissa);
                long product = steps * mantissa;
                if ((hi == 0 && product >= 0 && product < (1L << 53))
                        || (hi == -1 && product < 0 && product > -(1L << 53))) {
                    return scale == 0 ? (double) product : (double) product / POW10[scale];
                }
            }
            return steps * size;
        }
    }
}
