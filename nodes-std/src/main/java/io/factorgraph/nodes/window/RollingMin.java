package io.factorgraph.nodes.window;

/**
 * Minimum of the valid values of a tick window, O(1) amortised per update, exact.
 *
 * <p>It is the {@link RollingMax} of the negated stream: IEEE negation is exact and maps NaN to
 * NaN, so nothing is lost and the deque logic, the part worth getting right once, lives in one
 * place. Same window and NaN rule as {@link RollingMax}.
 */
public final class RollingMin {
    private final RollingMax negatedMax;

    public RollingMin(int window) {
        this.negatedMax = new RollingMax(window);
    }

    public void onValue(double x) {
        negatedMax.onValue(-x);
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
}
