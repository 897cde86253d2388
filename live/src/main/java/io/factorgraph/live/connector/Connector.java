package io.factorgraph.live.connector;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.SimulationFeed;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import io.factorgraph.live.launch.TestHooks;
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
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.MarketDataException;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.CompositeAgent;

/**
 * The connector process: replays a recorded feed on the market data stream and runs the paper venue, the backtest's
 * {@link ExchangeSimulator} fed the same events. Its agents, each one role, run on one thread ({@link DutyCycle}):
 * <ul>
 *   <li>{@link MarketDataReplay}: the paced replay, and snapshots for re-syncs;
 *   <li>{@link PaperVenue}: order commands executed by the simulator, reports, cancel on disconnect;
 *   <li>{@link ResyncRequests}: the engine's control stream;
 *   <li>{@link HeartbeatAgent}: heartbeats on both streams it publishes.
 * </ul>
 * This class is the life cycle: wait for the engine (and the strategy) to subscribe, replay to the end (or SIGTERM),
 * serve the strategy until it says it is done, close the venue. Health counters: {@link HealthCounter}.
 */
public final class Connector {
    private static final long SIGTERM_SERVE_NANOS = 2_000_000_000L;
    private static final long CLOSE_LINGER_NANOS = 200_000_000L;
    private static final int MESSAGE_CAPACITY = MarketDataWriter.MAX_LENGTH + 1024;
    private static final HealthCounter[] HEALTH = {
        HealthCounter.MARKET_DATA_EVENTS_SENT,
        HealthCounter.MARKET_DATA_MESSAGES_SENT,
        HealthCounter.SNAPSHOTS_SENT,
        HealthCounter.ORDERS_RECEIVED,
        HealthCounter.CANCELS_RECEIVED,
        HealthCounter.CANCEL_ALLS_DONE,
        HealthCounter.ORDER_STREAM_GAPS,
        HealthCounter.STRATEGY_DOWN_SWEEPS,
        HealthCounter.NEW_STRATEGY_INSTANCES,
        HealthCounter.REPORTS_SENT,
        HealthCounter.RESTING_ORDERS,
        HealthCounter.HOP_LATENCY_MAX_NS
    };

    private final ConnectorConfig config;
    private final ProcessLog log;
    private final ShutdownSignal shutdown;
    private final long instanceId = Instances.newInstanceId();

    private SequencedPublication marketData;
    private SequencedPublication executions;
    private MarketDataReplay replay;
    private PaperVenue venue;
    private ResyncRequests resync;
    private DutyCycle agents;

