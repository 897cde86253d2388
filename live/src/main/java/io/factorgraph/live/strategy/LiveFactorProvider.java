package io.factorgraph.live.strategy;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.FactorStreamEndDecoder;
import io.factorgraph.live.sbe.FactorUpdateDecoder;
import io.factorgraph.live.sbe.HeartbeatDecoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.runtime.replay.FactorProvider;
import io.factorgraph.runtime.replay.FactorUpdate;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The seed's {@code LiveFactorProvider}: factor updates received from the engine over Aeron, behind the same {@link
 * FactorProvider} interface the replay provider implements, so the code that runs a strategy on them is the same.
 * {@link #next()} waits (polling, running the strategy's duty between polls: its execution reports, heartbeats and
 * fail-safes) for the next update, and returns false when the engine ends its stream or the process stops.
 *
 * <p>Besides the outputs and best levels of {@link FactorUpdate}, each update carries the sink's argument values, the
 * engine's warm flag, and what the sequence check found: a {@link #gapBeforeCurrent() gap} before it (updates were
 * lost) or a {@link #newEngineInstance() new engine} (a restart). An update of another graph (its fingerprint differs)
 * is an error: the strategy must not read values it does not know the meaning of.
 */
public final class LiveFactorProvider implements FactorProvider {
    private final Subscription subscription;
    private final IdleStrategy idle;
    private final Runnable duty;
    private final BooleanSupplier stop;
    private final long fingerprint;
    private final PeerWatch engine;
    private final LatencyProbe probe;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    private final Envelope envelope = new Envelope();
    private final FactorUpdateDecoder decoder = new FactorUpdateDecoder();
    private final SequenceTracker tracker = new SequenceTracker();
    private final FactorUpdate update;
    private final double[] sinkArguments;
    private boolean available;
    private boolean ended;
    private boolean warm;
    private boolean gap;
    private boolean pendingGap;
    private boolean newInstance;
    private boolean pendingNewInstance;
    private long lastReceivedNanos = Long.MIN_VALUE;
    private long received;
    private long sequence;

    /** A provider of updates of a graph of one book. */
    public LiveFactorProvider(
            Subscription subscription,
            List<String> outputNames,
            int sinkArgumentCount,
            long fingerprint,
            IdleStrategy idle,
            Runnable duty,
            BooleanSupplier stop,
            PeerWatch engine,
            LatencyProbe probe) {
        this(
                subscription,
                outputNames,
                List.of("book"),
                sinkArgumentCount,
                fingerprint,
                idle,
                duty,
                stop,
                engine,
                probe);
    }

    /**
     * @param bookNames the graph's {@code Book} inputs, in order: each update carries every book's best levels
     * @param sinkArgumentCount the stream arguments of every sink together, in the order of the graph's sinks
     */
    public LiveFactorProvider(
            Subscription subscription,
            List<String> outputNames,
            List<String> bookNames,
            int sinkArgumentCount,
            long fingerprint,
            IdleStrategy idle,
            Runnable duty,
            BooleanSupplier stop,
            PeerWatch engine,
            LatencyProbe probe) {
        this.subscription = subscription;
        this.update = new FactorUpdate(outputNames, bookNames);
        this.sinkArguments = new double[sinkArgumentCount];
        this.fingerprint = fingerprint;
        this.idle = idle;
        this.duty = duty;
        this.stop = stop;
        this.engine = engine;
        this.probe = probe;
    }

    @Override
    public boolean next() {
        while (true) {
            duty.run(); // execution reports first: a decision sees every report received before it
            int fragments = available ? 0 : subscription.poll(assembler, 1);
            if (available) {
                available = false;
                return true;
            }
            if (ended || stop.getAsBoolean()) {
                return false;
            }
            idle.idle(fragments);
        }
    }

    private void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long seq = Envelope.sequence(buffer, offset);
        long instance = Envelope.instance(buffer, offset);
        long now = System.nanoTime();
        boolean restarted = engine.everHeard() && instance != engine.instance();
        engine.heard(instance, now);
        SequenceTracker.Result result = tracker.onMessage(instance, seq);
        switch (result) {
            case DUPLICATE -> {
                return;
            }
            case GAP -> pendingGap = true;
            case JOINED_LATE -> pendingNewInstance = true;
            case IN_ORDER -> {
                if (restarted) {
                    pendingNewInstance = true;
                }
            }
        }
        switch (template) {
            case FactorUpdateDecoder.TEMPLATE_ID -> onUpdate(buffer, offset, now, seq);
            case FactorStreamEndDecoder.TEMPLATE_ID -> ended = true;
            case HeartbeatDecoder.TEMPLATE_ID -> {}
            default -> {}
        }
    }

    private void onUpdate(DirectBuffer buffer, int offset, long now, long seq) {
        decoder.wrapAndApplyHeader(buffer, offset, envelope.header());
        probe.record(decoder.sendNanos());
        if (decoder.graphHash() != fingerprint) {
            throw new IllegalStateException("the engine runs another graph (fingerprint "
                    + Long.toHexString(decoder.graphHash()) + ", ours " + Long.toHexString(fingerprint)
                    + "): give the engine and the strategy the same .fg file and --param values");
        }
        update.setTime(decoder.tickTimeNs());
        FactorUpdateDecoder.OutputsDecoder outputs = decoder.outputs();
        int n = Math.min(outputs.count(), update.size());
        for (int i = 0; i < n; i++) {
            update.setValue(i, outputs.next().value());
        }
        FactorUpdateDecoder.SinkArgumentsDecoder args = decoder.sinkArguments();
        int m = Math.min(args.count(), sinkArguments.length);
        for (int i = 0; i < m; i++) {
            sinkArguments[i] = args.next().value();
        }
        // the groups are read in their order in the message: outputs, sink arguments, books
        FactorUpdateDecoder.BooksDecoder books = decoder.books();
        int bookCount = Math.min(books.count(), update.bookCount());
        for (int i = 0; i < bookCount; i++) {
            books.next();
            update.setBook(i, books.bestBid(), books.bestAsk());
        }
        warm = decoder.warm() == BooleanType.TRUE;
        gap = pendingGap;
        newInstance = pendingNewInstance;
        pendingGap = false;
        pendingNewInstance = false;
        sequence = seq;
        lastReceivedNanos = now;
        received++;
        available = true;
    }

    @Override
    public FactorUpdate current() {
        return update;
    }

    /** The sink's {@code index}-th stream argument in the current update. */
    public double sinkArgument(int index) {
        return sinkArguments[index];
    }

    /** Whether the engine says its graph has warmed up. */
    public boolean warm() {
        return warm;
    }

    /** Whether factor messages were lost just before the current update. */
    public boolean gapBeforeCurrent() {
        return gap;
    }

    /** Whether the current update is the first (seen) of a new engine instance. */
    public boolean newEngineInstance() {
        return newInstance;
    }

    public boolean ended() {
        return ended;
    }

    /** When the last update arrived (monotonic clock), {@link Long#MIN_VALUE} before the first. */
    public long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    public long receivedCount() {
        return received;
    }

    public long sequence() {
        return sequence;
    }

    public SequenceTracker tracker() {
        return tracker;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
