package io.factorgraph.nodes.window;

import io.factorgraph.runtime.spi.WindowLength;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;

/**
 * Minimum of the valid values of a tick window, O(1) amortised per update, exact.
 *
 * <p>It is the {@link RollingMax} of the negated stream: IEEE negation is exact and maps NaN to
 * NaN, so nothing is lost and the deque logic, the part worth getting right once, lives in one
 * place. Same window and NaN rule as {@link RollingMax}.
 */
public final class RollingMin {
    private final RollingMax negatedMax;

    /** A count window of the last {@code window} ticks. */
    public RollingMin(int window) {
        this.negatedMax = new RollingMax(window);
    }

    /** A count or duration window, see {@link RollingMax#RollingMax(WindowLength, long, String)}. */
    public RollingMin(WindowLength window, long clockNanos, String owner) {
        this.negatedMax = new RollingMax(window, clockNanos, owner);
    }

    /** The next tick of a count window. */
    public void onValue(double x) {
        negatedMax.onValue(-x);
    }

    /** The sample at {@code time}, see {@link RollingMax#onValue(long, double)}. */
    public void onValue(long time, double x) {
        negatedMax.onValue(time, -x);
    }

    /** Smallest valid value in the window; NaN when there is none. */
    public double min() {
        return -negatedMax.max();
    }

    public int window() {
        return negatedMax.window();
    }

    public void reset() {
        negatedMax.reset();
    }

    public void writeState(StateWriter out) {
        negatedMax.writeState(out);
    }

    public void readState(StateReader in) {
        negatedMax.readState(in);
    }
}
