package io.factorgraph.live.strategy;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.report.BacktestRecorder;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.Recording;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import io.factorgraph.live.launch.TestHooks;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.CancelAllAckDecoder;
import io.factorgraph.live.sbe.CancelAllReason;
import io.factorgraph.live.sbe.ClockAdvanceEncoder;
import io.factorgraph.live.sbe.ClockAdvancedDecoder;
import io.factorgraph.live.sbe.ExecutionReportDecoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.Role;
import io.factorgraph.live.sbe.StrategyDoneEncoder;
import io.factorgraph.live.sbe.VenueClosedDecoder;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.Heartbeats;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.Streams;
import io.factorgraph.live.transport.TransportConfig;
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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The strategy process: runs the graph's sink ({@code stateless_mm}, bound with {@link SinkFunction#bind} exactly as
 * the backtest binds it) on the factor updates of a {@link LiveFactorProvider}, working its orders through a {@link
 * LiveOrderGateway}.
 *
 * <h2>Fail-safes</h2>
 * The sink runs only on an update that is fresh, warm and consistent; otherwise every order is cancelled (each one it
 * knows, and a venue-side sweep for any still unacknowledged) and nothing is quoted:
 * <ul>
 *   <li>no factor update for {@code --stale-after} of wall time (the engine stalled or died);
 *   <li>no heartbeat from the engine or the connector for the peer timeout;
 *   <li>factor updates lost (a sequence gap): the update after the gap is not traded on, the next one is;
 *   <li>the engine is not warm (it started, restarted or re-synced and its windows are not full yet);
 *   <li>execution reports lost: position and orders are no longer known, so the strategy stops trading for good;
 *   <li>SIGTERM: cancel everything, wait (up to 2 s) for the venue's acknowledgement, then exit.
 * </ul>
 */
public final class StrategyRunner {
    private static final long ACK_WAIT_NANOS = 2_000_000_000L;

    private final StrategyConfig config;
    private final ProcessLog log;
    private final ShutdownSignal shutdown;
    private final PrintStream out;
    private final long instanceId = Instances.newInstanceId();

    private TransportConfig transport;
    private SequencedPublication orders;
    private Heartbeats heartbeats;
    private LiveOrderGateway gateway;
    private LiveFactorProvider provider;
    private PeerWatch engine;
    private PeerWatch connector;
    private Subscription executions;
    private FragmentAssembler executionAssembler;
    private IdleStrategy idle;
    private final Envelope envelope = new Envelope();
    private final SequenceTracker executionSequence = new SequenceTracker();
    private final ExecutionReportDecoder reportDecoder = new ExecutionReportDecoder();
    private final CancelAllAckDecoder ackDecoder = new CancelAllAckDecoder();
    private final ClockAdvancedDecoder clockDecoder = new ClockAdvancedDecoder();
    private final VenueClosedDecoder venueDecoder = new VenueClosedDecoder();
    private final LatencyProbe factorHop = new LatencyProbe("engine -> strategy (factors)");
    private final LatencyProbe reportHop = new LatencyProbe("connector -> strategy (reports)");
    private final BacktestRecorder recorder = new BacktestRecorder(1 << 14, 1 << 10);

    private boolean quoting;
    private boolean connectorAwaited;
    private boolean reportsLost;
    private String haltReason = "";
    private long lastAcked;
    private long clockAdvancedTo = Long.MIN_VALUE;
    private boolean venueClosed;
    private long lastRecordTs = Long.MIN_VALUE;
    private long lastFillTs = Long.MIN_VALUE;
    private long updates;
    private long traded;
    private long cancelAlls;
    private long staleHalts;
    private long gapHalts;
    private long notWarmHalts;
    private long peerHalts;
    private long engineRestarts;
    private BufferedWriter ordersLog;

