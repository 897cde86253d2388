package io.factorgraph.venue.binance;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.connector.MarketDataReplay;
import io.factorgraph.live.connector.ResyncRequests;
import io.factorgraph.live.connector.VenueConnector;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.CompositeAgent;

/**
 * The connector process for Binance USD-M futures ({@code LiveMain binance-connector ...}, which {@code fg live run
 * --venue binance-testnet} starts in place of the replaying one): the same streams, messages and fail-safes to the
 * engine and the strategy as the paper connector, with the market data from the venue ({@link BinanceMarketData}, sent
 * by the paper connector's own {@link MarketDataReplay}, which answers the engine's re-sync requests from its book)
 * and the orders executed there ({@link BinanceVenueAgent}).
 *
 * <p>Before the strategy's commands are read, the connector reconciles with the venue ({@link
 * BinanceOrderGateway#start()}: clock, our resting orders cancelled, position read). It runs until SIGTERM or until the
 * strategy says it is done; then every order is cancelled at the venue. One instrument.
 */
public final class BinanceConnector implements VenueConnector {
    /** The process role. */
    public static final String ROLE = "binance-connector";

    private static final long CLOSE_LINGER_NANOS = 200_000_000L;
    private static final HealthCounter[] HEALTH = {
        HealthCounter.MARKET_DATA_EVENTS_SENT, HealthCounter.MARKET_DATA_MESSAGES_SENT, HealthCounter.SNAPSHOTS_SENT
    };

