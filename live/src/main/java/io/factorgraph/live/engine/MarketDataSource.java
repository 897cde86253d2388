package io.factorgraph.live.engine;

import io.aeron.Subscription;
import io.factorgraph.live.codec.MarketDataReader;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventRing;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * One feed of the connector's market data stream ({@link MarketDataStream}) as an {@link EventSource}, so that the
 * engine replays it through exactly the code {@code fg run} uses ({@code ReplayFactorProvider}: the merged replay and
 * {@code SamplingClock}). {@link #next()} blocks (polling the stream, running the engine's duty between polls) until an
 * event of this feed has arrived, and returns false at the connector's end of this feed or when the engine stops.
 *
 * <h2>Gaps</h2>
 * Every batch carries its number within the feed. When one is missing (or the engine joined a stream already under
 * way), the source
 * <ol>
 *   <li>hands out one synthetic event: a depth clear of both sides at the feed's last event's time, so its book is
 *       empty and not ready, and the sampling clock stops (no tick is computed on a book known to be wrong);
 *   <li>tells the engine ({@link Listener#onGap(int, long, long, boolean)}), which resets its graph and asks the
 *       connector for a snapshot of this feed's book;
 *   <li>drops this feed's batches until a snapshot arrives (batches flagged {@code snapshot}, the first starting with a
 *       clear of both sides: the connector's own book at a message boundary), hands the snapshot out, and tells the
 *       engine it is in sync again; the book becomes ready at the snapshot's end, the clock restarts (once every book
 *       is ready), and the engine warms up.
 * </ol>
 * Snapshots that arrive when none is awaited (answers to an earlier request) are skipped whole.
 */
public final class MarketDataSource implements EventSource {
    /** What the engine does about a feed's state. */
    public interface Listener {
        /** The stream broke: {@code expected} was due, {@code received} came (0 before anything). */
        void onGap(long expected, long received, boolean joinedLate);

        /** A snapshot has been received whole; the events from here on continue it. */
        void onResynced();

        /** Feed {@code feed} broke; by default as {@link #onGap(long, long, boolean)}. */
        default void onGap(int feed, long expected, long received, boolean joinedLate) {
            onGap(expected, received, joinedLate);
        }

        /** Feed {@code feed} is in sync again; by default as {@link #onResynced()}. */
        default void onResynced(int feed) {
            onResynced();
        }

        /**
         * The connector sent every event after a restored snapshot ({@code events} of them, the last at its replay
         * time {@code replayTimeNs}); the live batches continue them.
         */
        default void onCaughtUp(long events, long replayTimeNs) {}

        /** The connector will send the catch-up: it reads its files again first, which may take a while. */
        default void onCatchUpAccepted() {}

        /** The connector could not (or did not) send what a restored snapshot missed: every feed starts cold. */
        default void onCatchUpRefused(String why) {}
    }

    private final MarketDataStream stream;
    private final int index;
    private final Listener listener;
    private final MarketEvent cursor = new MarketEvent();
    private final MarketEvent scratch = new MarketEvent();
    private final MarketEventRing queue = new MarketEventRing(4096);

    private boolean awaitingSnapshot;
    private boolean inSnapshot;
    private boolean ended;
    private long lastLocalTs = Long.MIN_VALUE;
    private long lastFeedSequence;
    private long lastStreamSequence;
    private long discardedBatches;
    private long snapshotsApplied;
    private long eventsReceived;
    /** Events of a catch-up (the answer to a restored snapshot) enqueued and not yet handed out. */
    private long catchUpPending;

    /**
     * The stream of a connector that replays one feed, as one source (for a graph of one book).
     *
     * @param duty run between polls while waiting (snapshot requests, heartbeats)
     */
    public MarketDataSource(
            Subscription subscription,
            IdleStrategy idle,
            Runnable duty,
            BooleanSupplier stop,
            Listener listener,
            PeerWatch connector,
            LatencyProbe probe) {
        this.index = 0;
        this.listener = listener;
        this.stream = new MarketDataStream(subscription, 1, idle, duty, stop, listener, connector, probe, this);
    }

    MarketDataSource(MarketDataStream stream, int index, Listener listener) {
        this.stream = stream;
        this.index = index;
        this.listener = listener;
    }

    @Override
    public boolean next() {
        while (true) {
            if (queue.size() > 0) {
                queue.poll(cursor);
                if (catchUpPending > 0) {
                    catchUpPending--;
                }
                return true;
            }
            if (ended || !stream.poll()) {
                return false;
            }
        }
    }

    /**
     * A batch of this feed arrived (stream message {@code sequence}); returns whether its events were handed on.
     *
     * @param streamGapFrom the first message of the stream's last gap, -1 when there was none
     */
    boolean onBatch(MarketDataReader reader, long sequence, long streamGapFrom, long streamGapTo) {
        long feedSequence = reader.feedSequence();
        if (feedSequence != lastFeedSequence + 1 && !awaitingSnapshot) {
            boolean inStreamTerms = streamGapFrom > lastStreamSequence;
            startResync(
                    inStreamTerms ? streamGapFrom : lastFeedSequence + 1,
                    inStreamTerms ? streamGapTo : feedSequence,
                    lastFeedSequence == 0 && feedSequence != 1);
        }
        lastFeedSequence = feedSequence;
        lastStreamSequence = sequence;
        boolean snapshot = reader.snapshot();
        int count = reader.count();
        if (snapshot) {
            if (!awaitingSnapshot) {
                return false; // an answer to an earlier request: our book is in sync
            }
            for (int i = 0; i < count; i++) {
                reader.next(scratch);
                if (i == 0 && !inSnapshot) {
                    if (!isFullClear(scratch)) {
                        return false; // the middle of a snapshot that started before we asked: wait for the next one
                    }
                    inSnapshot = true;
                }
                enqueue(scratch);
                if (i == count - 1 && scratch.endOfMessage()) {
                    inSnapshot = false;
                    awaitingSnapshot = false;
                    snapshotsApplied++;
                    listener.onResynced(index);
                    return true;
                }
            }
            return false;
        }
        if (awaitingSnapshot) {
            discardedBatches++;
            return false;
        }
        for (int i = 0; i < count; i++) {
            reader.next(scratch);
            enqueue(scratch);
        }
        return true;
    }

    /** The engine joined a stream under way (or a new connector): this feed starts from a snapshot. */
    void joined(long expected, long received) {
        if (!awaitingSnapshot) {
            startResync(expected, received, true);
        }
        lastFeedSequence = Long.MIN_VALUE / 2; // whatever comes next continues, once the snapshot is in
    }

    /** A batch of the catch-up after a restored snapshot: its events continue the snapshot's book; returns them. */
    int onCatchUpBatch(MarketDataReader reader) {
        int count = reader.count();
        for (int i = 0; i < count; i++) {
            reader.next(scratch);
            enqueue(scratch);
        }
        catchUpPending += count;
        return count;
    }

    /**
     * An event that changes nothing (no timeline flag: the book builder skips it) at {@code ts}, ahead of a catch-up:
     * a restored graph's sampling clock starts on the first event it sees, and one just after the snapshot's tick T
     * starts it at T + interval, where the clock of the run that took the snapshot stood (docs/DESIGN.md §13).
     */
    void enqueueNoOp(long ts) {
        scratch.set(0L, ts, ts, Double.NaN, 0.0, 0L, 0L, 0.0, true);
        enqueue(scratch);
        catchUpPending++;
    }

    /** The catch-up is complete: the next live batch of this feed is number {@code lastFeedSequence + 1}. */
    void caughtUp(long lastFeedSequence, long streamSequence) {
        this.lastFeedSequence = lastFeedSequence;
        this.lastStreamSequence = streamSequence;
    }

    /** Whether events of a catch-up wait in this feed's queue. */
    boolean catchingUp() {
        return catchUpPending > 0;
    }

    /** The connector replayed this feed's last event. */
    void end() {
        ended = true;
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
        listener.onGap(index, expected, received, joinedLate);
    }

    /** The feed index: the graph's {@code Book} input this source drives. */
    public int index() {
        return index;
    }

    /** Whether this feed is broken and a snapshot awaited. */
    public boolean awaitingSnapshot() {
        return awaitingSnapshot;
    }

    @Override
    public MarketEvent event() {
        return cursor;
    }

    @Override
    public String position() {
        return "market data stream, message " + stream.tracker().last() + " (feed " + index + ")";
    }

    /** Closes the stream's subscription (every feed's). */
    @Override
    public void close() {
        stream.close();
    }

    public SequenceTracker tracker() {
        return stream.tracker();
    }

    /** The stream this feed is one of. */
    public MarketDataStream stream() {
        return stream;
    }

    public long lastAppliedSequence() {
        return stream.lastAppliedSequence();
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
