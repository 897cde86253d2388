package io.factorgraph.testkit.harness;

/**
 * The naive reference of a node whose result depends on time (a duration window, a decay by elapsed time):
 * its value at {@code tick}, computed from scratch from every sample up to and including that tick and their
 * times (local clock, nanoseconds, never decreasing), e.g. a two-pass std over the samples whose time lies in
 * {@code (times[tick] - D, times[tick]]}.
 */
@FunctionalInterface
public interface TimedBatchFunction {
    double at(long[] times, double[] stream, int tick);
}