    /**
     * @param maxPositionQty the connector's own position limit, in the instrument's quantity
     * @param record a file to record the raw feed to, or null
     * @param awaitStrategy whether to wait for a strategy before sending market data
     */
    public record Config(
            BinanceVenue venue,
            double tickSize,
            double lotSize,
            double maxPositionQty,
            int maxOrdersPerSecond,
            Path record,
            TransportConfig transport,
            long awaitNanos,
            boolean awaitStrategy) {

        /** The process's options, as {@link #toArgs()} writes them (credentials never among them). */
        public static Config fromArgs(LiveArgs args, Map<String, String> env) {
            BinanceVenue venue = BinanceVenue.resolve(
                    args.get("venue", BinanceVenue.TESTNET, s -> s),
                    args.flag("mainnet", false),
                    args.required("symbol"),
                    args.get("credentials", null, Path::of),
                    env,
                    args.get("venue-url", null, URI::create));
            return new Config(
                    venue,
                    args.get("tick-size", 0.1, Double::parseDouble),
                    args.get("lot-size", 0.001, Double::parseDouble),
                    args.get("max-position", 0.01, Double::parseDouble),
                    args.get("max-order-rate", 5, Integer::parseInt),
                    args.get("record", null, Path::of),
                    TransportConfig.fromArgs(args),
                    args.nanos("await", 30_000_000_000L),
                    !args.flag("no-strategy", false));
        }

        public List<String> toArgs() {
            LiveArgs.Writer w = new LiveArgs.Writer()
                    .put("venue", venue.endpoints().mainnet() ? BinanceVenue.MAINNET : BinanceVenue.TESTNET)
                    .put("mainnet", venue.endpoints().mainnet() ? "true" : null)
                    .put("symbol", venue.symbol())
                    .put(
                            "venue-url",
                            venue.endpoints().name().equals("local")
                                    ? venue.endpoints().rest()
                                    : null)
                    .put("tick-size", tickSize)
                    .put("lot-size", lotSize)
                    .put("max-position", maxPositionQty)
                    .put("max-order-rate", maxOrdersPerSecond)
                    .put("record", record)
                    .put("await", Duration.ofNanos(awaitNanos).toMillis() + "ms")
                    .put("no-strategy", awaitStrategy ? null : "true");
            List<String> args = new java.util.ArrayList<>(w.build());
            args.addAll(transport.toArgs());
            return args;
        }
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public int run(LiveArgs args, ProcessLog log, ShutdownSignal shutdown) throws Exception {
        Config config = Config.fromArgs(args, System.getenv());
        args.requireAllUsed();
        return run(config, log, shutdown);
    }

    /** Runs the connector; returns the exit code. */
    public static int run(Config config, ProcessLog log, ShutdownSignal shutdown) throws Exception {
        long instanceId = Instances.newInstanceId();
        TransportConfig transport = config.transport();
        BinanceVenue venue = config.venue();
        PriceGrid grid = new PriceGrid(config.tickSize(), config.lotSize());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        PeerWatch engine = new PeerWatch("engine", transport.peerTimeoutNanos());
        PeerWatch strategy = new PeerWatch("strategy", transport.peerTimeoutNanos());
        log.info((venue.endpoints().mainnet() ? "REAL MONEY: " : "")
                + venue.endpoints().name() + " "
                + venue.symbol() + " (" + venue.endpoints().rest() + ", "
                + venue.credentials().describe()
                + "); max position " + config.maxPositionQty() + ", max " + config.maxOrdersPerSecond()
                + " orders/s");
        DutyCycle agents = null;
        BinanceMarketData marketSource = null;
        BinanceVenueAgent orders = null;
        try (AeronSession session = transport.connect();
                HealthCounters health = HealthCounters.allocate(session.aeron(), "connector", instanceId, HEALTH)) {
            SequencedPublication marketData = new SequencedPublication(
                            session.publication(transport.channels().marketData(), Streams.MARKET_DATA),
                            transport.idle().newStrategy(),
                            MarketDataWriter.MAX_LENGTH + 1024)
                    .abandonWhen(shutdown::raised);
            MarketDataReplay replay = new MarketDataReplay(
                    ReplaySpeed.MAX,
                    false,
                    instanceId,
                    marketData,
                    new ExchangeSimulator[1],
                    MarketDataReplay.FeedDrops.NONE,
                    health,
                    log);
            SequencedPublication executions = new SequencedPublication(
                            session.publication(transport.channels().executions(), Streams.executions(0)),
                            transport.idle().newStrategy(),
                            4096)
                    .abandonWhen(
                            () -> shutdown.raised() || (strategy.everHeard() && !strategy.alive(System.nanoTime())));
            orders = new BinanceVenueAgent(
                    grid,
                    instanceId,
                    executions,
                    session.subscription(transport.channels().orders(), Streams.orders(0)),
                    strategy,
                    log);
            BinanceOrderGateway gateway = new BinanceOrderGateway(
                    venue.endpoints(),
                    http,
                    venue.rest(http),
                    venue.symbol(),
                    grid,
                    new OrderLimits(
                            Math.max(1, Math.round(config.maxPositionQty() / config.lotSize())),
                            config.maxOrdersPerSecond()),
                    instanceId,
                    Duration.ofMinutes(30).toNanos(),
                    orders,
                    log::info);
            ResyncRequests resync = new ResyncRequests(
                    session.subscription(transport.channels().control(), Streams.CONTROL), replay, engine, log);
            BinanceVenueAgent venueAgent = orders;
            HeartbeatAgent heartbeat = new HeartbeatAgent(
                    new Heartbeats(Role.CONNECTOR, instanceId, transport.heartbeatNanos(), marketData, executions),
                    new HeartbeatAgent.Status() {
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
                            return gateway.workingOrders();
                        }

                        @Override
                        public int workingOrders() {
                            return gateway.workingOrders();
                        }

                        @Override
                        public double position() {
                            return gateway.positionLots() * config.lotSize();
                        }
                    });
            CompositeAgent serving = new CompositeAgent(List.of(venueAgent, resync, heartbeat));
            marketData.duty(() -> doWork(serving));
            executions.duty(heartbeat::doWork);
            agents = new DutyCycle(
                    new CompositeAgent(List.of(replay, venueAgent, resync, heartbeat)),
                    transport.idle().newStrategy());

            // reconcile before the strategy's first command is read
            gateway.start();
            orders.attach(gateway);
            long deadline = System.nanoTime() + config.awaitNanos();
            while (!marketData.isConnected() || (config.awaitStrategy() && !executions.isConnected())) {
                if (shutdown.raised()) {
                    return 0;
                }
                if (System.nanoTime() > deadline) {
                    log.error("no engine" + (config.awaitStrategy() ? " and strategy" : "")
                            + " subscribed within the wait");
                    return 1;
                }
                agents.cycle();
            }
            marketSource = new BinanceMarketData(
                    venue.endpoints(),
                    venue.symbol(),
                    http,
                    venue.rest(http),
                    BinanceMarketData.Settings.DEFAULTS,
                    config.record(),
                    log::info);
            replay.start(List.<EventSource>of(marketSource));
            log.info("engine" + (config.awaitStrategy() ? " and strategy" : "") + " connected; streaming "
                    + venue.symbol() + " from " + venue.endpoints().name()
                    + (config.record() == null ? "" : ", recording to " + config.record()));
            while (!shutdown.raised() && !replay.ended() && !(config.awaitStrategy() && orders.strategyDone())) {
                agents.cycle();
            }
            log.info(
                    shutdown.raised()
                            ? "stopping on signal"
                            : "stopping: " + (replay.ended() ? "market data ended" : "strategy done"));
            marketSource.stop();
            replay.stop();
            orders.close(); // cancel every order at the venue
            long lingerUntil = System.nanoTime() + CLOSE_LINGER_NANOS;
            while (System.nanoTime() < lingerUntil) {
                agents.cycle();
                LockSupport.parkNanos(1_000_000L);
            }
            log.info("market data: " + marketSource.messages() + " messages, " + marketSource.connections()
                    + " connections, " + marketSource.snapshots() + " snapshots, " + marketSource.gapCount() + " gaps");
            return 0;
        } finally {
            if (marketSource != null) {
                marketSource.close();
            }
            if (agents != null) {
                agents.close();
            }
            shutdown.finished();
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
}
