/**
 * Real data for the benchmarks, found where the tests find it and prepared outside the measured loop.
 *
 * <p>{@link io.factorgraph.bench.data.BenchData} locates the recorded Binance feeds ({@code factorgraph.data.dir},
 * {@code FG_DATA_DIR}, or {@code ../shared/data} from the working directory or a parent); data is never copied into the
 * project. {@link io.factorgraph.bench.data.RecordedTicks} cuts a feed into ticks held in primitive arrays (the book at
 * the first tick, then the depth edits leading to each later one, with each tick's OBI and mid), so a benchmark replays
 * real book states without reading or parsing anything and measures only what it claims to (docs/DESIGN.md §10:
 * measured on book states from the real data). Its ticks are those of a graph without a {@code clock}, produced by the
 * runtime's own {@link io.factorgraph.runtime.replay.SamplingClock}.
 */
package io.factorgraph.bench.data;
