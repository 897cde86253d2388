package io.factorgraph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestProgress;
import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live strategy sends exactly the orders the backtest's does, on the recorded USD-M BTCUSDT file.
 *
 * <p>Both run {@code examples/obi_mm.fg} with zero order latency and the same venue (the backtest's simulator, fees
 * 0.0002/0.0005, risk-averse queue, no partial fills). Live runs in lock-step: before each tick the strategy moves the
 * venue's clock to the tick and waits for the reports due by then, and its orders take effect at their tick's time,
 * which is what the backtest does in one thread; the engine reports warm from the first tick ({@code --warmup 0}), as
 * the backtest trades from the first tick. Then the sink's order stream (every new order: tick, id, side, price, qty,
 * post-only; every cancel: tick, id) is equal line for line, and so are the fills and the PnL. The one thing live adds
 * is the venue's close after the last tick, which cancels what still rests: it is the venue's, not in the sink's
 * stream, and it changes no fill.
 */
class BacktestLiveParityTest {
    @TempDir
    Path dir;

    @Test
    void lockStepLiveSendsTheBacktestsOrders() throws Exception {
        GraphSpec spec = new GraphSpec(EngineParityTest.OBI_MM, List.of(), -1);
        RecordingSinkLibrary recording = new RecordingSinkLibrary();
        CompiledGraph recorded = FgCompiler.withRegistry(RecordingSinkLibrary.registry(recording))
                .compile(spec.file(), List.of())
                .graph()
                .orElseThrow();
        SimulatorConfig venue = SimulatorConfig.of(0.1, 0.001).withFees(0.0002, 0.0005);
        BacktestResult backtest = new Backtest(recorded, venue, spec.interval(recorded))
                .run(
                        () -> EventSources.open(List.of(EngineParityTest.BTC), GapPolicy.FAIL),
                        RunMetadata.builder(),
                        BacktestProgress.NONE);
        assertTrue(recording.lines.size() > 100, "the backtest trades: " + recording.lines.size() + " order lines");

        Path ordersLog = dir.resolve("orders.csv");
        Path summary = dir.resolve("summary.txt");
        try (LiveTestCluster cluster = LiveTestCluster.start()) {
            LiveProcess strategy = cluster.launch(
                    "strategy",
                    "strategy",
                    new StrategyConfig(
                                    spec,
                                    cluster.transport(),
                                    0.001,
                                    5_000_000_000L,
                                    true,
                                    ordersLog,
                                    summary,
                                    List.of())
                            .toArgs());
            LiveProcess engine = cluster.launch(
                    "engine",
                    "engine",
                    new EngineConfig(spec, cluster.transport(), 0, "usdm_btcusdt", 30_000_000_000L, List.of())
                            .toArgs());
            LiveProcess connector = cluster.launch(
                    "connector",
                    "connector",
                    new ConnectorConfig(
                                    List.of(EngineParityTest.BTC),
                                    GapPolicy.FAIL,
                                    ReplaySpeed.MAX,
                                    true,
                                    0.1,
                                    0.001,
                                    SimulatorSettings.DEFAULTS,
                                    cluster.transport(),
                                    30_000_000_000L,
                                    true,
                                    20_000_000_000L,
                                    List.of())
                            .toArgs());
            assertEquals(0, connector.waitFor(120, TimeUnit.SECONDS), cluster.log("connector"));
            assertEquals(0, strategy.waitFor(20, TimeUnit.SECONDS), cluster.log("strategy"));
            assertEquals(0, engine.waitFor(20, TimeUnit.SECONDS), cluster.log("engine"));
        }
        List<String> live = Files.readAllLines(ordersLog)
                .subList(1, Files.readAllLines(ordersLog).size());
        int n = Math.min(live.size(), recording.lines.size());
        for (int i = 0; i < n; i++) {
            assertEquals(recording.lines.get(i), live.get(i), "order line " + (i + 1));
        }
        assertEquals(recording.lines.size(), live.size(), "order lines");

        String text = Files.readString(summary);
        assertEquals(
                row(
                        "trades",
                        String.format(
                                "%,d fills of %,d orders",
                                backtest.summary().trades(), backtest.summary().filledOrders())),
                rowOf(text, "trades"),
                text);
        assertEquals(
                row(
                        "pnl",
                        String.format(
                                "%.4f  (before fees %.4f)",
                                backtest.summary().pnl(), backtest.summary().pnlBeforeFees())),
                rowOf(text, "pnl"),
                text);
        assertEquals(
                row("final position", String.format("%.6g", backtest.summary().finalPosition())),
                rowOf(text, "final position"),
                text);
    }

    private static String row(String name, String value) {
        return String.format("%-15s %s", name, value);
    }

    private static String rowOf(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("(no " + name + " row)");
    }
}
