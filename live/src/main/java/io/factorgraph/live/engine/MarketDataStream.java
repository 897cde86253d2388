package io.factorgraph.live.engine;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.codec.MarketDataReader;
import io.factorgraph.live.probe.LatencyProbe;
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
                // a connector we have not heard from before: every feed starts from its snapshot
                streamGapFrom = -1;
                for (MarketDataSource feed : feeds) {
                    feed.joined(tracker.lastGapFrom(), sequence);
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
            if (feeds[instrument].onBatch(reader, sequence, streamGapFrom, streamGapTo)) {
                lastAppliedSequence = sequence;
            }
        } else if (template == EndOfDataDecoder.TEMPLATE_ID) {
            endOfData.wrapAndApplyHeader(buffer, offset, envelope.header());
            int instrument = endOfData.instrument();
            if (instrument >= 0 && instrument < feeds.length) {
                feeds[instrument].end();
            }
        }
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
