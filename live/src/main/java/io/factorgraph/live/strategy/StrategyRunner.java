package io.factorgraph.live.strategy;

import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.Recording;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.report.SummaryText;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
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
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.spi.SinkFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.Agent;
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
    private final ClockAdvanceEncoder clockAdvance = new ClockAdvanceEncoder();
    private final StrategyDoneEncoder done = new StrategyDoneEncoder();

    /** One per sink of the graph, in source order. */
    private final List<SinkSession> sessions = new ArrayList<>();

    private LiveFactorProvider provider;
    /** Every agent: runs while the loop waits for an update. */
    private DutyCycle agents;
    /** Lock-step: waits for the venue's clock, serving only reports and heartbeats (as the venue serves us). */
    private DutyCycle lockstepWait;
    /** The close: waits for the venues' acks or closes, reading only reports. */
    private DutyCycle closeWait;

    private AtomicCounter updates;
    private AtomicCounter traded;
    private AtomicCounter gapHalts;
    private AtomicCounter notWarmHalts;
    private AtomicCounter peerHalts;
    private AtomicCounter staleHalts;
    private AtomicCounter factorGaps;
    private AtomicCounter engineRestarts;
    private long lastRecordTs = Long.MIN_VALUE;

    public StrategyRunner(StrategyConfig config, ProcessLog log, ShutdownSignal shutdown, PrintStream out) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
        this.out = out;
    }

    public int run() throws IOException, MarketDataException {
        CompiledGraph graph = config.graph().compile();
        if (graph.sinks().isEmpty()) {
            throw new IllegalArgumentException(config.graph().file()
                    + ": the graph has no sink, so there is no strategy to run: add e.g. `sink stateless_mm(...)`");
        }
        TransportConfig transport = config.transport();
        try (AeronSession session = transport.connect();
                HealthCounters health = HealthCounters.allocate(session.aeron(), "strategy", instanceId, HEALTH)) {
            counters(health);
            PeerWatch engine = new PeerWatch("engine", transport.peerTimeoutNanos());
            provider = new LiveFactorProvider(
                    session.subscription(transport.channels().factors(), Streams.FACTORS),
                    graph.outputs().stream().map(OutputHandle::name).toList(),
                    List.copyOf(graph.books().keySet()),
                    GraphSpec.sinkArgumentSlots(graph).length,
                    GraphSpec.fingerprint(graph),
                    transport.idle().newStrategy(),
                    this::duty,
                    shutdown::raised,
                    engine,
                    factorHop.maxTo(health.get(HealthCounter.HOP_LATENCY_MAX_NS)));
            int sinks = graph.sinks().size();
            for (int i = 0; i < sinks; i++) {
                String book = List.copyOf(graph.books().keySet())
                        .get(GraphSpec.tradedBook(graph.sinks().get(i)));
                sessions.add(new SinkSession(
                        graph, i, config, session, instanceId, provider, config.ordersLog(book, sinks), health, log));
            }
            SequencedPublication[] orderStreams = new SequencedPublication[sessions.size()];
            List<Agent> all = new ArrayList<>();
            List<Agent> lockstepAgents = new ArrayList<>();
            List<Agent> receivers = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                SinkSession s = sessions.get(i);
                orderStreams[i] = s.orders;
                receivers.add(s.executions);
            }
            HeartbeatAgent heartbeat = new HeartbeatAgent(
                    new Heartbeats(Role.STRATEGY, instanceId, transport.heartbeatNanos(), orderStreams), new Status());
            all.addAll(receivers);
            all.add(heartbeat);
            for (SinkSession s : sessions) {
                all.add(new FailSafeWatch(
                        s.quoting, s.orders, provider, engine, s.connector, config.staleAfterNanos(), health));
            }
            lockstepAgents.addAll(receivers);
            lockstepAgents.add(heartbeat);
            agents = new DutyCycle(new CompositeAgent(all), transport.idle().newStrategy());
            lockstepWait = new DutyCycle(
                    new CompositeAgent(lockstepAgents), transport.idle().newStrategy());
            closeWait = new DutyCycle(
                    new CompositeAgent(receivers), transport.idle().newStrategy());
            for (SinkSession s : sessions) {
                log.info("sink " + s.binding.function().signature().name() + " on "
                        + config.graph().file()
                        + (sinks > 1
                                ? " trading " + s.book + " (venue streams " + Streams.orders(s.bookIndex) + "/"
                                        + Streams.executions(s.bookIndex) + ")"
                                : "")
                        + ", tick " + s.grid.tickSize() + ", lot " + s.grid.lotSize() + ", stale after "
                        + config.staleAfterNanos() / 1_000_000 + " ms" + (config.lockstep() ? ", lock-step" : "")
                        + "; instance " + Long.toHexString(instanceId));
            }
            runLoop();
            finish();
            writeSummary();
            return 0;
        } finally {
            for (DutyCycle cycle : new DutyCycle[] {agents, lockstepWait, closeWait}) {
                if (cycle != null) {
                    cycle.close();
                }
            }
            for (SinkSession s : sessions) {
                s.close();
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

    /**
     * The strategy-running loop, the same shape as a backtest's: next update, then for each sink decide and send. What
     * concerns the update (a gap before it, the engine not warm) halts every sink; what concerns a venue (its reports
     * lost, its connector silent) halts that sink alone.
     */
    private void runLoop() throws MarketDataException {
        final List<SinkSession> sessions = this.sessions;
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
            }
            boolean tradedOn = false;
            for (int i = 0; i < sessions.size(); i++) {
                SinkSession s = sessions.get(i);
                if (provider.gapBeforeCurrent()) {
                    countIf(s.quoting.halt(CancelAllReason.FACTOR_GAP, "factor updates lost"), gapHalts);
                } else if (!provider.warm()) {
                    countIf(s.quoting.halt(CancelAllReason.NOT_WARM, "engine not warm"), notWarmHalts);
                } else if (!s.executions.reportsLost()) {
                    int decided = decide(s, t);
                    if (decided < 0) {
                        return;
                    }
                    tradedOn |= decided > 0;
                }
                s.record(t, update);
            }
            if (tradedOn) {
                traded.incrementRelease();
            }
            lastRecordTs = Math.max(lastRecordTs, t);
        }
    }

    /** One sink's decision at tick {@code t}: 1 when it ran, 0 when halted, -1 when the run must stop. */
    private int decide(SinkSession s, long t) throws MarketDataException {
        long now = System.nanoTime();
        if (!s.connector.everHeard() && !s.connectorAwaited) {
            now = awaitConnector(s, now);
        }
        if (!s.connector.alive(now)) {
            countIf(s.quoting.halt(CancelAllReason.PEER_DOWN, "no heartbeat from the connector"), peerHalts);
            return 0;
        }
        if (config.lockstep() && !advanceVenueClock(s, t)) {
            return -1;
        }
        s.quoting.resume(t);
        s.gateway.beginTick(t);
        s.sink.onTick(t, s.inputs, s.gateway);
        return 1;
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
    private long awaitConnector(SinkSession s, long now) throws MarketDataException {
        s.connectorAwaited = true;
        long deadline = now + s.connector.timeoutNanos();
        while (!s.connector.everHeard() && !shutdown.raised() && now - deadline < 0) {
            agents.cycle();
            now = System.nanoTime();
        }
        return now;
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
    private boolean advanceVenueClock(SinkSession s, long t) throws MarketDataException {
        clockAdvance
                .wrapAndApplyHeader(s.orders.buffer(), 0, s.orders.header())
                .sequence(s.orders.nextSequence())
                .instanceId(instanceId)
                .timeNs(t);
        s.orders.send(MessageHeaderEncoder.ENCODED_LENGTH + clockAdvance.encodedLength());
        while (s.executions.clockAdvancedTo() < t) {
            if (shutdown.raised() || !s.connector.alive(System.nanoTime())) {
                return false;
            }
            lockstepWait.cycle();
        }
        return true;
    }

    private void finish() throws MarketDataException {
        if (shutdown.raised()) {
            long[] requests = new long[sessions.size()];
            for (int i = 0; i < sessions.size(); i++) {
                requests[i] = sessions.get(i).quoting.cancelAllAndStop(CancelAllReason.SHUTDOWN);
            }
            boolean acked = awaitVenue(() -> {
                for (int i = 0; i < sessions.size(); i++) {
                    if (sessions.get(i).executions.lastAcked() < requests[i]) {
                        return false;
                    }
                }
                return true;
            });
            int listed = 0;
            for (SinkSession s : sessions) {
                listed += s.gateway.orders().size();
            }
            log.info("shutdown: cancel-all " + (acked ? "acknowledged by the venue" : "NOT acknowledged within 2 s")
                    + (sessions.size() > 1 ? " (every venue)" : "") + "; " + listed + " orders still listed");
            sendDone();
            return;
        }
        if (provider.ended()) {
            log.info("end of the factor stream after " + updates.get() + " updates; telling the venue"
                    + (sessions.size() > 1 ? "s" : "") + " we are done");
        } else {
            log.info("stopped");
        }
        sendDone();
        for (SinkSession s : sessions) {
            s.quoting.stop();
        }
        if (!awaitVenue(() -> {
            for (SinkSession s : sessions) {
                if (!s.executions.venueClosed()) {
                    return false;
                }
            }
            return true;
        })) {
            log.error("the venue did not confirm its close within 2 s");
        }
    }

    private void sendDone() {
        for (SinkSession s : sessions) {
            done.wrapAndApplyHeader(s.orders.buffer(), 0, s.orders.header())
                    .sequence(s.orders.nextSequence())
                    .instanceId(instanceId);
            s.orders.send(MessageHeaderEncoder.ENCODED_LENGTH + done.encodedLength());
        }
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

    /**
     * With one sink, the summary {@code fg live} has always printed; with several, one block per instrument (its own
     * records and fills, as the backtest reports each) and a total row.
     */
    private void writeSummary() throws IOException {
        StringBuilder text = new StringBuilder();
        double pnl = 0;
        double pnlBeforeFees = 0;
        double fees = 0;
        long fills = 0;
        long filledOrders = 0;
        for (SinkSession s : sessions) {
            Recording recording = s.recorder.finish(RunMetadata.builder()
                    .graphFile(config.graph().file().toString())
                    .build());
            PerformanceSummary summary =
                    PerformanceSummary.of(recording, PerformanceSummary.capitalBase(s.maxPosition, recording));
            if (sessions.size() > 1) {
                text.append("== ").append(s.book).append(" ==\n");
            }
            text.append(StrategySummary.render(summary, this, s));
            pnl += summary.pnl();
            pnlBeforeFees += summary.pnlBeforeFees();
            fees += summary.feesTotal();
            fills += summary.trades();
            filledOrders += summary.filledOrders();
        }
        if (sessions.size() > 1) {
            text.append("== total ==\n");
            SummaryText.row(
                    text,
                    "total",
                    String.format(
                            "pnl %.4f  (before fees %.4f), fees %.4f, %,d fills of %,d orders, %d instruments",
                            pnl, pnlBeforeFees, fees, fills, filledOrders, sessions.size()));
        }
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

    /** Cancel-alls sent, over every sink (the health counter they share). */
    long cancelAlls() {
        return sessions.get(0).quoting.cancelAlls();
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
            for (int i = 0; i < sessions.size(); i++) {
                if (sessions.get(i).quoting.isQuoting()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int restingOrders() {
            return -1;
        }

        @Override
        public int workingOrders() {
            int working = 0;
            for (int i = 0; i < sessions.size(); i++) {
                working += sessions.get(i).gateway.orders().size();
            }
            return working;
        }

        /** The first sink's position (the only one's, with one sink). */
        @Override
        public double position() {
            return sessions.isEmpty() ? 0.0 : sessions.get(0).gateway.account().position();
        }
    }
}
