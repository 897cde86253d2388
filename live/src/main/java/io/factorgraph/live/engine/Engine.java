package io.factorgraph.live.engine;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.codec.FactorUpdateWriter;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.Durations;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import io.factorgraph.live.launch.TestHooks;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.FactorStreamEndEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.Role;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.DutyCycle;
import io.factorgraph.live.transport.HeartbeatAgent;
import io.factorgraph.live.transport.Heartbeats;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.Streams;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import io.factorgraph.runtime.state.SnapshotException;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The factor engine: keeps the book from the connector's market data and ticks the compiled graph, publishing one
 * factor update per tick.
 *
 * <p>Parity with {@code fg run} holds by construction: the market data stream is an {@code EventSource}
 * ({@link MarketDataSource}) fed to the very {@link ReplayFactorProvider} that {@code fg run} uses, so the book is
 * built by the same {@code BookReplay} and the graph ticks by the same {@code SamplingClock}, on the events' own
 * (replayed local) timestamps: a tick at t is computed once the first event after t has arrived.
 *
 * <p>Warm-up: after a start or a re-sync the graph's windows hold too little (or stale) history, so updates say
 * {@code warm = false} until {@code warmupTicks} ticks have been computed since; the strategy does not quote on them.
 * On a market data gap the engine resets its graph, asks the connector for a snapshot and warms up again.
 *
 * <p>Snapshots ({@code --snapshot-dir}, docs/DESIGN.md §13): right after a tick whose time enters a new period of
 * {@code --snapshot-every} (market time), and right after the first tick following SIGTERM, the engine writes its
 * graph's whole state ({@link EngineSnapshots}). A restarted engine restores the newest, asks the connector for every
 * event after the snapshot's tick (the recorded-file connector reads its files again), and replays them through the
 * same loop before the live batches, so its factor stream continues the one the killed engine computed, bit for bit.
 * The warm rule: warm at once (as the snapshot was) when the snapshot's tick is within {@code --catch-up-max-age} of
 * the connector's replay and the catch-up came whole; otherwise the engine starts cold, from a book snapshot, and
 * warms up over {@code warmupTicks} ticks. Updates computed from the catch-up say not warm.
 */
public final class Engine {
    private static final HealthCounter[] HEALTH = {
        HealthCounter.MARKET_DATA_SEQUENCE,
        HealthCounter.MARKET_DATA_GAPS,
        HealthCounter.RESYNCS,
        HealthCounter.TICKS,
        HealthCounter.FACTOR_UPDATES_SENT,
        HealthCounter.HOP_LATENCY_MAX_NS
    };

    private final EngineConfig config;
    private final ProcessLog log;
    private final ShutdownSignal shutdown;
    private final long instanceId = Instances.newInstanceId();
    private final LatencyProbe marketDataHop = new LatencyProbe("connector -> engine (market data)");
    private final FactorUpdateWriter factorWriter = new FactorUpdateWriter();
    private final FactorStreamEndEncoder streamEnd = new FactorStreamEndEncoder();

    private SequencedPublication factors;
    private MarketDataStream source;
    private java.util.List<String> bookNames;
    private java.util.List<io.factorgraph.runtime.graph.BookHandle> bookHandles;
    private GraphInstance instance;
    private SnapshotRequester snapshots;
    private DutyCycle agents;
    private AtomicCounter lastMessage;
    private AtomicCounter gapCount;
    private AtomicCounter resyncCount;
    private AtomicCounter tickCount;
    private AtomicCounter updatesSent;
    private double[] sinkValues;
    private long warmupTicks;
    private long ticksSinceSync;
    private long ticks;
    private long gaps;
    private boolean warmAnnounced;
    /** How long a restored engine waits for the connector to answer its catch-up request before starting cold. */
    static final long CATCH_UP_TIMEOUT_NANOS = 5_000_000_000L;
    /** Once the connector has accepted, how long the catch-up may take (it reads its files again from the start). */
    static final long CATCH_UP_ACCEPTED_TIMEOUT_NANOS = 300_000_000_000L;
    /** After SIGTERM, how long the engine reads on for the next tick, to snapshot right after it. */
    static final long SHUTDOWN_SNAPSHOT_WAIT_NANOS = 1_000_000_000L;

    private EngineSnapshots store;
    private long interval;
    private long lastSnapshotPeriod = Long.MIN_VALUE;
    private long snapshotsTaken;
    private long catchUpDeadline;
    private long stopReadingAt;
    /** Restored and caught up exactly, warm as the snapshot was: the warm line says so. */
    private boolean warmFromSnapshot;

    private boolean shutdownSnapshot;