    public Connector(ConnectorConfig config, ProcessLog log, ShutdownSignal shutdown) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
    }

    /** Replays the data and serves the venue; returns the exit code. */
    public int run() throws MarketDataException {
        TransportConfig transport = config.transport();
        // the exchange clock's shift is one constant over the whole file, as in the backtest (docs/DESIGN.md §7)
        SimulatorConfig venueConfig = ClockShift.resolve(
                config.simulatorConfig(), () -> EventSources.open(config.data(), config.gapPolicy()));
        ExchangeSimulator simulator = new ExchangeSimulator(venueConfig, 4096);
        PeerWatch strategy = new PeerWatch("strategy", transport.peerTimeoutNanos());
        PeerWatch engine = new PeerWatch("engine", transport.peerTimeoutNanos());
        try (AeronSession session = transport.connect();
                HealthCounters health = HealthCounters.allocate(session.aeron(), "connector", instanceId, HEALTH)) {
            marketData = new SequencedPublication(
                            session.publication(transport.channels().marketData(), Streams.MARKET_DATA),
                            transport.idle().newStrategy(),
                            MESSAGE_CAPACITY)
                    .dropWhen(TestHooks.dropSequences(config.testDropMarketData()))
                    .abandonWhen(shutdown::raised);
            // A report to a strategy that has gone silent is not waited for: it cannot be delivered, and waiting
            // would hold off the sweep that cancels the dead strategy's orders.
            executions = new SequencedPublication(
                            session.publication(transport.channels().executions(), Streams.EXECUTIONS),
                            transport.idle().newStrategy(),
                            4096)
                    .abandonWhen(
                            () -> shutdown.raised() || (strategy.everHeard() && !strategy.alive(System.nanoTime())));
            replay = new MarketDataReplay(
                    config.speed(), config.lockstep(), instanceId, marketData, simulator, health, log);
            venue = new PaperVenue(
                    simulator,
                    replay,
                    config.lockstep(),
                    instanceId,
                    executions,
                    session.subscription(transport.channels().orders(), Streams.ORDERS),
                    strategy,
                    health,
                    log);
            resync = new ResyncRequests(
                    session.subscription(transport.channels().control(), Streams.CONTROL), replay, engine, log);
            HeartbeatAgent heartbeat = new HeartbeatAgent(
                    new Heartbeats(Role.CONNECTOR, instanceId, transport.heartbeatNanos(), marketData, executions),
                    new Status(simulator));
            // while an offer waits on back-pressure, the other agents keep serving their streams
            CompositeAgent services = new CompositeAgent(venue, resync, heartbeat);
            marketData.duty(() -> doWork(services));
            executions.duty(heartbeat::doWork);
            agents = new DutyCycle(
                    new CompositeAgent(replay, venue, resync, heartbeat),
                    transport.idle().newStrategy());
            log.info("venue " + venueConfig.tickSize() + " tick, " + config.lotSize() + " lot, "
                    + config.venue().describe() + (config.lockstep() ? ", lock-step clock" : "") + "; instance "
                    + Long.toHexString(instanceId) + "; " + transport.channels().describe()
                    + (transport.embeddedDriver() ? " (own media driver)" : ""));
            if (!awaitPeers()) {
                return shutdown.raised() ? 0 : 1;
            }
            replay(simulator);
            serveUntilDone();
            venue.close();
            // the last messages drain to their subscribers before the publications close; no command is taken now
            long lingerUntil = System.nanoTime() + CLOSE_LINGER_NANOS;
            while (System.nanoTime() < lingerUntil) {
                LockSupport.parkNanos(1_000_000L);
            }
            return 0;
        } finally {
            if (agents != null) {
                agents.close();
            }
            shutdown.finished();
        }
    }

    private boolean awaitPeers() throws MarketDataException {
        long deadline = System.nanoTime() + config.awaitNanos();
        while (!marketData.isConnected() || (config.awaitStrategy() && !executions.isConnected())) {
            if (shutdown.raised()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                log.error((!marketData.isConnected()
                                ? "no engine subscribed to market data ("
                                        + config.transport().channels().marketData() + ")"
                                : "no strategy subscribed to executions ("
                                        + config.transport().channels().executions() + ")")
                        + " within the wait");
                return false;
            }
            agents.cycle();
        }
        log.info("engine" + (executions.isConnected() ? " and strategy" : "") + " connected; replaying " + config.data()
                + " at " + config.speed());
        return true;
    }

    private void replay(ExchangeSimulator simulator) throws MarketDataException {
        replay.start(new SimulationFeed(EventSources.open(config.data(), config.gapPolicy()), simulator));
        while (!replay.ended()) {
            if (shutdown.raised()) {
                replay.stop();
                return;
            }
            agents.cycle();
        }
    }

    /**
     * Serves the strategy until it is done: after the data, up to the linger; on SIGTERM (which a terminal sends to
     * every process of the group at once) up to 2 s, so that the strategy's own cancel-all still finds a venue.
     */
    private void serveUntilDone() throws MarketDataException {
        long deadline = System.nanoTime() + (shutdown.raised() ? SIGTERM_SERVE_NANOS : config.lingerNanos());
        while (!venue.strategyDone() && System.nanoTime() < deadline) {
            boolean strategyHere = executions.isConnected();
            boolean engineHere = marketData.isConnected();
            if (!strategyHere
                    && (shutdown.raised() || !engineHere || resync.engineReplayTime() >= replay.lastLocalTs())) {
                break;
            }
            if (!shutdown.raised()) {
                replay.sendSnapshotIfWanted(); // past the last event: a message boundary
            }
            agents.cycle();
        }
    }

    private static void doWork(CompositeAgent agent) {
        try {
            agent.doWork();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What the connector's heartbeat says: how far the replay is, whether its book is ready, the venue's orders. */
    private final class Status implements HeartbeatAgent.Status {
        private final ExchangeSimulator simulator;

        Status(ExchangeSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public long replayTimeNs() {
            return replay.lastLocalTs();
        }

        @Override
        public boolean ready() {
            return replay.bookReady();
        }

        @Override
        public int restingOrders() {
            return simulator.restingOrders();
        }

        @Override
        public int workingOrders() {
            return simulator.orders().size();
        }

        @Override
        public double position() {
            return simulator.account().position();
        }
    }
}
