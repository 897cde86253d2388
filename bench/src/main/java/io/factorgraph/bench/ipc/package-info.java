/**
 * The IPC hop benchmark (docs/DESIGN.md §10): each hop between live processes, measured with the live processes' own
 * encoding, sequencing and decoding code, against a raw Aeron ping of the same size in the same run.
 *
 * <p>Start at {@link io.factorgraph.bench.ipc.HopLink}: a ping-pong of one {@link io.factorgraph.bench.ipc.Hop} over
 * {@code aeron:ipc} between two threads, through a media driver embedded with the live processes' settings; half a
 * round trip is one hop. Each hop has an end class that sends and receives exactly as the process on that side does
 * (market data, factor update, order, execution report; the raw ping is the baseline), and
 * {@link io.factorgraph.bench.ipc.HopMessages} supplies one real message of each kind, taken from the recorded feed, so
 * the sizes and contents are those of a real run. The price of that honesty is a dependency on the {@code live}
 * module's codecs and receivers ({@code io.factorgraph.live.codec}, {@code io.factorgraph.live.engine},
 * {@code io.factorgraph.live.strategy}), which is the point: what is measured is what is sent. Where the settings
 * differ from the live processes (the client liveness timeout, the idle strategy), {@code HopLink} says why. Nothing is
 * allocated per round trip.
 */
package io.factorgraph.bench.ipc;
