package io.factorgraph.runtime.data;

/**
 * What {@link BookReplay} does when the book is crossed (best bid at or above best ask) at the end of a
 * message, once it is ready.
 *
 * <p>A Binance book rebuilt with exact snapshot synchronisation never crosses at a message boundary (the
 * recorded files in {@code shared/data} are checked for this), so a crossing means lost or misapplied
 * updates and is an error by default. hftbacktest's own converters do not synchronise on snapshots, so
 * {@code .npz} files made by them can carry stale levels that cross; {@link #COUNT} replays those as
 * they are, the way hftbacktest does, and reports how often it happened.
 */
public enum CrossedBookPolicy {
    /** Stop with a {@link MarketDataException} naming the message and both prices. */
    FAIL,
    /** Keep going; count the messages after which the book was crossed ({@link BookReplay#crossedCount()}). */
    COUNT
}
