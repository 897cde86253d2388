package io.factorgraph.live.connector;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.SimulationFeed;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.sbe.CatchUpEndEncoder;
import io.factorgraph.live.sbe.CatchUpStatus;
import io.factorgraph.live.sbe.EndOfDataEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.MergedReplay;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The connector's replay of every instrument's feed, one event per {@link #doWork()}: the feeds merged on the local
 * clock by the same {@link MergedReplay} the engine and {@code fg run} use (so the engine receives what it will read,
 * in that order, and needs to hold back little), paced against the wall clock at {@code --speed}, sent in batches of
 * one feed each that end at message boundaries (each names its feed and carries its number within that feed), and
 * applied to the connector's own copy of each book so that a re-sync request is answered with a snapshot of that
 * book, at a message boundary, on the market data stream itself (so it is ordered with the events around it).
 *
 * <p>A traded feed is read through its venue's {@link SimulationFeed}. Outside lock-step every venue's clock follows
 * the replay: each event's time is the time order commands execute at. At the end (which is when the first feed
 * ends, as in {@code fg run}) every feed's {@code EndOfData} is sent.
 */
public final class MarketDataReplay implements Agent {
    private final ReplaySpeed speed;
    private final boolean lockstep;
    private final long instanceId;
    private final SequencedPublication marketData;
    /** Per feed: its venue's simulator, null when untraded. */
    private final ExchangeSimulator[] simulators;

    private final FeedDrops drops;
    private final ProcessLog log;
    private final OrderBook[] books;
    private final SimulationFeed[] feeds;
    private final long[] feedSequence;
    private final long[] feedEvents;
    private final long[] feedLastTs;
    private final boolean[] snapshotWanted;
    private final MarketDataWriter writer = new MarketDataWriter();
    private final EndOfDataEncoder endOfData = new EndOfDataEncoder();
    private final AtomicCounter eventsSent;
    private final AtomicCounter messagesSent;
    private final AtomicCounter snapshotsSent;

    private MergedReplay merged;
    /** The sources that come from a venue (empty for recorded files). */
    private final List<LiveMarketData> live = new ArrayList<>();
    /** The feed of the events in {@link #writer}. */
    private int batchFeed;
    /** The current event has been read but not yet sent (its time has not come). */
    private boolean pending;

    private boolean anySnapshotWanted;
    private boolean ended;
    private long firstTs = Long.MIN_VALUE;
    private long startWall;
    private long startedNanos;
    private long lastLocalTs;
    private long events;

    /** Opens every feed's files again, from their start: what a catch-up reads. Null: this connector cannot. */
    private Reopen reopen;
    /** The catch-up under way, null when none; the live replay waits while one is sent. */
    private CatchUp catchUp;

    private final CatchUpEndEncoder catchUpEnd = new CatchUpEndEncoder();
    private long answeredEngine;
    private long answeredAfter = Long.MIN_VALUE;

    /**
     * @param simulators per feed, the simulator of its venue, or null for a feed no sink trades
     * @param drops test hook: batches of a feed not to send
     */
    public MarketDataReplay(
            ReplaySpeed speed,
            boolean lockstep,
            long instanceId,
            SequencedPublication marketData,
            ExchangeSimulator[] simulators,
            FeedDrops drops,
            HealthCounters health,
            ProcessLog log) {
        this.speed = speed;
        this.lockstep = lockstep;
        this.instanceId = instanceId;
        this.marketData = marketData;
        this.simulators = simulators.clone();
        this.drops = drops;
        this.log = log;
        int n = simulators.length;
        this.books = new OrderBook[n];
        for (int i = 0; i < n; i++) {
            // sized as the simulator's book: the depth of a liquid pair, so that it does not grow in mid-replay
            books[i] = new OrderBook(8192);
        }
        this.feeds = new SimulationFeed[n];
        this.feedSequence = new long[n];
        this.feedEvents = new long[n];
        this.feedLastTs = new long[n];
        this.snapshotWanted = new boolean[n];
        this.eventsSent = health.get(HealthCounter.MARKET_DATA_EVENTS_SENT);
        this.messagesSent = health.get(HealthCounter.MARKET_DATA_MESSAGES_SENT);
        this.snapshotsSent = health.get(HealthCounter.SNAPSHOTS_SENT);
    }

