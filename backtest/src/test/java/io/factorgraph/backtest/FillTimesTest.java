package io.factorgraph.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.FillLog;
import io.factorgraph.backtest.exchange.ConstantLatency;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.report.FillsCsv;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.synthetic.SyntheticMarket;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fills.csv} says what its times mean: {@code exch_ts} when the exchange executed the fill, {@code local_ts}
 * when the strategy learned of it, the response latency later; and the summary says which exchange clock was used.
 */
class FillTimesTest {
    @Test
    void eachFillCarriesItsExchangeTimeAndItsReceiptTimeTheResponseLatencyLater() throws Exception {
        CompiledGraph graph = FgCompiler.standard()
                .compile(Path.of("../examples/obi_mm.fg"), List.of())
                .orElseThrow();
        SimulatorConfig config = SimulatorConfig.of(0.1, 0.001).withLatency(new ConstantLatency(2_000_000, 7_000_000));
        SyntheticMarket.Config market = SyntheticMarket.Config.defaults().withDuration(Duration.ofMinutes(2));
        BacktestResult result = new Backtest(graph, config, graph.clockNanos().orElseThrow())
                .run(() -> new SyntheticMarket(market), RunMetadata.builder(), BacktestProgress.NONE);
        FillLog fills = result.recording().fills();
        assertTrue(fills.size() > 10, "fills: " + fills.size());
        for (int i = 0; i < fills.size(); i++) {
            assertEquals(7_000_000L, fills.localTime(i) - fills.exchTime(i), "fill " + i);
        }
        StringWriter csv = new StringWriter();
        FillsCsv.write(csv, fills);
        String[] first =
                csv.toString().lines().skip(1).findFirst().orElseThrow().split(",");
        assertEquals("exch_ts,local_ts,side,price,qty,fee,liquidity,order_id", FillsCsv.HEADER);
        assertEquals(fills.exchTime(0), Long.parseLong(first[0]));
        assertEquals(fills.localTime(0), Long.parseLong(first[1]));
        String timeline = result.recording().metadata().extra().get("exchange_timeline");
        assertTrue(timeline.startsWith("constant: exchange times shifted by "), timeline);
    }
}
