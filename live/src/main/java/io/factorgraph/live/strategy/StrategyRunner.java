package io.factorgraph.live.strategy;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.report.BacktestRecorder;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.Recording;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import io.factorgraph.live.launch.TestHooks;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.CancelAllReason;
import io.factorgraph.live.sbe.ClockAdvanceEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.Role;
import io.factorgraph.live.sbe.StrategyDoneEncoder;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.DutyCycle;
import io.factorgraph.live.transport.HeartbeatAgent;
import io.factorgraph.live.transport.Heartbeats;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.Streams;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.spi.SinkFunction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The strategy process: runs the graph's sink ({@code stateless_mm}, bound with {@link SinkFunction#bind} exactly as
 * the backtest binds it) on the factor updates of a {@link LiveFactorProvider}, working its orders through a {@link
 * LiveOrderGateway}. The run loop has the backtest's shape (next update, decide, send); while it waits for an update,
 * the process's agents run ({@link DutyCycle}): {@link ExecutionReceiver}, {@link HeartbeatAgent} and {@link
 * FailSafeWatch}. Health counters: {@link HealthCounter}.
 *
 * <h2>Fail-safes</h2>
 * The sink runs only on an update that is fresh, warm and consistent; otherwise every order is cancelled and nothing is
 * quoted ({@link Quoting}):
 * <ul>
 *   <li>no factor update for {@code --stale-after} of wall time, or no heartbeat from the engine or the connector for
 *       the peer timeout ({@link FailSafeWatch});
 *   <li>factor updates lost (a sequence gap): the update after the gap is not traded on, the next one is;
 *   <li>the engine is not warm (it started, restarted or re-synced and its windows are not full yet);
 *   <li>execution reports lost: position and orders are no longer known, so the strategy stops trading for good
 *       ({@link ExecutionReceiver});
 *   <li>SIGTERM: cancel everything, wait (up to 2 s) for the venue's acknowledgement, then exit.
 * </ul>
 */
public final class StrategyRunner {
    private static final long ACK_WAIT_NANOS = 2_000_000_000L;
    private static final HealthCounter[] HEALTH = {
        HealthCounter.FACTOR_UPDATES_RECEIVED,
        HealthCounter.FACTOR_GAPS,
        HealthCounter.UPDATES_TRADED,
        HealthCounter.HALTS,
        HealthCounter.STALE_HALTS,
        HealthCounter.GAP_HALTS,
        HealthCounter.NOT_WARM_HALTS,
        HealthCounter.PEER_HALTS,
        HealthCounter.CANCEL_ALLS_SENT,
        HealthCounter.EXECUTION_GAPS,
        HealthCounter.ENGINE_RESTARTS,
        HealthCounter.REPORTS_RECEIVED,
        HealthCounter.QUOTING,
        HealthCounter.HOP_LATENCY_MAX_NS,
        HealthCounter.REPORT_HOP_LATENCY_MAX_NS
    };

    private final StrategyConfig config;
    private final ProcessLog log;
    private final ShutdownSignal shutdown;
    private final PrintStream out;
    private final long instanceId = Instances.newInstanceId();
    private final LatencyProbe factorHop = new LatencyProbe("engine -> strategy (factors)");
    private BacktestRecorder recorder;
    private final ClockAdvanceEncoder clockAdvance = new ClockAdvanceEncoder();
    private final StrategyDoneEncoder done = new StrategyDoneEncoder();

    private SequencedPublication orders;
    private LiveOrderGateway gateway;
    private LiveFactorProvider provider;
    private Quoting quoting;
    private ExecutionReceiver executions;
    private PeerWatch connector;
    /** Every agent: runs while the loop waits for an update. */
    private DutyCycle agents;
    /** Lock-step: waits for the venue's clock, serving only reports and heartbeats (as the venue serves us). */
    private DutyCycle lockstepWait;
    /** The close: waits for the venue's ack or close, reading only reports. */
    private DutyCycle closeWait;

