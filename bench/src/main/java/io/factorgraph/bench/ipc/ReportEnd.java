package io.factorgraph.bench.ipc;

import io.aeron.Subscription;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.live.codec.ExecutionReportReader;
import io.factorgraph.live.codec.ExecutionReportWriter;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.ExecutionReportDecoder;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.SequencedPublication;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The connector-to-strategy hop. Sending is the connector's ({@link ExecutionReportWriter} of the venue's
 * {@link ExecutionReport} into the execution publication's buffer); receiving is the strategy's execution stream
 * handler: the envelope, the {@link ExecutionReportDecoder}, and {@link ExecutionReportReader} into the backtest's
 * report, which the strategy's gateway then applies to its orders and account (not part of the hop, left out).
 */
final class ReportEnd extends PolledEnd {
    private final SequencedPublication out;
    private final ExecutionReportWriter writer = new ExecutionReportWriter();
    private final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
    private final LatencyProbe probe = new LatencyProbe("connector -> strategy (reports)");
    private final long instanceId = Instances.newInstanceId();
    private final ExecutionReport outgoing;
    private final ExecutionReport incoming = new ExecutionReport(HopMessages.GRID);

    ReportEnd(
            SequencedPublication out,
            Subscription in,
            HopMessages messages,
            IdleStrategy idle,
            BooleanSupplier stop,
            boolean echo) {
        super(in, idle, stop, echo);
        this.out = out;
        this.outgoing = echo ? incoming : messages.fill();
    }

    @Override
    public void send() {
        offer(
                out,
                writer.encode(
                        out.buffer(),
                        out.header(),
                        out.nextSequence(),
                        instanceId,
                        outgoing.orderId(),
                        outgoing,
                        HopMessages.GRID));
    }

    @Override
    protected boolean onMessage(DirectBuffer buffer, int offset, int length) {
        if (open(buffer, offset, length) != ExecutionReportDecoder.TEMPLATE_ID) {
            return false;
        }
        decoder.wrapAndApplyHeader(buffer, offset, header());
        probe.record(decoder.sendNanos());
        ExecutionReportReader.read(decoder, incoming);
        return true;
    }

    @Override
    protected long fingerprint(boolean received) {
        return fingerprint(received ? incoming : outgoing);
    }

    private static long fingerprint(ExecutionReport r) {
        if (r.type() == null) {
            return 0;
        }
        long hash = mix(
                mix(
                        mix(
                                mix(mix(1L, r.type().ordinal()), r.orderId()),
                                r.side().ordinal()),
                        r.timeInForce().ordinal()),
                r.priceTicks());
        hash = mix(
                mix(mix(mix(mix(hash, r.qtyLots()), r.leavesLots()), r.cumExecLots()), r.execLots()),
                r.execPriceTicks());
        return mix(
                mix(
                        mix(
                                mix(
                                        mix(mix(hash, r.fee()), r.maker() ? 1L : 0L),
                                        r.status().ordinal()),
                                r.reason().ordinal()),
                        r.exchTime()),
                r.localTime());
    }
}
