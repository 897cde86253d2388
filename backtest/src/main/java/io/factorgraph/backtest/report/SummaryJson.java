package io.factorgraph.backtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code summary.json}: the {@link PerformanceSummary} and the {@link RunMetadata} for programs to read.
 * {@code "summary"} holds our figures (every record; Sharpe on 1 s changes over a 365-day year);
 * {@code "hftbacktest"} the figures hftbacktest prints for the same run, computed its way
 * ({@link HftbacktestStats}) and keyed by hftbacktest's own metric names, so that a program written for its
 * {@code stats().summary()} finds them under the names it knows.
 *
 * <p>Layout (keys always in this order, snake_case; NaN and infinities are {@code null}; times in ns
 * since the epoch as exact integers; durations in seconds as numbers):
 * <pre>
 * { "format": "factorgraph-backtest-summary/1",
 *   "summary": { "start_ns", "end_ns", "duration_s", "records", "initial_equity", "final_equity", "pnl",
 *                "pnl_before_fees", "capital_base", "return", "sharpe", "sharpe_interval_ns",
 *                "sharpe_periods", "max_drawdown", "max_drawdown_of_capital", "max_drawdown_peak_ns",
 *                "max_drawdown_trough_ns", "trades", "filled_orders", "maker_fills", "taker_fills",
 *                "buy_qty", "sell_qty", "volume_qty", "volume_notional", "maker_share",
 *                "maker_share_by_count", "fees_total", "fees_maker", "fees_taker", "final_position",
 *                "max_abs_position" },
 *   "hftbacktest": { "convention", "resample", "resample_ns", "trading_days_per_year", "book_size", "rows",
 *                    "days", "SR", "Sortino", "Return", "MaxDrawdown", "ReturnOverMDD", "DailyNumberOfTrades",
 *                    "DailyTradingValue", "DailyTurnover", "ReturnOverTrade", "MaxPositionValue", "pnl",
 *                    "max_drawdown_value", "trades", "trading_value" },
 *   "run": { "graph_file", "data_files": [..], "params": {..}, "latency", "queue_model", "maker_fee",
 *            "taker_fee", "seed" (integer or null), "wall_time_s", "events_processed", "extra": {..} } }
 * </pre>
 */
public final class SummaryJson {
    /** The value of the {@code format} key; changes when a key changes meaning or goes away. */
    public static final String FORMAT = "factorgraph-backtest-summary/1";

    private SummaryJson() {}

    /** Writes {@code summary.json} (UTF-8) to {@code file}. */
    public static void write(Path file, PerformanceSummary summary, RunMetadata run) throws IOException {
        Files.writeString(file, toJson(summary, run), StandardCharsets.UTF_8);
    }

    /** The document as a string, pretty-printed with two-space indents and a final newline. */
    public static String toJson(PerformanceSummary s, RunMetadata run) {
        StringBuilder sb = new StringBuilder(2048);
        write(new JsonWriter(sb, true), s, run);
        sb.append('\n');
        return sb.toString();
    }

