/**
 * A compiled graph ticked over recorded market data, and the one interface a strategy reads factors through, whether
 * they are computed here or received live (docs/DESIGN.md §5).
 *
 * <p>Start at {@link io.factorgraph.runtime.replay.FactorProvider} and its
 * {@link io.factorgraph.runtime.replay.FactorUpdate}, a reusable cursor overwritten on each {@code next()}; then
 * {@link io.factorgraph.runtime.replay.ReplayFactorProvider}, which drives a graph instance's books from one
 * {@link io.factorgraph.runtime.data.EventSource} per book, merged on the local clock by
 * {@link io.factorgraph.runtime.replay.MergedReplay}, and ticks the graph when the
 * {@link io.factorgraph.runtime.replay.SamplingClock} says.
 *
 * <p>Why it is shaped so: when a graph ticks is a contract ({@code clock every D}: epoch-aligned multiples of D from
 * the moment the book is ready, a tick at t seeing every event with {@code local_ts <= t}; without a clock, after every
 * message that changed a ready book). It is kept in exactly one class, pushed one event at a time, so that
 * {@code fg run}, the backtest and the live engine follow it from the same code; the live engine goes further and feeds
 * its received market data to this very provider, which is how its factor stream equals {@code fg run}'s bit for bit.
 * Per event and per tick nothing is allocated.
 *
 * <p>Neighbours: {@code io.factorgraph.runtime.data} (sources), {@code io.factorgraph.runtime.graph} (instances); other
 * providers are the live strategy's ({@code io.factorgraph.live.strategy}).
 */
package io.factorgraph.runtime.replay;
