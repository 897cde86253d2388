package io.factorgraph.backtest.exchange.latency;

/**
 * Requests on their way to the exchange, first in first out (their arrival times never decrease): a ring buffer
 * of primitive arrays that grows by doubling.
 */
public final class RequestQueue {
    private boolean[] cancel;
    private long[] orderId;
    private boolean[] buy;
    private boolean[] gtx;
    private long[] priceTicks;
    private long[] lots;
    private long[] arrival;
    private int head;
    private int size;

    public RequestQueue(int initialCapacity) {
        int c = Math.max(initialCapacity, 16);
        cancel = new boolean[c];
        orderId = new long[c];
        buy = new boolean[c];
        gtx = new boolean[c];
        priceTicks = new long[c];
        lots = new long[c];
        arrival = new long[c];
    }

    public int size() {
        return size;
    }

    public void add(
            boolean isCancel, long id, boolean isBuy, boolean isGtx, long ticks, long qtyLots, long arrivalTime) {
        if (size == orderId.length) {
            grow();
        }
        int i = (head + size) % orderId.length;
        cancel[i] = isCancel;
        orderId[i] = id;
        buy[i] = isBuy;
        gtx[i] = isGtx;
        priceTicks[i] = ticks;
        lots[i] = qtyLots;
        arrival[i] = arrivalTime;
        size++;
    }

    public long headArrival() {
        return arrival[head];
    }

    public boolean headCancel() {
        return cancel[head];
    }

    public long headOrderId() {
        return orderId[head];
    }

    public boolean headBuy() {
        return buy[head];
    }

    public boolean headGtx() {
        return gtx[head];
    }

    public long headPriceTicks() {
        return priceTicks[head];
    }

    public long headLots() {
        return lots[head];
    }

    public void pop() {
        head = (head + 1) % orderId.length;
        size--;
    }

    private void grow() {
        int c = orderId.length;
        int[] order = new int[size];
        for (int k = 0; k < size; k++) {
            order[k] = (head + k) % c;
        }
        boolean[] cancel2 = new boolean[c * 2];
        long[] orderId2 = new long[c * 2];
        boolean[] buy2 = new boolean[c * 2];
        boolean[] gtx2 = new boolean[c * 2];
        long[] ticks2 = new long[c * 2];
        long[] lots2 = new long[c * 2];
        long[] arrival2 = new long[c * 2];
        for (int k = 0; k < size; k++) {
            int i = order[k];
            cancel2[k] = cancel[i];
            orderId2[k] = orderId[i];
            buy2[k] = buy[i];
            gtx2[k] = gtx[i];
            ticks2[k] = priceTicks[i];
            lots2[k] = lots[i];
            arrival2[k] = arrival[i];
        }
        cancel = cancel2;
        orderId = orderId2;
        buy = buy2;
        gtx = gtx2;
        priceTicks = ticks2;
        lots = lots2;
        arrival = arrival2;
        head = 0;
    }

    @Override
    public String toString() {
        return "RequestQueue[" + size + "]";
    }
}