    /** Writes the document as one JSON object, which may be the value of a key in a larger document. */
    static void write(JsonWriter w, PerformanceSummary s, RunMetadata run) {
        w.beginObject();
        w.name("format").value(FORMAT);
        w.name("summary").beginObject();
        w.name("start_ns").value(s.startNs());
        w.name("end_ns").value(s.endNs());
        w.name("duration_s").value((s.endNs() - s.startNs()) / 1e9);
        w.name("records").value(s.records());
        w.name("initial_equity").value(s.initialEquity());
        w.name("final_equity").value(s.finalEquity());
        w.name("pnl").value(s.pnl());
        w.name("pnl_before_fees").value(s.pnlBeforeFees());
        w.name("capital_base").value(s.capitalBase());
        w.name("return").value(s.returnOnCapital());
        w.name("sharpe").value(s.sharpe());
        w.name("sharpe_interval_ns").value(s.sharpeIntervalNs());
        w.name("sharpe_periods").value(s.sharpePeriods());
        w.name("max_drawdown").value(s.maxDrawdown());
        w.name("max_drawdown_of_capital").value(s.maxDrawdownOfCapital());
        w.name("max_drawdown_peak_ns").value(s.maxDrawdownPeakNs());
        w.name("max_drawdown_trough_ns").value(s.maxDrawdownTroughNs());
        w.name("trades").value(s.trades());
        w.name("filled_orders").value(s.filledOrders());
        w.name("maker_fills").value(s.makerFills());
        w.name("taker_fills").value(s.takerFills());
        w.name("buy_qty").value(s.buyQty());
        w.name("sell_qty").value(s.sellQty());
        w.name("volume_qty").value(s.volumeQty());
        w.name("volume_notional").value(s.volumeNotional());
        w.name("maker_share").value(s.makerShare());
        w.name("maker_share_by_count").value(s.makerShareByCount());
        w.name("fees_total").value(s.feesTotal());
        w.name("fees_maker").value(s.feesMaker());
        w.name("fees_taker").value(s.feesTaker());
        w.name("final_position").value(s.finalPosition());
        w.name("max_abs_position").value(s.maxAbsPosition());
        w.endObject();
        hftbacktest(w, s.hftbacktest());
        w.name("run").beginObject();
        w.name("graph_file").value(run.graphFile());
        w.name("data_files").beginArray();
        for (String f : run.dataFiles()) {
            w.value(f);
        }
        w.endArray();
        w.name("params");
        map(w, run.params());
        w.name("latency").value(run.latency());
        w.name("queue_model").value(run.queueModel());
        w.name("maker_fee").value(run.makerFee());
        w.name("taker_fee").value(run.takerFee());
        if (run.seed().isPresent()) {
            w.name("seed").value(run.seed().getAsLong());
        } else {
            w.name("seed").nullValue();
        }
        w.name("wall_time_s").value(run.wallTime().toNanos() / 1e9);
        w.name("events_processed").value(run.eventsProcessed());
        w.name("extra");
        map(w, run.extra());
        w.endObject();
        w.endObject();
    }

    private static void hftbacktest(JsonWriter w, HftbacktestStats h) {
        w.name("hftbacktest").beginObject();
        w.name("convention")
                .value("hftbacktest LinearAssetRecord(record).resample('" + h.interval()
                        + "').stats(book_size=book_size): equity resampled to the last record of each window, SR and "
                        + "Sortino annualised over " + (long) h.tradingDaysPerYear() + " days a year");
        w.name("resample").value(h.interval());
        w.name("resample_ns").value(h.resampleNs());
        w.name("trading_days_per_year").value(h.tradingDaysPerYear());
        w.name("book_size").value(h.bookSize());
        w.name("rows").value(h.rows());
        w.name("days").value(h.days());
        w.name("SR").value(h.sr());
        w.name("Sortino").value(h.sortino());
        w.name("Return").value(h.ret());
        w.name("MaxDrawdown").value(h.maxDrawdown());
        w.name("ReturnOverMDD").value(h.returnOverMdd());
        w.name("DailyNumberOfTrades").value(h.dailyNumberOfTrades());
        w.name("DailyTradingValue").value(h.dailyTradingValue());
        w.name("DailyTurnover").value(h.dailyTurnover());
        w.name("ReturnOverTrade").value(h.returnOverTrade());
        w.name("MaxPositionValue").value(h.maxPositionValue());
        w.name("pnl").value(h.pnl());
        w.name("max_drawdown_value").value(h.maxDrawdownValue());
        w.name("trades").value(h.trades());
        w.name("trading_value").value(h.tradingValue());
        w.endObject();
    }

    private static void map(JsonWriter w, Map<String, String> map) {
        w.beginObject();
        map.forEach((k, v) -> w.name(k).value(v));
        w.endObject();
    }
}
