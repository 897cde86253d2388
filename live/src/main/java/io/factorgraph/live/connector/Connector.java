package io.factorgraph.live.connector;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
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
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.MarketDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.CompositeAgent;

/**
 * The connector process: replays one recorded feed per instrument on the market data stream (merged on the local
 * clock, each batch naming its feed) and runs a paper venue per traded instrument, the backtest's {@link
 * ExchangeSimulator} fed that instrument's events, on its own pair of order and execution streams ({@link
 * Streams#orders(int)}, {@link Streams#executions(int)}). Its agents, each one role, run on one thread ({@link DutyCycle}):
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
    /** Per traded feed, in feed order. */
    private final List<SequencedPublication> executions = new ArrayList<>();

    private MarketDataReplay replay;
    private final List<PaperVenue> venues = new ArrayList<>();
    private ResyncRequests resync;
    private DutyCycle agents;

    public Connector(ConnectorConfig config, ProcessLog log, ShutdownSignal shutdown) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
    }

    /** Replays the data and serves the venues; returns the exit code. */
    public int run() throws MarketDataException {
        TransportConfig transport = config.transport();
        List<ConnectorConfig.Feed> feeds = config.feeds();
        int n = feeds.size();
        ExchangeSimulator[] simulators = new ExchangeSimulator[n];
        List<ExchangeSimulator> traded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ConnectorConfig.Feed feed = feeds.get(i);
            if (feed.traded()) {
                // the exchange clock's shift is one constant over the whole file, as in the backtest (docs/DESIGN.md
                // §7), per instrument
                SimulatorConfig venueConfig = ClockShift.resolve(
                        feed.simulatorConfig(), () -> EventSources.open(feed.data(), config.gapPolicy()));
                simulators[i] = new ExchangeSimulator(venueConfig, 4096);
                traded.add(simulators[i]);
            }
        }
        PeerWatch engine = new PeerWatch("engine", transport.peerTimeoutNanos());
        try (AeronSession session = transport.connect();
                HealthCounters health = HealthCounters.allocate(session.aeron(), "connector", instanceId, HEALTH)) {
            marketData = new SequencedPublication(
                            session.publication(transport.channels().marketData(), Streams.MARKET_DATA),
                            transport.idle().newStrategy(),
                            MESSAGE_CAPACITY)
                    .dropWhen(TestHooks.dropSequences(config.testDropMarketData()))
                    .abandonWhen(shutdown::raised);
            long[][] feedDrops = TestHooks.dropFeedBatches(config.testDropMarketData(), n);
            replay = new MarketDataReplay(
                    config.speed(),
                    config.lockstep(),
                    instanceId,
                    marketData,
                    simulators,
                    (feed, number) -> java.util.Arrays.binarySearch(feedDrops[feed], number) >= 0,
                    health,
                    log);
            List<org.agrona.concurrent.Agent> services = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (simulators[i] == null) {
                    continue;
                }
                PeerWatch strategy = new PeerWatch("strategy", transport.peerTimeoutNanos());
                // A report to a strategy that has gone silent is not waited for: it cannot be delivered, and waiting
                // would hold off the sweep that cancels the dead strategy's orders.
                SequencedPublication out = new SequencedPublication(
                                session.publication(transport.channels().executions(), Streams.executions(i)),
                                transport.idle().newStrategy(),
                                4096)
                        .abandonWhen(() ->
                                shutdown.raised() || (strategy.everHeard() && !strategy.alive(System.nanoTime())));
                executions.add(out);
                PaperVenue venue = new PaperVenue(
                        simulators[i],
                        replay,
                        i,
                        n > 1 ? feeds.get(i).name() + ": " : "",
                        config.lockstep(),
                        instanceId,
                        out,
                        session.subscription(transport.channels().orders(), Streams.orders(i)),
                        strategy,
                        health,
                        log);
                venues.add(venue);
                services.add(venue);
            }
            resync = new ResyncRequests(
                    session.subscription(transport.channels().control(), Streams.CONTROL), replay, engine, log);
            SequencedPublication[] heartbeatStreams = new SequencedPublication[executions.size() + 1];
            heartbeatStreams[0] = marketData;
            for (int i = 0; i < executions.size(); i++) {
                heartbeatStreams[i + 1] = executions.get(i);
            }
            HeartbeatAgent heartbeat = new HeartbeatAgent(
                    new Heartbeats(Role.CONNECTOR, instanceId, transport.heartbeatNanos(), heartbeatStreams),
                    new Status(traded));
            services.add(resync);
            services.add(heartbeat);
            // while an offer waits on back-pressure, the other agents keep serving their streams
            CompositeAgent serving = new CompositeAgent(services);
            marketData.duty(() -> doWork(serving));
            for (SequencedPublication out : executions) {
                out.duty(heartbeat::doWork);
            }
            List<org.agrona.concurrent.Agent> all = new ArrayList<>();
            all.add(replay);
            all.addAll(services);
            agents = new DutyCycle(new CompositeAgent(all), transport.idle().newStrategy());
            for (int i = 0; i < n; i++) {
                ConnectorConfig.Feed feed = feeds.get(i);
                log.info((n > 1 ? "feed " + i + " " + feed.name() + ": " : "")
                        + (feed.traded()
                                ? "venue " + simulators[i].config().tickSize() + " tick, " + feed.lotSize() + " lot, "
                                        + feed.venue().describe()
                                : "no venue (not traded)"));
            }
            log.info((config.lockstep() ? "lock-step clock; " : "") + "instance " + Long.toHexString(instanceId) + "; "
                    + transport.channels().describe() + (transport.embeddedDriver() ? " (own media driver)" : ""));
            if (!awaitPeers()) {
                return shutdown.raised() ? 0 : 1;
            }
            replay();
            serveUntilDone();
            for (PaperVenue venue : venues) {
                venue.close();
            }
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

    private boolean strategiesConnected() {
        for (SequencedPublication out : executions) {
            if (!out.isConnected()) {
                return false;
            }
        }
        return true;
    }

    private boolean anyStrategyConnected() {
        for (SequencedPublication out : executions) {
            if (out.isConnected()) {
                return true;
            }
        }
        return false;
    }

    private boolean strategiesDone() {
        for (PaperVenue venue : venues) {
            if (!venue.strategyDone()) {
                return false;
            }
        }
        return true;
    }

    private boolean awaitPeers() throws MarketDataException {
        long deadline = System.nanoTime() + config.awaitNanos();
        while (!marketData.isConnected() || (config.awaitStrategy() && !strategiesConnected())) {
            if (shutdown.raised()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                log.error((!marketData.isConnected()
                                ? "no engine subscribed to market data ("
                                        + config.transport().channels().marketData() + ")"
                                : "no strategy subscribed to the executions of every venue ("
                                        + config.transport().channels().executions() + ")")
                        + " within the wait");
                return false;
            }
            agents.cycle();
        }
        List<String> files = new ArrayList<>();
        for (ConnectorConfig.Feed feed : config.feeds()) {
            files.add(config.feeds().size() > 1 ? feed.name() + "=" + feed.data() : String.valueOf(feed.data()));
        }
        log.info("engine" + (anyStrategyConnected() ? " and strategy" : "") + " connected; replaying "
                + String.join(", ", files) + " at " + config.speed());
        return true;
    }

    private void replay() throws MarketDataException {
        // the same files are read again for a restarted engine's catch-up
        replay.start(openFeeds(), this::openFeeds);
        while (!replay.ended()) {
            if (shutdown.raised()) {
                replay.stop();
                return;
            }
            agents.cycle();
        }
    }

    /** Every feed's files, opened from their start, in feed order. */
    private List<EventSource> openFeeds() throws MarketDataException {
        List<EventSource> sources = new ArrayList<>();
        try {
            for (ConnectorConfig.Feed feed : config.feeds()) {
                sources.add(EventSources.open(feed.data(), config.gapPolicy()));
            }
        } catch (MarketDataException | RuntimeException e) {
            sources.forEach(EventSource::close);
            throw e;
        }
        return sources;
    }

    /**
     * Serves the strategy until it is done: after the data, up to the linger; on SIGTERM (which a terminal sends to
     * every process of the group at once) up to 2 s, so that the strategy's own cancel-all still finds a venue.
     */
    private void serveUntilDone() throws MarketDataException {
        long deadline = System.nanoTime() + (shutdown.raised() ? SIGTERM_SERVE_NANOS : config.lingerNanos());
        while (!strategiesDone() && System.nanoTime() < deadline) {
            boolean strategyHere = anyStrategyConnected();
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

    /** What the connector's heartbeat says: how far the replay is, whether its books are ready, the venues' orders. */
    private final class Status implements HeartbeatAgent.Status {
        private final List<ExchangeSimulator> simulators;

        Status(List<ExchangeSimulator> simulators) {
            this.simulators = List.copyOf(simulators);
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
            int resting = 0;
            for (int i = 0; i < simulators.size(); i++) {
                resting += simulators.get(i).restingOrders();
            }
            return resting;
        }

        @Override
        public int workingOrders() {
            int working = 0;
            for (int i = 0; i < simulators.size(); i++) {
                working += simulators.get(i).orders().size();
            }
            return working;
        }

        /** The first venue's position (the only one's, with one instrument). */
        @Override
        public double position() {
            return simulators.isEmpty() ? 0.0 : simulators.get(0).account().position();
        }
    }
}
