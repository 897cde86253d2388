package io.factorgraph.runtime.replay;

import java.util.Arrays;
import java.util.List;

/**
 * One factor update: the tick's time, the value of every output of the graph, and every book's best levels. A
 * reusable cursor: a provider overwrites it on every {@link FactorProvider#next()}, so a consumer copies what it
 * keeps.
 *
 * <p>The methods without a book index ({@link #bestBid()}, {@link #bestAsk()}, {@link #mid()}) read the first book,
 * the only one of a single-instrument graph.
 */
public final class FactorUpdate {
    private final List<String> names;
    private final List<String> books;
    private final double[] values;
    private final double[] bestBids;
    private final double[] bestAsks;
    private long timestampNanos;

    /** An update of a graph that reads one book, named {@code book}. */
    public FactorUpdate(List<String> names) {
        this(names, List.of("book"));
    }

    /**
     * @param names the outputs, in the order of {@link #value(int)}
     * @param books the books, in the order of the graph's {@code Book} inputs
     */
    public FactorUpdate(List<String> names, List<String> books) {
        if (books.isEmpty()) {
            throw new IllegalArgumentException("an update carries at least one book's levels");
        }
        this.names = List.copyOf(names);
        this.books = List.copyOf(books);
        this.values = new double[names.size()];
        this.bestBids = new double[books.size()];
        this.bestAsks = new double[books.size()];
        Arrays.fill(bestBids, Double.NaN);
        Arrays.fill(bestAsks, Double.NaN);
    }

    /** The output names, in the order of {@link #value(int)}. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return values.length;
    }

    /** The book names, in the order of the book index of {@link #bestBid(int)}. */
    public List<String> books() {
        return books;
    }

    public int bookCount() {
        return bestBids.length;
    }

    /** When the graph ticked, ns on the local clock. */
    public long timestampNanos() {
        return timestampNanos;
    }

    public double value(int index) {
        return values[index];
    }

    public double bestBid(int book) {
        return bestBids[book];
    }

    public double bestAsk(int book) {
        return bestAsks[book];
    }

    public double mid(int book) {
        return (bestBids[book] + bestAsks[book]) / 2;
    }

    /** The first book's best bid. */
    public double bestBid() {
        return bestBids[0];
    }

    /** The first book's best ask. */
    public double bestAsk() {
        return bestAsks[0];
    }

    /** The first book's mid. */
    public double mid() {
        return mid(0);
    }

    /** Writes the tick's time and the first book's levels; for providers of one book. */
    public void set(long timestampNanos, double bestBid, double bestAsk) {
        setTime(timestampNanos);
        setBook(0, bestBid, bestAsk);
    }

    /** Writes the tick's time; for providers. */
    public void setTime(long timestampNanos) {
        this.timestampNanos = timestampNanos;
    }

    /** Writes one book's best levels; for providers. */
    public void setBook(int book, double bestBid, double bestAsk) {
        bestBids[book] = bestBid;
        bestAsks[book] = bestAsk;
    }

    /** Writes one output's value; for providers. */
    public void setValue(int index, double value) {
        values[index] = value;
    }
}
