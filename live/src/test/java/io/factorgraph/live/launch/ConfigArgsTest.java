package io.factorgraph.live.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.settings.FeeSchedule;
import io.factorgraph.backtest.settings.LatencySetting;
import io.factorgraph.backtest.settings.QueueSetting;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.GapPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher starts each process with its configuration written as options: they must read back the same. */
class ConfigArgsTest {
    private final TransportConfig udp = new TransportConfig(
            "/dev/shm/x", true, IdleMode.BUSY_SPIN, Channels.udp("127.0.0.1", 40100), 50_000_000L, 700_000_000L);
    private final GraphSpec spec = new GraphSpec(Path.of("a.fg"), List.of("window=300", "depth=0.002"), 250_000_000L);

    @Test
    void everyConfigurationReadsBackWhatItWrote() {
        ConnectorConfig connector = new ConnectorConfig(
                List.of(Path.of("a.gz"), Path.of("b.gz")),
                GapPolicy.RESYNC,
                ReplaySpeed.MAX,
                true,
                0.1,
                0.001,
                new SimulatorSettings(
                        LatencySetting.parse("250us/1.5ms"),
                        FeeSchedule.parse("-0.0001,0.0004"),
                        QueueSetting.parse("Power:3"),
                        FillMode.PARTIAL),
                udp,
                3_000_000_000L,
                false,
                1_500_000_000L,
                List.of("7,8"));
        assertEquals(connector, ConnectorConfig.fromArgs(LiveArgs.parse(connector.toArgs())));
        ConnectorConfig paced = new ConnectorConfig(
                List.of(Path.of("a.gz")),
                GapPolicy.FAIL,
                ReplaySpeed.parse("2.5x"),
                false,
                0.01,
                0.00001,
                SimulatorSettings.DEFAULTS,
                TransportConfig.ipc("/dev/shm/y"),
                30_000_000_000L,
                true,
                10_000_000_000L,
                List.of());
        assertEquals(paced, ConnectorConfig.fromArgs(LiveArgs.parse(paced.toArgs())));

        EngineConfig engine = new EngineConfig(spec, udp, 120, "usdm_btcusdt", 0, List.of("1500"));
        assertEquals(engine, EngineConfig.fromArgs(LiveArgs.parse(engine.toArgs())));
        EngineConfig defaults = new EngineConfig(
                new GraphSpec(Path.of("a.fg"), List.of(), -1),
                TransportConfig.ipc("/dev/shm/y"),
                -1,
                "instrument",
                30_000_000_000L,
                List.of());
        assertEquals(defaults, EngineConfig.fromArgs(LiveArgs.parse(defaults.toArgs())));

        StrategyConfig strategy = new StrategyConfig(
                spec, udp, 0.001, 1_000_000_000L, true, Path.of("o.csv"), Path.of("s.txt"), List.of("300"));
        assertEquals(strategy, StrategyConfig.fromArgs(LiveArgs.parse(strategy.toArgs())));
    }