    @Override
    public String roleName() {
        return "replay";
    }

    /**
     * Starts replaying {@code sources} (one per feed, in feed order; a traded feed's is read through its venue's
     * simulation feed); until then {@link #doWork()} does nothing.
     */
    public void start(List<EventSource> sources) {
        start(sources, null);
    }

    /** As {@link #start(List)}; {@code reopen} opens the same feeds again for a restarted engine's catch-up. */
    void start(List<EventSource> sources, Reopen reopen) {
        this.reopen = reopen;
        if (sources.size() != books.length) {
            throw new IllegalArgumentException(sources.size() + " sources for " + books.length + " feeds");
        }
        List<EventSource> read = new ArrayList<>();
        for (int i = 0; i < books.length; i++) {
            if (simulators[i] != null) {
                feeds[i] = new SimulationFeed(sources.get(i), simulators[i]);
                read.add(feeds[i]);
            } else {
                read.add(sources.get(i));
            }
        }
        this.merged = new MergedReplay(read, List.of(books), CrossedBookPolicy.COUNT);
        for (EventSource source : sources) {
            if (source instanceof LiveMarketData live) {
                this.live.add(live);
            }
        }
        this.startedNanos = System.nanoTime();
    }

    /** Sends the next event when its time has come; at the end of the data, every feed's {@code EndOfData}. */
    @Override
    public int doWork() throws MarketDataException {
        if (catchUp != null) {
            return catchUpWork();
        }
        if (merged == null || ended) {
            return 0;
        }
        if (!pending) {
            if (!live.isEmpty() && !liveReady()) {
                return 0; // nothing has arrived: the other agents of this thread carry on
            }
            if (!merged.read()) {
                endOfData();
                return 1;
            }
            pending = true;
            if (firstTs == Long.MIN_VALUE) {
                firstTs = merged.event().localTs();
                startWall = System.nanoTime();
            }
        }
        final MarketEvent event = merged.event();
        final long ts = event.localTs();
        if (!speed.isMax() && System.nanoTime() < startWall + (long) ((ts - firstTs) / speed.factor())) {
            flush(false);
            return 0;
        }
        pending = false;
        if (!lockstep) {
            advanceVenues(ts);
        }
        final int feed = merged.feed();
        merged.apply();
        if (writer.isFull() || (feed != batchFeed && !writer.isEmpty())) {
            flush(false);
        }
        batchFeed = feed;
        writer.add(event);
        lastLocalTs = ts;
        feedLastTs[feed] = ts;
        feedEvents[feed]++;
        events++;
        eventsSent.incrementRelease();
        if (event.endOfMessage()) {
            flush(false);
            if (anySnapshotWanted) {
                sendSnapshots();
            }
        }
        return 1;
    }

    private boolean liveReady() {
        for (int i = 0; i < live.size(); i++) {
            if (!live.get(i).ready()) {
                return false;
            }
        }
        return true;
    }

    /** Every venue's clock to the replay's time (each has been fed at least that far: the merge reads ahead). */
    private void advanceVenues(long ts) {
        final ExchangeSimulator[] simulators = this.simulators;
        for (int i = 0; i < simulators.length; i++) {
            ExchangeSimulator simulator = simulators[i];
            if (simulator != null && ts > simulator.now()) {
                simulator.advanceTo(ts);
            }
        }
    }

    /** The engine asked for a snapshot of feed {@code feed}'s book: sent at the next message boundary. */
    void requestSnapshot(int feed) {
        if (feed < 0 || feed >= snapshotWanted.length) {
            log.error("a snapshot of feed " + feed + " was asked for, but there are " + snapshotWanted.length);
            return;
        }
        snapshotWanted[feed] = true;
        anySnapshotWanted = true;
    }

