/**
 * The market as the graph sees it: hftbacktest's 64-byte event, and the L2 order book those events build
 * (docs/DESIGN.md §5).
 *
 * <p>Start at {@link io.factorgraph.runtime.market.MarketEvent} (with its flags in
 * {@link io.factorgraph.runtime.market.EventFlags}, bit for bit hftbacktest's, so its {@code .npz} files and our
 * readers mean the same thing), then {@link io.factorgraph.runtime.market.BookBuilder}, which applies events to an
 * {@link io.factorgraph.runtime.market.OrderBook} on one timeline, local or exchange.
 *
 * <p>Decisions and invariants. An event is a reusable mutable cursor, not a record, because a replay handles hundreds
 * of millions of them and must allocate nothing; a consumer copies what it keeps. The book is edited by depth messages
 * only; trades and best-bid/offer events never touch it. It is consistent only at the end of a message
 * ({@link io.factorgraph.runtime.market.MarketEvent#endOfMessage()}) and tradeable only once ready (a full snapshot
 * applied). Prices are the exact doubles the feed's decimal strings parse to and levels match with {@code ==}, so there
 * is no tick rounding to get wrong. The book is the cost of a replay (docs/DESIGN.md §10), hence its layout: best
 * levels in O(1), level {@code d} read in O(1) by index outward from the best, and inserts deep in a 5,000-level side
 * that move one block rather than the whole side (the reasons are at the top of {@code BookSide}). Everything here is
 * single-threaded and allocation-free in steady state.
 *
 * <p>Neighbours: {@code io.factorgraph.runtime.data} produces events; book nodes in {@code io.factorgraph.nodes.book}
 * read the book through {@link io.factorgraph.runtime.spi.LinkContext#book}; the backtest's exchange simulator keeps an
 * exchange-timeline book of its own with a {@link io.factorgraph.runtime.market.BookBuilder#exchange} builder.
 */
package io.factorgraph.runtime.market;
