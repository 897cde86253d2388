package io.factorgraph.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.connector.ConnectorConfig;
import io.factorgraph.live.engine.EngineConfig;
import io.factorgraph.live.launch.LiveProcess;
import io.factorgraph.live.strategy.StrategyConfig;
import io.factorgraph.runtime.data.GapPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph with two sinks, BTC's and ETH's, run live in lock-step on the recorded USD-M files: each sink trades its own
 * venue through its own session, so each sends exactly the orders it sends when it is the graph's only sink (the same
 * graph with the other sink removed, the other instrument still read but not traded), line for line, and its summary
 * block shows the same fills and PnL. The strategy writes {@code orders.btc.csv} and {@code orders.eth.csv} beside the
 * {@code orders.csv} it is given, and a summary per instrument and a total row.
 */
class TwoInstrumentLockstepTest {
    @TempDir
    Path dir;

    @Test
    void eachSinkSendsTheOrdersItSendsAlone() throws Exception {
        String text = Files.readString(TwoInstrumentParityTest.GRAPH);
        int second = text.lastIndexOf("sink stateless_mm(");
        int first = text.indexOf("sink stateless_mm(");
        Path btcOnly = dir.resolve("btc_only.fg");
        Files.writeString(btcOnly, text.substring(0, second));
        Path ethOnly = dir.resolve("eth_only.fg");
        Files.writeString(ethOnly, text.substring(0, first) + text.substring(second));

        Path both = run("both", TwoInstrumentParityTest.GRAPH, true, true);
        Path btc = run("btc", btcOnly, true, false);
        Path eth = run("eth", ethOnly, false, true);

        List<String> btcAlone = Files.readAllLines(btc.resolve("orders.csv"));
        List<String> ethAlone = Files.readAllLines(eth.resolve("orders.csv"));
        assertTrue(btcAlone.size() > 100 && ethAlone.size() > 100, btcAlone.size() + " and " + ethAlone.size());
        assertEquals(btcAlone, Files.readAllLines(both.resolve("orders.btc.csv")), "BTC's orders");
        assertEquals(ethAlone, Files.readAllLines(both.resolve("orders.eth.csv")), "ETH's orders");
        assertTrue(Files.notExists(both.resolve("orders.csv")), "with two sinks, a log per instrument");

        String summary = Files.readString(both.resolve("summary.txt"));
        String btcBlock = summary.substring(summary.indexOf("== btc =="), summary.indexOf("== eth =="));
        String ethBlock = summary.substring(summary.indexOf("== eth =="), summary.indexOf("== total =="));
        for (String row : List.of("pnl", "trades", "final position")) {
            assertEquals(rowOf(Files.readString(btc.resolve("summary.txt")), row), rowOf(btcBlock, row), summary);
            assertEquals(rowOf(Files.readString(eth.resolve("summary.txt")), row), rowOf(ethBlock, row), summary);
        }
        assertTrue(rowOf(summary, "total").contains("2 instruments"), summary);
    }

    /** One lock-step live run of {@code graph}, trading what is asked; returns its directory of outputs. */
    private Path run(String name, Path graph, boolean tradeBtc, boolean tradeEth) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        GraphSpec spec = new GraphSpec(graph, List.of(), -1);
        try (LiveTestCluster cluster = LiveTestCluster.start()) {
            LiveProcess strategy = cluster.launch(
                    name + "-strategy",
                    "strategy",
                    new StrategyConfig(
                                    spec,
                                    cluster.transport(),
                                    0.001,
                                    5_000_000_000L,
                                    true,
                                    out.resolve("orders.csv"),
                                    out.resolve("summary.txt"),
                                    List.of())
                            .toArgs());
            LiveProcess engine = cluster.launch(
                    name + "-engine",
                    "engine",
                    new EngineConfig(spec, cluster.transport(), 0, "btc,eth", 30_000_000_000L, List.of()).toArgs());
            LiveProcess connector = cluster.launch(
                    name + "-connector",
                    "connector",
                    new ConnectorConfig(
                                    List.of(
                                            new ConnectorConfig.Feed(
                                                    "btc",
                                                    List.of(TwoInstrumentParityTest.BTC),
                                                    0.1,
                                                    0.001,
                                                    SimulatorSettings.DEFAULTS,
                                                    tradeBtc),
                                            new ConnectorConfig.Feed(
                                                    "eth",
                                                    List.of(TwoInstrumentParityTest.ETH),
                                                    0.01,
                                                    0.001,
                                                    SimulatorSettings.DEFAULTS,
                                                    tradeEth)),
                                    GapPolicy.FAIL,
                                    ReplaySpeed.MAX,
                                    true,
                                    cluster.transport(),
                                    30_000_000_000L,
                                    true,
                                    20_000_000_000L,
                                    List.of())
                            .toArgs());
            assertEquals(0, connector.waitFor(180, TimeUnit.SECONDS), cluster.log(name + "-connector"));
            assertEquals(0, strategy.waitFor(20, TimeUnit.SECONDS), cluster.log(name + "-strategy"));
            assertEquals(0, engine.waitFor(20, TimeUnit.SECONDS), cluster.log(name + "-engine"));
        }
        return out;
    }

    private static String rowOf(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse("(no " + name + " row)");
    }
}
