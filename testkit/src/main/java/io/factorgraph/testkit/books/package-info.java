/**
 * jqwik generators of valid L2 order books, for property tests of code that reads a book (the book nodes' properties
 * draw on them, and so can a user's own book node's).
 *
 * <p>Start at {@link io.factorgraph.testkit.books.Books}; a generated book is a
 * {@link io.factorgraph.testkit.books.BookLevels}, plain arrays best level first, from which a test computes its naive
 * expectation and which it loads into the {@link io.factorgraph.runtime.market.OrderBook} under test, so the
 * expectation never depends on the code it checks. The ranges are chosen to reach the edges real data reaches: tick
 * sizes from 1e-4 to 100, prices from a few ticks to a million, one-tick and wide spreads, sparse and dense sides, dust
 * and whale quantities; prices are whole multiples of the tick computed the way a feed's decimal strings parse, so that
 * level arithmetic meets the binary-float edges it meets in production.
 *
 * <p>Neighbours: {@code io.factorgraph.testkit.streams} generates the {@code double} streams; recorded feeds are found
 * through {@code io.factorgraph.testkit.data}.
 */
package io.factorgraph.testkit.books;