    private AtomicCounter updates;
    private AtomicCounter traded;
    private AtomicCounter gapHalts;
    private AtomicCounter notWarmHalts;
    private AtomicCounter peerHalts;
    private AtomicCounter staleHalts;
    private AtomicCounter factorGaps;
    private AtomicCounter engineRestarts;
    private boolean connectorAwaited;
    private long lastRecordTs = Long.MIN_VALUE;

    public StrategyRunner(StrategyConfig config, ProcessLog log, ShutdownSignal shutdown, PrintStream out) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
        this.out = out;
    }

    public int run() throws IOException, MarketDataException {
        CompiledGraph graph = config.graph().compile();
        SinkBinding binding = graph.sink()
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                config.graph().file()
                                        + ": the graph has no sink, so there is no strategy to run: add e.g. `sink stateless_mm(...)`"));
        StrategySink sink = binding.bind();
        double tickSize = binding.terms().tickSize();
        double maxPosition = binding.terms().maxPosition();
        PriceGrid grid = new PriceGrid(tickSize, config.lotSize());
        recorder = new BacktestRecorder(grid, 1 << 14, 1 << 10);
        TransportConfig transport = config.transport();
        BufferedWriter ordersLog = null;
        if (config.ordersLog() != null) {
            ordersLog = Files.newBufferedWriter(config.ordersLog(), StandardCharsets.UTF_8);
            ordersLog.write(OrderRecording.HEADER + "\n");
        }
        try (AeronSession session = transport.connect();
                HealthCounters health = HealthCounters.allocate(session.aeron(), "strategy", instanceId, HEALTH)) {
            counters(health);
            orders = new SequencedPublication(
                            session.publication(transport.channels().orders(), Streams.ORDERS),
                            transport.idle().newStrategy(),
                            4096)
                    .dropWhen(TestHooks.dropSequences(config.testDropOrders()));
            PeerWatch engine = new PeerWatch("engine", transport.peerTimeoutNanos());
            connector = new PeerWatch("connector", transport.peerTimeoutNanos());
            gateway = new LiveOrderGateway(orders, instanceId, grid).listener(new OrderRecording(ordersLog, recorder));
            quoting = new Quoting(gateway, health, log);
            executions = new ExecutionReceiver(
                    session.subscription(transport.channels().executions(), Streams.EXECUTIONS),
                    gateway,
                    quoting,
                    orders,
                    connector,
                    health,
                    log);
            orders.duty(executions::doWork);
            provider = new LiveFactorProvider(
                    session.subscription(transport.channels().factors(), Streams.FACTORS),
                    graph.outputs().stream().map(OutputHandle::name).toList(),
                    binding.argumentSlots().size(),
                    GraphSpec.fingerprint(graph),
                    transport.idle().newStrategy(),
                    this::duty,
                    shutdown::raised,
                    engine,
                    factorHop.maxTo(health.get(HealthCounter.HOP_LATENCY_MAX_NS)));
            HeartbeatAgent heartbeat = new HeartbeatAgent(
                    new Heartbeats(Role.STRATEGY, instanceId, transport.heartbeatNanos(), orders), new Status());
            agents = new DutyCycle(
                    new CompositeAgent(
                            executions,
                            heartbeat,
                            new FailSafeWatch(
                                    quoting, orders, provider, engine, connector, config.staleAfterNanos(), health)),
                    transport.idle().newStrategy());
            lockstepWait = new DutyCycle(
                    new CompositeAgent(executions, heartbeat), transport.idle().newStrategy());
            closeWait = new DutyCycle(executions, transport.idle().newStrategy());
            log.info("sink " + binding.function().signature().name() + " on "
                    + config.graph().file() + ", tick " + tickSize
                    + ", lot " + config.lotSize() + ", stale after " + config.staleAfterNanos() / 1_000_000 + " ms"
                    + (config.lockstep() ? ", lock-step" : "") + "; instance " + Long.toHexString(instanceId));
            runLoop(sink, new ProviderInputs(provider));
            finish();
            writeSummary(maxPosition);
            return 0;
        } finally {
            for (DutyCycle cycle : new DutyCycle[] {agents, lockstepWait, closeWait}) {
                if (cycle != null) {
                    cycle.close();
                }
            }
            if (ordersLog != null) {
                ordersLog.close();
            }
            shutdown.finished();
        }
    }

    private void counters(HealthCounters health) {
        updates = health.get(HealthCounter.FACTOR_UPDATES_RECEIVED);
        traded = health.get(HealthCounter.UPDATES_TRADED);
        gapHalts = health.get(HealthCounter.GAP_HALTS);
        notWarmHalts = health.get(HealthCounter.NOT_WARM_HALTS);
        peerHalts = health.get(HealthCounter.PEER_HALTS);
        staleHalts = health.get(HealthCounter.STALE_HALTS);
        factorGaps = health.get(HealthCounter.FACTOR_GAPS);
        engineRestarts = health.get(HealthCounter.ENGINE_RESTARTS);
    }

    /** The strategy-running loop, the same shape as a backtest's: next update, decide, send. */
    private void runLoop(StrategySink sink, SinkInputs inputs) throws MarketDataException {
        while (provider.next()) {
            FactorUpdate update = provider.current();
            long t = update.timestampNanos();
            updates.incrementRelease();
            if (provider.newEngineInstance() && updates.get() > 1) {
                engineRestarts.incrementRelease();
                log.info("a new engine instance is publishing; quoting waits for it to be warm");
            }
            if (provider.gapBeforeCurrent()) {
                factorGaps.setRelease(provider.tracker().gaps());
                log.info("factor updates " + provider.tracker().lastGapFrom() + ".."
                        + provider.tracker().lastGapTo() + " lost");
                countIf(quoting.halt(CancelAllReason.FACTOR_GAP, "factor updates lost"), gapHalts);
                record(t, update);
                continue;
            }
            if (!provider.warm()) {
                countIf(quoting.halt(CancelAllReason.NOT_WARM, "engine not warm"), notWarmHalts);
                record(t, update);
                continue;
            }
            if (executions.reportsLost()) {
                record(t, update);
                continue;
            }
            long now = System.nanoTime();
            if (!connector.everHeard() && !connectorAwaited) {
                now = awaitConnector(now);
            }
            if (!connector.alive(now)) {
                countIf(quoting.halt(CancelAllReason.PEER_DOWN, "no heartbeat from the connector"), peerHalts);
                record(t, update);
                continue;
            }
            if (config.lockstep() && !advanceVenueClock(t)) {
                break;
            }
            quoting.resume(t);
            gateway.beginTick(t);
            sink.onTick(t, inputs, gateway);
            traded.incrementRelease();
            record(t, update);
        }
    }

    private static void countIf(boolean happened, AtomicCounter counter) {
        if (happened) {
            counter.incrementRelease();
        }
    }

    /**
     * The first update can be read before the connector's first heartbeat although the connector sent it first: the
     * Aeron client adds the execution stream's image on its conductor thread, which may not have run yet. So the
     * first decision waits for the connector, once and up to the peer timeout, rather than take it for dead and let
     * the tick go by (in lock-step that would shift every order by a tick).
     */
    private long awaitConnector(long now) throws MarketDataException {
        connectorAwaited = true;
        long deadline = now + connector.timeoutNanos();
        while (!connector.everHeard() && !shutdown.raised() && now - deadline < 0) {
            agents.cycle();
            now = System.nanoTime();
        }
        return now;
    }

    private void record(long t, FactorUpdate update) {
        if (t < lastRecordTs) {
            return;
        }
        lastRecordTs = t;
        recorder.record(
                t,
                update.mid(),
                update.bestBid(),
                update.bestAsk(),
                gateway.quotedBid(),
                gateway.quotedAsk(),
                gateway.account().position(),
                gateway.account().cash(),
                gateway.account().fees());
    }

    /** Runs while the provider waits for an update, and on back-pressure: every agent once. */
    private void duty() {
        try {
            agents.invoke();
        } catch (MarketDataException e) {
            throw new IllegalStateException(e.getMessage(), e); // the strategy's agents read no market data
        }
    }

    /** Lock-step: the venue's clock to the tick, and every report due by then applied, before deciding. */
    private boolean advanceVenueClock(long t) throws MarketDataException {
        clockAdvance
                .wrapAndApplyHeader(orders.buffer(), 0, orders.header())
                .sequence(orders.nextSequence())
                .instanceId(instanceId)
                .timeNs(t);
        orders.send(MessageHeaderEncoder.ENCODED_LENGTH + clockAdvance.encodedLength());
        while (executions.clockAdvancedTo() < t) {
            if (shutdown.raised() || !connector.alive(System.nanoTime())) {
                return false;
            }
            lockstepWait.cycle();
        }
        return true;
    }

    private void finish() throws MarketDataException {
        if (shutdown.raised()) {
            long request = quoting.cancelAllAndStop(CancelAllReason.SHUTDOWN);
            boolean acked = awaitVenue(() -> executions.lastAcked() >= request);
            log.info("shutdown: cancel-all " + (acked ? "acknowledged by the venue" : "NOT acknowledged within 2 s")
                    + "; " + gateway.orders().size() + " orders still listed");
            sendDone();
            return;
        }
        if (provider.ended()) {
            log.info("end of the factor stream after " + updates.get() + " updates; telling the venue we are done");
        } else {
            log.info("stopped");
        }
        sendDone();
        quoting.stop();
        if (!awaitVenue(executions::venueClosed)) {
            log.error("the venue did not confirm its close within 2 s");
        }
    }

    private void sendDone() {
        done.wrapAndApplyHeader(orders.buffer(), 0, orders.header())
                .sequence(orders.nextSequence())
                .instanceId(instanceId);
        orders.send(MessageHeaderEncoder.ENCODED_LENGTH + done.encodedLength());
    }

    private boolean awaitVenue(BooleanSupplier condition) throws MarketDataException {
        long deadline = System.nanoTime() + ACK_WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            closeWait.cycle();
        }
        return true;
    }

    private void writeSummary(double maxPosition) throws IOException {
        Recording recording = recorder.finish(RunMetadata.builder()
                .graphFile(config.graph().file().toString())
                .build());
        PerformanceSummary summary =
                PerformanceSummary.of(recording, PerformanceSummary.capitalBase(maxPosition, recording));
        String text = StrategySummary.render(summary, this);
        out.print(text);
        out.flush();
        if (config.summaryFile() != null) {
            Files.writeString(config.summaryFile(), text, StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------------------------------------- for the summary

    long updates() {
        return updates.get();
    }

    long tradedUpdates() {
        return traded.get();
    }

    LiveOrderGateway gateway() {
        return gateway;
    }

    long cancelAlls() {
        return quoting.cancelAlls();
    }

    String haltCounts() {
        return "stale " + staleHalts.get() + ", factor gap " + gapHalts.get() + ", not warm " + notWarmHalts.get()
                + ", peer down " + peerHalts.get();
    }

    long factorGaps() {
        return provider.tracker().gaps();
    }

    long engineRestarts() {
        return engineRestarts.get();
    }

    LatencyProbe factorHop() {
        return factorHop;
    }

    LatencyProbe reportHop() {
        return executions.hop();
    }

    static String seconds(Duration d) {
        return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    /** What the strategy's heartbeat says: how far it has got, whether it quotes, its working orders and position. */
    private final class Status implements HeartbeatAgent.Status {
        @Override
        public long replayTimeNs() {
            return lastRecordTs;
        }

        @Override
        public boolean ready() {
            return quoting.isQuoting();
        }

        @Override
        public int restingOrders() {
            return -1;
        }

        @Override
        public int workingOrders() {
            return gateway.orders().size();
        }

        @Override
        public double position() {
            return gateway.account().position();
        }
    }
}