    /** Several instruments: each feed's files, tick, lot and venue settings, and which ones have a venue. */
    @Test
    void severalFeedsReadBackWhatTheyWrote() {
        ConnectorConfig two = new ConnectorConfig(
                List.of(
                        new ConnectorConfig.Feed(
                                "perp",
                                List.of(Path.of("p1.gz"), Path.of("p2.gz")),
                                0.1,
                                0.001,
                                new SimulatorSettings(
                                        LatencySetting.parse("250us/1.5ms"),
                                        FeeSchedule.parse("-0.0001,0.0004"),
                                        QueueSetting.parse("Power:3"),
                                        FillMode.PARTIAL),
                                true),
                        new ConnectorConfig.Feed(
                                "spot", List.of(Path.of("s.gz")), 0.01, 0.00001, SimulatorSettings.DEFAULTS, false)),
                GapPolicy.RESYNC,
                ReplaySpeed.MAX,
                true,
                udp,
                3_000_000_000L,
                false,
                1_500_000_000L,
                List.of("7,8", "1:500"));
        assertEquals(two, ConnectorConfig.fromArgs(LiveArgs.parse(two.toArgs())));
        assertEquals(List.of(Path.of("p1.gz"), Path.of("p2.gz")), two.data(), "the first feed's, for one-feed callers");

        // a plain value applies to every feed, NAME=VALUE to one; no --venue: every feed has one
        ConnectorConfig read = ConnectorConfig.fromArgs(LiveArgs.parse(List.of(
                "--feed",
                "btc",
                "--feed",
                "eth",
                "--data",
                "btc=a.gz",
                "--data",
                "eth=b.gz",
                "--tick-size",
                "0.1",
                "--tick-size",
                "eth=0.01",
                "--fees",
                "0.0001,0.0003")));
        assertEquals(0.1, read.feeds().get(0).tickSize());
        assertEquals(0.01, read.feeds().get(1).tickSize());
        assertEquals(
                FeeSchedule.parse("0.0001,0.0003"), read.feeds().get(1).venue().fees());
        assertTrue(read.feeds().stream().allMatch(ConnectorConfig.Feed::traded));
        IllegalArgumentException unnamed = assertThrows(
                IllegalArgumentException.class,
                () -> ConnectorConfig.fromArgs(
                        LiveArgs.parse(List.of("--feed", "btc", "--feed", "eth", "--data", "a.gz"))));
        assertEquals("--data a.gz: say which feed it is, NAME=FILE, one of btc, eth", unnamed.getMessage());

        StrategyConfig strategy = new StrategyConfig(
                spec,
                udp,
                0.001,
                1_000_000_000L,
                true,
                Path.of("out/orders.csv"),
                null,
                List.of(),
                java.util.Map.of("spot", 0.00001));
        assertEquals(strategy, StrategyConfig.fromArgs(LiveArgs.parse(strategy.toArgs())));
        assertEquals(0.00001, strategy.lotSize("spot"));
        assertEquals(0.001, strategy.lotSize("perp"));
        assertEquals(Path.of("out/orders.csv"), strategy.ordersLog("perp", 1), "one sink: the file given");
        assertEquals(Path.of("out/orders.perp.csv"), strategy.ordersLog("perp", 2));
    }

    @Test
    void udpShorthandGivesEachStreamItsPort() {
        TransportConfig t = TransportConfig.fromArgs(LiveArgs.parse(
                List.of("--udp", "10.1.2.3:40200", "--factor-channel", "aeron:udp?endpoint=strategy-host:40201")));
        assertEquals("aeron:udp?endpoint=10.1.2.3:40200", t.channels().marketData());
        assertEquals("aeron:udp?endpoint=strategy-host:40201", t.channels().factors(), "a stream's own channel wins");
        assertEquals("aeron:udp?endpoint=10.1.2.3:40203", t.channels().executions());
        assertEquals("aeron:udp?endpoint=10.1.2.3:40204", t.channels().control());
        assertEquals("aeron:ipc?tether=false", Channels.untethered("aeron:ipc"));
    }

    @Test
    void mistakesNameTheOption() {
        LiveArgs typo = LiveArgs.parse(List.of("--graph", "a.fg", "--wramup", "5"));
        EngineConfig.fromArgs(typo);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, typo::requireAllUsed);
        assertEquals("--wramup: unknown option", unknown.getMessage());
        IllegalArgumentException speed = assertThrows(
                IllegalArgumentException.class,
                () -> ConnectorConfig.fromArgs(LiveArgs.parse(List.of("--data", "a.gz", "--speed", "fast"))));
        assertEquals("--speed 'fast': " + ReplaySpeed.FORMS, speed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LiveArgs.parse(List.of("--graph")));
        assertThrows(
                IllegalArgumentException.class,
                () -> TransportConfig.fromArgs(LiveArgs.parse(List.of("--heartbeat", "1s", "--peer-timeout", "500ms"))),
                "peer timeout shorter than the heartbeat");
    }
}
