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
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine's factor stream for the whole recorded USD-M BTCUSDT file, replayed by a connector process at max speed
 * over Aeron IPC to an engine process, equals what {@code fg run} computes in process ({@link ReplayFactorProvider} on
 * the same file and interval): the same ticks, and every output, sink argument and best level equal to the bit.
 */
class EngineParityTest {
    static final Path OBI_MM = Path.of("../examples/obi_mm.fg");
    static final Path BTC = RecordedData.file("usdm_btcusdt_20240808.gz");

    @Test
    void factorStreamEqualsFgRunBitForBit() throws Exception {
        GraphSpec spec = new GraphSpec(OBI_MM, List.of(), -1);
        CompiledGraph graph = spec.compile();
        List<Expected> expected = fgRun(graph, spec.interval(graph));
        int[] sinkSlots = graph.sink().orElseThrow().argumentSlots().stream()
                .mapToInt(Integer::intValue)
                .toArray();
        assertTrue(expected.size() > 3000, "six minutes at 100 ms: " + expected.size());
        try (LiveTestCluster cluster = LiveTestCluster.start();
                FactorRecorder recorder = new FactorRecorder(cluster, Channels.IPC)) {
            LiveProcess engine = cluster.launch(
                    "engine",
                    "engine",
                    new EngineConfig(spec, cluster.transport(), 0, "usdm_btcusdt", 20_000_000_000L, List.of())
                            .toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    new ConnectorConfig(
                                    List.of(BTC),
                                    GapPolicy.FAIL,
                                    ReplaySpeed.MAX,
                                    false,
                                    0.1,
                                    0.001,
                                    SimulatorSettings.DEFAULTS,
                                    cluster.transport(),
                                    20_000_000_000L,
                                    false,
                                    5_000_000_000L,
                                    List.of())
                            .toArgs());
            assertTrue(LiveTestCluster.await(recorder::ended, Duration.ofSeconds(90)), "engine finished the stream");
            assertEquals(0, engine.waitFor(20, TimeUnit.SECONDS), cluster.log("engine"));
            assertEquals(0, connector.waitFor(20, TimeUnit.SECONDS), cluster.log("connector"));
            List<FactorRecorder.Update> got = recorder.updates();
            assertEquals(expected.size(), got.size(), "ticks");
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                FactorRecorder.Update g = got.get(i);
                assertTrue(i == 0 || g.sequence() > got.get(i - 1).sequence(), "sequence numbers increase");
                assertEquals(e.tickTime, g.tickTime(), "tick " + i);
                assertEquals(e.bid, g.bestBidBits(), "best bid at tick " + i);
                assertEquals(e.ask, g.bestAskBits(), "best ask at tick " + i);
                assertArrayEquals(e.outputs, g.outputBits(), "outputs at tick " + i + " (" + e.tickTime + ")");
                assertArrayEquals(e.sinkArgs, g.sinkArgBits(), "sink arguments at tick " + i);
            }
            assertTrue(cluster.log("engine").contains("0 gaps"), cluster.log("engine"));
        }
        assertEquals(sinkSlots.length, expected.get(0).sinkArgs.length);
    }

    record Expected(long tickTime, long bid, long ask, long[] outputs, long[] sinkArgs) {}

    /** What {@code fg run} computes: the replay provider over the file, in this JVM. */
    static List<Expected> fgRun(CompiledGraph graph, long interval) throws Exception {
        int[] sinkSlots = graph.sink().orElseThrow().argumentSlots().stream()
                .mapToInt(Integer::intValue)
                .toArray();
        List<Expected> out = new java.util.ArrayList<>();
        try (ReplayFactorProvider provider = new ReplayFactorProvider(
                EventSources.open(List.of(BTC), GapPolicy.FAIL),
                graph.newInstance(),
                interval,
                CrossedBookPolicy.FAIL)) {
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
                out.add(new Expected(
                        u.timestampNanos(),
                        Double.doubleToRawLongBits(u.bestBid()),
                        Double.doubleToRawLongBits(u.bestAsk()),
                        values,
                        args));
            }
        }
        return out;
    }
}
