package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.WindowLength;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * Sum of the valid values of a count or duration window ({@link SampleRing}), O(1) amortised per update.
 *
 * <p>Same window and NaN rule as {@link RollingMoments}: NaN occupies its tick but adds nothing,
 * and a window with no valid value sums to NaN (not 0, unlike numpy's {@code nansum}: "no data"
 * must stay distinguishable from "data that cancels"). Infinities are counted on the side, so the
 * sum is ±∞ (NaN with both signs) while one is in the window and recovers when it leaves.
 *
 * <p>The running sum is a {@link CompensatedSum}, so adding and later removing the same value
 * leaves only {@code 2^-106}-relative residue of it. That residue still matters when a value
 * vastly larger than the rest passes through (a 1e20 spike amid values of 1), so the window's
 * absolute mass {@code Σ|x|} is tracked as a detector: when it falls below {@code 2^-40} of its
 * peak since the last re-sum, or after {@value #RESUM_PERIOD_WINDOWS}·W updates, the window is
 * re-summed exactly from the ring buffer. Result: within a couple of units in the last place of
 * the exact sum plus a negligible {@code ~2^-66·Σ|x|} (observed: at most {@code 2.3e-16} of
 * {@code max(|sum|, max|x|)}); the tests assert {@code 1e-13} of it.
 */
public final class RollingSum {
    /** Updates between unconditional re-sums, in multiples of the window length. */
    public static final int RESUM_PERIOD_WINDOWS = 64;

    private static final double RESIDUE_LIMIT = 0x1p-40;

    private final boolean timed;
    private final long resumPeriod;
    private final SampleRing values;
    private final CompensatedSum sum = new CompensatedSum();

    /** Plain Σ|x| of the finite values: only a detector, so its own rounding does not matter. */
    private double mass;

    private double peakMass;
    private int finiteCount;
    private int positiveInfinities;
    private int negativeInfinities;
    private long updatesSinceResum;

    /** A count window of the last {@code window} ticks. */
    public RollingSum(int window) {
        this(WindowLength.ticks(checkWindow(window)), 0, "rolling sum");
    }

    /**
     * A count or duration window.
     *
     * @param clockNanos the graph's clock interval (0 without one): a duration window's first allocation
     * @param owner the node, as a {@link io.factorgraph.runtime.spi.WindowCapacityException} names it
     */
    public RollingSum(WindowLength window, long clockNanos, String owner) {
        this.timed = window.duration();
        this.resumPeriod = (long) RESUM_PERIOD_WINDOWS * (timed ? 1 : window.ticks());
        this.values = new SampleRing(window, clockNanos, owner);
    }

    private static int checkWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        return window;
    }

    /** The next tick of a count window. */
    public void onValue(double x) {
        onValue(0, x);
    }

    /**
     * The sample at {@code time} (local clock, ns; never decreasing): for a duration window the samples at or
     * before {@code time - D} leave; a count window ignores {@code time} and moves by one tick.
     */
    public void onValue(long time, double x) {
        if (timed) {
            while (values.hasExpired(time)) {
                remove(values.removeOldest());
            }
            values.add(time, x);
            add(x);
            keepAccurate(resumPeriod * Math.max(values.size(), 1));
        } else {
            final boolean full = values.isFull();
            final double evicted = values.push(x);
            if (full) {
                remove(evicted);
            }
            add(x);
            keepAccurate(resumPeriod);
        }
    }

    /** Sum of the window's valid values; NaN when there are none. */
    public double sum() {
        if (positiveInfinities + negativeInfinities > 0) {
            if (positiveInfinities == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            return negativeInfinities == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return finiteCount == 0 ? Double.NaN : sum.value();
    }

    /** Number of valid (non-NaN) values in the window. */
    public int count() {
        return finiteCount + positiveInfinities + negativeInfinities;
    }

    /** The count of a count window. @throws IllegalStateException for a duration window */
    public int window() {
        return values.window().ticks();
    }

    public void reset() {
        values.reset();
        clearSums();
        finiteCount = 0;
        positiveInfinities = 0;
        negativeInfinities = 0;
    }

    private void add(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        if (x == Double.POSITIVE_INFINITY) {
            positiveInfinities++;
        } else if (x == Double.NEGATIVE_INFINITY) {
            negativeInfinities++;
        } else {
            finiteCount++;
            sum.add(x);
            mass += Math.abs(x);
        }
    }

    private void remove(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        if (x == Double.POSITIVE_INFINITY) {
            positiveInfinities--;
        } else if (x == Double.NEGATIVE_INFINITY) {
            negativeInfinities--;
        } else if (--finiteCount == 0) {
            // Nothing finite is left: the exact sum is 0, whatever residue the accumulator holds.
            clearSums();
        } else {
            sum.add(-x);
            mass -= Math.abs(x);
        }
    }

    /** @param period updates between unconditional re-sums: {@code 64·W}, or 64 times the samples in the window */
    private void keepAccurate(long period) {
        if (finiteCount == 0) {
            return;
        }
        if (mass > peakMass) {
            peakMass = mass;
        }
        if (mass < peakMass * RESIDUE_LIMIT || ++updatesSinceResum >= period) {
            resumWindow();
        }
    }

    private void resumWindow() {
        clearSums();
        final int size = values.size();
        for (int i = 0; i < size; i++) {
            final double x = values.fromOldest(i);
            if (Double.isFinite(x)) {
                sum.add(x);
                mass += Math.abs(x);
            }
        }
        peakMass = mass;
    }

    private void clearSums() {
        sum.reset();
        mass = 0.0;
        peakMass = 0.0;
        updatesSinceResum = 0;
    }

    /** Writes the window's samples and every running sum and counter (docs/DESIGN.md §13). */
    public void writeState(StateWriter out) {
        values.writeState(out);
        sum.writeState(out);
        out.writeDouble(mass);
        out.writeDouble(peakMass);
        out.writeInt(finiteCount);
        out.writeInt(positiveInfinities);
        out.writeInt(negativeInfinities);
        out.writeLong(updatesSinceResum);
    }

    public void readState(StateReader in) {
        values.readState(in);
        sum.readState(in);
        mass = in.readDouble();
        peakMass = in.readDouble();
        finiteCount = in.readInt();
        positiveInfinities = in.readInt();
        negativeInfinities = in.readInt();
        updatesSinceResum = in.readLong();
    }
}
