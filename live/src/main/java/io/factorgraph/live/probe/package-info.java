/**
 * Hop latency between live processes on one host, measured in the processes themselves:
 * {@link io.factorgraph.live.probe.LatencyProbe} records receipt time minus the send time the sender stamped into the
 * message, both on the monotonic clock every process of a host shares (across hosts the difference means nothing).
 *
 * <p>Values go into an HdrHistogram, so recording allocates nothing and can stay on in every run; each process logs its
 * summary at exit and the strategy prints its hops in its summary. This is measurement, not a test: the benchmark that
 * compares a hop with a raw Aeron ping is in the {@code bench} module ({@code io.factorgraph.bench.ipc}).
 */
package io.factorgraph.live.probe;
