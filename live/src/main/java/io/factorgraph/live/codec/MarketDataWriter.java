package io.factorgraph.live.codec;

import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.MarketDataBatchEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.runtime.market.MarketEvent;
import org.agrona.MutableDirectBuffer;

/**
 * Collects market events, each with hftbacktest's eight fields and its end-of-message mark, and encodes them as one
 * {@code MarketDataBatch}. At most {@link #MAX_EVENTS} a batch (66 KiB), so a 1000-level snapshot takes a couple of
 * batches. Reusable, allocation-free.
 */
public final class MarketDataWriter {
    public static final int MAX_EVENTS = 1024;
    /** The largest batch, encoded. */
    public static final int MAX_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH
            + MarketDataBatchEncoder.BLOCK_LENGTH
            + MarketDataBatchEncoder.EventsEncoder.sbeHeaderSize()
            + MAX_EVENTS * MarketDataBatchEncoder.EventsEncoder.sbeBlockLength();

    private final MarketDataBatchEncoder encoder = new MarketDataBatchEncoder();
    private final long[] ev = new long[MAX_EVENTS];
    private final long[] exchTs = new long[MAX_EVENTS];
    private final long[] localTs = new long[MAX_EVENTS];
    private final double[] px = new double[MAX_EVENTS];
    private final double[] qty = new double[MAX_EVENTS];
    private final long[] orderId = new long[MAX_EVENTS];
    private final long[] ival = new long[MAX_EVENTS];
    private final double[] fval = new double[MAX_EVENTS];
    private final boolean[] end = new boolean[MAX_EVENTS];
    private int size;

    /** Adds an event; the caller flushes first when {@link #isFull()}. */
    public void add(MarketEvent e) {
        add(e.ev(), e.exchTs(), e.localTs(), e.px(), e.qty(), e.orderId(), e.ival(), e.fval(), e.endOfMessage());
    }

    public void add(
            long flags,
            long exch,
            long local,
            double price,
            double quantity,
            long id,
            long iv,
            double fv,
            boolean endOfMessage) {
        if (size == MAX_EVENTS) {
            throw new IllegalStateException("batch full: encode it first");
        }
        int i = size++;
        ev[i] = flags;
        exchTs[i] = exch;
        localTs[i] = local;
        px[i] = price;
        qty[i] = quantity;
        orderId[i] = id;
        ival[i] = iv;
        fval[i] = fv;
        end[i] = endOfMessage;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isFull() {
        return size == MAX_EVENTS;
    }

    public void clear() {
        size = 0;
    }

    /**
     * Encodes the events collected, as the batch of a stream of one feed (instrument 0, whose batches are numbered as
     * the stream's messages); see {@link #encode(MutableDirectBuffer, MessageHeaderEncoder, long, long, boolean, int,
     * long)}.
     */
    public int encode(
            MutableDirectBuffer buffer, MessageHeaderEncoder header, long sequence, long instanceId, boolean snapshot) {
        return encode(buffer, header, sequence, instanceId, snapshot, 0, sequence);
    }

    /**
     * Encodes the events collected at offset 0 of {@code buffer}; returns the message length. Does not clear.
     *
     * @param instrument the feed the events belong to (the index of the graph's {@code Book} input it drives)
     * @param feedSequence the batch's number within its feed (1, 2, 3 ...), so that a receiver tells which feed lost
     *     a batch when several share the stream
     */
    public int encode(
            MutableDirectBuffer buffer,
            MessageHeaderEncoder header,
            long sequence,
            long instanceId,
            boolean snapshot,
            int instrument,
            long feedSequence) {
        encoder.wrapAndApplyHeader(buffer, 0, header)
                .sequence(sequence)
                .instanceId(instanceId)
                .snapshot(snapshot ? BooleanType.TRUE : BooleanType.FALSE)
                .sendNanos(System.nanoTime())
                .instrument(instrument)
                .feedSequence(feedSequence);
        MarketDataBatchEncoder.EventsEncoder events = encoder.eventsCount(size);
        for (int i = 0; i < size; i++) {
            events.next()
                    .ev(ev[i])
                    .exchTs(exchTs[i])
                    .localTs(localTs[i])
                    .px(px[i])
                    .qty(qty[i])
                    .orderId(orderId[i])
                    .ival(ival[i])
                    .fval(fval[i])
                    .endOfMessage(end[i] ? BooleanType.TRUE : BooleanType.FALSE);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
