package io.factorgraph.runtime.spi;

/**
 * One node of a linked graph. A graph instance keeps its nodes in one flat array in topological
 * order and calls {@link #update()} on each once per tick; a node reads its inputs from, and writes
 * its result to, slots of the instance's shared {@code double[]} that it was given when linked.
 *
 * <p>{@code update()} must be O(1) (O(levels in band) for book scans), allocate nothing and throw
 * nothing for any input value: NaN in, NaN or a defined value out. The one exception is a resource
 * limit, not a value: a duration window that would hold more samples than its cap throws a
 * {@link WindowCapacityException}, which the run reports as one line.
 */
public abstract class Node {
    /** Computes this tick's result. */
    public abstract void update();

    /** Returns to the state of a freshly linked node. */
    public abstract void reset();
}
