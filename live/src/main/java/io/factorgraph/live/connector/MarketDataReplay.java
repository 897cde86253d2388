package io.factorgraph.live.connector;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.SimulationFeed;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.sbe.EndOfDataEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The connector's replay, one event per {@link #doWork()}: paced against the wall clock at {@code --speed}, sent in
 * batches that end at message boundaries, and applied to the connector's own copy of the book (the same {@link
 * BookBuilder} on the local timeline) so that a re-sync request is answered with a snapshot of it, at a message
 * boundary, on the market data stream itself (so it is ordered with the events around it). Outside lock-step the
 * venue's clock follows the replay: each event's time is the time order commands execute at.
 */
final class MarketDataReplay implements Agent {
    private final ReplaySpeed speed;
    private final boolean lockstep;
    private final long instanceId;
    private final SequencedPublication marketData;
    private final ExchangeSimulator simulator;
    private final ProcessLog log;
    /** Sized as the simulator's book: the depth of a liquid pair, so that it does not grow in mid-replay. */
    private final OrderBook book = new OrderBook(8192);

    private final BookBuilder builder = BookBuilder.local(book);
    private final MarketDataWriter writer = new MarketDataWriter();
    private final EndOfDataEncoder endOfData = new EndOfDataEncoder();
    private final AtomicCounter eventsSent;
    private final AtomicCounter messagesSent;
    private final AtomicCounter snapshotsSent;

    private SimulationFeed feed;
    private MarketEvent event;
    /** {@link #event} has been read but not yet sent (its time has not come). */
    private boolean pending;

    private boolean ended;
    private boolean snapshotWanted;
    private long firstTs = Long.MIN_VALUE;
    private long startWall;
    private long startedNanos;
    private long lastLocalTs;
    private long events;

    MarketDataReplay(
            ReplaySpeed speed,
            boolean lockstep,
            long instanceId,
            SequencedPublication marketData,
            ExchangeSimulator simulator,
            HealthCounters health,
            ProcessLog log) {
        this.speed = speed;
        this.lockstep = lockstep;
        this.instanceId = instanceId;
        this.marketData = marketData;
        this.simulator = simulator;
        this.log = log;
        this.eventsSent = health.get(HealthCounter.MARKET_DATA_EVENTS_SENT);
        this.messagesSent = health.get(HealthCounter.MARKET_DATA_MESSAGES_SENT);
        this.snapshotsSent = health.get(HealthCounter.SNAPSHOTS_SENT);
    }

    @Override
    public String roleName() {
        return "replay";
    }

    /** Starts replaying {@code feed}; until then {@link #doWork()} does nothing. */
    void start(SimulationFeed feed) {
        this.feed = feed;
        this.event = feed.event();
        this.startedNanos = System.nanoTime();
    }

    /** Sends the next event when its time has come; at the end of the data, {@code EndOfData}. */
    @Override
    public int doWork() throws MarketDataException {
        if (feed == null || ended) {
            return 0;
        }
        if (!pending) {
            if (!feed.next()) {
                endOfData();
                return 1;
            }
            pending = true;
            if (firstTs == Long.MIN_VALUE) {
                firstTs = event.localTs();
                startWall = System.nanoTime();
            }
        }
        final long ts = event.localTs();
        if (!speed.isMax() && System.nanoTime() < startWall + (long) ((ts - firstTs) / speed.factor())) {
            flush(false);
            return 0;
        }
        pending = false;
        if (!lockstep && ts > simulator.now()) {
            simulator.advanceTo(ts);
        }
        try {
            builder.apply(event);
        } catch (IllegalArgumentException ex) {
            throw new MarketDataException(feed.position(), ex.getMessage(), ex);
        }
        if (writer.isFull()) {
            flush(false);
        }
        writer.add(event);
        lastLocalTs = ts;
        events++;
        eventsSent.incrementRelease();
        if (event.endOfMessage()) {
            flush(false);
            if (snapshotWanted) {
                sendSnapshot();
            }
        }
        return 1;
    }

    /** The engine asked for a snapshot: sent at the next message boundary. */
    void requestSnapshot() {
        snapshotWanted = true;
    }

    boolean snapshotWanted() {
        return snapshotWanted;
    }

    /** Past the last event every moment is a message boundary: a snapshot asked for is sent now. */
    void sendSnapshotIfWanted() {
        if (snapshotWanted) {
            sendSnapshot();
        }
    }

    /** Stops the replay (SIGTERM): what was batched goes out, no {@code EndOfData}. */
    void stop() {
        if (feed != null && !ended) {
            flush(false);
            ended = true;
            feed.close();
            log.info("stopped by signal after " + events + " events");
        }
    }

    private void endOfData() {
        flush(false);
        ended = true;
        feed.close();
        endOfData
                .wrapAndApplyHeader(marketData.buffer(), 0, marketData.header())
                .sequence(marketData.nextSequence())
                .instanceId(instanceId)
                .lastLocalTs(lastLocalTs)
                .events(events);
        marketData.send(MessageHeaderEncoder.ENCODED_LENGTH + endOfData.encodedLength());
        messagesSent.incrementRelease();
        log.info(String.format(
                "end of data: %d events in %.2f s, %d snapshots sent",
                events, (System.nanoTime() - startedNanos) / 1e9, snapshotsSent.get()));
    }

    private void flush(boolean snapshot) {
        if (writer.isEmpty()) {
            return;
        }
        int length = writer.encode(
                marketData.buffer(), marketData.header(), marketData.nextSequence(), instanceId, snapshot);
        writer.clear();
        marketData.send(length);
        messagesSent.incrementRelease();
    }

    /** The book as it stands (a message boundary), as one snapshot: a clear of both sides, then every level. */
    private void sendSnapshot() {
        snapshotWanted = false;
        flush(false);
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
        log.info("sent a snapshot of " + book.bidDepth() + " bids and " + book.askDepth() + " asks"
                + (ready ? "" : " (book not ready: an empty one)") + " at " + ts);
    }

    boolean ended() {
        return ended;
    }

    /** The feed the venue reads ahead on in lock-step; null before the replay starts. */
    SimulationFeed feed() {
        return feed;
    }

    /** The local time of the last event sent. */
    long lastLocalTs() {
        return lastLocalTs;
    }

    boolean bookReady() {
        return book.isReady();
    }
}
