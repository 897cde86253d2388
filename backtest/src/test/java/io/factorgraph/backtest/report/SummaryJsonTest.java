package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary.json} parses back (with an independent parser) to the summary and metadata written. */
class SummaryJsonTest {
    private static final String NASTY = "a\"b\\c</script><!--&'\u2028\u2029\n\t\u0001é😀\ud800";

    static final List<String> SUMMARY_KEYS = List.of(
            "start_ns",
            "end_ns",
            "duration_s",
            "records",
            "initial_equity",
            "final_equity",
            "pnl",
            "pnl_before_fees",
            "capital_base",
            "return",
            "sharpe",
            "sharpe_interval_ns",
            "sharpe_periods",
            "max_drawdown",
            "max_drawdown_of_capital",
            "max_drawdown_peak_ns",
            "max_drawdown_trough_ns",
            "trades",
            "filled_orders",
            "maker_fills",
            "taker_fills",
            "buy_qty",
            "sell_qty",
            "volume_qty",
            "volume_notional",
            "maker_share",
            "maker_share_by_count",
            "fees_total",
            "fees_maker",
            "fees_taker",
            "final_position",
            "max_abs_position");

    static final List<String> HFTBACKTEST_KEYS = List.of(
            "convention",
            "resample",
            "resample_ns",
            "trading_days_per_year",
            "book_size",
            "rows",
            "days",
            "SR",
            "Sortino",
            "Return",
            "MaxDrawdown",
            "ReturnOverMDD",
            "DailyNumberOfTrades",
            "DailyTradingValue",
            "DailyTurnover",
            "ReturnOverTrade",
            "MaxPositionValue",
            "pnl",
            "max_drawdown_value",
            "trades",
            "trading_value");
    static final List<String> RUN_KEYS = List.of(
            "graph_file",
            "data_files",
            "params",
            "latency",
            "queue_model",
            "maker_fee",
            "taker_fee",
            "seed",
            "wall_time_s",
            "events_processed",
            "extra");

    @SuppressWarnings("unchecked")
    @Test
    void roundTripsEveryFigureAndEveryString(@TempDir Path dir) throws Exception {
        RunMetadata run = RunMetadata.builder()
                .graphFile("graphs/<mm> & \"co\".fg")
                .dataFile("d1 " + NASTY)
                .dataFile("d2.gz")
                .param("k" + NASTY, "v" + NASTY)
                .param("half_spread", "0.0001")
                .latency("constant 10ms")
                .queueModel("power(3)")
                .fees(-0.00005, 0.0004)
                .seed(-42)
                .wallTime(Duration.ofMillis(1500))
                .eventsProcessed(123_456_789_012L)
                .extra("symbol", NASTY)
                .build();
        Recording rec = SyntheticRecording.make(3, 3000, run);
        PerformanceSummary s = PerformanceSummary.of(rec, 0.01 * rec.series().mid(0));
        Path file = dir.resolve("summary.json");
        SummaryJson.write(file, s, run);
        String text = Files.readString(file);
        assertTrue(text.endsWith("}\n"));

        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(text);
        assertEquals(List.of("format", "summary", "hftbacktest", "run"), List.copyOf(doc.keySet()));
        assertEquals(SummaryJson.FORMAT, doc.get("format"));

        Map<String, Object> sum = (Map<String, Object>) doc.get("summary");
        assertEquals(SUMMARY_KEYS, List.copyOf(sum.keySet()));
        assertEquals(s.startNs(), num(sum, "start_ns").asLong());
        assertEquals(s.endNs(), num(sum, "end_ns").asLong());
        assertEquals((s.endNs() - s.startNs()) / 1e9, num(sum, "duration_s").asDouble());
        assertEquals(s.records(), num(sum, "records").asLong());
        assertSame(s.initialEquity(), sum, "initial_equity");
        assertSame(s.finalEquity(), sum, "final_equity");
        assertSame(s.pnl(), sum, "pnl");
        assertSame(s.pnlBeforeFees(), sum, "pnl_before_fees");
        assertSame(s.capitalBase(), sum, "capital_base");
        assertSame(s.returnOnCapital(), sum, "return");
        assertSame(s.sharpe(), sum, "sharpe");
        assertEquals(s.sharpeIntervalNs(), num(sum, "sharpe_interval_ns").asLong());
        assertEquals(s.sharpePeriods(), num(sum, "sharpe_periods").asLong());
        assertSame(s.maxDrawdown(), sum, "max_drawdown");
        assertSame(s.maxDrawdownOfCapital(), sum, "max_drawdown_of_capital");
        assertEquals(s.maxDrawdownPeakNs(), num(sum, "max_drawdown_peak_ns").asLong());
        assertEquals(s.maxDrawdownTroughNs(), num(sum, "max_drawdown_trough_ns").asLong());
        assertEquals(s.trades(), num(sum, "trades").asLong());
        assertEquals(s.filledOrders(), num(sum, "filled_orders").asLong());
        assertEquals(s.makerFills(), num(sum, "maker_fills").asLong());
        assertEquals(s.takerFills(), num(sum, "taker_fills").asLong());
        assertSame(s.buyQty(), sum, "buy_qty");
        assertSame(s.sellQty(), sum, "sell_qty");
        assertSame(s.volumeQty(), sum, "volume_qty");
        assertSame(s.volumeNotional(), sum, "volume_notional");
        assertSame(s.makerShare(), sum, "maker_share");
        assertSame(s.makerShareByCount(), sum, "maker_share_by_count");
        assertSame(s.feesTotal(), sum, "fees_total");
        assertSame(s.feesMaker(), sum, "fees_maker");
        assertSame(s.feesTaker(), sum, "fees_taker");
        assertSame(s.finalPosition(), sum, "final_position");
        assertSame(s.maxAbsPosition(), sum, "max_abs_position");
        assertTrue(s.trades() > 10 && s.takerFills() > 0, "the synthetic run trades both ways");

        // hftbacktest's figures under its metric names, with the convention they follow spelled out
        Map<String, Object> hb = (Map<String, Object>) doc.get("hftbacktest");
        assertEquals(HFTBACKTEST_KEYS, List.copyOf(hb.keySet()));
        HftbacktestStats h = s.hftbacktest();
        assertEquals("10s", hb.get("resample"));
        assertTrue(((String) hb.get("convention")).contains(".resample('10s')"), (String) hb.get("convention"));
        assertEquals(10_000_000_000L, num(hb, "resample_ns").asLong());
        assertEquals(252, num(hb, "trading_days_per_year").asDouble());
        assertSame(s.capitalBase(), hb, "book_size");
        assertSame(h.sr(), hb, "SR");
        assertSame(h.sortino(), hb, "Sortino");
        assertSame(h.ret(), hb, "Return");
        assertSame(h.maxDrawdown(), hb, "MaxDrawdown");
        assertSame(h.returnOverMdd(), hb, "ReturnOverMDD");
        assertSame(h.dailyNumberOfTrades(), hb, "DailyNumberOfTrades");
        assertSame(h.dailyTradingValue(), hb, "DailyTradingValue");
        assertSame(h.dailyTurnover(), hb, "DailyTurnover");
        assertSame(h.returnOverTrade(), hb, "ReturnOverTrade");
        assertSame(h.maxPositionValue(), hb, "MaxPositionValue");
        assertEquals(h.trades(), num(hb, "trades").asLong());
        assertTrue(h.trades() > 0 && Double.isFinite(h.sr()), "a run with trades and a defined SR");

        Map<String, Object> r = (Map<String, Object>) doc.get("run");
        assertEquals(RUN_KEYS, List.copyOf(r.keySet()));
        assertEquals(run.graphFile(), r.get("graph_file"));
        assertEquals(run.dataFiles(), r.get("data_files"));
        assertEquals(run.params(), r.get("params"));
        assertEquals(List.copyOf(run.params().keySet()), List.copyOf(((Map<String, Object>) r.get("params")).keySet()));
        assertEquals("constant 10ms", r.get("latency"));
        assertEquals("power(3)", r.get("queue_model"));
        assertEquals(-0.00005, num(r, "maker_fee").asDouble());
        assertEquals(0.0004, num(r, "taker_fee").asDouble());
        assertEquals(-42, num(r, "seed").asLong());
        assertEquals(1.5, num(r, "wall_time_s").asDouble());
        assertEquals(123_456_789_012L, num(r, "events_processed").asLong());
        assertEquals(run.extra(), r.get("extra"));

        // safe to paste into HTML and a script: nothing that could close or open a tag
        assertFalse(text.contains("<") || text.contains(">") || text.contains("&"));
        assertFalse(text.contains("\u2028") || text.contains("\u2029"));
    }