    boolean snapshotWanted(int feed) {
        return feed >= 0 && feed < snapshotWanted.length && snapshotWanted[feed];
    }

    /** Past the last event every moment is a message boundary: a snapshot asked for is sent now. */
    public void sendSnapshotIfWanted() {
        if (anySnapshotWanted) {
            sendSnapshots();
        }
    }

    /** Stops the replay (SIGTERM): what was batched goes out, no {@code EndOfData}. */
    public void stop() {
        if (merged != null && !ended) {
            flush(false);
            ended = true;
            merged.close();
            log.info("stopped by signal after " + events + " events");
        }
    }

    private void endOfData() {
        flush(false);
        sendHeads();
        ended = true;
        merged.close();
        for (int feed = 0; feed < books.length; feed++) {
            endOfData
                    .wrapAndApplyHeader(marketData.buffer(), 0, marketData.header())
                    .sequence(marketData.nextSequence())
                    .instanceId(instanceId)
                    .lastLocalTs(books.length == 1 ? lastLocalTs : feedLastTs[feed])
                    .events(books.length == 1 ? events : feedEvents[feed])
                    .instrument(feed);
            marketData.send(MessageHeaderEncoder.ENCODED_LENGTH + endOfData.encodedLength());
            messagesSent.incrementRelease();
        }
        log.info(String.format(
                "end of data: %d events in %.2f s, %d snapshots sent",
                events, (System.nanoTime() - startedNanos) / 1e9, snapshotsSent.get()));
    }

    /**
     * The merge ends when one feed ends, having read the next event of every other feed to find the earliest (those
     * events were never due, so never sent). The engine's merge needs them just the same to take the last events sent
     * (it cannot know they come later otherwise), so they go out now, each in a batch of its feed; the engine's merge
     * ends, like this one, before applying any of them. A feed's next event is its source's cursor (every feed but the
     * one whose end stopped the merge, {@link MergedReplay#feed()}, holds one read and not applied).
     */
    private void sendHeads() {
        int last = merged.feed();
        if (last < 0 || books.length == 1) {
            return;
        }
        for (int feed = 0; feed < books.length; feed++) {
            if (feed != last) {
                batchFeed = feed;
                writer.add(merged.replay(feed).event());
                flush(false);
            }
        }
    }

    private void flush(boolean snapshot) {
        if (writer.isEmpty()) {
            return;
        }
        long sequence = marketData.nextSequence();
        long number = ++feedSequence[batchFeed];
        int length = writer.encode(
                marketData.buffer(), marketData.header(), sequence, instanceId, snapshot, batchFeed, number);
        writer.clear();
        if (drops.drop(batchFeed, number)) {
            return; // test hook: lost on the way, its numbers used up
        }
        marketData.send(length);
        messagesSent.incrementRelease();
    }

    private void sendSnapshots() {
        anySnapshotWanted = false;
        for (int feed = 0; feed < snapshotWanted.length; feed++) {
            if (snapshotWanted[feed]) {
                snapshotWanted[feed] = false;
                sendSnapshot(feed);
            }
        }
    }

