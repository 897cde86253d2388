package io.factorgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.settings.FeeSchedule;
import io.factorgraph.backtest.settings.LatencySetting;
import io.factorgraph.backtest.settings.QueueSetting;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LiveArgs;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.runtime.data.GapPolicy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code fg live} parses its options into typed values and hands each process their canonical text: the process must
 * read back exactly the values the user's command line meant (the same as {@code fg backtest} makes of them).
 */
class LiveOptionsRoundTripTest {
    private static <T> T parse(T command, String... args) {
        CommandLine line = new CommandLine(command);
        OptionTypes.register(line);
        line.parseArgs(args);
        return command;
    }

    @Test
    void theConnectorReadsBackTheVenueTheUserGave() {
        LiveConnectorCommand command = parse(
                new LiveConnectorCommand(),
                "--data",
                "a.gz",
                "--data",
                "b.gz",
                "--speed",
                "2.5x",
                "--on-gap",
                "RESYNC",
                "--latency",
                "250us/1.5ms",
                "--fees",
                "-0.0001, 0.0004",
                "--queue",
                "Power3:3",
                "--fill",
                "partial",
                "--lot-size",
                "0.01",
                "--tick-size",
                "0.5",
                "--idle",
                "yield",
                "--heartbeat",
                "50ms",
                "--peer-timeout",
                "0.7s",
                "--await",
                "3s",
                "--linger",
                "1500ms");
        ConnectorConfig config = ConnectorConfig.fromArgs(LiveArgs.parse(command.args()));
        assertEquals(List.of(Path.of("a.gz").toAbsolutePath(), Path.of("b.gz").toAbsolutePath()), config.data());
        assertEquals(new ReplaySpeed(2.5), config.speed());
        assertEquals(GapPolicy.RESYNC, config.gapPolicy());
        assertEquals(
                new SimulatorSettings(
                        new LatencySetting.Constant(250_000, 1_500_000),
                        new FeeSchedule(-0.0001, 0.0004),
                        QueueSetting.parse("power3:3"),
                        FillMode.PARTIAL),
                config.venue());
        assertEquals(0.01, config.lotSize());
        assertEquals(0.5, config.tickSize());
        assertEquals(IdleMode.YIELD, config.transport().idle());
        assertEquals(50_000_000L, config.transport().heartbeatNanos());
        assertEquals(700_000_000L, config.transport().peerTimeoutNanos());
        assertEquals(3_000_000_000L, config.awaitNanos());
        assertEquals(1_500_000_000L, config.lingerNanos());

        // several instruments: each feed by name, its own tick size, a venue for each named by --venue
        LiveConnectorCommand two = parse(
                new LiveConnectorCommand(),
                "--data",
                "perp=a.gz",
                "--data",
                "spot=b.gz",
                "--data",
                "spot=c.gz",
                "--tick-size",
                "perp=0.1",
                "--tick-size",
                "0.01",
                "--venue",
                "perp");
        ConnectorConfig feeds = ConnectorConfig.fromArgs(LiveArgs.parse(two.args()));
        assertEquals(
                List.of("perp", "spot"),
                feeds.feeds().stream().map(ConnectorConfig.Feed::name).toList());
        assertEquals(
                List.of(Path.of("b.gz").toAbsolutePath(), Path.of("c.gz").toAbsolutePath()),
                feeds.feeds().get(1).data());
        assertEquals(0.1, feeds.feeds().get(0).tickSize());
        assertEquals(0.01, feeds.feeds().get(1).tickSize());
        assertEquals(
                List.of(true, false),
                feeds.feeds().stream().map(ConnectorConfig.Feed::traded).toList());

        // fg backtest makes the same venue of the same text
        BacktestCommand backtest = parse(
                new BacktestCommand(),
                "x.fg",
                "--latency",
                "250us/1.5ms",
                "--fees",
                "-0.0001, 0.0004",
                "--queue",
                "Power3:3",
                "--fill",
                "partial",
                "--lot-size",
                "0.01");
        assertEquals(config.venue(), backtest.simulator.settings());
        assertEquals(config.lotSize(), backtest.simulator.lotSize);
    }

    @Test
    void theStrategyReadsBackItsDurations() {
        LiveStrategyCommand command = parse(
                new LiveStrategyCommand(),
                "x.fg",
                "--interval",
                "250ms",
                "--stale-after",
                "1.5s",
                "--lot-size",
                "0.001");
        StrategyConfig config = StrategyConfig.fromArgs(LiveArgs.parse(command.args()));
        assertEquals(250_000_000L, config.graph().intervalNanos());
        assertEquals(1_500_000_000L, config.staleAfterNanos());
        assertEquals(0.001, config.lotSize());
    }

    @Test
    void theEngineReadsBackItsSnapshotOptions() {
        LiveEngineCommand command = parse(
                new LiveEngineCommand(),
                "x.fg",
                "--snapshot-dir",
                "state",
                "--snapshot-every",
                "2.5s",
                "--snapshot-keep",
                "5",
                "--catch-up-max-age",
                "90s");
        EngineConfig config = EngineConfig.fromArgs(LiveArgs.parse(command.args()));
        assertEquals(Path.of("state").toAbsolutePath(), config.snapshotDir());
        assertEquals(2_500_000_000L, config.snapshotEveryNanos());
        assertEquals(5, config.snapshotKeep());
        assertEquals(90_000_000_000L, config.catchUpMaxAgeNanos());
        EngineConfig none = EngineConfig.fromArgs(
                LiveArgs.parse(parse(new LiveEngineCommand(), "x.fg").args()));
        assertEquals(null, none.snapshotDir());
        assertEquals(EngineConfig.DEFAULT_SNAPSHOT_EVERY_NANOS, none.snapshotEveryNanos());
        assertEquals(EngineConfig.DEFAULT_SNAPSHOT_KEEP, none.snapshotKeep());
        assertEquals(EngineConfig.DEFAULT_CATCH_UP_MAX_AGE_NANOS, none.catchUpMaxAgeNanos());
        // and the process writes them back the same way (fg live run hands them on so)
        assertEquals(config, EngineConfig.fromArgs(LiveArgs.parse(config.toArgs())));
    }
}
