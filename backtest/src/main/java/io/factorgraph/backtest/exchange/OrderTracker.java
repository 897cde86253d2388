package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.execution.Side;
import java.util.Arrays;

/**
 * The strategy's view of its orders, kept only from what it sent and the {@link ExecutionReport}s it received: the
 * orders it believes active (sent and not yet reported final), each with its side, price, quantity, leaves and
 * status as last reported. This is all a strategy can know, in a backtest or live; the simulator keeps one for the
 * strategy, and a live order gateway can keep one the same way.
 *
 * <p>An order is active from {@link #onSubmit} ({@link OrderStatus#PENDING_NEW}) until a report makes it final
 * (filled, cancelled, expired, rejected); then it is dropped. Active orders are listed in the order they were
 * submitted, by index {@code 0 .. size()-1}; indices shift when an order is dropped, so look orders up by id with
 * {@link #indexOf} across calls that may drop one. Linear in the number of active orders, allocation-free once its
 * arrays have grown to the largest number of active orders.
 */
public final class OrderTracker {
    private static final OrderStatus[] STATUSES = OrderStatus.values();

    private final PriceGrid grid;
    private long[] id;
    private boolean[] buy;
    private boolean[] gtx;
    private long[] priceTicks;
    private long[] qtyLots;
    private long[] leavesLots;
    private long[] cumExecLots;
    private byte[] status;
    private boolean[] cancelPending;
    private long[] submitTime;
    private int size;

    public OrderTracker(PriceGrid grid, int initialCapacity) {
        if (grid == null) {
            throw new NullPointerException("grid");
        }
        this.grid = grid;
        int c = Math.max(initialCapacity, 8);
        id = new long[c];
        buy = new boolean[c];
        gtx = new boolean[c];
        priceTicks = new long[c];
        qtyLots = new long[c];
        leavesLots = new long[c];
        cumExecLots = new long[c];
        status = new byte[c];
        cancelPending = new boolean[c];
        submitTime = new long[c];
    }

    /** Records an order the strategy has just sent; it is {@link OrderStatus#PENDING_NEW} until a report arrives. */
    public void onSubmit(long orderId, Side side, long ticks, long lots, TimeInForce tif, long localTime) {
        if (size == id.length) {
            grow();
        }
        int i = size++;
        id[i] = orderId;
        buy[i] = side == Side.BUY;
        gtx[i] = tif == TimeInForce.GTX;
        priceTicks[i] = ticks;
        qtyLots[i] = lots;
        leavesLots[i] = lots;
        cumExecLots[i] = 0;
        status[i] = (byte) OrderStatus.PENDING_NEW.ordinal();
        cancelPending[i] = false;
        submitTime[i] = localTime;
    }

    /**
     * Marks a cancel as sent for an active order; returns false (and changes nothing) when the order is not active
     * or a cancel is already on its way, in which case there is nothing to send.
     */
    public boolean onCancelRequest(long orderId) {
        int i = indexOf(orderId);
        if (i < 0 || cancelPending[i]) {
            return false;
        }
        cancelPending[i] = true;
        return true;
    }

    /** Applies a report: updates the order's status and leaves, and drops it when the report makes it final. */
    public void onReport(ExecutionReport r) {
        int i = indexOf(r.orderId());
        if (i < 0) {
            return; // a late report about an order already final here (e.g. a cancel reject after the fill)
        }
        switch (r.type()) {
            case ACCEPTED -> status[i] = (byte) OrderStatus.NEW.ordinal();
            case FILL -> {
                leavesLots[i] = r.leavesLots();
                cumExecLots[i] = r.cumExecLots();
                status[i] = (byte) r.status().ordinal();
            }
            case CANCEL_REJECTED -> cancelPending[i] = false;
            case CANCELED, EXPIRED, REJECTED -> {
                leavesLots[i] = 0;
                status[i] = (byte) r.status().ordinal();
            }
        }
        if (STATUSES[status[i]].isFinal()) {
            remove(i);
        }
    }

    /** Number of active orders. */
    public int size() {
        return size;
    }

    /** Index of the active order {@code orderId}, or -1. */
    public int indexOf(long orderId) {
        for (int i = 0; i < size; i++) {
            if (id[i] == orderId) {
                return i;
            }
        }
        return -1;
    }

    public boolean isActive(long orderId) {
        return indexOf(orderId) >= 0;
    }

    public long id(int i) {
        check(i);
        return id[i];
    }

    public Side side(int i) {
        check(i);
        return buy[i] ? Side.BUY : Side.SELL;
    }

    public TimeInForce timeInForce(int i) {
        check(i);
        return gtx[i] ? TimeInForce.GTX : TimeInForce.GTC;
    }

    public long priceTicks(int i) {
        check(i);
        return priceTicks[i];
    }

    public double price(int i) {
        return grid.price(priceTicks(i));
    }

    public long qtyLots(int i) {
        check(i);
        return qtyLots[i];
    }

    public double qty(int i) {
        return grid.qty(qtyLots(i));
    }

    public long leavesLots(int i) {
        check(i);
        return leavesLots[i];
    }

    public double leaves(int i) {
        return grid.qty(leavesLots(i));
    }

    public long cumExecLots(int i) {
        check(i);
        return cumExecLots[i];
    }

    public OrderStatus status(int i) {
        check(i);
        return STATUSES[status[i]];
    }

    /** Whether a cancel for this order has been sent and not yet answered. */
    public boolean cancelPending(int i) {
        check(i);
        return cancelPending[i];
    }

    public long submitTime(int i) {
        check(i);
        return submitTime[i];
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("active order " + i + " of " + size);
        }
    }

    private void remove(int i) {
        int tail = size - i - 1;
        if (tail > 0) {
            System.arraycopy(id, i + 1, id, i, tail);
            System.arraycopy(buy, i + 1, buy, i, tail);
            System.arraycopy(gtx, i + 1, gtx, i, tail);
            System.arraycopy(priceTicks, i + 1, priceTicks, i, tail);
            System.arraycopy(qtyLots, i + 1, qtyLots, i, tail);
            System.arraycopy(leavesLots, i + 1, leavesLots, i, tail);
            System.arraycopy(cumExecLots, i + 1, cumExecLots, i, tail);
            System.arraycopy(status, i + 1, status, i, tail);
            System.arraycopy(cancelPending, i + 1, cancelPending, i, tail);
            System.arraycopy(submitTime, i + 1, submitTime, i, tail);
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
        status = Arrays.copyOf(status, c);
        cancelPending = Arrays.copyOf(cancelPending, c);
        submitTime = Arrays.copyOf(submitTime, c);
    }
}
