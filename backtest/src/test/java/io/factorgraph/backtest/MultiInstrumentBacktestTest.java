package io.factorgraph.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.PortfolioSummary;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.backtest.report.TimeSeries;
import io.factorgraph.backtest.settings.FeeSchedule;
import io.factorgraph.backtest.settings.InstrumentSettings;
import io.factorgraph.backtest.settings.LatencySetting;
import io.factorgraph.backtest.settings.LotSize;
import io.factorgraph.backtest.settings.PerInstrument;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two sinks in one graph, quoting USD-M BTCUSDT and ETHUSDT on the recorded files, each on its own simulator
 * (docs/DESIGN.md §11). The strategies do not interact (each reads only its own book, and a simulator's fills depend
 * only on its feed, its orders and the ticks), so each instrument's result must equal, to the bit, a one-sink run of
 * the same strategy on the same merged clock: a graph that declares both books (so the clock starts when both are
 * ready and stops at the earlier end) and trades one. The total is the sum of the instruments, and a per-instrument
 * option reaches only its instrument's simulator.
 */
class MultiInstrumentBacktestTest {
    private static final long INTERVAL = 100_000_000L;
    private static final String HEADER = """
            input btc: Book
            input eth: Book
            clock every 100ms
            """;
    private static final String BTC = """
            btc_alpha = zscore(OBI(btc, 0.001), 600)
            btc_vol   = volatility(mid(btc), 600)
            btc_stop  = stop_loss(btc_vol, change(mid(btc)), vol_threshold = 3.0, change_threshold = 8.0,
                                  baseline_vol = 0.00002, baseline_change_std = 0.00002)
            sink stateless_mm(btc_alpha, btc_vol, btc_stop, book = btc,
                              tick_size = 0.1, order_qty = 0.002, max_position = 0.02,
                              half_spread = 0.00002, skew = 0.00002, c1 = 0.00001, power = 1.0,
                              baseline_vol = 0.00002, grid_num = 3, grid_interval = 0.5)
            """;
    private static final String ETH = """
            eth_alpha = zscore(OBI(eth, 0.001), 600)
            eth_vol   = volatility(mid(eth), 600)
            eth_stop  = stop_loss(eth_vol, change(mid(eth)), vol_threshold = 3.0, change_threshold = 8.0,
                                  baseline_vol = 0.00003, baseline_change_std = 0.00003)
            sink stateless_mm(eth_alpha, eth_vol, eth_stop, book = eth,
                              tick_size = 0.01, order_qty = 0.05, max_position = 0.5,
                              half_spread = 0.00002, skew = 0.00002, c1 = 0.00001, power = 1.0,
                              baseline_vol = 0.00003, grid_num = 3, grid_interval = 0.02)
            """;
    private static final Map<String, String> FILES =
            Map.of("btc", "usdm_btcusdt_20240808.gz", "eth", "usdm_ethusdt_20240808.gz");

    static final InstrumentSettings SETTINGS = InstrumentSettings.of(
            new SimulatorSettings(
                    new LatencySetting.Constant(5_000_000, 5_000_000),
                    FeeSchedule.BINANCE_USDM_VIP0,
                    io.factorgraph.backtest.settings.QueueSetting.RISK_AVERSE,
                    io.factorgraph.backtest.exchange.FillMode.NO_PARTIAL),
            LotSize.BINANCE_USDM_BTCUSDT);

    static PortfolioResult both;

    @BeforeAll
    static void runBoth() throws Exception {
        both = run(HEADER + BTC + ETH, SETTINGS);
    }

    static CompiledGraph compile(String text) {
        return FgCompiler.standard().compile("t.fg", text).orElseThrow();
    }

    static PortfolioResult run(String text, InstrumentSettings settings) throws MarketDataException {
        CompiledGraph graph = compile(text);
        List<SimulatorConfig> configs = new ArrayList<>();
        List<RunMetadata.Builder> metadata = new ArrayList<>();
        for (var sink : graph.sinks()) {
            String book = sink.tradedBook().orElseThrow().name();
            configs.add(settings.config(book, sink.terms().tickSize()));
            metadata.add(RunMetadata.builder());
        }
        List<ClockShift.Opener> feeds = new ArrayList<>();
        for (String book : graph.books().keySet()) {
            feeds.add(() -> EventSources.open(List.of(RecordedData.file(FILES.get(book))), GapPolicy.FAIL));
        }
        return new Backtest(graph, configs, INTERVAL).run(feeds, metadata, BacktestProgress.NONE);
    }

