package io.factorgraph.live.engine;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.codec.MarketDataReader;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.CatchUpEndDecoder;
import io.factorgraph.live.sbe.CatchUpStatus;
import io.factorgraph.live.sbe.EndOfDataDecoder;
import io.factorgraph.live.sbe.MarketDataBatchDecoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.runtime.data.EventSource;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The connector's market data stream, which carries every instrument's feed (each batch names its feed), split into
 * one {@link MarketDataSource} per feed, so that the engine's merged replay reads each book's events from its own
 * {@link EventSource} exactly as {@code fg run} reads them from their files (docs/DESIGN.md §11).
 *
 * <p>A source that needs an event polls the shared subscription; what arrives for another feed waits in that feed's
 * queue. The connector sends in the merged order the engine reads in, so a queue holds at most the events of the
 * other feeds between two of its own.
 *
 * <p>Gaps are per feed: each batch carries its number within its feed, so a lost batch re-syncs only the book it
 * belonged to (the others go on), and a lost heartbeat re-syncs nothing. The stream's own sequence numbers still tell
 * a restarted connector or an engine that joined late, which re-syncs every feed.
 */
public final class MarketDataStream implements AutoCloseable {
    private static final int FRAGMENTS_PER_POLL = 8;

    private final Subscription subscription;
    private final IdleStrategy idle;
    private final Runnable duty;
    private final BooleanSupplier stop;
    private final PeerWatch connector;
    private final LatencyProbe probe;
    private final SequenceTracker tracker = new SequenceTracker();
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    private final Envelope envelope = new Envelope();
    private final MarketDataReader reader = new MarketDataReader();
    private final EndOfDataDecoder endOfData = new EndOfDataDecoder();
    private final MarketDataSource[] feeds;
    private long lastAppliedSequence;
    /** The stream's last gap, for the message of the feed gap it turns out to be: -1 when none is pending. */
    private long streamGapFrom = -1;

    private long streamGapTo;

    private final MarketDataSource.Listener listener;
    private final CatchUpEndDecoder catchUpEnd = new CatchUpEndDecoder();
    /** A restored snapshot's tick time while its catch-up is awaited; live batches are dropped meanwhile. */
    private boolean awaitingCatchUp;

    private long catchUpAfter;
    private long catchUpEvents;
    private long droppedWhileCatchingUp;

    /**
     * @param feedCount the number of feeds (the graph's {@code Book} inputs)
     * @param duty run between polls while a source waits (snapshot requests, heartbeats)
     * @param stop when true, every source ends
     */
    public MarketDataStream(
            Subscription subscription,
            int feedCount,
            IdleStrategy idle,
            Runnable duty,
            BooleanSupplier stop,
            MarketDataSource.Listener listener,
            PeerWatch connector,
            LatencyProbe probe) {
        this(subscription, feedCount, idle, duty, stop, listener, connector, probe, null);
    }

    /** As above, with {@code first} (when not null) the source of feed 0. */
    MarketDataStream(
            Subscription subscription,
            int feedCount,
            IdleStrategy idle,
            Runnable duty,
            BooleanSupplier stop,
            MarketDataSource.Listener listener,
            PeerWatch connector,
            LatencyProbe probe,
            MarketDataSource first) {
        if (feedCount < 1) {
            throw new IllegalArgumentException("a market data stream carries at least one feed, not " + feedCount);
        }
        this.subscription = subscription;
        this.idle = idle;
        this.duty = duty;
        this.stop = stop;
        this.connector = connector;
        this.probe = probe;
        this.listener = listener;
        this.feeds = new MarketDataSource[feedCount];
        for (int i = 0; i < feedCount; i++) {
            feeds[i] = i == 0 && first != null ? first : new MarketDataSource(this, i, listener);
        }
    }

    /** The source of feed {@code index}. */
    public MarketDataSource feed(int index) {
        return feeds[index];
    }

    /** Every feed's source, in feed order: what the engine's replay reads. */
    public List<EventSource> sources() {
        return List.of(feeds);
    }

    public int size() {
        return feeds.length;
    }