    public Engine(EngineConfig config, ProcessLog log, ShutdownSignal shutdown) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
    }

    /** Runs until the connector's data ends or the process is told to stop; returns the exit code. */
    public int run() throws MarketDataException {
        CompiledGraph graph = config.graph().compile();
        interval = config.graph().interval(graph);
        warmupTicks = config.warmupTicks() >= 0 ? config.warmupTicks() : GraphSpec.defaultWarmupTicks(graph);
        long fingerprint = GraphSpec.fingerprint(graph);
        int[] sinkSlots = GraphSpec.sinkArgumentSlots(graph);
        TransportConfig transport = config.transport();
        IdleStrategy idle = transport.idle().newStrategy();
        try (AeronSession session = transport.connect();
                HealthCounters health = HealthCounters.allocate(session.aeron(), "engine", instanceId, HEALTH)) {
            lastMessage = health.get(HealthCounter.MARKET_DATA_SEQUENCE);
            gapCount = health.get(HealthCounter.MARKET_DATA_GAPS);
            resyncCount = health.get(HealthCounter.RESYNCS);
            tickCount = health.get(HealthCounter.TICKS);
            updatesSent = health.get(HealthCounter.FACTOR_UPDATES_SENT);
            marketDataHop.maxTo(health.get(HealthCounter.HOP_LATENCY_MAX_NS));
            factors = new SequencedPublication(
                            session.publication(transport.channels().factors(), Streams.FACTORS),
                            transport.idle().newStrategy(),
                            64 * 1024)
                    .dropWhen(TestHooks.dropSequences(config.testDropFactors()))
                    .abandonWhen(shutdown::raised);
            SequencedPublication control = new SequencedPublication(
                            session.publication(transport.channels().control(), Streams.CONTROL),
                            transport.idle().newStrategy(),
                            4096)
                    .abandonWhen(shutdown::raised);
            bookNames = java.util.List.copyOf(graph.books().keySet());
            bookHandles = java.util.List.copyOf(graph.books().values());
            snapshots = new SnapshotRequester(control, instanceId, Math.max(1, bookNames.size()));
            HeartbeatAgent heartbeat = new HeartbeatAgent(
                    new Heartbeats(Role.ENGINE, instanceId, transport.heartbeatNanos(), factors, control),
                    new Status());
            agents = new DutyCycle(new CompositeAgent(snapshots, heartbeat), idle);
            Runnable duty = this::duty;
            factors.duty(duty);
            control.duty(duty);
            PeerWatch connector = new PeerWatch("connector", transport.peerTimeoutNanos());
            instance = graph.newInstance();
            source = new MarketDataStream(
                    session.subscription(transport.channels().marketData(), Streams.MARKET_DATA),
                    Math.max(1, bookNames.size()),
                    idle,
                    duty,
                    this::stopReading,
                    new GapHandler(),
                    connector,
                    marketDataHop);
            log.info("graph " + config.graph().file() + ": " + graph.outputs().size() + " outputs, interval " + interval
                    + " ns, warm-up " + warmupTicks + " ticks; instance " + Long.toHexString(instanceId));
            if (config.snapshotDir() != null && !restore()) {
                return 1;
            }
            if (!awaitSubscriber(idle)) {
                return shutdown.raised() ? 0 : 1;
            }
            // one source per Book input, in their order: the very replay fg run runs over the same feeds' files
            ReplayFactorProvider provider =
                    new ReplayFactorProvider(source.sources(), instance, interval, CrossedBookPolicy.FAIL);
            sinkValues = new double[sinkSlots.length];
            byte[] symbol = config.symbol().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // with snapshots, a signal lets the loop read on to the next tick (up to a second), to snapshot after it
            while ((!shutdown.raised() || store != null) && provider.next()) {
                boolean snapshotNow = store != null && snapshotConsistent();
                if (shutdown.raised() && !snapshotNow) {
                    break;
                }
                ticks++;
                ticksSinceSync++;
                tickCount.incrementRelease();
                boolean warm = ticksSinceSync >= warmupTicks && !source.awaitingSnapshot() && !source.catchingUp();
                if (warm && !warmAnnounced) {
                    warmAnnounced = true;
                    log.info((warmFromSnapshot
                                    ? "warm at once after the catch-up"
                                    : "warm after " + ticksSinceSync + " ticks")
                            + " (tick time " + provider.current().timestampNanos() + ")");
                }
                publish(provider.current(), sinkSlots, fingerprint, warm, symbol);
                if (snapshotNow) {
                    long time = provider.current().timestampNanos();
                    long period = Math.floorDiv(time, config.snapshotEveryNanos());
                    if (shutdown.raised()) {
                        shutdownSnapshot = takeSnapshot(time, "on shutdown");
                        break;
                    }
                    if (period != lastSnapshotPeriod) {
                        lastSnapshotPeriod = period;
                        takeSnapshot(time, null);
                    }
                }
            }
            if (store != null && shutdown.raised() && !shutdownSnapshot) {
                log.info("no snapshot on shutdown: no consistent tick came within "
                        + SHUTDOWN_SNAPSHOT_WAIT_NANOS / 1_000_000 + " ms of the signal; the last periodic one stands");
            }
            if (!shutdown.raised()) {
                streamEnd
                        .wrapAndApplyHeader(factors.buffer(), 0, factors.header())
                        .sequence(factors.nextSequence())
                        .instanceId(instanceId)
                        .ticks(ticks);
                factors.send(MessageHeaderEncoder.ENCODED_LENGTH + streamEnd.encodedLength());
                log.info("end of market data: " + ticks + " ticks from " + provider.eventCount() + " events, " + gaps
                        + " gaps");
            } else {
                log.info("stopped: " + ticks + " ticks, " + gaps + " gaps"
                        + (store != null ? ", " + snapshotsTaken + " snapshots" : ""));
            }
            log.info("latency " + marketDataHop.summary());
            return 0;
        } finally {
            if (agents != null) {
                agents.close();
            }
            shutdown.finished();
        }
    }

    /**
     * Restores the newest readable snapshot of {@code --snapshot-dir}, if any, and asks the connector for what it
     * missed. False (with one line) when the snapshot belongs to another graph or other parameters, or when the graph
     * has no clock.
     */
    private boolean restore() {
        if (interval <= 0) {
            log.error("--snapshot-dir needs a graph with a clock: without one, ticks fall on event times and a "
                    + "snapshot cannot tell which events of its last instant it holds");
            return false;
        }
        store = new EngineSnapshots(config.snapshotDir(), config.snapshotKeep(), log);
        EngineSnapshots.Snapshot snapshot = store.newest();
        if (snapshot == null) {
            log.info("no snapshot in " + config.snapshotDir() + ": starting cold; snapshots every "
                    + Durations.format(config.snapshotEveryNanos()) + " of market time");
            return true;
        }
        long start = System.nanoTime();
        try {
            instance.restoreState(snapshot.graphState(), snapshot.file().toString());
        } catch (SnapshotException e) {
            log.error("cannot restore: " + e.getMessage());
            return false;
        }
        long took = System.nanoTime() - start;
        ticks = snapshot.ticks();
        ticksSinceSync = snapshot.ticksSinceSync();
        lastSnapshotPeriod = Math.floorDiv(snapshot.tickTimeNs(), config.snapshotEveryNanos());
        source.awaitCatchUp(snapshot.tickTimeNs());
        snapshots.requestCatchUp(snapshot.tickTimeNs(), config.catchUpMaxAgeNanos());
        catchUpDeadline = System.nanoTime() + CATCH_UP_TIMEOUT_NANOS;
        log.info(String.format(
                "restored %s (tick time %d, %d bytes, %.2f ms); asking the connector for every event after it",
                snapshot.file(), snapshot.tickTimeNs(), snapshot.graphState().length, took / 1e6));
        return true;
    }

    /** A snapshot now holds exactly the events up to the tick just computed: clocked, every book in sync and ready. */
    private boolean snapshotConsistent() {
        if (source.awaitingSnapshot() || source.awaitingCatchUp() || source.ended()) {
            return false;
        }
        for (int i = 0; i < bookHandles.size(); i++) {
            if (!instance.book(bookHandles.get(i)).isReady()) {
                return false;
            }
        }
        return true;
    }

    /** Writes a snapshot as of the tick just computed; false when it could not (said in one line). */
    private boolean takeSnapshot(long tickTime, String why) {
        long start = System.nanoTime();
        try {
            byte[] state = instance.saveState();
            java.nio.file.Path file = store.write(tickTime, ticks, ticksSinceSync, state);
            snapshotsTaken++;
            log.info(String.format(
                    "snapshot%s %s: tick time %d, %d bytes, %.2f ms",
                    why == null ? "" : " " + why,
                    file.getFileName(),
                    tickTime,
                    state.length,
                    (System.nanoTime() - start) / 1e6));
            return true;
        } catch (SnapshotException e) {
            log.error("snapshots off: " + e.getMessage());
            store = null;
        } catch (java.io.UncheckedIOException e) {
            log.error(e.getMessage()); // the next period tries again
        }
        return false;
    }

    /** Whether the market data sources stop: at a signal, at once without snapshots, else after up to a second. */
    private boolean stopReading() {
        if (!shutdown.raised()) {
            return false;
        }
        if (store == null) {
            return true;
        }
        if (stopReadingAt == 0) {
            stopReadingAt = System.nanoTime() + SHUTDOWN_SNAPSHOT_WAIT_NANOS;
        }
        return System.nanoTime() > stopReadingAt;
    }

    private boolean awaitSubscriber(IdleStrategy idle) {
        long deadline = System.nanoTime() + config.awaitSubscriberNanos();
        while (!factors.isConnected() && config.awaitSubscriberNanos() > 0) {
            if (shutdown.raised()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                log.error("no strategy subscribed to the factor stream ("
                        + config.transport().channels().factors() + ") within the wait");
                return false;
            }
            duty();
            idle.idle();
        }
        return true;
    }

    private void publish(FactorUpdate update, int[] sinkSlots, long fingerprint, boolean warm, byte[] symbol) {
        for (int i = 0; i < sinkSlots.length; i++) {
            sinkValues[i] = instance.slot(sinkSlots[i]);
        }
        factors.send(factorWriter.encode(
                factors.buffer(),
                factors.header(),
                factors.nextSequence(),
                instanceId,
                update,
                fingerprint,
                warm,
                ticksSinceSync,
                source.lastAppliedSequence(),
                sinkValues,
                sinkSlots.length,
                symbol));
        updatesSent.incrementRelease();
    }

    /** Runs while the engine waits for market data or on back-pressure: snapshot requests, heartbeats, counters. */
    private void duty() {
        try {
            agents.invoke();
        } catch (MarketDataException e) {
            throw new IllegalStateException(e.getMessage(), e); // the engine's agents read no market data
        }
        lastMessage.setRelease(source == null ? 0 : source.tracker().last());
        if (catchUpDeadline != 0 && System.nanoTime() > catchUpDeadline) {
            catchUpDeadline = 0;
            source.abandonCatchUp(
                    "no (whole) answer from the connector in time (within 5 s of asking, or 5 min of its accepting)");
        }
    }

    /** What the engine's heartbeat says: how far it has read, and whether it is warm. */
    private final class Status implements HeartbeatAgent.Status {
        @Override
        public long replayTimeNs() {
            return source == null ? 0 : source.lastLocalTs();
        }

        @Override
        public boolean ready() {
            return warmAnnounced && ticksSinceSync >= warmupTicks;
        }

        @Override
        public int restingOrders() {
            return -1;
        }

        @Override
        public int workingOrders() {
            return -1;
        }

        @Override
        public double position() {
            return 0.0;
        }
    }

    private final class GapHandler implements MarketDataSource.Listener {
        @Override
        public void onGap(long expected, long received, boolean joinedLate) {
            onGap(0, expected, received, joinedLate);
        }

        @Override
        public void onResynced() {
            onResynced(0);
        }

        @Override
        public void onGap(int feed, long expected, long received, boolean joinedLate) {
            gaps++;
            gapCount.incrementRelease();
            ticksSinceSync = 0;
            warmAnnounced = false;
            warmFromSnapshot = false;
            // the graph starts afresh (its windows would mix the books before and after the gap); only this feed's
            // book is cleared: the others are in sync and have no snapshot coming (with one book, instance.reset())
            instance.resetNodes();
            instance.book(bookHandles.get(feed)).clear();
            String book = bookNames.size() > 1 ? " of book " + bookNames.get(feed) + " (feed " + feed + ")" : "";
            log.info((joinedLate
                            ? "joined the market data stream" + book + " at message " + received
                            : "market data gap" + book + ": expected message " + expected + ", received " + received)
                    + "; book cleared, graph reset, asking the connector for a snapshot");
            snapshots.onGap(feed, expected, received);
        }

        @Override
        public void onResynced(int feed) {
            snapshots.onResynced(feed);
            resyncCount.incrementRelease();
            String book = bookNames.size() > 1 ? " of book " + bookNames.get(feed) : "";
            log.info("snapshot" + book + " received: book in sync again; warming up " + warmupTicks + " ticks");
        }

        @Override
        public void onCaughtUp(long events, long replayTimeNs) {
            snapshots.onCatchUpAnswered();
            catchUpDeadline = 0;
            warmFromSnapshot = ticksSinceSync >= warmupTicks;
            log.info("caught up: the connector sent " + events + " events after the snapshot (its replay at "
                    + replayTimeNs + "); " + source.droppedWhileCatchingUp() + " live batches dropped meanwhile"
                    + (ticksSinceSync >= warmupTicks ? "; warm once they are read" : ""));
        }

        @Override
        public void onCatchUpAccepted() {
            snapshots.onCatchUpAnswered();
            catchUpDeadline = System.nanoTime() + CATCH_UP_ACCEPTED_TIMEOUT_NANOS;
        }

        @Override
        public void onCatchUpRefused(String why) {
            snapshots.onCatchUpAnswered();
            catchUpDeadline = 0;
            log.info("no catch-up after the restored snapshot: " + why + "; starting cold");
        }
    }
}
