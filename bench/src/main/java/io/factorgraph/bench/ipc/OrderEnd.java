package io.factorgraph.bench.ipc;

import io.aeron.Subscription;
import io.factorgraph.live.codec.NewOrderWriter;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.NewOrderDecoder;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.SequencedPublication;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The strategy-to-connector hop. Sending is the strategy gateway's ({@link NewOrderWriter} into the order
 * publication's buffer); receiving is the connector's order stream handler: the envelope, then the
 * {@link NewOrderDecoder} read field by field, as the connector reads it before it hands the order to its venue
 * (which is not part of the hop and is left out).
 */
final class OrderEnd extends PolledEnd {
    private final SequencedPublication out;
    private final NewOrderWriter writer = new NewOrderWriter();
    private final NewOrderDecoder decoder = new NewOrderDecoder();
    private final LatencyProbe probe = new LatencyProbe("strategy -> connector (orders)");
    private final long instanceId = Instances.newInstanceId();
    private final Order outgoing;
    private final Order incoming = new Order();

    /** The fields of a new order, as the strategy sends them and the connector reads them. */
    private static final class Order {
        long clOrdId;
        long decisionTimeNs;
        boolean bid;
        double price;
        double qty;
        boolean postOnly;

        long fingerprint() {
            return mix(
                    mix(mix(mix(mix(mix(1L, clOrdId), decisionTimeNs), bid ? 1L : 0L), price), qty),
                    postOnly ? 1L : 0L);
        }
    }

    OrderEnd(
            SequencedPublication out,
            Subscription in,
            HopMessages messages,
            IdleStrategy idle,
            BooleanSupplier stop,
            boolean echo) {
        super(in, idle, stop, echo);
        this.out = out;
        if (echo) {
            outgoing = incoming;
        } else {
            outgoing = new Order();
            outgoing.clOrdId = messages.orderId();
            outgoing.decisionTimeNs = messages.update().timestampNanos();
            outgoing.bid = true;
            outgoing.price = messages.orderPrice();
            outgoing.qty = messages.orderQty();
            outgoing.postOnly = true;
        }
    }

    @Override
    public void send() {
        Order o = outgoing;
        offer(
                out,
                writer.encode(
                        out.buffer(),
                        out.header(),
                        out.nextSequence(),
                        instanceId,
                        o.clOrdId,
                        o.decisionTimeNs,
                        o.bid,
                        o.price,
                        o.qty,
                        o.postOnly));
    }

    @Override
    protected boolean onMessage(DirectBuffer buffer, int offset, int length) {
        if (open(buffer, offset, length) != NewOrderDecoder.TEMPLATE_ID) {
            return false;
        }
        decoder.wrapAndApplyHeader(buffer, offset, header());
        probe.record(decoder.sendNanos());
        Order o = incoming;
        o.clOrdId = decoder.clOrdId();
        o.bid = decoder.side() == OrderSide.BUY;
        o.postOnly = decoder.postOnly() == BooleanType.TRUE;
        o.price = decoder.price();
        o.qty = decoder.qty();
        o.decisionTimeNs = decoder.decisionTimeNs();
        return true;
    }

    @Override
    protected long fingerprint(boolean received) {
        return (received ? incoming : outgoing).fingerprint();
    }
}
