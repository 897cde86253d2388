package io.factorgraph.bench.ipc;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderStatus;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.exchange.RejectReason;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.bench.ObiMmGraphs;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.codec.ExecutionReportWriter;
import io.factorgraph.live.codec.FactorUpdateWriter;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.codec.NewOrderWriter;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One real message of each live hop, taken from the recorded feed, for {@link HopLink}:
 * <ul>
 *   <li>market data: the events of one recorded Binance depth diff message, as the connector batches them (it flushes
 *       a batch at each end of message); the first of the median size among the first 2,000 of the file;</li>
 *   <li>factor update: what the engine publishes for {@code examples/obi_mm.fg} (3 outputs, 3 sink arguments) after
 *       2 minutes of replay, its graph warm, computed by {@code fg run}'s {@link ReplayFactorProvider};</li>
 *   <li>order: a post-only bid one tick inside that update's best bid, the sink's order size;</li>
 *   <li>execution report: that order's fill, on the venue's grid (tick 0.1, lot 0.001).</li>
 * </ul>
 * Also the encoded length of each, for the raw pings of the same sizes.
 */
public final class HopMessages {
    /** The venue grid of the recorded BTCUSDT feed, as the connector and the strategy are given it. */
    public static final PriceGrid GRID = new PriceGrid(0.1, 0.001);

    public static final byte[] SYMBOL = "btcusdt".getBytes(StandardCharsets.UTF_8);

    private static final int TICKS = 1_200;

    private final MarketEvent[] batch;
    private final List<String> outputNames;
    private final FactorUpdate update;
    private final double[] sinkArguments;
    private final long graphHash;
    private final long ticks;
    private final long orderId = 17;
    private final double orderPrice;
    private final double orderQty = 0.002;
    private final ExecutionReport fill = new ExecutionReport(GRID);
    private final int batchLength;
    private final int factorLength;
    private final int orderLength;
    private final int reportLength;

    private HopMessages(List<Path> files) throws MarketDataException {
        batch = medianMessage(files);
        CompiledGraph graph = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM);
        graphHash = GraphSpec.fingerprint(graph);
        SinkBinding sink = graph.sink().orElseThrow();
        GraphInstance instance = graph.newInstance();
        outputNames = graph.outputs().stream().map(OutputHandle::name).toList();
        update = new FactorUpdate(outputNames);
        long n = 0;
        try (ReplayFactorProvider provider = new ReplayFactorProvider(
                EventSources.open(files, GapPolicy.RESYNC),
                instance,
                graph.clockNanos().orElseThrow(),
                CrossedBookPolicy.FAIL)) {
            while (n < TICKS && provider.next()) {
                n++;
            }
            FactorUpdate last = provider.current();
            update.set(last.timestampNanos(), last.bestBid(), last.bestAsk());
            for (int i = 0; i < last.size(); i++) {
                update.setValue(i, last.value(i));
            }
        }
        ticks = n;
        sinkArguments =
                sink.argumentSlots().stream().mapToDouble(instance::slot).toArray();
        orderPrice = update.bestBid() - GRID.tickSize();
        long lots = GRID.lots(orderQty);
        long priceTicks = GRID.ticks(orderPrice);
        long time = update.timestampNanos();
        fill.set(
                ReportType.FILL,
                orderId,
                Side.BUY,
                TimeInForce.GTX,
                priceTicks,
                lots,
                0,
                lots,
                lots,
                priceTicks,
                0.0002 * orderPrice * orderQty,
                true,
                OrderStatus.FILLED,
                RejectReason.NONE,
                time + 3_000_000,
                time + 5_000_000);

        UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(MarketDataWriter.MAX_LENGTH));
        MessageHeaderEncoder header = new MessageHeaderEncoder();
        MarketDataWriter writer = new MarketDataWriter();
        for (MarketEvent e : batch) {
            writer.add(e);
        }
        batchLength = writer.encode(scratch, header, 1, 1, false);
        factorLength = new FactorUpdateWriter()
                .encode(
                        scratch,
                        header,
                        1,
                        1,
                        update,
                        graphHash,
                        true,
                        ticks,
                        1,
                        sinkArguments,
                        sinkArguments.length,
                        SYMBOL);
        orderLength =
                new NewOrderWriter().encode(scratch, header, 1, 1, orderId, time, true, orderPrice, orderQty, true);
        reportLength = new ExecutionReportWriter().encode(scratch, header, 1, 1, orderId, fill, GRID);
    }

    /** Reads the messages from the recorded feed(s) named as the benchmarks name them (see {@link BenchData}). */
    public static HopMessages load(String files) {
        try {
            return new HopMessages(RecordedData.commaSeparated(files));
        } catch (MarketDataException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Among the first 2,000 recorded depth diff messages (the book-changing ones; trades and best bid/offer updates are
     * messages of one or two events), the first of the median event count.
     */
    private static MarketEvent[] medianMessage(List<Path> files) throws MarketDataException {
        List<MarketEvent[]> messages = new ArrayList<>();
        List<MarketEvent> current = new ArrayList<>();
        try (EventSource source = EventSources.open(files, GapPolicy.RESYNC)) {
            MarketEvent e = source.event();
            while (messages.size() < 2_000 && source.next()) {
                MarketEvent copy = new MarketEvent();
                copy.copyFrom(e);
                current.add(copy);
                if (e.endOfMessage()) {
                    if (current.get(0).kind() == EventFlags.DEPTH_EVENT) {
                        messages.add(current.toArray(MarketEvent[]::new));
                    }
                    current.clear();
                }
            }
        }
        int[] sizes = messages.stream().mapToInt(m -> m.length).sorted().toArray();
        int median = Math.min(sizes[sizes.length / 2], MarketDataWriter.MAX_EVENTS);
        return messages.stream().filter(m -> m.length == median).findFirst().orElseThrow();
    }

    /** The events of one recorded message; do not modify. */
    public MarketEvent[] batch() {
        return batch;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** The engine's update after {@link #ticks()} ticks; do not modify. */
    public FactorUpdate update() {
        return update;
    }

    public double[] sinkArguments() {
        return Arrays.copyOf(sinkArguments, sinkArguments.length);
    }

    public long graphHash() {
        return graphHash;
    }

    public long ticks() {
        return ticks;
    }

    public long orderId() {
        return orderId;
    }

    public double orderPrice() {
        return orderPrice;
    }

    public double orderQty() {
        return orderQty;
    }

    /** The order's fill; do not modify. */
    public ExecutionReport fill() {
        return fill;
    }

    /** The bytes a hop's message takes on the wire (a raw ping's: those of the messages it stands for). */
    public int length(Hop hop) {
        return switch (hop) {
            case PING -> Math.max(factorLength, Math.max(orderLength, reportLength));
            case PING_BATCH, MARKET_DATA -> batchLength;
            case FACTORS -> factorLength;
            case ORDER -> orderLength;
            case REPORT -> reportLength;
        };
    }
}
