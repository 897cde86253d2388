/**
 * The factor engine process (docs/DESIGN.md §8): keeps the book from the connector's market data, ticks the compiled
 * graph, and publishes one factor update per tick.
 *
 * <p>Start at {@link io.factorgraph.live.engine.Engine}; its options are
 * {@link io.factorgraph.live.engine.EngineConfig}. The contract that shapes it is that the engine's factor stream for a
 * replayed file equals {@code fg run}'s on that file bit for bit. It holds by construction rather than by testing two
 * implementations against each other: {@link io.factorgraph.live.engine.MarketDataSource} makes the market data stream
 * an {@link io.factorgraph.runtime.data.EventSource}, fed to the very
 * {@link io.factorgraph.runtime.replay.ReplayFactorProvider} that {@code fg run} uses, so the book and the sampling
 * clock run the same code on the same timestamps.
 *
 * <p>Failures are explicit states, never silent drift: a lost batch empties the book (so no tick is computed on a book
 * known to be wrong), the engine resets its graph, asks the connector for a snapshot, and reports {@code warm = false}
 * until its windows have filled again; the strategy does not quote on such updates.
 *
 * <p>Neighbours: {@code io.factorgraph.live.connector} upstream, {@code io.factorgraph.live.strategy} downstream.
 */
package io.factorgraph.live.engine;
