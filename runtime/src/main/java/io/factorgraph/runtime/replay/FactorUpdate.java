package io.factorgraph.runtime.replay;

import java.util.List;

/**
 * One factor update: the tick's time, the value of every output of the graph, and the book's best
 * levels. A reusable cursor: a provider overwrites it on every {@link FactorProvider#next()}, so a
 * consumer copies what it keeps.
 */
public final class FactorUpdate {
    private final List<String> names;
    private final double[] values;
    private long timestampNanos;
    private double bestBid = Double.NaN;
    private double bestAsk = Double.NaN;

    public FactorUpdate(List<String> names) {
        this.names = List.copyOf(names);
        this.values = new double[names.size()];
    }

    /** The output names, in the order of {@link #value(int)}. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return values.length;
    }

    /** When the graph ticked, ns on the local clock. */
    public long timestampNanos() {
        return timestampNanos;
    }

    public double value(int index) {
        return values[index];
    }

    public double bestBid() {
        return bestBid;
    }

    public double bestAsk() {
        return bestAsk;
    }

    public double mid() {
        return (bestBid + bestAsk) / 2;
    }

    /** Writes the update; for providers. */
    public void set(long timestampNanos, double bestBid, double bestAsk) {
        this.timestampNanos = timestampNanos;
        this.bestBid = bestBid;
        this.bestAsk = bestAsk;
    }

    /** Writes one output's value; for providers. */
    public void setValue(int index, double value) {
        values[index] = value;
    }
}
