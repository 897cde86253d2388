package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.execution.Side;

/**
 * What the exchange tells the strategy about one of its orders: an acknowledgement, a fill, a cancel, an expiry, a
 * rejection. A reusable mutable flyweight (one per simulator, or per gateway on the live path), so reports cost no
 * allocation; {@link OrderTracker} turns a stream of them into the strategy's view of its orders, and an {@link
 * io.factorgraph.backtest.account.Account} its position and cash.
 *
 * <p>Order fields ({@link #side()}, {@link #priceTicks()}, {@link #qtyLots()}, ...) describe the order;
 * {@link #leavesLots()} and {@link #cumExecLots()} its state after this report; the execution fields ({@link
 * #execLots()}, {@link #execPriceTicks()}, {@link #fee()}, {@link #maker()}) are set on {@link ReportType#FILL}
 * reports and zero otherwise.
 */
public final class ExecutionReport {
    private final PriceGrid grid;
    private ReportType type;
    private long orderId;
    private Side side;
    private TimeInForce timeInForce;
    private long priceTicks;
    private long qtyLots;
    private long leavesLots;
    private long cumExecLots;
    private long execLots;
    private long execPriceTicks;
    private double fee;
    private boolean maker;
    private OrderStatus status;
    private RejectReason reason;
    private long exchTime;
    private long localTime;

    public ExecutionReport(PriceGrid grid) {
        if (grid == null) {
            throw new NullPointerException("grid");
        }
        this.grid = grid;
    }

    /** Overwrites every field. */
    public void set(
            ReportType type,
            long orderId,
            Side side,
            TimeInForce timeInForce,
            long priceTicks,
            long qtyLots,
            long leavesLots,
            long cumExecLots,
            long execLots,
            long execPriceTicks,
            double fee,
            boolean maker,
            OrderStatus status,
            RejectReason reason,
            long exchTime,
            long localTime) {
        this.type = type;
        this.orderId = orderId;
        this.side = side;
        this.timeInForce = timeInForce;
        this.priceTicks = priceTicks;
        this.qtyLots = qtyLots;
        this.leavesLots = leavesLots;
        this.cumExecLots = cumExecLots;
        this.execLots = execLots;
        this.execPriceTicks = execPriceTicks;
        this.fee = fee;
        this.maker = maker;
        this.status = status;
        this.reason = reason;
        this.exchTime = exchTime;
        this.localTime = localTime;
    }

    /**
     * Sets the order fields (the order this report is about), in four small steps that together overwrite every
     * field, so that producers fill a report without a sixteen-argument call: {@code order(...).state(...)
     * .execution(...).times(...)}.
     */
    public ExecutionReport order(long orderId, Side side, TimeInForce timeInForce, long priceTicks, long qtyLots) {
        this.orderId = orderId;
        this.side = side;
        this.timeInForce = timeInForce;
        this.priceTicks = priceTicks;
        this.qtyLots = qtyLots;
        return this;
    }

    /** Sets what the report says happened and the order's state after it. */
    public ExecutionReport state(
            ReportType type, OrderStatus status, RejectReason reason, long leavesLots, long cumExecLots) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.leavesLots = leavesLots;
        this.cumExecLots = cumExecLots;
        return this;
    }

    /** Sets the execution fields of a {@link ReportType#FILL}. */
    public ExecutionReport execution(long execLots, long execPriceTicks, double fee, boolean maker) {
        this.execLots = execLots;
        this.execPriceTicks = execPriceTicks;
        this.fee = fee;
        this.maker = maker;
        return this;
    }

    /** Clears the execution fields: a report that is not a fill. */
    public ExecutionReport noExecution() {
        return execution(0, 0, 0.0, false);
    }

    /** Sets when the exchange sent it and when it reaches the strategy. */
    public ExecutionReport times(long exchTime, long localTime) {
        this.exchTime = exchTime;
        this.localTime = localTime;
        return this;
    }

    public PriceGrid grid() {
        return grid;
    }

    public ReportType type() {
        return type;
    }

    public long orderId() {
        return orderId;
    }

    public Side side() {
        return side;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** The order's limit price in ticks. */
    public long priceTicks() {
        return priceTicks;
    }

    /** The order's limit price. */
    public double price() {
        return grid.price(priceTicks);
    }

    /** The order's original quantity in lots. */
    public long qtyLots() {
        return qtyLots;
    }

    public double qty() {
        return grid.qty(qtyLots);
    }

    /** Quantity still open after this report, lots (0 once the order is final). */
    public long leavesLots() {
        return leavesLots;
    }

    public double leaves() {
        return grid.qty(leavesLots);
    }

    /** Quantity executed so far, lots, including this report's. */
    public long cumExecLots() {
        return cumExecLots;
    }

    /** Quantity executed by this report, lots ({@link ReportType#FILL} only). */
    public long execLots() {
        return execLots;
    }

    public double execQty() {
        return grid.qty(execLots);
    }

    /** Price of this execution in ticks ({@link ReportType#FILL} only). */
    public long execPriceTicks() {
        return execPriceTicks;
    }

    public double execPrice() {
        return grid.price(execPriceTicks);
    }

    /** Fee of this execution, negative for a rebate ({@link ReportType#FILL} only). */
    public double fee() {
        return fee;
    }

    /** Whether this execution provided liquidity ({@link ReportType#FILL} only). */
    public boolean maker() {
        return maker;
    }

    /** The order's status after this report ({@link OrderStatus#NOT_ACTIVE} on a {@link ReportType#CANCEL_REJECTED}). */
    public OrderStatus status() {
        return status;
    }

    public RejectReason reason() {
        return reason;
    }

    /** When the exchange acted, on the exchange timeline, ns. */
    public long exchTime() {
        return exchTime;
    }

    /** When the report reaches the strategy, local clock, ns. */
    public long localTime() {
        return localTime;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExecutionReport[")
                .append(type)
                .append(" #")
                .append(orderId)
                .append(' ')
                .append(side)
                .append(' ')
                .append(qty())
                .append(" @ ")
                .append(price())
                .append(' ')
                .append(timeInForce)
                .append(", ")
                .append(status)
                .append(", leaves ")
                .append(leaves());
        if (type == ReportType.FILL) {
            sb.append(", exec ")
                    .append(execQty())
                    .append(" @ ")
                    .append(execPrice())
                    .append(maker ? " maker" : " taker")
                    .append(", fee ")
                    .append(fee);
        }
        if (reason != RejectReason.NONE) {
            sb.append(", ").append(reason);
        }
        return sb.append(", exch ")
                .append(exchTime)
                .append(", local ")
                .append(localTime)
                .append(']')
                .toString();
    }
}
