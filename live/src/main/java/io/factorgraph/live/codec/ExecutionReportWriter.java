package io.factorgraph.live.codec;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.ExecType;
import io.factorgraph.live.sbe.ExecutionReportEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.OrdStatus;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.live.sbe.Reason;
import io.factorgraph.runtime.execution.Side;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes one of the venue's reports ({@link ExecutionReport}, the backtest's own) as the connector sends it to the
 * strategy, with the venue's price and lot grid so the strategy can check it trades on the same one. The inverse of
 * {@link ExecutionReportReader}. One place for the connector and for the bench module's hop benchmark. Reusable,
 * allocation-free (the enums map by name through each enum's cached constant directory).
 */
public final class ExecutionReportWriter {
    private final ExecutionReportEncoder encoder = new ExecutionReportEncoder();

    /**
     * Encodes {@code report} at offset 0 of {@code buffer}, stamping {@code sendNanos} with {@link System#nanoTime()};
     * returns the message length.
     *
     * @param clOrdId the strategy's id of the order (the report's {@link ExecutionReport#orderId()} is the venue's)
     */
    public int encode(
            MutableDirectBuffer buffer,
            MessageHeaderEncoder header,
            long sequence,
            long instanceId,
            long clOrdId,
            ExecutionReport report,
            PriceGrid grid) {
        encoder.wrapAndApplyHeader(buffer, 0, header)
                .sequence(sequence)
                .instanceId(instanceId)
                .clOrdId(clOrdId)
                .execType(ExecType.valueOf(report.type().name()))
                .side(report.side() == Side.BUY ? OrderSide.BUY : OrderSide.SELL)
                .postOnly(report.timeInForce() == TimeInForce.GTX ? BooleanType.TRUE : BooleanType.FALSE)
                .ordStatus(OrdStatus.valueOf(report.status().name()))
                .reason(Reason.valueOf(report.reason().name()))
                .maker(report.maker() ? BooleanType.TRUE : BooleanType.FALSE)
                .priceTicks(report.priceTicks())
                .qtyLots(report.qtyLots())
                .leavesLots(report.leavesLots())
                .cumExecLots(report.cumExecLots())
                .execLots(report.execLots())
                .execPriceTicks(report.execPriceTicks())
                .fee(report.fee())
                .exchTimeNs(report.exchTime())
                .localTimeNs(report.localTime())
                .tickSize(grid.tickSize())
                .lotSize(grid.lotSize())
                .sendNanos(System.nanoTime());
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
