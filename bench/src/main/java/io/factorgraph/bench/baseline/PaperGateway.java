package io.factorgraph.bench.baseline;

import io.factorgraph.runtime.execution.OrderGateway;

/**
 * An order gateway that accepts everything at once and never fills: orders submitted become working
 * orders, cancels remove them, the position stays flat. Lets a benchmark run the sink's decision and
 * diff every tick without the exchange simulator's cost. Allocation-free.
 */
public final class PaperGateway implements OrderGateway {
    private final long[] ids = new long[256];
    private final boolean[] bids = new boolean[256];
    private final double[] prices = new double[256];
    private final double[] qtys = new double[256];
    private int count;
    private long nextId = 1;
    private long submitted;

    @Override
    public double position() {
        return 0.0;
    }

    @Override
    public int activeOrderCount() {
        return count;
    }

    @Override
    public long activeOrderId(int index) {
        return ids[index];
    }

    @Override
    public boolean activeOrderIsBid(int index) {
        return bids[index];
    }

    @Override
    public double activeOrderPrice(int index) {
        return prices[index];
    }

    @Override
    public double activeOrderQty(int index) {
        return qtys[index];
    }

    @Override
    public void submit(boolean bid, double price, double qty, boolean postOnly) {
        submitted++;
        if (count == ids.length) {
            return;
        }
        ids[count] = nextId++;
        bids[count] = bid;
        prices[count] = price;
        qtys[count] = qty;
        count++;
    }

    @Override
    public void cancel(long orderId) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == orderId) {
                count--;
                ids[i] = ids[count];
                bids[i] = bids[count];
                prices[i] = prices[count];
                qtys[i] = qtys[count];
                return;
            }
        }
    }

    /** Orders sent so far: the benchmark returns it so the sink's work cannot be optimised away. */
    public long submitted() {
        return submitted;
    }
}
