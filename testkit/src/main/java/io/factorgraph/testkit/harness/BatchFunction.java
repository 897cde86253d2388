package io.factorgraph.testkit.harness;

/**
 * The naive reference a streaming node is held to: its value at {@code tick}, computed from scratch
 * from the whole input up to and including that tick (e.g. a two-pass std over the last W values).
 */
@FunctionalInterface
public interface BatchFunction {
    double at(double[] stream, int tick);
}
