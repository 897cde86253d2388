package io.factorgraph.backtest.exchange;

import java.util.Arrays;

/**
 * The simulator's own orders resting in the exchange's book, in arrival order, with their queue state: the quantity
 * ahead ({@code front}, lots, a double because the probabilistic models move it by fractions) and the quantity
 * traded at their price since the level last changed ({@code traded}). Parallel primitive arrays; removal shifts the
 * tail so that iteration keeps arrival order. Linear scans: a market maker has a handful of orders.
 */
final class RestingOrders {
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

    RestingOrders(int initialCapacity) {
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

    int size() {
        return size;
    }

    void add(long orderId, boolean isBuy, boolean isGtx, long ticks, long lots, double queueAhead, long arrivalTime) {
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
        front[i] = queueAhead;
        traded[i] = 0;
        arrival[i] = arrivalTime;
    }

    int indexOf(long orderId) {
        for (int i = 0; i < size; i++) {
            if (id[i] == orderId) {
                return i;
            }
        }
        return -1;
    }

    long id(int i) {
        return id[i];
    }

    boolean buy(int i) {
        return buy[i];
    }

    boolean gtx(int i) {
        return gtx[i];
    }

    long priceTicks(int i) {
        return priceTicks[i];
    }

    long qtyLots(int i) {
        return qtyLots[i];
    }

    long leavesLots(int i) {
        return leavesLots[i];
    }

    long cumExecLots(int i) {
        return cumExecLots[i];
    }

    double front(int i) {
        return front[i];
    }

    void front(int i, double value) {
        front[i] = value;
    }

    double traded(int i) {
        return traded[i];
    }

    void traded(int i, double value) {
        traded[i] = value;
    }

    long arrival(int i) {
        return arrival[i];
    }

    /** Records an execution of {@code lots}; returns the leaves after it. */
    long execute(int i, long lots) {
        leavesLots[i] -= lots;
        cumExecLots[i] += lots;
        return leavesLots[i];
    }

    void remove(int i) {
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
