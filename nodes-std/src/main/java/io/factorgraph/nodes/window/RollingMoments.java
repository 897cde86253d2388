package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.WindowLength;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * Mean and population variance (ddof = 0) over a count or duration window, in O(1) amortised per update
 * and accurate to a two-pass computation over the same window.
 *
 * <h2>Window and NaN rule</h2>
 * A count window is the last {@code window} ticks including the current one; during warm-up it is the
 * ticks seen so far. A duration window of D holds the samples whose time lies in {@code (t - D, t]}
 * (docs/DESIGN.md §11), kept in the same {@link SampleRing}; everything below holds for it with "the
 * samples in the window" for "the ticks of the window". A NaN occupies its tick but is left out of the count and the sums, as numpy's
 * {@code nanmean}/{@code nanstd} over the window do. With no valid value in the window, mean and
 * variance are NaN. Infinities are valid values with IEEE meaning, again as numpy computes them:
 * the mean is ±∞ (NaN when both signs are present) and the variance is NaN while one is in the
 * window; they are counted on the side, so they do not poison the sums after they leave.
 *
 * <h2>Method, and why</h2>
 * The obvious {@code sum}/{@code sumOfSquares} recurrence computes the variance as the difference
 * of two numbers of size {@code mean²}: for prices ({@code 61800 + noise}) every digit of the noise
 * is lost, and the rounding errors of adding and removing values accumulate over millions of
 * updates. Instead this class keeps, for the finite values of the window,
 * <pre>
 *   S1 = Σ (x - K)      S2 = Σ (x - K)²      (n = count of finite values)
 *   mean = K + S1/n     variance = (S2 - S1·S1/n) / n
 * </pre>
 * around a <em>shift</em> {@code K} chosen near the window's mean, so the terms are the size of the
 * data's spread rather than of its level. Four properties make this accurate:
 * <ul>
 *   <li>The shift only changes when the window is re-summed, so the term subtracted when a value
 *       leaves is bit-for-bit the term added when it arrived; both sums are {@link CompensatedSum}s,
 *       so add-then-remove returns them to where they were up to {@code 2^-106}-relative residue
 *       instead of {@code 2^-53}.</li>
 *   <li>{@code x - K} is exact whenever {@code x} is within a factor of two of {@code K} (Sterbenz),
 *       which is the case for price-like data; otherwise it is rounded once, relative to the
 *       deviation, not to the level.</li>
 *   <li>If the final subtraction {@code S2 - S1²/n} would cancel more than
 *       {@value #CANCELLATION_BITS} bits (the mean has drifted far from {@code K} relative to the
 *       spread), or {@code S2} has fallen below {@code 2^-40} of the largest value it held since the
 *       last re-sum (a spike has passed through and its residue could matter), or the sums are no
 *       longer finite, the window is re-summed exactly from the ring buffer with a fresh shift
 *       (two passes, O(W)). This is what pandas' {@code roll_var} does when it flags a window as
 *       numerically unstable, with an explicit bound on cancellation instead of a heuristic.</li>
 *   <li>A window whose valid values are all equal is recognised in O(1) (the tick of the last value
 *       that differed has left the window), and then the mean is that value and the variance is
 *       exactly {@code 0.0}, whatever residue the sums carry. This also keeps constant windows
 *       (common: prices that do not move) from re-summing on every tick, which the cancellation
 *       rule alone would do whenever the constant is not exactly {@code (n·c)/n} in doubles.</li>
 * </ul>
 * As a safety net against long-run accumulation the window is also re-summed after
 * {@value #RESUM_PERIOD_WINDOWS}·W non-trivial updates, so no state older than that survives and
 * 10^7 updates cannot drift. Re-summing costs O(W) and happens about every 4.6 W updates on a
 * steady trend, every ~17 W on a price-like random walk, and once per level change when data jumps
 * between flat levels (the tests hold it to at most once per W/2), so the cost is O(1) amortised.
 *
 * <h2>Accuracy bound</h2>
 * With {@code u = 2^-53}, {@code scale = max |x|} over the window's valid values and
 * {@code σ} the window's exact population standard deviation, when every term {@code (x - K)²}
 * is a normal double (roughly {@code 1e-150 < |x - K| < 1e150}):
 * <ul>
 *   <li>{@code |mean() - mean| ≤ ~33u·scale} (from {@code |S1/n| ≤ 16σ} and {@code σ ≤ scale});
 *       observed at most {@code 1.5e-15·scale}; the tests assert {@code 1e-13·scale};</li>
 *   <li>{@code |variance() - σ²|} of order {@code 1e3·u·σ²} (at most 8 cancelled bits in the final
 *       subtraction, plus a few roundings of sums no larger than {@code 2^8·n·σ²}), so
 *       {@code |std() - σ| ≲ 1e-13·σ} — relative to the noise's own size, not to the level, so
 *       {@code 1e9 + noise} gets the noise's std right. Observed on the testkit's adversarial
 *       generators: at most {@code 6e-14·σ}; the tests assert {@code 1e-12·σ};</li>
 *   <li>a constant window gives exactly the constant and exactly {@code 0.0}.</li>
 * </ul>
 * Outside that range accuracy degrades as it would for any two-pass computation: subnormal squares
 * lose relative precision, and a window whose squared deviations overflow has a NaN variance (a
 * compensated sum cannot carry an infinity); such a window is re-summed on every update while the
 * offending value is in it, and the statistics are exact again once it has left.
 */
public final class RollingMoments {
    /** Largest number of bits the final subtraction may cancel before the window is re-summed. */
    public static final int CANCELLATION_BITS = 8;
    /** Updates between unconditional re-sums, in multiples of the window length. */
    public static final int RESUM_PERIOD_WINDOWS = 64;

    private static final double CANCELLATION_LIMIT = Math.scalb(1.0, -CANCELLATION_BITS);
    private static final double RESIDUE_LIMIT = 0x1p-40;
    private static final long NO_TICK = Long.MIN_VALUE;

    private final boolean timed;
    /** Ticks or nanoseconds: a sample is in the window while its key is above {@code key - length}. */
    private final long length;

    private final long resumPeriod;
    private final SampleRing values;
    private final CompensatedSum deviationSum = new CompensatedSum();
    private final CompensatedSum squaredDeviationSum = new CompensatedSum();

    private double shift;
    private int finiteCount;
    private int positiveInfinities;
    private int negativeInfinities;
    private double peakSquaredDeviationSum;
    private long updatesSinceResum;
    private long resumCount;

    /** The current sample's key: its tick index (count window) or time (duration window); -1 before any. */
    private long tick = -1;

    private double lastValid = Double.NaN;
    private long lastValidTick = NO_TICK;
    /** Tick of the latest valid value that differs from {@link #lastValid}. */
    private long lastDifferentTick = NO_TICK;

    /** A count window of the last {@code window} ticks. */
    public RollingMoments(int window) {
        this(WindowLength.ticks(checkWindow(window)), 0, "rolling moments");
    }

    /**
     * A count or duration window.
     *
     * @param clockNanos the graph's clock interval (0 without one): a duration window's first allocation
     * @param owner the node, as a {@link io.factorgraph.runtime.spi.WindowCapacityException} names it
     */
    public RollingMoments(WindowLength window, long clockNanos, String owner) {
        this.timed = window.duration();
        this.length = window.length();
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
        onValue(tick + 1, x);
    }

    /**
     * The sample at {@code time} (local clock, ns; never decreasing): for a duration window the samples at or
     * before {@code time - D} leave; a count window ignores {@code time} and moves by one tick.
     */
    public void onValue(long time, double x) {
        if (timed) {
            tick = time;
            while (values.hasExpired(time)) {
                remove(values.removeOldest());
            }
            values.add(time, x);
            add(x);
            keepAccurate(resumPeriod * Math.max(values.size(), 1));
        } else {
            tick++;
            final boolean full = values.isFull();
            final double evicted = values.push(x);
            if (full) {
                remove(evicted);
            }
            add(x);
            keepAccurate(resumPeriod);
        }
    }

    /** Mean of the window's valid values; NaN when there are none. */
    public double mean() {
        if (positiveInfinities + negativeInfinities > 0) {
            if (positiveInfinities == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            return negativeInfinities == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (finiteCount == 0) {
            return Double.NaN;
        }
        if (isConstantWindow()) {
            return lastValid;
        }
        return shift + deviationSum.value() / finiteCount;
    }

    /** Population variance (ddof = 0) of the window's valid values; NaN when there are none. */
    public double variance() {
        if (finiteCount == 0 || positiveInfinities + negativeInfinities > 0) {
            return Double.NaN;
        }
        if (isConstantWindow()) {
            return 0.0;
        }
        final double spread = spread(squaredDeviationSum.value());
        // Rounding can leave a tiny negative spread only in ways the re-sum rule already excludes;
        // the clamp keeps std() real, and NaN (overflowed sums) still passes through.
        return spread < 0.0 ? 0.0 : spread / finiteCount;
    }

    /** Population standard deviation (ddof = 0); NaN when the window has no valid value. */
    public double std() {
        return Math.sqrt(variance());
    }

    /** Number of valid (non-NaN) values in the window. */
    public int count() {
        return finiteCount + positiveInfinities + negativeInfinities;
    }

    /** The count of a count window. @throws IllegalStateException for a duration window */
    public int window() {
        return values.window().ticks();
    }

    /**
     * How many times the window has been re-summed since construction (not cleared by reset());
     * package-private so tests can hold the O(1)-amortised claim to account.
     */
    long resumCount() {
        return resumCount;
    }

    public void reset() {
        values.reset();
        deviationSum.reset();
        squaredDeviationSum.reset();
        shift = 0.0;
        finiteCount = 0;
        positiveInfinities = 0;
        negativeInfinities = 0;
        peakSquaredDeviationSum = 0.0;
        updatesSinceResum = 0;
        tick = -1;
        lastValid = Double.NaN;
        lastValidTick = NO_TICK;
        lastDifferentTick = NO_TICK;
    }

    private void add(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        if (x != lastValid) {
            lastDifferentTick = lastValidTick;
            lastValid = x;
        }
        lastValidTick = tick;
        if (x == Double.POSITIVE_INFINITY) {
            positiveInfinities++;
        } else if (x == Double.NEGATIVE_INFINITY) {
            negativeInfinities++;
        } else {
            if (finiteCount == 0) {
                // Nothing finite is in the window: start afresh around this value, exactly.
                startAround(x);
            }
            finiteCount++;
            final double deviation = x - shift;
            deviationSum.add(deviation);
            squaredDeviationSum.add(deviation * deviation);
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
            startAround(0.0);
        } else {
            // Same shift as when x arrived, so these are exactly the terms that were added.
            final double deviation = x - shift;
            deviationSum.add(-deviation);
            squaredDeviationSum.add(-(deviation * deviation));
        }
    }

    private void startAround(double newShift) {
        shift = newShift;
        deviationSum.reset();
        squaredDeviationSum.reset();
        peakSquaredDeviationSum = 0.0;
        updatesSinceResum = 0;
    }

    /** @param period updates between unconditional re-sums: {@code 64·W}, or 64 times the samples in the window */
    private void keepAccurate(long period) {
        if (finiteCount == 0 || isConstantWindow()) {
            return;
        }
        final double squares = squaredDeviationSum.value();
        if (squares > peakSquaredDeviationSum) {
            peakSquaredDeviationSum = squares;
        }
        final double spread = spread(squares);
        // Written as !(a >= b) so that NaN sums (an overflowed term) also trigger the re-sum.
        if (!(spread >= squares * CANCELLATION_LIMIT)
                || squares < peakSquaredDeviationSum * RESIDUE_LIMIT
                || ++updatesSinceResum >= period) {
            resumWindow();
        }
    }

    /**
     * Two passes over the ring buffer: the mean becomes the new shift, then the shifted sums are
     * rebuilt from scratch, so no error from earlier updates survives.
     */
    private void resumWindow() {
        resumCount++;
        final int size = values.size();
        deviationSum.reset();
        for (int i = 0; i < size; i++) {
            final double x = values.fromOldest(i);
            if (Double.isFinite(x)) {
                deviationSum.add(x);
            }
        }
        final double newShift = deviationSum.value() / finiteCount;
        startAround(newShift);
        for (int i = 0; i < size; i++) {
            final double x = values.fromOldest(i);
            if (Double.isFinite(x)) {
                final double deviation = x - newShift;
                deviationSum.add(deviation);
                squaredDeviationSum.add(deviation * deviation);
            }
        }
        peakSquaredDeviationSum = squaredDeviationSum.value();
    }

    /** n·variance, before the clamp: the one subtraction where cancellation can happen. */
    private double spread(double squares) {
        final double deviations = deviationSum.value();
        return squares - deviations * (deviations / finiteCount);
    }

    /** True when every valid value in the window equals {@link #lastValid}. */
    private boolean isConstantWindow() {
        return lastDifferentTick <= tick - length;
    }

    /** Writes the window's samples and every running sum, counter and key (docs/DESIGN.md §13). */
    public void writeState(StateWriter out) {
        values.writeState(out);
        deviationSum.writeState(out);
        squaredDeviationSum.writeState(out);
        out.writeDouble(shift);
        out.writeInt(finiteCount);
        out.writeInt(positiveInfinities);
        out.writeInt(negativeInfinities);
        out.writeDouble(peakSquaredDeviationSum);
        out.writeLong(updatesSinceResum);
        out.writeLong(resumCount);
        out.writeLong(tick);
        out.writeDouble(lastValid);
        out.writeLong(lastValidTick);
        out.writeLong(lastDifferentTick);
    }

    public void readState(StateReader in) {
        values.readState(in);
        deviationSum.readState(in);
        squaredDeviationSum.readState(in);
        shift = in.readDouble();
        finiteCount = in.readInt();
        positiveInfinities = in.readInt();
        negativeInfinities = in.readInt();
        peakSquaredDeviationSum = in.readDouble();
        updatesSinceResum = in.readLong();
        resumCount = in.readLong();
        tick = in.readLong();
        lastValid = in.readDouble();
        lastValidTick = in.readLong();
        lastDifferentTick = in.readLong();
    }
}
