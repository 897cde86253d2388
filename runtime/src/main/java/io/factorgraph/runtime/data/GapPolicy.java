package io.factorgraph.runtime.data;

/**
 * What a feed reader does when the depth stream's sequence breaks (a diff that does not continue the
 * previous one): the book would silently drift from the exchange's if the diff were applied anyway,
 * so a gap is never patched over.
 */
public enum GapPolicy {
    /**
     * Stop with a {@link MarketDataException} naming the file and line and the expected and found
     * sequence ids. The default: a backtest on data with holes in it should not pass unnoticed.
     */
    FAIL,
    /**
     * Do what a live client does: emit a depth clear of both sides (the book becomes not ready), record
     * the gap (see {@link SequenceGap}), buffer diffs until the next REST snapshot in the data and
     * synchronise on it as at the start. Events between the gap and the next snapshot carry no book;
     * if no snapshot follows, the book stays empty to the end.
     */
    RESYNC
}
