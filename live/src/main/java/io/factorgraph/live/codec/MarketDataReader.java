package io.factorgraph.live.codec;

import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.MarketDataBatchDecoder;
import io.factorgraph.live.sbe.MessageHeaderDecoder;
import io.factorgraph.runtime.market.MarketEvent;
import org.agrona.DirectBuffer;

/** Decodes a {@code MarketDataBatch} event by event into a {@link MarketEvent} cursor. Reusable. */
public final class MarketDataReader {
    private final MarketDataBatchDecoder decoder = new MarketDataBatchDecoder();
    private MarketDataBatchDecoder.EventsDecoder events;

    /** Wraps the batch at {@code offset} (its header already read into {@code header}). */
    public MarketDataReader wrap(DirectBuffer buffer, int offset, MessageHeaderDecoder header) {
        decoder.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        events = null;
        return this;
    }

    public long sequence() {
        return decoder.sequence();
    }

    public long instanceId() {
        return decoder.instanceId();
    }

    public boolean snapshot() {
        return decoder.snapshot() == BooleanType.TRUE;
    }

    public long sendNanos() {
        return decoder.sendNanos();
    }

    /** The feed the batch belongs to (the index of the graph's {@code Book} input it drives). */
    public int instrument() {
        return decoder.instrument();
    }

    /** The batch's number within its feed. */
    public long feedSequence() {
        return decoder.feedSequence();
    }

    /** The number of events; call once, before {@link #next}. */
    public int count() {
        events = decoder.events();
        return events.count();
    }

    /** Loads the next event into {@code into}. */
    public void next(MarketEvent into) {
        events.next();
        into.set(
                events.ev(),
                events.exchTs(),
                events.localTs(),
                events.px(),
                events.qty(),
                events.orderId(),
                events.ival(),
                events.fval(),
                events.endOfMessage() == BooleanType.TRUE);
    }
}
