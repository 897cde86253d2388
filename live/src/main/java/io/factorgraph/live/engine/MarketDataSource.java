package io.factorgraph.live.engine;

import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.codec.MarketDataReader;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.EndOfDataDecoder;
import io.factorgraph.live.sbe.HeartbeatDecoder;
import io.factorgraph.live.sbe.MarketDataBatchDecoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventRing;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The connector's market data stream as an {@link EventSource}, so that the engine replays it through exactly the
 * code {@code fg run} uses ({@code ReplayFactorProvider}: {@code BookReplay} and {@code SamplingClock}). {@link #next()}
 * blocks (polling, running the engine's duty between polls) until an event has arrived, and returns false at the
 * connector's end of data or when the engine stops.
 *
 * <h2>Gaps</h2>
 * Every batch carries the connector's sequence number. When one is missing (or the engine joined a stream already
 * under way), the source
 * <ol>
 *   <li>hands out one synthetic event: a depth clear of both sides at the last event's time, so the book is empty and
 *       not ready, and the sampling clock stops (no tick is computed on a book known to be wrong);
 *   <li>tells the engine ({@link Listener#onGap}), which resets its graph and asks the connector for a snapshot;
 *   <li>drops every batch until a snapshot arrives (batches flagged {@code snapshot}, the first starting with a clear
 *       of both sides: the connector's own book at a message boundary), hands the snapshot out, and tells the engine
 *       it is in sync again; the book becomes ready at the snapshot's end, the clock restarts, and the engine warms up.
 * </ol>
 * Snapshots that arrive when none is awaited (answers to an earlier request) are skipped whole.
 */
public final class MarketDataSource implements EventSource {
    /** What the engine does about the stream's state. */
    public interface Listener {
        /** The stream broke: {@code expected} was due, {@code received} came (0 before anything). */
        void onGap(long expected, long received, boolean joinedLate);

        /** A snapshot has been received whole; the events from here on continue it. */
        void onResynced();
    }

    private static final int FRAGMENTS_PER_POLL = 8;

    private final Subscription subscription;
    private final IdleStrategy idle;
    private final Runnable duty;
    private final BooleanSupplier stop;
    private final Listener listener;
    private final PeerWatch connector;
    private final LatencyProbe probe;
    private final SequenceTracker tracker = new SequenceTracker();
    private final io.aeron.FragmentAssembler assembler;
    private final Envelope envelope = new Envelope();
    private final MarketDataReader reader = new MarketDataReader();
    private final EndOfDataDecoder endOfData = new EndOfDataDecoder();
    private final MarketEvent cursor = new MarketEvent();
    private final MarketEvent scratch = new MarketEvent();
    private final MarketEventRing queue = new MarketEventRing(4096);

    private boolean awaitingSnapshot;
    private boolean inSnapshot;
    private boolean ended;
    private long lastLocalTs = Long.MIN_VALUE;
    private long lastAppliedSequence;
    private long discardedBatches;
    private long snapshotsApplied;
    private long eventsReceived;

    public MarketDataSource(
            Subscription subscription,
            IdleStrategy idle,
            Runnable duty,
            BooleanSupplier stop,
            Listener listener,
            PeerWatch connector,
            LatencyProbe probe) {
        this.subscription = subscription;
        this.idle = idle;
        this.duty = duty;
        this.stop = stop;
        this.listener = listener;
        this.connector = connector;
        this.probe = probe;
        this.assembler = new io.aeron.FragmentAssembler(this::onFragment);
    }

    @Override
    public boolean next() {
        while (true) {
            if (queue.size() > 0) {
                queue.poll(cursor);
                return true;
            }
            if (ended || stop.getAsBoolean()) {
                return false;
            }
            int fragments = subscription.poll(assembler, FRAGMENTS_PER_POLL);
            duty.run();
            idle.idle(fragments);
        }
    }

    private void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long sequence = Envelope.sequence(buffer, offset);
        long instance = Envelope.instance(buffer, offset);
        connector.heard(instance, System.nanoTime());
        SequenceTracker.Result result = tracker.onMessage(instance, sequence);
        if (result == SequenceTracker.Result.DUPLICATE) {
            return;
        }
        if (result != SequenceTracker.Result.IN_ORDER && !awaitingSnapshot) {
            startResync(tracker.lastGapFrom(), sequence, result == SequenceTracker.Result.JOINED_LATE);
        }
        switch (template) {
            case MarketDataBatchDecoder.TEMPLATE_ID -> onBatch(buffer, offset, sequence);
            case EndOfDataDecoder.TEMPLATE_ID -> {
                endOfData.wrapAndApplyHeader(buffer, offset, envelope.header());
                ended = true;
            }
            case HeartbeatDecoder.TEMPLATE_ID -> {}
            default -> {}
        }
    }

    private void onBatch(DirectBuffer buffer, int offset, long sequence) {
        reader.wrap(buffer, offset, envelope.header());
        probe.record(reader.sendNanos());
        boolean snapshot = reader.snapshot();
        int count = reader.count();
        if (snapshot) {
            if (!awaitingSnapshot) {
                return; // an answer to an earlier request: our book is in sync
            }
            for (int i = 0; i < count; i++) {
                reader.next(scratch);
                if (i == 0 && !inSnapshot) {
                    if (!isFullClear(scratch)) {
                        break; // the middle of a snapshot that started before we asked: wait for the next one
                    }
                    inSnapshot = true;
                }
                enqueue(scratch);
                if (i == count - 1 && scratch.endOfMessage()) {
                    inSnapshot = false;
                    awaitingSnapshot = false;
                    snapshotsApplied++;
                    lastAppliedSequence = sequence;
                    listener.onResynced();
                }
            }
            return;
        }
        if (awaitingSnapshot) {
            discardedBatches++;
            return;
        }
        for (int i = 0; i < count; i++) {
            reader.next(scratch);
            enqueue(scratch);
        }
        lastAppliedSequence = sequence;
    }

    private static boolean isFullClear(MarketEvent e) {
        return e.kind() == EventFlags.DEPTH_CLEAR_EVENT && !e.isBuy() && !e.isSell();
    }

    private void enqueue(MarketEvent e) {
        if (e.localTs() > lastLocalTs) {
            lastLocalTs = e.localTs();
        }
        eventsReceived++;
        queue.add(e);
    }

    private void startResync(long expected, long received, boolean joinedLate) {
        awaitingSnapshot = true;
        inSnapshot = false;
        if (lastLocalTs != Long.MIN_VALUE) {
            scratch.set(
                    EventFlags.DEPTH_CLEAR_EVENT | EventFlags.LOCAL_EVENT | EventFlags.EXCH_EVENT,
                    lastLocalTs,
                    lastLocalTs,
                    Double.NaN,
                    0.0,
                    0L,
                    0L,
                    0.0,
                    true);
            queue.add(scratch);
        }
        listener.onGap(expected, received, joinedLate);
    }

    /** Whether the stream is broken and a snapshot awaited. */
    public boolean awaitingSnapshot() {
        return awaitingSnapshot;
    }

    @Override
    public MarketEvent event() {
        return cursor;
    }

    @Override
    public String position() {
        return "market data stream, message " + tracker.last();
    }

    @Override
    public void close() {
        subscription.close();
    }

    public SequenceTracker tracker() {
        return tracker;
    }

    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    public long discardedBatches() {
        return discardedBatches;
    }

    public long snapshotsApplied() {
        return snapshotsApplied;
    }

    public long eventsReceived() {
        return eventsReceived;
    }

    public boolean ended() {
        return ended;
    }

    public long lastLocalTs() {
        return lastLocalTs;
    }
}
