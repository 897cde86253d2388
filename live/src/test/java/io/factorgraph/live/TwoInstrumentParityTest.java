package io.factorgraph.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instruments, one graph (docs/DESIGN.md §11): the connector replays the recorded USD-M BTCUSDT and ETHUSDT files
 * of 2024-08-08 on one market data stream at max speed, the engine keeps both books and ticks a graph that reads
 * both, and its factor stream equals what {@code fg run} computes in process ({@link ReplayFactorProvider} over the
 * same two files, merged on the local clock): the same ticks, and every output, every sink argument of both sinks and
 * both books' best levels equal to the bit.
 */
class TwoInstrumentParityTest {
    static final Path GRAPH = Path.of("src/test/resources/btc_eth_mm.fg");
    static final Path BTC = RecordedData.file("usdm_btcusdt_20240808.gz");
    static final Path ETH = RecordedData.file("usdm_ethusdt_20240808.gz");

    @Test
    void factorStreamOfTwoBooksEqualsFgRunBitForBit() throws Exception {
        GraphSpec spec = new GraphSpec(GRAPH, List.of(), -1);
        CompiledGraph graph = spec.compile();
        assertEquals(List.of("btc", "eth"), List.copyOf(graph.books().keySet()));
        assertEquals(2, graph.sinks().size());
        List<Expected> expected = fgRun(graph, spec.interval(graph));
        assertTrue(expected.size() > 3000, "minutes at 100 ms: " + expected.size());
        try (LiveTestCluster cluster = LiveTestCluster.start();
                FactorRecorder recorder = new FactorRecorder(cluster, Channels.IPC)) {
            LiveProcess engine = cluster.launch(
                    "engine",
                    "engine",
                    new EngineConfig(spec, cluster.transport(), 0, "btc,eth", 20_000_000_000L, List.of()).toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    connector(cluster, false, 5_000_000_000L, List.of()).toArgs());
            assertTrue(LiveTestCluster.await(recorder::ended, Duration.ofSeconds(120)), "engine finished the stream");
            assertEquals(0, engine.waitFor(20, TimeUnit.SECONDS), cluster.log("engine"));
            assertEquals(0, connector.waitFor(20, TimeUnit.SECONDS), cluster.log("connector"));
            List<FactorRecorder.Update> got = recorder.updates();
            assertEquals(
                    expected.size(),
                    got.size(),
                    "ticks; expected " + expected.get(0).tickTime + ".." + expected.getLast().tickTime + ", got "
                            + got.get(0).tickTime() + ".." + got.getLast().tickTime());
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                FactorRecorder.Update g = got.get(i);
                assertEquals(e.tickTime, g.tickTime(), "tick " + i);
                assertArrayEquals(e.books, g.bookBits(), "both books' best levels at tick " + i);
                assertEquals(e.books[0], g.bestBidBits(), "the first book's bid in the fixed field, tick " + i);
                assertEquals(e.books[1], g.bestAskBits(), "the first book's ask in the fixed field, tick " + i);
                assertArrayEquals(e.outputs, g.outputBits(), "outputs at tick " + i + " (" + e.tickTime + ")");
                assertArrayEquals(e.sinkArgs, g.sinkArgBits(), "both sinks' arguments at tick " + i);
            }
            assertTrue(cluster.log("engine").contains("0 gaps"), cluster.log("engine"));
        }
    }

    /** A connector of the two feeds, BTC (tick 0.1) and ETH (tick 0.01), each with its venue. */
    static ConnectorConfig connector(
            LiveTestCluster cluster, boolean lockstep, long lingerNanos, List<String> testDrop) {
        return new ConnectorConfig(
                List.of(
                        new ConnectorConfig.Feed("btc", List.of(BTC), 0.1, 0.001, SimulatorSettings.DEFAULTS, true),
                        new ConnectorConfig.Feed("eth", List.of(ETH), 0.01, 0.001, SimulatorSettings.DEFAULTS, true)),
                GapPolicy.FAIL,
                ReplaySpeed.MAX,
                lockstep,
                cluster.transport(),
                30_000_000_000L,
                lockstep,
                lingerNanos,
                testDrop);
    }

    record Expected(long tickTime, long[] books, long[] outputs, long[] sinkArgs) {}

    /** What {@code fg run} computes: the replay provider over the two files, in this JVM. */
    static List<Expected> fgRun(CompiledGraph graph, long interval) throws Exception {
        int[] sinkSlots = GraphSpec.sinkArgumentSlots(graph);
        List<Expected> out = new ArrayList<>();
        List<EventSource> sources = List.of(
                EventSources.open(List.of(BTC), GapPolicy.FAIL), EventSources.open(List.of(ETH), GapPolicy.FAIL));
        try (ReplayFactorProvider provider =
                new ReplayFactorProvider(sources, graph.newInstance(), interval, CrossedBookPolicy.FAIL)) {
            while (provider.next()) {
                FactorUpdate u = provider.current();
                long[] values = new long[u.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.doubleToRawLongBits(u.value(i));
                }
                long[] args = new long[sinkSlots.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = Double.doubleToRawLongBits(provider.instance().slot(sinkSlots[i]));
                }
                long[] books = new long[2 * u.bookCount()];
                for (int b = 0; b < u.bookCount(); b++) {
                    books[2 * b] = Double.doubleToRawLongBits(u.bestBid(b));
                    books[2 * b + 1] = Double.doubleToRawLongBits(u.bestAsk(b));
                }
                out.add(new Expected(u.timestampNanos(), books, values, args));
            }
        }
        return out;
    }
}