    /* Undefined figures are null, not NaN (which JSON does not have); a missing seed is null. */
    @SuppressWarnings("unchecked")
    @Test
    void undefinedFiguresAreNull() {
        Recording rec = new BacktestRecorder(TestGrid.FINE).finish(RunMetadata.empty());
        PerformanceSummary s = PerformanceSummary.of(rec, Double.NaN);
        String text = SummaryJson.toJson(s, rec.metadata());
        assertFalse(text.contains("NaN") || text.contains("Infinity"));
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(text);
        Map<String, Object> sum = (Map<String, Object>) doc.get("summary");
        for (String key :
                List.of("pnl", "return", "sharpe", "max_drawdown", "maker_share", "final_position", "capital_base")) {
            assertTrue(sum.containsKey(key));
            assertNull(sum.get(key), key);
        }
        assertEquals(0, num(sum, "trades").asLong());
        Map<String, Object> hb = (Map<String, Object>) doc.get("hftbacktest");
        for (String key : List.of("SR", "Sortino", "Return", "MaxDrawdown", "DailyTurnover", "MaxPositionValue")) {
            assertTrue(hb.containsKey(key));
            assertNull(hb.get(key), key);
        }
        Map<String, Object> r = (Map<String, Object>) doc.get("run");
        assertTrue(r.containsKey("seed"));
        assertNull(r.get("seed"));
        assertEquals(List.of(), r.get("data_files"));
        assertEquals(Map.of(), r.get("params"));
    }

    private static MiniJson.Num num(Map<String, Object> map, String key) {
        Object v = map.get(key);
        assertTrue(v instanceof MiniJson.Num, key + " is a number: " + v);
        return (MiniJson.Num) v;
    }

    /** The same double (bit for bit), or null for NaN. */
    private static void assertSame(double expected, Map<String, Object> map, String key) {
        assertTrue(map.containsKey(key), key);
        if (Double.isNaN(expected)) {
            assertNull(map.get(key), key);
        } else {
            assertEquals(
                    Double.doubleToLongBits(expected),
                    Double.doubleToLongBits(num(map, key).asDouble()),
                    key);
        }
    }
}