    /**
     * Feed {@code feed}'s book as it stands (a message boundary), as one snapshot: a clear of both sides, then every
     * level. Stamped with the replay's time, so it comes after everything the engine has read of every feed.
     */
    private void sendSnapshot(int feed) {
        flush(false);
        OrderBook book = books[feed];
        batchFeed = feed;
        long ts = lastLocalTs;
        long clear = EventFlags.DEPTH_CLEAR_EVENT | EventFlags.LOCAL_EVENT;
        boolean ready = book.isReady() && book.bidDepth() + book.askDepth() > 0;
        writer.add(clear, ts, ts, Double.NaN, 0.0, 0L, 0L, 0.0, !ready);
        if (ready) {
            long snap = EventFlags.DEPTH_SNAPSHOT_EVENT | EventFlags.LOCAL_EVENT;
            int bids = book.bidDepth();
            int asks = book.askDepth();
            for (int i = 0; i < bids; i++) {
                if (writer.isFull()) {
                    flush(true);
                }
                writer.add(
                        snap | EventFlags.BUY_EVENT,
                        ts,
                        ts,
                        book.bidPrice(i),
                        book.bidQty(i),
                        0L,
                        0L,
                        0.0,
                        asks == 0 && i == bids - 1);
            }
            for (int i = 0; i < asks; i++) {
                if (writer.isFull()) {
                    flush(true);
                }
                writer.add(
                        snap | EventFlags.SELL_EVENT,
                        ts,
                        ts,
                        book.askPrice(i),
                        book.askQty(i),
                        0L,
                        0L,
                        0.0,
                        i == asks - 1);
            }
        }
        flush(true);
        snapshotsSent.incrementRelease();
        log.info("sent a snapshot of " + (books.length > 1 ? "feed " + feed + ": " : "") + book.bidDepth()
                + " bids and " + book.askDepth() + " asks" + (ready ? "" : " (book not ready: an empty one)") + " at "
                + ts);
    }

    public boolean ended() {
        return ended;
    }

    /** The feed the venue of {@code feed} reads ahead on in lock-step; null before the replay starts or untraded. */
    SimulationFeed feed(int feed) {
        return feeds[feed];
    }

    int feedCount() {
        return books.length;
    }

    /** The local time of the last event sent. */
    public long lastLocalTs() {
        return lastLocalTs;
    }

