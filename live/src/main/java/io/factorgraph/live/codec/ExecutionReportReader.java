package io.factorgraph.live.codec;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderStatus;
import io.factorgraph.backtest.exchange.RejectReason;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.ExecutionReportDecoder;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.runtime.execution.Side;

/**
 * Decodes an {@code ExecutionReport} message into the backtest's {@link ExecutionReport}, so that the strategy keeps
 * its orders and account from live reports with the backtest's own classes. The report's order id is the strategy's
 * ({@code clOrdId}). The inverse of {@link ExecutionReportWriter}; the SBE enums share the backtest enums' order.
 * Allocation-free.
 */
public final class ExecutionReportReader {
    private static final ReportType[] TYPES = ReportType.values();
    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final RejectReason[] REASONS = RejectReason.values();

    private ExecutionReportReader() {}

    /** Overwrites every field of {@code into} with the report {@code r} is wrapped around. */
    public static void read(ExecutionReportDecoder r, ExecutionReport into) {
        into.set(
                TYPES[r.execType().value()],
                r.clOrdId(),
                r.side() == OrderSide.BUY ? Side.BUY : Side.SELL,
                r.postOnly() == BooleanType.TRUE ? TimeInForce.GTX : TimeInForce.GTC,
                r.priceTicks(),
                r.qtyLots(),
                r.leavesLots(),
                r.cumExecLots(),
                r.execLots(),
                r.execPriceTicks(),
                r.fee(),
                r.maker() == BooleanType.TRUE,
                STATUSES[r.ordStatus().value()],
                reasonOf(r),
                r.exchTimeNs(),
                r.localTimeNs());
    }

    private static RejectReason reasonOf(ExecutionReportDecoder r) {
        int v = r.reason().value();
        return v < REASONS.length ? REASONS[v] : RejectReason.NONE;
    }
}
