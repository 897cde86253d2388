package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.execution.OrderGateway;

/**
 * An order gateway whose view of the active orders is an {@link OrderTracker} kept from execution reports: the one
 * implementation of that view, shared by the backtest's simulated gateway and the live one, which add only position,
 * sending and their clock. Call {@link #refreshWorkingOrders} at the start of each tick.
 */
public abstract class TrackedOrderGateway implements OrderGateway {
    private final WorkingOrders working;

    protected TrackedOrderGateway(OrderTracker tracker) {
        this.working = new WorkingOrders(tracker);
    }

    /** Takes the tick's list of active orders from the tracker. */
    protected final void refreshWorkingOrders() {
        working.refresh();
    }

    /** The tick's active orders. */
    protected final WorkingOrders working() {
        return working;
    }

    @Override
    public final int activeOrderCount() {
        return working.count();
    }

    @Override
    public final long activeOrderId(int index) {
        return working.id(index);
    }

    @Override
    public final boolean activeOrderIsBid(int index) {
        return working.isBid(index);
    }

    @Override
    public final double activeOrderPrice(int index) {
        return working.price(index);
    }

    @Override
    public final double activeOrderQty(int index) {
        return working.qty(index);
    }

    @Override
    public final boolean activeOrderCancellable(int index) {
        return working.cancellable(index);
    }

    @Override
    public final boolean activeOrderPostOnly(int index) {
        return working.postOnly(index);
    }
}