    /** Whether every book is ready. */
    public boolean bookReady() {
        for (OrderBook book : books) {
            if (!book.isReady()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A restarted engine ({@code engine}) restored a snapshot taken at tick {@code afterTs} and asks for every event
     * after it (docs/DESIGN.md §13). Granted when this replay has passed {@code afterTs} by at most {@code maxAgeNs}:
     * the feeds are read again from their start by the same merge, the events up to the first one after
     * {@code afterTs} skipped, and those from it up to the last one sent live go out in batches numbered 0, the live
     * replay waiting meanwhile; then {@code CatchUpEnd} (with each feed's last batch number, so the engine checks the
     * live batches that follow) and the live replay goes on. Otherwise {@code CatchUpEnd} says why not, at once. A
     * request repeated (the engine asks every half second until answered) is answered once.
     */
    void requestCatchUp(long engine, long afterTs, long maxAgeNs) {
        if (catchUp != null || (engine == answeredEngine && afterTs == answeredAfter)) {
            return;
        }
        answeredEngine = engine;
        answeredAfter = afterTs;
        CatchUpStatus refusal = null;
        if (merged == null || ended) {
            refusal = merged == null ? CatchUpStatus.AHEAD : CatchUpStatus.ENDED;
        } else if (afterTs > lastLocalTs) {
            refusal = CatchUpStatus.AHEAD;
        } else if (lastLocalTs - afterTs > maxAgeNs) {
            refusal = CatchUpStatus.TOO_OLD;
        } else if (reopen == null) {
            refusal = CatchUpStatus.UNAVAILABLE;
        }
        String asked = "engine asks to catch up after " + afterTs + " (replay at " + lastLocalTs + ", "
                + String.format("%.1f", (lastLocalTs - afterTs) / 1e9) + " s on)";
        if (refusal != null) {
            log.info(asked + ": refused (" + refusal + ")");
            sendCatchUpEnd(afterTs, refusal, 0);
            return;
        }
        List<EventSource> again;
        try {
            again = reopen.open();
        } catch (MarketDataException | RuntimeException e) {
            log.error(asked + ": cannot read the feeds again: " + e.getMessage());
            sendCatchUpEnd(afterTs, CatchUpStatus.UNAVAILABLE, 0);
            return;
        }
        log.info(asked + ": sending the " + events + " events sent so far again from the first after it");
        sendCatchUpEnd(afterTs, CatchUpStatus.ACCEPTED, 0); // the engine waits longer now: the files are read again
        flush(false); // what the live replay has batched goes first; the catch-up resends it in order
        List<OrderBook> scratch = new ArrayList<>();
        for (int i = 0; i < books.length; i++) {
            scratch.add(new OrderBook(8192));
        }
        catchUp = new CatchUp(new MergedReplay(again, scratch, CrossedBookPolicy.COUNT), afterTs, events);
    }

    /** One step of the catch-up: skips up to a few thousand events, or sends one batch; then its end. */
    private int catchUpWork() throws MarketDataException {
        CatchUp c = catchUp;
        for (int i = 0; i < 4096 && !c.sending; i++) {
            if (c.skipped == c.until || !c.merged.read()) {
                return finishCatchUp(c);
            }
            if (c.merged.event().localTs() > c.afterTs) {
                c.sending = true; // read, not applied: the first event to send
                c.pending = true;
                batchFeed = c.merged.feed();
            } else {
                c.merged.apply();
                c.skipped++;
            }
        }
        if (!c.sending) {
            return 1;
        }
        while (c.skipped + c.sent < c.until) {
            if (!c.pending && !c.merged.read()) {
                break;
            }
            c.pending = false;
            MarketEvent event = c.merged.event();
            int feed = c.merged.feed();
            c.merged.apply();
            boolean flushed = false;
            if (writer.isFull() || (feed != batchFeed && !writer.isEmpty())) {
                flushCatchUp();
                flushed = true;
            }
            batchFeed = feed;
            writer.add(event);
            c.sent++;
            if (event.endOfMessage() && writer.size() >= 256) {
                flushCatchUp();
                flushed = true;
            }
            if (flushed) {
                return 1;
            }
        }
        return finishCatchUp(c);
    }

    private int finishCatchUp(CatchUp c) {
        flushCatchUp();
        c.merged.close();
        catchUp = null;
        sendCatchUpEnd(c.afterTs, CatchUpStatus.EXACT, c.sent);
        log.info("catch-up sent: " + c.sent + " events after " + c.afterTs + " (" + c.skipped
                + " skipped); live replay goes on");
        return 1;
    }

    /** A catch-up batch: number 0 within its feed, outside the feed's numbering of live batches. */
    private void flushCatchUp() {
        if (writer.isEmpty()) {
            return;
        }
        int length = writer.encode(
                marketData.buffer(), marketData.header(), marketData.nextSequence(), instanceId, false, batchFeed, 0);
        writer.clear();
        marketData.send(length);
        messagesSent.incrementRelease();
    }

    private void sendCatchUpEnd(long afterTs, CatchUpStatus status, long sent) {
        CatchUpEndEncoder.FeedsEncoder feeds = catchUpEnd
                .wrapAndApplyHeader(marketData.buffer(), 0, marketData.header())
                .sequence(marketData.nextSequence())
                .instanceId(instanceId)
                .afterTimeNs(afterTs)
                .status(status)
                .events(sent)
                .replayTimeNs(lastLocalTs)
                .feedsCount(feedSequence.length);
        for (long last : feedSequence) {
            feeds.next().lastFeedSequence(last);
        }
        marketData.send(MessageHeaderEncoder.ENCODED_LENGTH + catchUpEnd.encodedLength());
        messagesSent.incrementRelease();
    }

    /** Opens every feed's files again, in feed order. */
    interface Reopen {
        List<EventSource> open() throws MarketDataException;
    }

    /** A catch-up's own merge over the files read again, and how far it is. */
    private static final class CatchUp {
        final MergedReplay merged;
        final long afterTs;
        /** The live replay's event count when asked: the catch-up ends with the last event sent live. */
        final long until;

        long skipped;
        long sent;
        boolean sending;
        boolean pending;

        CatchUp(MergedReplay merged, long afterTs, long until) {
            this.merged = merged;
            this.afterTs = afterTs;
            this.until = until;
        }
    }

    /** Test hook: the batches of a feed not to send. */
    public interface FeedDrops {
        FeedDrops NONE = (feed, number) -> false;

        boolean drop(int feed, long number);
    }
}
