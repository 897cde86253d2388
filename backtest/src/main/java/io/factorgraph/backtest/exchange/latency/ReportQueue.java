package io.factorgraph.backtest.exchange.latency;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderStatus;
import io.factorgraph.backtest.exchange.RejectReason;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.runtime.execution.Side;

/**
 * Execution reports on their way to the strategy, first in first out (their receive times never decrease): a ring
 * buffer of primitive arrays that grows by doubling, read into an {@link ExecutionReport} flyweight.
 */
public final class ReportQueue {
    private static final ReportType[] TYPES = ReportType.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final RejectReason[] REASONS = RejectReason.values();

    private byte[] type;
    private long[] orderId;
    private boolean[] buy;
    private boolean[] gtx;
    private long[] priceTicks;
    private long[] qtyLots;
    private long[] leavesLots;
    private long[] cumExecLots;
    private long[] execLots;
    private long[] execTicks;
    private double[] fee;
    private boolean[] maker;
    private byte[] status;
    private byte[] reason;
    private long[] exchTime;
    private long[] localTime;
    private int head;
    private int size;

    public ReportQueue(int initialCapacity) {
        allocate(Math.max(initialCapacity, 16));
    }

    private void allocate(int c) {
        type = new byte[c];
        orderId = new long[c];
        buy = new boolean[c];
        gtx = new boolean[c];
        priceTicks = new long[c];
        qtyLots = new long[c];
        leavesLots = new long[c];
        cumExecLots = new long[c];
        execLots = new long[c];
        execTicks = new long[c];
        fee = new double[c];
        maker = new boolean[c];
        status = new byte[c];
        reason = new byte[c];
        exchTime = new long[c];
        localTime = new long[c];
    }

    public int size() {
        return size;
    }

    /** Appends a copy of {@code r} (every field, its receive time included). */
    public void add(ExecutionReport r) {
        if (size == orderId.length) {
            grow();
        }
        int i = (head + size) % orderId.length;
        type[i] = (byte) r.type().ordinal();
        orderId[i] = r.orderId();
        buy[i] = r.side() == Side.BUY;
        gtx[i] = r.timeInForce() == TimeInForce.GTX;
        priceTicks[i] = r.priceTicks();
        qtyLots[i] = r.qtyLots();
        leavesLots[i] = r.leavesLots();
        cumExecLots[i] = r.cumExecLots();
        execLots[i] = r.execLots();
        execTicks[i] = r.execPriceTicks();
        fee[i] = r.fee();
        maker[i] = r.maker();
        status[i] = (byte) r.status().ordinal();
        reason[i] = (byte) r.reason().ordinal();
        exchTime[i] = r.exchTime();
        localTime[i] = r.localTime();
        size++;
    }

    public long headLocalTime() {
        return localTime[head];
    }

    /** Copies the oldest report into {@code r} and removes it. */
    public void poll(ExecutionReport r) {
        int i = head;
        r.order(
                        orderId[i],
                        buy[i] ? Side.BUY : Side.SELL,
                        gtx[i] ? TimeInForce.GTX : TimeInForce.GTC,
                        priceTicks[i],
                        qtyLots[i])
                .state(TYPES[type[i]], STATUSES[status[i]], REASONS[reason[i]], leavesLots[i], cumExecLots[i])
                .execution(execLots[i], execTicks[i], fee[i], maker[i])
                .times(exchTime[i], localTime[i]);
        head = (head + 1) % orderId.length;
        size--;
    }

    private void grow() {
        int c = orderId.length;
        byte[] type0 = type;
        long[] orderId0 = orderId;
        boolean[] buy0 = buy;
        boolean[] gtx0 = gtx;
        long[] priceTicks0 = priceTicks;
        long[] qtyLots0 = qtyLots;
        long[] leavesLots0 = leavesLots;
        long[] cumExecLots0 = cumExecLots;
        long[] execLots0 = execLots;
        long[] execTicks0 = execTicks;
        double[] fee0 = fee;
        boolean[] maker0 = maker;
        byte[] status0 = status;
        byte[] reason0 = reason;
        long[] exchTime0 = exchTime;
        long[] localTime0 = localTime;
        allocate(c * 2);
        for (int k = 0; k < size; k++) {
            int i = (head + k) % c;
            type[k] = type0[i];
            orderId[k] = orderId0[i];
            buy[k] = buy0[i];
            gtx[k] = gtx0[i];
            priceTicks[k] = priceTicks0[i];
            qtyLots[k] = qtyLots0[i];
            leavesLots[k] = leavesLots0[i];
            cumExecLots[k] = cumExecLots0[i];
            execLots[k] = execLots0[i];
            execTicks[k] = execTicks0[i];
            fee[k] = fee0[i];
            maker[k] = maker0[i];
            status[k] = status0[i];
            reason[k] = reason0[i];
            exchTime[k] = exchTime0[i];
            localTime[k] = localTime0[i];
        }
        head = 0;
    }
}
