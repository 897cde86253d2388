package io.factorgraph.nodes.strategy;

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
    }

    /** The orders of a list, in its order. */
    public static ActiveOrders of(List<ActiveOrder> orders) {
        ActiveOrders active = new ActiveOrders(orders.size());
        for (ActiveOrder order : orders) {
            active.add(order.id(), order.side(), order.priceTicks(), order.qty());
        }
        return active;
    }

    public void clear() {
        size = 0;
    }

    public void add(long id, Side side, long ticks, double quantity) {
        add(id, side.isBid(), ticks, quantity);
    }

    public void add(long id, boolean bid, long ticks, double quantity) {
        if (size == ids.length) {
            int capacity = Math.max(8, size * 2);
            ids = Arrays.copyOf(ids, capacity);
            bids = Arrays.copyOf(bids, capacity);
            priceTicks = Arrays.copyOf(priceTicks, capacity);
            qty = Arrays.copyOf(qty, capacity);
        }
        ids[size] = id;
        bids[size] = bid;
        priceTicks[size] = ticks;
        qty[size] = quantity;
        size++;
    }

    /** Adds an order whose price the venue reports in price units, at its {@link Ticks#nearest nearest} tick. */
    public void addAtPrice(long id, Side side, double price, double quantity, double tickSize) {
        add(id, side.isBid(), Ticks.nearest(price, tickSize), quantity);
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

    /** A copy as records (allocates). */
    public List<ActiveOrder> toList() {
        List<ActiveOrder> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(new ActiveOrder(ids[i], Side.of(bids[i]), priceTicks[i], qty[i]));
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