    public StrategyRunner(StrategyConfig config, ProcessLog log, ShutdownSignal shutdown, PrintStream out) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
        this.out = out;
    }

    public int run() throws IOException {
        CompiledGraph graph = config.graph().compile();
        SinkBinding binding = graph.sink().orElseThrow(() -> new IllegalArgumentException(config.graph().file()
                + ": the graph has no sink, so there is no strategy to run: add e.g. `sink stateless_mm(...)`"));
        StrategySink sink = binding.bind();
        double tickSize = binding.terms().tickSize();
        double maxPosition = binding.terms().maxPosition();
        PriceGrid grid = new PriceGrid(tickSize, config.lotSize());
        transport = config.transport();
        idle = transport.idle().newStrategy();
        if (config.ordersLog() != null) {
            ordersLog = Files.newBufferedWriter(config.ordersLog(), StandardCharsets.UTF_8);
            ordersLog.write("time_ns,action,order_id,side,price,qty,post_only\n");
        }
        try (AeronSession session = transport.connect()) {
            orders = new SequencedPublication(session.publication(transport.channels().orders(), Streams.ORDERS),
                    transport.idle().newStrategy(), 4096)
                    .dropWhen(TestHooks.dropSequences(config.testDropOrders()))
                    .duty(this::pollExecutions);
            heartbeats = new Heartbeats(Role.STRATEGY, instanceId, transport.heartbeatNanos(), orders);
            engine = new PeerWatch("engine", transport.peerTimeoutNanos());
            connector = new PeerWatch("connector", transport.peerTimeoutNanos());
            executions = session.subscription(transport.channels().executions(), Streams.EXECUTIONS);
            executionAssembler = new FragmentAssembler(this::onExecutionStream);
            gateway = new LiveOrderGateway(orders, instanceId, grid).listener(new OrderRecording());
            provider = new LiveFactorProvider(session.subscription(transport.channels().factors(), Streams.FACTORS),
                    graph.outputs().stream().map(OutputHandle::name).toList(), binding.argumentSlots().size(),
                    GraphSpec.fingerprint(graph), idle, this::duty, shutdown::raised, engine, factorHop);
            log.info("sink " + binding.function().signature().name() + " on " + config.graph().file() + ", tick " + tickSize
                    + ", lot " + config.lotSize() + ", stale after " + config.staleAfterNanos() / 1_000_000 + " ms"
                    + (config.lockstep() ? ", lock-step" : "") + "; instance " + Long.toHexString(instanceId));
            SinkInputs inputs = new SinkInputs() {
                @Override
                public double argument(int index) {
                    return provider.sinkArgument(index);
                }

                @Override
                public double bestBid() {
                    return provider.current().bestBid();
                }

                @Override
                public double bestAsk() {
                    return provider.current().bestAsk();
                }
            };
            runLoop(sink, inputs);
            finish();
            writeSummary(maxPosition);
            return 0;
        } finally {
            if (ordersLog != null) {
                ordersLog.close();
            }
            shutdown.finished();
        }
    }

    /** The strategy-running loop, the same shape as a backtest's: next update, decide, send. */
    private void runLoop(StrategySink sink, SinkInputs inputs) {
        while (provider.next()) {
            FactorUpdate update = provider.current();
            long t = update.timestampNanos();
            updates++;
            if (provider.newEngineInstance() && updates > 1) {
                engineRestarts++;
                log.info("a new engine instance is publishing; quoting waits for it to be warm");
            }
            if (provider.gapBeforeCurrent()) {
                SequenceTracker tr = provider.tracker();
                log.info("factor updates " + tr.lastGapFrom() + ".." + tr.lastGapTo() + " lost");
                gapHalts += halt(CancelAllReason.FACTOR_GAP, "factor updates lost") ? 1 : 0;
                record(t, update);
                continue;
            }
            if (!provider.warm()) {
                notWarmHalts += halt(CancelAllReason.NOT_WARM, "engine not warm") ? 1 : 0;
                record(t, update);
                continue;
            }
            long now = System.nanoTime();
            if (reportsLost) {
                record(t, update);
                continue;
            }
            if (!connector.everHeard() && !connectorAwaited) {
                now = awaitConnector(now);
            }
            if (!connector.alive(now)) {
                peerHalts += halt(CancelAllReason.PEER_DOWN, "no heartbeat from the connector") ? 1 : 0;
                record(t, update);
                continue;
            }
            if (config.lockstep() && !advanceVenueClock(t)) {
                break;
            }
            if (!quoting) {
                log.info("quoting" + (haltReason.isEmpty() ? "" : " again (was halted: " + haltReason + ")")
                        + " at tick " + t);
                haltReason = "";
            }
            quoting = true;
            gateway.beginTick(t);
            sink.onTick(t, inputs, gateway);
            traded++;
            record(t, update);
        }
    }

    /**
     * The first update can be read before the connector's first heartbeat although the connector sent it first: the
     * Aeron client adds the execution stream's image on its conductor thread, which may not have run yet. So the
     * first decision waits for the connector, once and up to the peer timeout, rather than take it for dead and let
     * the tick go by (in lock-step that would shift every order by a tick).
     */
    private long awaitConnector(long now) {
        connectorAwaited = true;
        long deadline = now + transport.peerTimeoutNanos();
        while (!connector.everHeard() && !shutdown.raised() && now - deadline < 0) {
            duty();
            idle.idle();
            now = System.nanoTime();
        }
        idle.reset();
        return now;
    }

    private void record(long t, FactorUpdate update) {
        if (t < lastRecordTs) {
            return;
        }
        lastRecordTs = t;
        recorder.record(t, update.mid(), update.bestBid(), update.bestAsk(), gateway.quotedBid(), gateway.quotedAsk(),
                gateway.account().position(), gateway.account().cash(), gateway.account().fees());
    }

    /**
     * Cancels every order and stops quoting, once per halt; returns whether this call halted (false when already
     * halted with nothing working).
     */
    private boolean halt(CancelAllReason reason, String why) {
        if (!quoting && !gateway.hasUncancelledOrders()) {
            return false;
        }
        gateway.cancelAll(reason);
        cancelAlls++;
        if (quoting) {
            log.info("halted (" + why + "): cancelled every order, " + gateway.orders().size()
                    + " awaiting their cancel acks");
        }
        haltReason = why;
        quoting = false;
        return true;
    }

    /** Runs between polls: execution reports, heartbeats, and the stale and peer fail-safes. */
    private void duty() {
        pollExecutions();
        long now = System.nanoTime();
        if (heartbeats.due(now)) {
            heartbeats.send(now, lastRecordTs, quoting, -1, gateway.orders().size(), gateway.account().position());
        }
        if (!quoting || orders.busy()) {
            return;
        }
        if (now - provider.lastReceivedNanos() > config.staleAfterNanos()) {
            staleHalts++;
            halt(CancelAllReason.STALE_FACTORS, "no factor update for "
                    + (now - provider.lastReceivedNanos()) / 1_000_000 + " ms");
        } else if (!engine.alive(now)) {
            peerHalts++;
            halt(CancelAllReason.PEER_DOWN, "no heartbeat from the engine");
        } else if (!connector.alive(now)) {
            peerHalts++;
            halt(CancelAllReason.PEER_DOWN, "no heartbeat from the connector");
        }
    }

    private void pollExecutions() {
        executions.poll(executionAssembler, 16);
    }

    /** Lock-step: the venue's clock to the tick, and every report due by then applied, before deciding. */
    private boolean advanceVenueClock(long t) {
        ClockAdvanceEncoder advance = new ClockAdvanceEncoder();
        advance.wrapAndApplyHeader(orders.buffer(), 0, orders.header())
                .sequence(orders.nextSequence())
                .instanceId(instanceId)
                .timeNs(t);
        orders.send(MessageHeaderEncoder.ENCODED_LENGTH + advance.encodedLength());
        while (clockAdvancedTo < t) {
            if (shutdown.raised() || !connector.alive(System.nanoTime())) {
                return false;
            }
            pollExecutions();
            long now = System.nanoTime();
            if (heartbeats.due(now)) {
                heartbeats.send(now, lastRecordTs, quoting, -1, gateway.orders().size(), gateway.account().position());
            }
            idle.idle();
        }
        idle.reset();
        return true;
    }

    private void finish() {
        if (shutdown.raised()) {
            long request = gateway.cancelAll(CancelAllReason.SHUTDOWN);
            cancelAlls++;
            quoting = false;
            boolean acked = awaitVenue(() -> lastAcked >= request);
            log.info("shutdown: cancel-all " + (acked ? "acknowledged by the venue" : "NOT acknowledged within 2 s")
                    + "; " + gateway.orders().size() + " orders still listed");
            sendDone();
            return;
        }
        if (provider.ended()) {
            log.info("end of the factor stream after " + updates + " updates; telling the venue we are done");
        } else {
            log.info("stopped");
        }
        sendDone();
        quoting = false;
        boolean closed = awaitVenue(() -> venueClosed);
        if (!closed) {
            log.info("the venue did not confirm its close within 2 s");
        }
    }

    private void sendDone() {
        StrategyDoneEncoder done = new StrategyDoneEncoder();
        done.wrapAndApplyHeader(orders.buffer(), 0, orders.header())
                .sequence(orders.nextSequence())
                .instanceId(instanceId);
        orders.send(MessageHeaderEncoder.ENCODED_LENGTH + done.encodedLength());
    }

    private boolean awaitVenue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + ACK_WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pollExecutions();
            idle.idle();
        }
        return true;
    }

    private void onExecutionStream(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long sequence = Envelope.sequence(buffer, offset);
        long instance = Envelope.instance(buffer, offset);
        connector.heard(instance, System.nanoTime());
        SequenceTracker.Result result = executionSequence.onMessage(instance, sequence);
        if (result == SequenceTracker.Result.DUPLICATE) {
            return;
        }
        if (result == SequenceTracker.Result.GAP && !reportsLost) {
            reportsLost = true;
            log.info("execution stream gap: messages " + executionSequence.lastGapFrom() + ".."
                    + executionSequence.lastGapTo() + " lost; position and orders unknown: cancelling everything and "
                    + "trading no more");
            if (!orders.busy()) {
                halt(CancelAllReason.REPORTS_LOST, "execution reports lost");
            }
        }
        switch (template) {
            case ExecutionReportDecoder.TEMPLATE_ID -> {
                reportDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                reportHop.record(reportDecoder.sendNanos());
                gateway.onReport(reportDecoder);
            }
            case CancelAllAckDecoder.TEMPLATE_ID -> {
                ackDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                lastAcked = Math.max(lastAcked, ackDecoder.requestId());
            }
            case ClockAdvancedDecoder.TEMPLATE_ID -> {
                clockDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                clockAdvancedTo = Math.max(clockAdvancedTo, clockDecoder.timeNs());
            }
            case io.factorgraph.live.sbe.VenueClosedDecoder.TEMPLATE_ID -> {
                venueDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                venueClosed = true;
            }
            default -> {
            }
        }
    }

    private void writeSummary(double maxPosition) throws IOException {
        Recording recording = recorder.finish(RunMetadata.builder().graphFile(config.graph().file().toString())
                .build());
        PerformanceSummary summary = PerformanceSummary.of(recording, PerformanceSummary.capitalBase(maxPosition,
                recording));
        String text = StrategySummary.render(summary, this);
        out.print(text);
        out.flush();
        if (config.summaryFile() != null) {
            Files.writeString(config.summaryFile(), text, StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------------------------------------- counts

    long updates() {
        return updates;
    }

    long tradedUpdates() {
        return traded;
    }

    LiveOrderGateway gateway() {
        return gateway;
    }

    long cancelAlls() {
        return cancelAlls;
    }

    String haltCounts() {
        return "stale " + staleHalts + ", factor gap " + gapHalts + ", not warm " + notWarmHalts + ", peer down "
                + peerHalts;
    }

    long factorGaps() {
        return provider.tracker().gaps();
    }

    long engineRestarts() {
        return engineRestarts;
    }

    LatencyProbe factorHop() {
        return factorHop;
    }

    LatencyProbe reportHop() {
        return reportHop;
    }

    /** Logs orders and feeds fills to the recorder. */
    private final class OrderRecording implements LiveOrderGateway.Listener {
        @Override
        public void onSubmit(long timeNanos, long orderId, boolean bid, double price, double qty, boolean postOnly) {
            write(timeNanos + ",new," + orderId + "," + (bid ? "buy" : "sell") + "," + price + "," + qty + ","
                    + (postOnly ? 1 : 0));
        }

        @Override
        public void onCancel(long timeNanos, long orderId) {
            write(timeNanos + ",cancel," + orderId + ",,,,");
        }

        @Override
        public void onCancelAll(long timeNanos, long requestId, CancelAllReason reason) {
            write(timeNanos + ",cancel-all," + requestId + "," + reason + ",,,");
        }

        @Override
        public void onReport(ExecutionReport report) {
            if (report.type() == ReportType.FILL) {
                long ts = Math.max(report.localTime(), lastFillTs);
                lastFillTs = ts;
                recorder.fill(ts, report.side() == io.factorgraph.backtest.exchange.Side.BUY, report.execPrice(),
                        report.execQty(), report.fee(), report.maker(), report.orderId());
            }
        }

        private void write(String line) {
            if (ordersLog == null) {
                return;
            }
            try {
                ordersLog.write(line);
                ordersLog.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String seconds(Duration d) {
        return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
