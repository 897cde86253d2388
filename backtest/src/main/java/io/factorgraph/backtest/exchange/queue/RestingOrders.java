package io.factorgraph.backtest.exchange.queue;

import java.util.Arrays;

/**
 * The simulator's own orders resting in the exchange's book, in arrival order, with their queue state: the quantity
 * ahead ({@code front}, lots, a double because the probabilistic models move it by fractions) and the quantity
 * traded at their price since the level last changed ({@code traded}). Parallel primitive arrays; removal shifts the
 * tail so that iteration keeps arrival order. Linear scans: a market maker has a handful of orders.
 */
public final class RestingOrders {
    private long[] id;
    private boolean[] buy;
    private boolean[] gtx;
    private long[] priceTicks;
    private long[] qtyLots;
    private long[] leavesLots;
    private long[] cumExecLots;
    private double[] front;
    private double[] traded;
    private long[] arrival;
    private int size;

    public RestingOrders(int initialCapacity) {
        int c = Math.max(initialCapacity, 8);
        id = new long[c];
        buy = new boolean[c];
        gtx = new boolean[c];
        priceTicks = new long[c];
        qtyLots = new long[c];
        leavesLots = new long[c];
        cumExecLots = new long[c];
        front = new double[c];
        traded = new double[c];
        arrival = new long[c];
    }

    public int size() {
        return size;
    }

    /** Adds an order at the end, with nothing ahead of it yet: its {@code QueueModel} places it ({@code onNewOrder}). */
    public void add(long orderId, boolean isBuy, boolean isGtx, long ticks, long lots, long arrivalTime) {
        if (size == id.length) {
            grow();
        }
        int i = size++;
        id[i] = orderId;
        buy[i] = isBuy;
        gtx[i] = isGtx;
        priceTicks[i] = ticks;
        qtyLots[i] = lots;
        leavesLots[i] = lots;
        cumExecLots[i] = 0;
        front[i] = 0;
        traded[i] = 0;
        arrival[i] = arrivalTime;
    }

    public int indexOf(long orderId) {
        for (int i = 0; i < size; i++) {
            if (id[i] == orderId) {
                return i;
            }
        }
        return -1;
    }

    public long id(int i) {
        return id[i];
    }

    public boolean buy(int i) {
        return buy[i];
    }

    public boolean gtx(int i) {
        return gtx[i];
    }

    public long priceTicks(int i) {
        return priceTicks[i];
    }

    public long qtyLots(int i) {
        return qtyLots[i];
    }

    public long leavesLots(int i) {
        return leavesLots[i];
    }

    public long cumExecLots(int i) {
        return cumExecLots[i];
    }

    public double front(int i) {
        return front[i];
    }

    public void front(int i, double value) {
        front[i] = value;
    }

    public double traded(int i) {
        return traded[i];
    }

    public void traded(int i, double value) {
        traded[i] = value;
    }

    public long arrival(int i) {
        return arrival[i];
    }

    /** Records an execution of {@code lots}; returns the leaves after it. */
    public long execute(int i, long lots) {
        leavesLots[i] -= lots;
        cumExecLots[i] += lots;
        return leavesLots[i];
    }

    public void remove(int i) {
        int tail = size - i - 1;
        if (tail > 0) {
            System.arraycopy(id, i + 1, id, i, tail);
            System.arraycopy(buy, i + 1, buy, i, tail);
            System.arraycopy(gtx, i + 1, gtx, i, tail);
            System.arraycopy(priceTicks, i + 1, priceTicks, i, tail);
            System.arraycopy(qtyLots, i + 1, qtyLots, i, tail);
            System.arraycopy(leavesLots, i + 1, leavesLots, i, tail);
            System.arraycopy(cumExecLots, i + 1, cumExecLots, i, tail);
            System.arraycopy(front, i + 1, front, i, tail);
            System.arraycopy(traded, i + 1, traded, i, tail);
            System.arraycopy(arrival, i + 1, arrival, i, tail);
        }
        size--;
    }

    private void grow() {
        int c = id.length * 2;
        id = Arrays.copyOf(id, c);
        buy = Arrays.copyOf(buy, c);
        gtx = Arrays.copyOf(gtx, c);
        priceTicks = Arrays.copyOf(priceTicks, c);
        qtyLots = Arrays.copyOf(qtyLots, c);
        leavesLots = Arrays.copyOf(leavesLots, c);
        cumExecLots = Arrays.copyOf(cumExecLots, c);
        front = Arrays.copyOf(front, c);
        traded = Arrays.copyOf(traded, c);
        arrival = Arrays.copyOf(arrival, c);
    }
}