    /** Waits once for market data: one poll, the duty, the idle strategy. Returns false when told to stop. */
    boolean poll() {
        if (stop.getAsBoolean()) {
            return false;
        }
        int fragments = subscription.poll(assembler, FRAGMENTS_PER_POLL);
        duty.run();
        idle.idle(fragments);
        return true;
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
        switch (result) {
            case DUPLICATE -> {
                return;
            }
            case JOINED_LATE -> {
                // a connector we have not heard from before: every feed starts from its snapshot (unless a restored
                // state awaits the connector's catch-up, which tells where each feed stands)
                streamGapFrom = -1;
                if (!awaitingCatchUp) {
                    for (MarketDataSource feed : feeds) {
                        feed.joined(tracker.lastGapFrom(), sequence);
                    }
                }
            }
            case GAP -> {
                // which feed lost what shows in the next batch of each: a lost heartbeat costs nothing
                streamGapFrom = tracker.lastGapFrom();
                streamGapTo = sequence;
            }
            case IN_ORDER -> {}
        }
        if (template == MarketDataBatchDecoder.TEMPLATE_ID) {
            reader.wrap(buffer, offset, envelope.header());
            probe.record(reader.sendNanos());
            int instrument = reader.instrument();
            if (instrument < 0 || instrument >= feeds.length) {
                throw new IllegalStateException("market data for feed " + instrument + ", but the graph reads "
                        + feeds.length + " books: give the connector one --data per Book input, in their order");
            }
            if (reader.feedSequence() == 0) {
                // a catch-up batch: the answer to a restored snapshot, ours or (ignored) an earlier engine's
                if (awaitingCatchUp) {
                    catchUpEvents += feeds[instrument].onCatchUpBatch(reader);
                    lastAppliedSequence = sequence;
                }
            } else if (awaitingCatchUp) {
                droppedWhileCatchingUp++; // the catch-up will carry these events again, in order
            } else if (feeds[instrument].onBatch(reader, sequence, streamGapFrom, streamGapTo)) {
                lastAppliedSequence = sequence;
            }
        } else if (template == EndOfDataDecoder.TEMPLATE_ID) {
            endOfData.wrapAndApplyHeader(buffer, offset, envelope.header());
            int instrument = endOfData.instrument();
            if (instrument >= 0 && instrument < feeds.length) {
                feeds[instrument].end();
            }
        } else if (template == CatchUpEndDecoder.TEMPLATE_ID) {
            onCatchUpEnd(buffer, offset, sequence);
        }
    }

    private void onCatchUpEnd(DirectBuffer buffer, int offset, long sequence) {
        catchUpEnd.wrapAndApplyHeader(buffer, offset, envelope.header());
        if (!awaitingCatchUp || catchUpEnd.afterTimeNs() != catchUpAfter) {
            return; // not ours
        }
        CatchUpStatus status = catchUpEnd.status();
        if (status == CatchUpStatus.ACCEPTED) {
            listener.onCatchUpAccepted();
            return;
        }
        long events = catchUpEnd.events();
        long replayTime = catchUpEnd.replayTimeNs();
        CatchUpEndDecoder.FeedsDecoder last = catchUpEnd.feeds();
        if (status != CatchUpStatus.EXACT || events != catchUpEvents || last.count() != feeds.length) {
            String why = status != CatchUpStatus.EXACT
                    ? "the connector refused it (" + status + ")"
                    : events != catchUpEvents
                            ? "it came incomplete (" + catchUpEvents + " of " + events + " events)"
                            : "the connector replays " + last.count() + " feeds, the graph reads " + feeds.length;
            abandonCatchUp(why, sequence);
            return;
        }
        awaitingCatchUp = false;
        for (int i = 0; i < feeds.length; i++) {
            feeds[i].caughtUp(last.next().lastFeedSequence(), sequence);
        }
        lastAppliedSequence = sequence;
        listener.onCaughtUp(events, replayTime);
    }

    /**
     * A restored snapshot at tick time {@code afterTimeNs}: from now on live batches are dropped until the
     * connector's catch-up (every event after that time, in batches numbered 0) and its {@code CatchUpEnd} have come.
     */
    public void awaitCatchUp(long afterTimeNs) {
        awaitingCatchUp = true;
        catchUpAfter = afterTimeNs;
        catchUpEvents = 0;
        feeds[0].enqueueNoOp(afterTimeNs + 1);
    }

    /** The catch-up will not come whole ({@code why}): every feed starts cold, from a book snapshot. */
    public void abandonCatchUp(String why) {
        abandonCatchUp(why, tracker.last());
    }

    private void abandonCatchUp(String why, long sequence) {
        if (!awaitingCatchUp) {
            return;
        }
        awaitingCatchUp = false;
        listener.onCatchUpRefused(why);
        for (MarketDataSource feed : feeds) {
            feed.joined(sequence + 1, sequence);
        }
    }

    /** Whether a catch-up is awaited, or its events not yet all read: the state is behind the live stream. */
    public boolean catchingUp() {
        if (awaitingCatchUp) {
            return true;
        }
        for (MarketDataSource feed : feeds) {
            if (feed.catchingUp()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the connector's catch-up (or its end) is still to come. */
    public boolean awaitingCatchUp() {
        return awaitingCatchUp;
    }

    /** Live batches dropped while the catch-up was awaited (it carries their events again). */
    public long droppedWhileCatchingUp() {
        return droppedWhileCatchingUp;
    }

    /** The stream's sequence check: the last message, gaps, the connector's instance. */
    public SequenceTracker tracker() {
        return tracker;
    }

    /** The last market data message whose events were handed on (a batch of any feed, or a snapshot's last). */
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /** The latest event time received over every feed. */
    public long lastLocalTs() {
        long last = Long.MIN_VALUE;
        for (MarketDataSource feed : feeds) {
            last = Math.max(last, feed.lastLocalTs());
        }
        return last;
    }

    /** Whether any feed awaits a snapshot. */
    public boolean awaitingSnapshot() {
        for (MarketDataSource feed : feeds) {
            if (feed.awaitingSnapshot()) {
                return true;
            }
        }
        return false;
    }

    /** Whether every feed has ended. */
    public boolean ended() {
        for (MarketDataSource feed : feeds) {
            if (!feed.ended()) {
                return false;
            }
        }
        return true;
    }

    /** Events received over every feed. */
    public long eventsReceived() {
        long n = 0;
        for (MarketDataSource feed : feeds) {
            n += feed.eventsReceived();
        }
        return n;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
