package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.execution.Side;
import java.util.Arrays;

/**
 * The strategy's list of working orders for one tick, taken from an {@link OrderTracker}: what a strategy sink sees
 * through its order gateway, the same in a backtest and live (both gateways delegate here).
 *
 * <p>Every active order is listed, as docs/DESIGN.md §6 item 6 and hftbacktest's {@code obi_mm} treat them: an order
 * awaiting its acknowledgement and one with a cancel on its way still hold their price (nothing new is sent there until
 * the venue answers), but only an acknowledged order with no request in flight is {@link #cancellable}. Take the list with
 * {@link #refresh} at the start of each tick; indices then stay valid for the tick even if reports arrive. Allocation-
 * free once its index array has grown to the largest number of working orders.
 */
public final class WorkingOrders {
    private final OrderTracker tracker;
    private int[] working = new int[64];
    private int count;

    public WorkingOrders(OrderTracker tracker) {
        if (tracker == null) {
            throw new NullPointerException("tracker");
        }
        this.tracker = tracker;
    }

    /** Takes the list of working orders from the tracker as it is now. */
    public void refresh() {
        count = 0;
        for (int i = 0, n = tracker.size(); i < n; i++) {
            if (count == working.length) {
                working = Arrays.copyOf(working, working.length * 2);
            }
            working[count++] = i;
        }
    }

    public int count() {
        return count;
    }

    public long id(int index) {
        return tracker.id(working[index]);
    }

    public boolean isBid(int index) {
        return tracker.side(working[index]) == Side.BUY;
    }

    public double price(int index) {
        return tracker.price(working[index]);
    }

    /** Quantity still open. */
    public double qty(int index) {
        return tracker.leaves(working[index]);
    }

    /** Acknowledged by the venue, and no cancel on its way: the only orders a strategy may cancel now. */
    public boolean cancellable(int index) {
        int i = working[index];
        OrderStatus status = tracker.status(i);
        return !tracker.cancelPending(i) && (status == OrderStatus.NEW || status == OrderStatus.PARTIALLY_FILLED);
    }

    /** Sent post-only ({@link TimeInForce#GTX}). */
    public boolean postOnly(int index) {
        return tracker.timeInForce(working[index]) == TimeInForce.GTX;
    }

    /** The highest bid with no cancel sent (including ones just sent), or NaN: what the strategy is quoting. */
    public double quotedBid() {
        double best = Double.NaN;
        for (int i = 0, n = tracker.size(); i < n; i++) {
            if (!tracker.cancelPending(i) && tracker.side(i) == Side.BUY && !(tracker.price(i) <= best)) {
                best = tracker.price(i);
            }
        }
        return best;
    }

    /** The lowest ask with no cancel sent (including ones just sent), or NaN. */
    public double quotedAsk() {
        double best = Double.NaN;
        for (int i = 0, n = tracker.size(); i < n; i++) {
            if (!tracker.cancelPending(i) && tracker.side(i) == Side.SELL && !(tracker.price(i) >= best)) {
                best = tracker.price(i);
            }
        }
        return best;
    }

    /** Whether an order is active that no cancel has been sent for. */
    public boolean hasUncancelled() {
        for (int i = 0, n = tracker.size(); i < n; i++) {
            if (!tracker.cancelPending(i)) {
                return true;
            }
        }
        return false;
    }
}
