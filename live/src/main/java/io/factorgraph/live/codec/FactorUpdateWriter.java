package io.factorgraph.live.codec;

import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.FactorUpdateEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.runtime.replay.FactorUpdate;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the engine's one message per tick, a {@code FactorUpdate}: the tick's outputs and every book's best levels
 * (the first book's also in the fixed fields, for readers of one book), the sink's
 * argument values, the warm flag, and the send time for the hop's latency. One place for the engine and for the bench
 * module's hop benchmark, so that what is measured is what the engine sends. Reusable, allocation-free.
 */
public final class FactorUpdateWriter {
    private final FactorUpdateEncoder encoder = new FactorUpdateEncoder();

    /**
     * Encodes at offset 0 of {@code buffer}, stamping {@code sendNanos} with {@link System#nanoTime()}; returns the
     * message length.
     *
     * @param graphHash the fingerprint of the outputs and sink arguments the values belong to
     * @param marketDataSequence the last market data message applied before the tick
     * @param sinkArguments the sink's stream argument values, the first {@code sinkArgumentCount} of them
     * @param symbol the instrument, UTF-8
     */
    public int encode(
            MutableDirectBuffer buffer,
            MessageHeaderEncoder header,
            long sequence,
            long instanceId,
            FactorUpdate update,
            long graphHash,
            boolean warm,
            long ticksSinceSync,
            long marketDataSequence,
            double[] sinkArguments,
            int sinkArgumentCount,
            byte[] symbol) {
        encoder.wrapAndApplyHeader(buffer, 0, header)
                .sequence(sequence)
                .instanceId(instanceId)
                .tickTimeNs(update.timestampNanos())
                .graphHash(graphHash)
                .bestBid(update.bestBid())
                .bestAsk(update.bestAsk())
                .warm(warm ? BooleanType.TRUE : BooleanType.FALSE)
                .ticksSinceSync(ticksSinceSync)
                .marketDataSequence(marketDataSequence)
                .sendNanos(System.nanoTime());
        FactorUpdateEncoder.OutputsEncoder outputs = encoder.outputsCount(update.size());
        for (int i = 0; i < update.size(); i++) {
            outputs.next().value(update.value(i));
        }
        FactorUpdateEncoder.SinkArgumentsEncoder args = encoder.sinkArgumentsCount(sinkArgumentCount);
        for (int i = 0; i < sinkArgumentCount; i++) {
            args.next().value(sinkArguments[i]);
        }
        int bookCount = update.bookCount();
        FactorUpdateEncoder.BooksEncoder books = encoder.booksCount(bookCount);
        for (int i = 0; i < bookCount; i++) {
            books.next().bestBid(update.bestBid(i)).bestAsk(update.bestAsk(i));
        }
        encoder.putSymbol(symbol, 0, symbol.length);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
