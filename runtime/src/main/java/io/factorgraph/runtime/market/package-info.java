/**
 * Market state: the L2 {@link io.factorgraph.runtime.market.OrderBook} (a ladder indexed by price tick
 * with an overflow for everything off the grid or far from the touch), the builder that applies depth
 * events to it, the event record and its flags, and the first-round {@link
 * io.factorgraph.runtime.market.TieredOrderBook} kept as the benchmarks' baseline.
 */
package io.factorgraph.runtime.market;
