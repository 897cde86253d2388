package io.factorgraph.nodes.window;

import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * Exponentially weighted mean and variance, O(1) per update, no window to keep.
 *
 * <p>The recurrence is the one in docs/DESIGN.md §4: the first valid value sets the mean and a variance of
 * 0, then
 * <pre>
 *   d = x - mean;   mean += a·d;   var = (1 - a)·(var + a·d²)
 * </pre>
 * which is exactly the population variance under the weights {@code (1-a)^t} for the first value
 * and {@code a(1-a)^(t-k)} for the k-th (Finch, "Incremental calculation of weighted mean and
 * variance", 2009), so a two-pass weighted computation is a valid reference for it.
 *
 * <p><b>NaN input leaves the state unchanged</b>: the tick is skipped, not counted as a zero and
 * not as a step of decay. There is no window for NaN to occupy, and decaying on a missing value
 * would make the weights depend on how often the feed drops values. Infinite input is arithmetic
 * like any other and leaves the state non-finite until {@link #reset()}, as the recurrence would.
 *
 * <p><b>Why the mean is held as {@code shift + offset}:</b> with a plain {@code double} mean at a
 * level of {@code 1e9}, each {@code mean += a·d} rounds to the mean's ulp ({@code 1.2e-7}) and those
 * errors accumulate over about {@code 1/a} updates; the deviations {@code d}, and so the variance,
 * inherit them, which wrecks the std of small noise on a large level. Here the mean is an exact
 * unevaluated pair renormalised by TwoSum after every update, so {@code offset} is the part below
 * the shift's ulp and {@code d = (x - shift) - offset} is computed from numbers the size of the
 * deviation. The variance recurrence adds only non-negative terms, so it cannot cancel; its
 * relative error is bounded by about {@code 2u/a} ({@code u = 2^-53}) in the worst case.
 *
 * <p>Against an exactly weighted two-pass reference on the testkit's adversarial generators (spans
 * 1 to 600): mean within {@code 3e-16} of the largest magnitude seen, std within {@code 5e-14} of
 * itself (above {@code 1e-140}, where the old weights underflow); the tests assert {@code 1e-13}
 * and {@code 1e-12}.
 */
public final class EwmStats {
    private final double alpha;
    private final double decay;

    private boolean seeded;
    private long count;
    private double shift;
    private double offset;
    private double variance;

    private EwmStats(double alpha) {
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("smoothing factor must be in (0, 1], was " + alpha);
        }
        this.alpha = alpha;
        this.decay = 1.0 - alpha;
    }

    /** {@code a = 2/(span+1)}, the pandas/seed convention; {@code span >= 1}. */
    public static EwmStats ofSpan(double span) {
        if (!(span >= 1.0) || span == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("span must be a finite number >= 1, was " + span);
        }
        return new EwmStats(2.0 / (span + 1.0));
    }

    /**
     * {@code a = 1 - exp(ln(0.5)/halflife)}: a value's weight halves every {@code halflife} ticks.
     * Computed with {@code expm1} so long half-lives keep their digits.
     */
    public static EwmStats ofHalflife(double halflife) {
        if (!(halflife > 0.0) || halflife == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("halflife must be a finite number > 0, was " + halflife);
        }
        return new EwmStats(-Math.expm1(Math.log(0.5) / halflife));
    }

    /** The smoothing factor {@code a} directly; {@code 0 < a <= 1}. */
    public static EwmStats ofAlpha(double alpha) {
        return new EwmStats(alpha);
    }

    public void onValue(double x) {
        onValue(x, alpha, decay);
    }

    /**
     * As {@link #onValue(double)}, with this update's own smoothing factor {@code a} ({@code 0 <= a <= 1}) and
     * {@code decay = 1 - a}: for a decay by elapsed time, where {@code a = 1 - 2^(-Δt/h)} changes with the time
     * between samples ({@code a = 0}, two samples at one time: the later one adds nothing). The recurrence is
     * the same, so it is still the exact weighted mean and variance under the product of the decays.
     */
    public void onValue(double x, double alpha, double decay) {
        if (Double.isNaN(x)) {
            return;
        }
        count++;
        if (!seeded) {
            seeded = true;
            shift = x;
            offset = 0.0;
            variance = 0.0;
            return;
        }
        final double deviation = (x - shift) - offset;
        final double step = alpha * deviation;
        final double movedOffset = offset + step;
        // TwoSum(shift, movedOffset): the leading part becomes the shift, the exact remainder the offset.
        final double newShift = shift + movedOffset;
        final double offsetPart = newShift - shift;
        final double shiftPart = newShift - offsetPart;
        offset = (shift - shiftPart) + (movedOffset - offsetPart);
        shift = newShift;
        variance = decay * (variance + step * deviation);
    }

    /** Exponentially weighted mean; NaN before the first valid value. */
    public double mean() {
        return seeded ? shift + offset : Double.NaN;
    }

    /** Exponentially weighted population variance; NaN before the first valid value. */
    public double variance() {
        return seeded ? variance : Double.NaN;
    }

    public double std() {
        return Math.sqrt(variance());
    }

    /** Valid (non-NaN) values seen since construction or the last reset. */
    public long count() {
        return count;
    }

    public double alpha() {
        return alpha;
    }

    public void reset() {
        seeded = false;
        count = 0;
        shift = 0.0;
        offset = 0.0;
        variance = 0.0;
    }

    /** Writes the running state; alpha and decay are the node's parameters (docs/DESIGN.md §13). */
    public void writeState(StateWriter out) {
        out.writeBoolean(seeded);
        out.writeLong(count);
        out.writeDouble(shift);
        out.writeDouble(offset);
        out.writeDouble(variance);
    }

    public void readState(StateReader in) {
        seeded = in.readBoolean();
        count = in.readLong();
        shift = in.readDouble();
        offset = in.readDouble();
        variance = in.readDouble();
    }
}
