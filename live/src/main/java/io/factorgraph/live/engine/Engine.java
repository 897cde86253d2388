package io.factorgraph.live.engine;

import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.codec.FactorUpdateWriter;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import io.factorgraph.live.launch.TestHooks;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.FactorStreamEndEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.ResyncRequestEncoder;
import io.factorgraph.live.sbe.Role;
import io.factorgraph.live.transport.AeronSession;
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
import org.agrona.concurrent.IdleStrategy;

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
 */
public final class Engine {
    private final EngineConfig config;
    private final ProcessLog log;
    private final ShutdownSignal shutdown;

    private long instanceId;
    private SequencedPublication factors;
    private SequencedPublication control;
    private Heartbeats heartbeats;
    private MarketDataSource source;
    private GraphInstance instance;
    private long warmupTicks;
    private long ticksSinceSync;
    private long ticks;
    private long gaps;
    private boolean warmAnnounced;
    private boolean resyncWanted;
    private long expectedSequence;
    private long receivedSequence;
    private long lastResyncRequest = Long.MIN_VALUE;
    private final LatencyProbe marketDataHop = new LatencyProbe("connector -> engine (market data)");
    private final ResyncRequestEncoder resync = new ResyncRequestEncoder();
    private final FactorUpdateWriter factorWriter = new FactorUpdateWriter();
    private double[] sinkValues;

    public Engine(EngineConfig config, ProcessLog log, ShutdownSignal shutdown) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
    }

    /** Runs until the connector's data ends or the process is told to stop; returns the exit code. */
    public int run() throws MarketDataException {
        CompiledGraph graph = config.graph().compile();
        long interval = config.graph().interval(graph);
        warmupTicks = config.warmupTicks() >= 0 ? config.warmupTicks() : GraphSpec.defaultWarmupTicks(graph);
        long fingerprint = GraphSpec.fingerprint(graph);
        int[] sinkSlots = graph.sink().map(s -> s.argumentSlots().stream().mapToInt(Integer::intValue).toArray())
                .orElse(new int[0]);
        instanceId = Instances.newInstanceId();
        TransportConfig transport = config.transport();
        IdleStrategy idle = transport.idle().newStrategy();
        try (AeronSession session = transport.connect()) {
            factors = new SequencedPublication(session.publication(transport.channels().factors(), Streams.FACTORS),
                    transport.idle().newStrategy(), 64 * 1024)
                    .dropWhen(TestHooks.dropSequences(config.testDropFactors()))
                    .abandonWhen(shutdown::raised);
            control = new SequencedPublication(session.publication(transport.channels().control(), Streams.CONTROL),
                    transport.idle().newStrategy(), 4096).abandonWhen(shutdown::raised);
            heartbeats = new Heartbeats(Role.ENGINE, instanceId, transport.heartbeatNanos(), factors, control);
            PeerWatch connector = new PeerWatch("connector", transport.peerTimeoutNanos());
            factors.duty(this::duty);
            control.duty(this::duty);
            instance = graph.newInstance();
            source = new MarketDataSource(session.subscription(transport.channels().marketData(), Streams.MARKET_DATA),
                    idle, this::duty, shutdown::raised, new GapHandler(), connector, marketDataHop);
            log.info("graph " + config.graph().file() + ": " + graph.outputs().size() + " outputs, interval "
                    + interval + " ns, warm-up " + warmupTicks + " ticks; instance " + Long.toHexString(instanceId));
            if (!awaitSubscriber(idle)) {
                return shutdown.raised() ? 0 : 1;
            }
            ReplayFactorProvider provider = new ReplayFactorProvider(source, instance, interval, CrossedBookPolicy.FAIL);
            sinkValues = new double[sinkSlots.length];
            byte[] symbol = config.symbol().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            while (!shutdown.raised() && provider.next()) {
                if (shutdown.raised()) {
                    break;
                }
                ticks++;
                ticksSinceSync++;
                boolean warm = ticksSinceSync >= warmupTicks && !source.awaitingSnapshot();
                if (warm && !warmAnnounced) {
                    warmAnnounced = true;
                    log.info("warm after " + ticksSinceSync + " ticks (tick time " + provider.current().timestampNanos()
                            + ")");
                }
                publish(provider.current(), sinkSlots, fingerprint, warm, symbol);
            }
            if (!shutdown.raised()) {
                FactorStreamEndEncoder end = new FactorStreamEndEncoder();
                end.wrapAndApplyHeader(factors.buffer(), 0, factors.header())
                        .sequence(factors.nextSequence())
                        .instanceId(instanceId)
                        .ticks(ticks);
                factors.send(MessageHeaderEncoder.ENCODED_LENGTH + end.encodedLength());
                log.info("end of market data: " + ticks + " ticks from " + provider.eventCount() + " events, "
                        + gaps + " gaps");
            } else {
                log.info("stopped: " + ticks + " ticks, " + gaps + " gaps");
            }
            log.info("latency " + marketDataHop.summary());
            return 0;
        } finally {
            shutdown.finished();
        }
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
        factors.send(factorWriter.encode(factors.buffer(), factors.header(), factors.nextSequence(), instanceId,
                update, fingerprint, warm, ticksSinceSync, source.lastAppliedSequence(), sinkValues, sinkSlots.length,
                symbol));
    }

    private void duty() {
        long now = System.nanoTime();
        if (resyncWanted && !control.busy() && (lastResyncRequest == Long.MIN_VALUE
                || now - lastResyncRequest > RESYNC_RETRY_NANOS)) {
            requestSnapshot(now);
        }
        if (heartbeats.due(now)) {
            heartbeats.send(now, source == null ? 0 : source.lastLocalTs(), warmAnnounced && ticksSinceSync >= warmupTicks,
                    -1, -1, 0.0);
        }
    }

    /** Asks again every half second until the snapshot comes (the first request may find no connector yet). */
    private static final long RESYNC_RETRY_NANOS = 500_000_000L;

    private void requestSnapshot(long now) {
        lastResyncRequest = now;
        resync.wrapAndApplyHeader(control.buffer(), 0, control.header())
                .sequence(control.nextSequence())
                .instanceId(instanceId)
                .expectedSequence(expectedSequence)
                .receivedSequence(receivedSequence);
        control.send(MessageHeaderEncoder.ENCODED_LENGTH + resync.encodedLength());
    }

    private final class GapHandler implements MarketDataSource.Listener {
        @Override
        public void onGap(long expected, long received, boolean joinedLate) {
            gaps++;
            ticksSinceSync = 0;
            warmAnnounced = false;
            instance.reset();
            log.info((joinedLate ? "joined the market data stream at message " + received
                    : "market data gap: expected message " + expected + ", received " + received)
                    + "; book cleared, graph reset, asking the connector for a snapshot");
            expectedSequence = expected;
            receivedSequence = received;
            resyncWanted = true;
            lastResyncRequest = Long.MIN_VALUE;
            if (!control.busy()) {
                requestSnapshot(System.nanoTime());
            }
        }

        @Override
        public void onResynced() {
            resyncWanted = false;
            log.info("snapshot received: book in sync again; warming up " + warmupTicks + " ticks");
        }
    }
}
