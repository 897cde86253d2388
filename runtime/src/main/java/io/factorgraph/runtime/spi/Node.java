package io.factorgraph.runtime.spi;

import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.state.SnapshotException;
import io.factorgraph.runtime.state.StateReader;
import io.factorgraph.runtime.state.StateWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * One node of a linked graph. A graph instance keeps its nodes in one flat array in topological
 * order and calls {@link #update()} on each once per tick; a node reads its inputs from, and writes
 * its result to, slots of the instance's shared {@code double[]} that it was given when linked.
 *
 * <p>{@code update()} must be O(1) (O(levels in band) for book scans), allocate nothing and throw
 * nothing for any input value: NaN in, NaN or a defined value out. The one exception is a resource
 * limit, not a value: a duration window that would hold more samples than its cap throws a
 * {@link WindowCapacityException}, which the run reports as one line.
 *
 * <p>State snapshots (docs/DESIGN.md §13): the instance saves the slots itself, so a node whose only fields are
 * final primitives, strings and what it was linked with (the slots, a book, the tick time) keeps no state of its
 * own and needs nothing. A node with any other field (a window, a previous value, a counter) overrides
 * {@link #writeState} and {@link #readState}; one that does not is refused by name when a snapshot is taken, so a
 * user node is never restored half-way.
 */
public abstract class Node {
    /** Whether a node class holds nothing but final linking fields, decided once per class. */
    private static final ClassValue<Boolean> STATELESS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != Node.class && c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers)) {
                        continue;
                    }
                    if (!Modifier.isFinal(modifiers) || !linkingType(field.getType())) {
                        return false;
                    }
                }
            }
            return true;
        }
    };

    private static boolean linkingType(Class<?> type) {
        return type.isPrimitive()
                || type == String.class
                || type == double[].class
                || type == OrderBook.class
                || type == TickTime.class
                || type == WindowLength.class
                || type.isEnum();
    }

    /** Computes this tick's result. */
    public abstract void update();

    /** Returns to the state of a freshly linked node. */
    public abstract void reset();

    /**
     * Writes this node's own state (not its output slot, which the instance saves). The default writes nothing for
     * a node that holds no state of its own (see the class comment) and refuses any other.
     *
     * @throws SnapshotException for a node with state of its own that does not override this method
     */
    public void writeState(StateWriter out) {
        requireStateless();
    }

    /**
     * Reads back what {@link #writeState} wrote, into a node freshly linked for the same graph and parameters, so
     * that it then computes exactly what the node that wrote it would have computed.
     *
     * @throws SnapshotException for a node with state of its own that does not override this method, or bytes
     *     that do not read back
     */
    public void readState(StateReader in) {
        requireStateless();
    }

    private void requireStateless() {
        if (!STATELESS.get(getClass())) {
            throw new SnapshotException("node " + getClass().getName() + " keeps state of its own but does not "
                    + "implement writeState/readState, so it cannot be snapshotted");
        }
    }
}
