package io.factorgraph.runtime.spi;

/**
 * A duration window that would hold more samples than its cap: more ticks arrived within one window span
 * than the memory it was given allows (docs/DESIGN.md §11). It stops the run rather than growing until an
 * OutOfMemoryError, and its message is one line a user can act on: which node, which window, which cap.
 */
public final class WindowCapacityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient WindowLength window;
    private final int cap;

    /**
     * @param node the node as a person reads it, e.g. {@code zscore(window = 60s)}
     * @param window its window
     * @param cap the most samples it may hold
     */
    public WindowCapacityException(String node, WindowLength window, int cap) {
        super(node + ": more than " + cap + " samples within its window of " + window
                + " (the cap of a duration window); add a clock (clock every D) or use a shorter window");
        this.window = window;
        this.cap = cap;
    }

    public WindowLength window() {
        return window;
    }

    public int cap() {
        return cap;
    }
}