    @Test
    void eachInstrumentEqualsItsOneSinkRunOnTheSameClockToTheBit() throws Exception {
        assertEquals(List.of("btc", "eth"), List.copyOf(both.instruments().keySet()));
        for (String[] one : new String[][] {{"btc", BTC, "eth"}, {"eth", ETH, "btc"}}) {
            // the other book is read (an output), so the clock is the same merged one; nothing trades it
            PortfolioResult alone = run(HEADER + one[1] + "other = mid(" + one[2] + ")\noutput other\n", SETTINGS);
            assertTrue(alone.single());
            BacktestResult expected = alone.instruments().get(one[0]);
            BacktestResult actual = both.instruments().get(one[0]);
            assertEquals(expected.summary(), actual.summary(), one[0]);
            assertEquals(
                    expected.recording().series().samples(),
                    actual.recording().series().samples(),
                    one[0]);
            assertEquals(
                    expected.recording().fills().toList(),
                    actual.recording().fills().toList(),
                    one[0]);
            assertEquals(expected.simulator(), actual.simulator(), one[0]);
            assertEquals(alone.ticks(), both.ticks());
            assertEquals(alone.events(), both.events());
            assertTrue(actual.summary().trades() > 20, one[0] + " trades on six minutes: " + actual.summary());
        }
    }

    @Test
    void totalIsTheSumOfTheInstruments() {
        PortfolioSummary t = both.total();
        PerformanceSummary btc = both.instruments().get("btc").summary();
        PerformanceSummary eth = both.instruments().get("eth").summary();
        assertEquals(2, t.instruments());
        assertEquals(btc.pnl() + eth.pnl(), t.pnl());
        assertEquals(btc.trades() + eth.trades(), t.trades());
        assertEquals(btc.filledOrders() + eth.filledOrders(), t.filledOrders());
        assertEquals(btc.makerFills() + eth.makerFills(), t.makerFills());
        assertEquals(btc.feesTotal() + eth.feesTotal(), t.feesTotal(), 1e-12);
        assertEquals(btc.volumeNotional() + eth.volumeNotional(), t.volumeNotional(), 1e-9);
        assertEquals(btc.capitalBase() + eth.capitalBase(), t.capitalBase());
        assertEquals(btc.records(), t.records());

        // the drawdown of the summed equity, by a plain running peak over the two series added record by record
        TimeSeries a = both.instruments().get("btc").recording().series();
        TimeSeries b = both.instruments().get("eth").recording().series();
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.ts(i), b.ts(i), "one clock: the same record times");
            double e = a.equity(i) + b.equity(i);
            if (Double.isFinite(e)) {
                peak = Math.max(peak, e);
                worst = Math.max(worst, peak - e);
            }
        }
        assertEquals(worst, t.maxDrawdown(), 1e-9);
        assertTrue(worst <= btc.maxDrawdown() + eth.maxDrawdown() + 1e-9, "diversification never adds drawdown");
    }

    @Test
    void feesAndLotSizeGivenForEthChangeOnlyEth() throws Exception {
        InstrumentSettings ethFees = new InstrumentSettings(
                        SETTINGS.latency(),
                        PerInstrument.parse(
                                List.of("eth=-0.0001,0.0003"), FeeSchedule.BINANCE_USDM_VIP0, FeeSchedule::parse),
                        PerInstrument.parse(List.of("eth=0.01"), LotSize.BINANCE_USDM_BTCUSDT, LotSize::parse),
                        SETTINGS.queue(),
                        SETTINGS.fill(),
                        SETTINGS.clock())
                .check(List.of("btc", "eth"), List.of("btc", "eth"));
        PortfolioResult changed = run(HEADER + BTC + ETH, ethFees);
        BacktestResult btc = changed.instruments().get("btc");
        BacktestResult eth = changed.instruments().get("eth");
        assertEquals(both.instruments().get("btc").summary(), btc.summary(), "btc untouched");
        assertEquals(0.001, btc.recording().fills().grid().lotSize(), "btc keeps the lot size for every book");
        assertEquals(0.01, eth.recording().fills().grid().lotSize(), "eth's own lot size reached eth's simulator");
        assertEquals(0.01, eth.recording().fills().grid().tickSize(), "eth's grid is its sink's tick_size");
        assertNotEquals(
                both.instruments().get("eth").summary().feesTotal(),
                eth.summary().feesTotal());
        assertTrue(eth.summary().feesMaker() < 0, "a maker rebate on eth: " + eth.summary());
        var fills = eth.recording().fills();
        for (int i = 0; i < fills.size(); i++) {
            double rate = fills.fee(i) / (fills.price(i) * fills.qty(i));
            assertEquals(fills.maker(i) ? -0.0001 : 0.0003, rate, 1e-12, "eth's fill " + i);
        }
    }

    @Test
    void settingsNamingABookNotTradedAreRefused() {
        InstrumentSettings typo = InstrumentSettings.of(SimulatorSettings.DEFAULTS, LotSize.BINANCE_USDM_BTCUSDT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InstrumentSettings(
                        PerInstrument.parse(List.of("ehh=5ms"), typo.latency().all(), LatencySetting::parse),
                        typo.fees(),
                        typo.lotSize(),
                        typo.queue(),
                        typo.fill(),
                        typo.clock())
                .check(List.of("btc", "eth"), List.of("btc", "eth")));
        assertEquals(
                "--latency 'ehh=5ms': the graph has no Book input ehh (did you mean eth?); its Book inputs are [btc, eth]",
                e.getMessage());
    }
}
