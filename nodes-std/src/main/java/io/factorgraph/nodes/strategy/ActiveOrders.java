package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reusable list of active orders in parallel primitive arrays, for the zero-allocation form of
 * {@link StatelessMm}. The caller clears and refills it each decision; it allocates only when it
 * grows past its largest size so far.
 */
public final class ActiveOrders {
    private long[] ids;
    private boolean[] bids;
    private long[] priceTicks;
    private double[] qty;
    private boolean[] cancellable;
    private boolean[] postOnly;
    private int size;

    public ActiveOrders() {
        this(16);
    }

    public ActiveOrders(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, was " + initialCapacity);
        }
        ids = new long[initialCapacity];
        bids = new boolean[initialCapacity];
        priceTicks = new long[initialCapacity];
        qty = new double[initialCapacity];
        cancellable = new boolean[initialCapacity];
        postOnly = new boolean[initialCapacity];
    }

    /** The orders of a list, in its order. */
    public static ActiveOrders of(List<ActiveOrder> orders) {
        ActiveOrders active = new ActiveOrders(orders.size());
        for (ActiveOrder order : orders) {
            active.add(
                    order.id(),
                    order.side().isBuy(),
                    order.priceTicks(),
                    order.qty(),
                    order.cancellable(),
                    order.postOnly());
        }
        return active;
    }

    public void clear() {
        size = 0;
    }

    public void add(long id, Side side, long ticks, double quantity) {
        add(id, side.isBuy(), ticks, quantity);
    }

    /** Adds an acknowledged quote with no request in flight. */
    public void add(long id, boolean bid, long ticks, double quantity) {
        add(id, bid, ticks, quantity, true, true);
    }

    /**
     * Adds an order; {@code canCancel}: acknowledged and no request in flight (docs/DESIGN.md §6 item 6);
     * {@code isPostOnly}: a quote rather than a close.
     */
    public void add(long id, boolean bid, long ticks, double quantity, boolean canCancel, boolean isPostOnly) {
        if (size == ids.length) {
            int capacity = Math.max(8, size * 2);
            ids = Arrays.copyOf(ids, capacity);
            bids = Arrays.copyOf(bids, capacity);
            priceTicks = Arrays.copyOf(priceTicks, capacity);
            qty = Arrays.copyOf(qty, capacity);
            cancellable = Arrays.copyOf(cancellable, capacity);
            postOnly = Arrays.copyOf(postOnly, capacity);
        }
        ids[size] = id;
        bids[size] = bid;
        priceTicks[size] = ticks;
        qty[size] = quantity;
        cancellable[size] = canCancel;
        postOnly[size] = isPostOnly;
        size++;
    }

    /** Adds an order whose price the venue reports in price units, at its {@link Ticks#nearest nearest} tick. */
    public void addAtPrice(long id, Side side, double price, double quantity, double tickSize) {
        add(id, side.isBuy(), Ticks.nearest(price, tickSize), quantity);
    }

    public int size() {
        return size;
    }

    public long id(int index) {
        return ids[checked(index)];
    }

    public boolean isBid(int index) {
        return bids[checked(index)];
    }

    public Side side(int index) {
        return Side.of(bids[checked(index)]);
    }

    public long priceTicks(int index) {
        return priceTicks[checked(index)];
    }

    public double qty(int index) {
        return qty[checked(index)];
    }

    /** Whether the order may be cancelled now (acknowledged, no request in flight). */
    public boolean cancellable(int index) {
        return cancellable[checked(index)];
    }

    /** Whether the order is a post-only quote (rather than a close). */
    public boolean postOnly(int index) {
        return postOnly[checked(index)];
    }

    /** A copy as records (allocates). */
    public List<ActiveOrder> toList() {
        List<ActiveOrder> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(new ActiveOrder(ids[i], Side.of(bids[i]), priceTicks[i], qty[i], cancellable[i], postOnly[i]));
        }
        return List.copyOf(list);
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("active order " + index + " of " + size);
        }
        return index;
    }

    @Override
    public String toString() {
        return "ActiveOrders" + toList();
    }
}
