/**
 * Nodes that read the order book: {@code mid}, {@code best_bid}, {@code best_ask}, {@code spread}, {@code microprice}
 * ({@link io.factorgraph.nodes.book.BookPrices}), and {@code OBI} and {@code obi_norm}
 * ({@link io.factorgraph.nodes.book.OrderBookImbalance}).
 *
 * <p>Values are in price units and NaN while a side is empty, never an exception: an empty side is a state a feed
 * passes through, and the strategy refuses to quote on non-finite inputs itself. {@code OBI} follows hftbacktest's
 * {@code obi_mm} as docs/DESIGN.md §4 writes it, the band's edges compared as doubles exactly as written, so its values
 * match the reference to the bit. It is the one node whose cost is not O(1): the levels in the band are a prefix of
 * each side, so it asks the book for each prefix's length and sums both prefixes side by side
 * ({@link io.factorgraph.runtime.market.OrderBook#sumTopQty}), best level first, which is the level-by-level walk's sum
 * in a third of the time. The book itself, and how fast its levels are read, is
 * {@code io.factorgraph.runtime.market}'s; a node only holds the book it was linked to.
 */
package io.factorgraph.nodes.book;
