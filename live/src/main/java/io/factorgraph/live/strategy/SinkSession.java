package io.factorgraph.live.strategy;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.report.BacktestRecorder;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.TestHooks;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.Streams;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.SinkBinding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One sink of the graph and everything it trades with, as the backtest gives each sink its own simulator and account
 * (docs/DESIGN.md §11): its order and execution streams to the venue of the book it trades ({@link
 * Streams#orders(int)}, {@link Streams#executions(int)}), its gateway (position and working orders), its quoting state
 * and fail-safes, its orders log and its records for the summary. The strategy process runs one per sink on the one
 * factor stream.
 */
final class SinkSession implements AutoCloseable {
    final String book;
    final int bookIndex;
    final SinkBinding binding;
    final StrategySink sink;
    final PriceGrid grid;
    final double maxPosition;
    final BacktestRecorder recorder;
    final SequencedPublication orders;
    final PeerWatch connector;
    final LiveOrderGateway gateway;
    final Quoting quoting;
    final ExecutionReceiver executions;
    final SinkInputs inputs;
    private final BufferedWriter ordersLog;
    boolean connectorAwaited;
    long lastRecordTs = Long.MIN_VALUE;

    /**
     * @param sinkIndex the sink's place among the graph's sinks
     * @param ordersLog the orders log of this sink (CSV), or null
     */
    SinkSession(
            CompiledGraph graph,
            int sinkIndex,
            StrategyConfig config,
            AeronSession session,
            long instanceId,
            LiveFactorProvider provider,
            Path ordersLog,
            HealthCounters health,
            ProcessLog log)
            throws IOException {
        TransportConfig transport = config.transport();
        this.binding = graph.sinks().get(sinkIndex);
        this.bookIndex = GraphSpec.tradedBook(binding);
        this.book = java.util.List.copyOf(graph.books().keySet()).get(bookIndex);
        this.sink = binding.bind();
        this.maxPosition = binding.terms().maxPosition();
        this.grid = new PriceGrid(binding.terms().tickSize(), config.lotSize(book));
        this.recorder = new BacktestRecorder(grid, 1 << 14, 1 << 10);
        if (ordersLog != null) {
            this.ordersLog = Files.newBufferedWriter(ordersLog, StandardCharsets.UTF_8);
            this.ordersLog.write(OrderRecording.HEADER + "\n");
        } else {
            this.ordersLog = null;
        }
        ProcessLog sessionLog = graph.sinks().size() > 1 ? log.prefixed(book + ": ") : log;
        this.orders = new SequencedPublication(
                        session.publication(transport.channels().orders(), Streams.orders(bookIndex)),
                        transport.idle().newStrategy(),
                        4096)
                .dropWhen(TestHooks.dropSequences(config.testDropOrders()));
        this.connector = new PeerWatch("connector", transport.peerTimeoutNanos());
        this.gateway =
                new LiveOrderGateway(orders, instanceId, grid).listener(new OrderRecording(this.ordersLog, recorder));
        this.quoting = new Quoting(gateway, health, sessionLog);
        this.executions = new ExecutionReceiver(
                session.subscription(transport.channels().executions(), Streams.executions(bookIndex)),
                gateway,
                quoting,
                orders,
                connector,
                health,
                sessionLog);
        orders.duty(executions::doWork);
        this.inputs = new ProviderInputs(provider, GraphSpec.sinkArgumentOffset(graph, sinkIndex), bookIndex);
    }

    /** Records the account at tick {@code t} on this sink's book. */
    void record(long t, io.factorgraph.runtime.replay.FactorUpdate update) {
        if (t < lastRecordTs) {
            return;
        }
        lastRecordTs = t;
        recorder.record(
                t,
                update.mid(bookIndex),
                update.bestBid(bookIndex),
                update.bestAsk(bookIndex),
                gateway.quotedBid(),
                gateway.quotedAsk(),
                gateway.account().position(),
                gateway.account().cash(),
                gateway.account().fees());
    }

    @Override
    public void close() throws IOException {
        if (ordersLog != null) {
            ordersLog.close();
        }
    }
}
