package io.factorgraph.live.codec;

import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.NewOrderEncoder;
import io.factorgraph.live.sbe.OrderSide;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the strategy's {@code NewOrder}: one limit order of the sink, in the venue's prices and quantities (the
 * connector puts them on its grid). One place for the strategy's gateway and for the bench module's hop benchmark.
 * Reusable, allocation-free.
 */
public final class NewOrderWriter {
    private final NewOrderEncoder encoder = new NewOrderEncoder();

    /**
     * Encodes at offset 0 of {@code buffer}, stamping {@code sendNanos} with {@link System#nanoTime()}; returns the
     * message length.
     *
     * @param decisionTimeNs the tick the strategy decided at
     */
    public int encode(
            MutableDirectBuffer buffer,
            MessageHeaderEncoder header,
            long sequence,
            long instanceId,
            long clOrdId,
            long decisionTimeNs,
            boolean bid,
            double price,
            double qty,
            boolean postOnly) {
        encoder.wrapAndApplyHeader(buffer, 0, header)
                .sequence(sequence)
                .instanceId(instanceId)
                .clOrdId(clOrdId)
                .decisionTimeNs(decisionTimeNs)
                .side(bid ? OrderSide.BUY : OrderSide.SELL)
                .price(price)
                .qty(qty)
                .postOnly(postOnly ? BooleanType.TRUE : BooleanType.FALSE)
                .sendNanos(System.nanoTime());
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
