package io.factorgraph.runtime.spi;

/**
 * What a node is given when it is linked into a graph instance: where its inputs and its result
 * live, and the values of its constant arguments. Arguments are looked up by parameter name, as
 * declared in the function's {@link Signature}. Only called while linking, never per tick.
 */
public interface LinkContext {
    /** The instance's slot array, shared by every node of the instance. */
    double[] slots();

    /** Where the node writes its result; -1 for a sink. */
    int outputSlot();

    /** The slot of a double or bool stream argument. */
    int slot(String parameter);

    /** A book stream argument. */
    io.factorgraph.runtime.market.OrderBook book(String parameter);

    double number(String parameter);

    /** An {@link ConstantKind#INTEGER} argument, checked whole and in range at compile time. */
    int integer(String parameter);

    long durationNanos(String parameter);

    /**
     * Whether a {@link ConstantKind#NUMBER_OR_DURATION} (or {@link ConstantKind#WINDOW}) argument was given as a
     * duration; read it with {@link #durationNanos} then, else with {@link #number}.
     */
    boolean isDuration(String parameter);

    boolean bool(String parameter);

    /** The time of the tick being computed. */
    TickTime time();

    /** A {@link ConstantKind#WINDOW} argument: a count of ticks or a duration, checked at compile time. */
    WindowLength window(String parameter);

    /**
     * The interval of the graph's own clock ({@code clock every D}) in nanoseconds, or 0 when it has none. A
     * duration window sizes its ring from it (D / interval + 1 samples); a run may still sample on another
     * interval ({@code --interval}), so the ring may grow, up to its cap, but never needs to with the file's clock.
     */
    long clockNanos();

    /**
     * The node as a person reads it in a message, e.g. {@code zscore(window = 60s) 'alpha'}: for errors a node
     * raises at run time, such as {@link WindowCapacityException}.
     */
    String describeNode();
}
