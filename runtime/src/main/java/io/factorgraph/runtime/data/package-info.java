/**
 * Recorded market data in, as one stream of hftbacktest-style events: the Binance feeds hftbacktest's collector
 * records, hftbacktest's {@code .npz} event files, and our own memory-mapped {@code .fgev} files; and out again, for
 * {@code fg convert} (docs/DESIGN.md §5, §14).
 *
 * <p>Start at {@link io.factorgraph.runtime.data.EventSource}, the pull interface every reader implements, and
 * {@link io.factorgraph.runtime.data.EventSources#open}, which picks the reader by file type so that every command
 * accepts the same files. Then {@link io.factorgraph.runtime.data.BookReplay}, the loop every replay runs (the book
 * built on the local timeline, a crossed book caught where it happens), and
 * {@link io.factorgraph.runtime.data.BinanceFeedReader}, which carries Binance's book-synchronisation procedure.
 *
 * <p>Rules every class here keeps. Hot path: a source owns one reusable
 * {@link io.factorgraph.runtime.market.MarketEvent} cursor and, after warm-up, allocates nothing per line or event (a
 * hand-written JSON scanner over the line's bytes, columnar buffers that grow to the largest message and are reused,
 * eight loads from a memory mapping for {@code .fgev}). Correctness over convenience: a sequence gap is never patched
 * over (a {@link io.factorgraph.runtime.data.GapPolicy} fails or re-synchronises), files out of order and local time
 * going backwards are errors, and every data problem is a {@link io.factorgraph.runtime.data.MarketDataException} whose
 * message starts with {@code file:line} and is complete without a stack trace. Writers replace their destination
 * atomically, so a failed conversion leaves it as it was. The {@code .fgev} format is specified, byte for byte, in
 * {@link io.factorgraph.runtime.data.EventFile}.
 *
 * <p>Neighbours: {@code io.factorgraph.runtime.market} (events and the book they drive),
 * {@code io.factorgraph.runtime.replay} (the graph ticked over a source).
 */
package io.factorgraph.runtime.data;
