package io.factorgraph.live;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.FactorStreamEndDecoder;
import io.factorgraph.live.sbe.FactorUpdateDecoder;
import io.factorgraph.live.transport.Streams;
import java.util.ArrayList;
import java.util.List;

/** A test's subscriber to the factor stream, keeping every update, polled on a thread of its own. */
final class FactorRecorder implements AutoCloseable {
    /** One update as received: the values as raw bits, so comparisons are exact. */
    record Update(
            long instance,
            long sequence,
            long tickTime,
            long bestBidBits,
            long bestAskBits,
            boolean warm,
            long[] outputBits,
            long[] sinkArgBits,
            long[] bookBits,
            long receivedNanos) {}

    private final Subscription subscription;
    private final Thread poller;
    private final List<Update> updates = new ArrayList<>();
    private volatile boolean ended;
    private volatile boolean closed;

    FactorRecorder(LiveTestCluster cluster, String channel) {
        this.subscription = cluster.aeron.addSubscription(channel, Streams.FACTORS);
        Envelope envelope = new Envelope();
        FactorUpdateDecoder decoder = new FactorUpdateDecoder();
        FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) -> {
            int template = envelope.wrap(buffer, offset, length);
            if (template == FactorUpdateDecoder.TEMPLATE_ID) {
                decoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                long seq = decoder.sequence();
                long inst = decoder.instanceId();
                long t = decoder.tickTimeNs();
                long bid = Double.doubleToRawLongBits(decoder.bestBid());
                long ask = Double.doubleToRawLongBits(decoder.bestAsk());
                boolean warm = decoder.warm() == BooleanType.TRUE;
                FactorUpdateDecoder.OutputsDecoder outputs = decoder.outputs();
                long[] out = new long[outputs.count()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Double.doubleToRawLongBits(outputs.next().value());
                }
                FactorUpdateDecoder.SinkArgumentsDecoder args = decoder.sinkArguments();
                long[] sink = new long[args.count()];
                for (int i = 0; i < sink.length; i++) {
                    sink[i] = Double.doubleToRawLongBits(args.next().value());
                }
                FactorUpdateDecoder.BooksDecoder books = decoder.books();
                long[] levels = new long[2 * books.count()];
                for (int i = 0; i < levels.length; i += 2) {
                    books.next();
                    levels[i] = Double.doubleToRawLongBits(books.bestBid());
                    levels[i + 1] = Double.doubleToRawLongBits(books.bestAsk());
                }
                synchronized (updates) {
                    updates.add(new Update(inst, seq, t, bid, ask, warm, out, sink, levels, System.nanoTime()));
                }
            } else if (template == FactorStreamEndDecoder.TEMPLATE_ID) {
                ended = true;
            }
        });
        poller = new Thread(
                () -> {
                    while (!closed) {
                        if (subscription.poll(assembler, 64) == 0) {
                            Thread.onSpinWait();
                            try {
                                Thread.sleep(0, 200_000);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                },
                "factor-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    boolean ended() {
        return ended;
    }

    List<Update> updates() {
        synchronized (updates) {
            return List.copyOf(updates);
        }
    }

    int size() {
        synchronized (updates) {
            return updates.size();
        }
    }

    boolean connected() {
        return subscription.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
    }
}
