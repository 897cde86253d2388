package io.factorgraph.nodes.window;

import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * A running sum carried as an unevaluated pair {@code high + low}, where {@code low} collects the
 * exact rounding error of every addition (Knuth's branch-free TwoSum).
 *
 * <p>Why not a plain {@code double}: a rolling window adds a value and later subtracts the very
 * same value. With a plain sum, a large value passing through the window leaves behind its
 * rounding error (about {@code 1e-16 * |large|}), which can dwarf everything that remains once the
 * large value has gone, and such leftovers also random-walk over millions of updates. Here every
 * rounding error of {@code high} is kept exactly in {@code low}; what is still lost is the
 * rounding of {@code low} itself, of order {@code 2^-106} of the magnitudes the sum has passed
 * through per update. Rolling statistics that need more than that re-sum their window (see
 * {@link RollingMoments}).
 *
 * <p>TwoSum rather than Neumaier's variant: it needs no data-dependent branch, which matters on a
 * per-tick path where the branch would be unpredictable.
 */
public final class CompensatedSum {
    private double high;
    private double low;

    /** Adds {@code term}; subtract by adding {@code -term} (negation is exact). */
    public void add(double term) {
        final double sum = high + term;
        final double termPart = sum - high;
        final double highPart = sum - termPart;
        low += (high - highPart) + (term - termPart);
        high = sum;
    }

    /** The sum, rounded once to a double. */
    public double value() {
        return high + low;
    }

    public void reset() {
        high = 0.0;
        low = 0.0;
    }

    /** Writes both parts of the sum (docs/DESIGN.md §13). */
    public void writeState(StateWriter out) {
        out.writeDouble(high);
        out.writeDouble(low);
    }

    public void readState(StateReader in) {
        high = in.readDouble();
        low = in.readDouble();
    }
}
