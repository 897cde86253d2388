package io.factorgraph.nodes.strategy;

/** Which branch of docs/DESIGN.md §6 a decision took. */
public enum StrategyMode {
    /** Steps 3–5: a grid was computed and diffed against the active orders. */
    QUOTING,
    /**
     * Step 1: the stop signal is on. Every active order is cancelled; when the position is not flat
     * there is one new order on the closing side, priced {@code flatten_ticks} through the touch so
     * that it takes liquidity: the execution context must submit it as a plain (not post-only) limit.
     */
    STOPPED,
    /**
     * Step 2 and the other inputs the strategy cannot quote on (non-finite factors, position or mid; an
     * empty, non-positive, crossed or locked book; negative volatility): every active order is cancelled
     * and nothing is sent.
     */
    HALTED
}
