package io.factorgraph.backtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The report of a backtest that trades several instruments (docs/DESIGN.md §11): each instrument's own report in a
 * folder named after its book ({@code DIR/NAME/}: exactly a one-instrument run's {@link BacktestReport}), and at the
 * top a {@code summary.json} holding every instrument's summary and the total, and a {@code report.html} with the
 * total's figures, a table of the instruments linking to their reports, and a chart of the PnL of each instrument
 * and of the portfolio (and the portfolio's drawdown).
 *
 * <p>{@code summary.json} ({@link #FORMAT}): {@code {"format", "instruments": {NAME: <the instrument's
 * summary.json document, as a one-instrument run writes it>, ...}, "total": {...}}}, the total's keys as {@link
 * PortfolioSummary}'s components in snake_case, plus {@code duration_s}; NaN is {@code null}.
 */
public final class PortfolioReport {
    /** The value of the {@code format} key; changes when a key changes meaning or goes away. */
    public static final String FORMAT = "factorgraph-backtest-portfolio/1";

    private PortfolioReport() {}

    /** One traded instrument: the name of its book, what it recorded and its summary. */
    public record Instrument(String name, Recording recording, PerformanceSummary summary) {
        public Instrument {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(recording, "recording");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** The files written: the portfolio's two, and each instrument's report by book name. */
    public record PortfolioFiles(
            Path summaryJson, Path reportHtml, Map<String, BacktestReport.ReportFiles> instruments) {}

    /**
     * Writes each instrument's report into {@code dir/NAME/}, then {@code dir/summary.json} and {@code
     * dir/report.html} (directories created when missing; files of those names replaced).
     */
    public static PortfolioFiles write(Path dir, List<Instrument> instruments, PortfolioSummary total)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, BacktestReport.ReportFiles> files = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            files.put(i.name(), BacktestReport.write(dir.resolve(i.name()), i.recording(), i.summary()));
        }
        Path json = dir.resolve(BacktestReport.SUMMARY_JSON);
        Files.writeString(json, toJson(instruments, total), StandardCharsets.UTF_8);
        Path html = dir.resolve(BacktestReport.REPORT_HTML);
        Files.writeString(html, render(instruments, total, ChartData.DEFAULT_BUCKETS), StandardCharsets.UTF_8);
        return new PortfolioFiles(json, html, files);
    }

    /** {@code summary.json} as a string, pretty-printed with two-space indents and a final newline. */
    public static String toJson(List<Instrument> instruments, PortfolioSummary t) {
        StringBuilder sb = new StringBuilder(4096 * (instruments.size() + 1));
        JsonWriter w = new JsonWriter(sb, true);
        w.beginObject();
        w.name("format").value(FORMAT);
        w.name("instruments").beginObject();
        for (Instrument i : instruments) {
            w.name(i.name());
            SummaryJson.write(w, i.summary(), i.recording().metadata());
        }
        w.endObject();
        w.name("total").beginObject();
        w.name("instruments").value(t.instruments());
        w.name("start_ns").value(t.startNs());
        w.name("end_ns").value(t.endNs());
        w.name("duration_s").value((t.endNs() - t.startNs()) / 1e9);
        w.name("records").value(t.records());
        w.name("pnl").value(t.pnl());
        w.name("pnl_before_fees").value(t.pnlBeforeFees());
        w.name("capital_base").value(t.capitalBase());
        w.name("return").value(t.returnOnCapital());
        w.name("sharpe").value(t.sharpe());
        w.name("sharpe_interval_ns").value(t.sharpeIntervalNs());
        w.name("max_drawdown").value(t.maxDrawdown());
        w.name("max_drawdown_of_capital").value(t.maxDrawdownOfCapital());
        w.name("max_drawdown_peak_ns").value(t.maxDrawdownPeakNs());
        w.name("max_drawdown_trough_ns").value(t.maxDrawdownTroughNs());
        w.name("trades").value(t.trades());
        w.name("filled_orders").value(t.filledOrders());
        w.name("maker_fills").value(t.makerFills());
        w.name("taker_fills").value(t.takerFills());
        w.name("volume_notional").value(t.volumeNotional());
        w.name("maker_share").value(t.makerShare());
        w.name("fees_total").value(t.feesTotal());
        w.name("fees_maker").value(t.feesMaker());
        w.name("fees_taker").value(t.feesTaker());
        w.endObject();
        w.endObject();
        sb.append('\n');
        return sb.toString();
    }

    /** The page, its series thinned to {@code buckets} time slices ({@link MinMaxDownsampling}). */
    static String render(List<Instrument> instruments, PortfolioSummary t, int buckets) {
        String graph = instruments.get(0).recording().metadata().graphFile();
        String title = graph.isEmpty() ? "Portfolio backtest report" : "Portfolio backtest report \u2014 " + graph;
        return HtmlReport.fill(
                HtmlReport.resource("portfolio.html"),
                Map.of(
                        "title", HtmlReport.escape(title),
                        "uplot.css", HtmlReport.resource(HtmlReport.UPLOT_DIR + "uPlot.min.css"),
                        "report.css", HtmlReport.resource("report.css"),
                        "header", header(graph, t),
                        "instruments", table(instruments, t),
                        "data", chartJson(instruments, buckets),
                        "uplot.js", HtmlReport.resource(HtmlReport.UPLOT_DIR + "uPlot.iife.min.js"),
                        "portfolio.js", HtmlReport.resource("portfolio.js")));
    }

    private static String header(String graph, PortfolioSummary t) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<header class=\"top\">\n<h1>Backtest report: ")
                .append(t.instruments())
                .append(" instruments</h1>\n");
        if (!graph.isEmpty()) {
            h.append("<span class=\"graph\">").append(HtmlReport.escape(graph)).append("</span>\n");
        }
        h.append("<div class=\"period\">")
                .append(HtmlReport.period(t.startNs(), t.endNs(), t.records(), t.trades()))
                .append("</div>\n</header>\n<div class=\"kpis\">\n");
        HtmlReport.kpi(
                h,
                "Total PnL",
                HtmlReport.signedMoney(t.pnl()),
                HtmlReport.tone(t.pnl()),
                "before fees " + HtmlReport.signedMoney(t.pnlBeforeFees()));
        HtmlReport.kpi(
                h,
                "Return",
                HtmlReport.percent(t.returnOnCapital()),
                HtmlReport.tone(t.returnOnCapital()),
                Double.isNaN(t.capitalBase()) ? "no capital base" : "on capital " + HtmlReport.money(t.capitalBase()));
        HtmlReport.kpi(
                h,
                "Sharpe",
                HtmlReport.number(t.sharpe(), 2),
                "",
                "summed equity, " + HtmlReport.interval(t.sharpeIntervalNs()) + " changes");
        HtmlReport.kpi(
                h,
                "Max drawdown",
                HtmlReport.money(t.maxDrawdown()),
                t.maxDrawdown() > 0 ? "down" : "",
                "of the summed equity");
        HtmlReport.kpi(
                h, "Trades", HtmlReport.count(t.trades()), "", HtmlReport.count(t.filledOrders()) + " orders filled");
        HtmlReport.kpi(
                h,
                "Volume",
                HtmlReport.money(t.volumeNotional()),
                "",
                "maker share " + HtmlReport.percent(t.makerShare()));
        HtmlReport.kpi(
                h,
                "Fees",
                HtmlReport.signedMoney(t.feesTotal()),
                HtmlReport.tone(-t.feesTotal()),
                "maker " + HtmlReport.signedMoney(t.feesMaker()) + " \u00b7 taker "
                        + HtmlReport.signedMoney(t.feesTaker()));
        h.append("</div>\n");
        return h.toString();
    }

    /** One row per instrument, its name linking to its own report, and the total. */
    private static String table(List<Instrument> instruments, PortfolioSummary t) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<section class=\"card\" id=\"instruments\"><h2>Instruments</h2>\n")
                .append("<p class=\"sub\">Each instrument traded on its own simulated exchange with its own account;")
                .append(" its name opens its full report.</p>\n<table class=\"facts\">\n")
                .append("<tr><th>instrument</th><th>PnL</th><th>return</th><th>max drawdown</th><th>fills</th>")
                .append("<th>volume</th><th>maker share</th><th>fees</th><th>final position</th></tr>\n");
        for (Instrument i : instruments) {
            PerformanceSummary s = i.summary();
            String name = HtmlReport.escape(i.name());
            h.append("<tr><td><a href=\"")
                    .append(name)
                    .append('/')
                    .append(BacktestReport.REPORT_HTML)
                    .append("\">")
                    .append(name)
                    .append("</a></td>");
            cells(
                    h,
                    HtmlReport.signedMoney(s.pnl()),
                    HtmlReport.percent(s.returnOnCapital()),
                    HtmlReport.money(s.maxDrawdown()),
                    HtmlReport.count(s.trades()),
                    HtmlReport.money(s.volumeNotional()),
                    HtmlReport.percent(s.makerShare()),
                    HtmlReport.signedMoney(s.feesTotal()),
                    String.format(java.util.Locale.ROOT, "%.6g", s.finalPosition()));
        }
        h.append("<tr class=\"total\"><td><b>total</b></td>");
        cells(
                h,
                HtmlReport.signedMoney(t.pnl()),
                HtmlReport.percent(t.returnOnCapital()),
                HtmlReport.money(t.maxDrawdown()),
                HtmlReport.count(t.trades()),
                HtmlReport.money(t.volumeNotional()),
                HtmlReport.percent(t.makerShare()),
                HtmlReport.signedMoney(t.feesTotal()),
                "\u2013");
        h.append("</table>\n</section>\n");
        return h.toString();
    }

    private static void cells(StringBuilder h, String... values) {
        for (String v : values) {
            h.append("<td class=\"num\">").append(v).append("</td>");
        }
        h.append("</tr>\n");
    }

    /**
     * The chart's data: times, the portfolio's PnL and drawdown, and each instrument's PnL (equity less its first
     * finite equity), thinned together.
     */
    private static String chartJson(List<Instrument> instruments, int buckets) {
        List<Recording> recordings = new ArrayList<>(instruments.size());
        instruments.forEach(i -> recordings.add(i.recording()));
        TimeSeries total = PortfolioSummary.totalSeries(recordings);
        int n = total.size();
        double[][] columns = new double[instruments.size() + 2][];
        columns[0] = pnl(total);
        columns[1] = drawdown(total);
        for (int k = 0; k < instruments.size(); k++) {
            columns[k + 2] = pnl(instruments.get(k).recording().series());
        }
        MinMaxDownsampling.Rows rows = MinMaxDownsampling.of(total.ts, columns, buckets);
        StringBuilder sb = new StringBuilder(64 + 24 * columns.length * rows.size());
        JsonWriter w = new JsonWriter(sb, false);
        w.beginObject();
        w.name("records").value(n);
        w.name("rowsShown").value(rows.size());
        w.name("t");
        ChartData.seconds(w, rows.ts());
        w.name("total");
        ChartData.numbers(w, rows.columns()[0]);
        w.name("drawdown");
        ChartData.numbers(w, rows.columns()[1]);
        w.name("instruments").beginArray();
        for (int k = 0; k < instruments.size(); k++) {
            w.beginObject();
            w.name("name").value(instruments.get(k).name());
            w.name("pnl");
            ChartData.numbers(w, rows.columns()[k + 2]);
            w.endObject();
        }
        w.endArray();
        w.endObject();
        return sb.toString();
    }

    private static double[] pnl(TimeSeries s) {
        double[] out = new double[s.size()];
        double first = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            double e = s.equity[i];
            if (Double.isNaN(first) && Double.isFinite(e)) {
                first = e;
            }
            out[i] = e - first;
        }
        return out;
    }

    private static double[] drawdown(TimeSeries s) {
        double[] out = new double[s.size()];
        double peak = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            double e = s.equity[i];
            if (Double.isFinite(e)) {
                peak = Double.isNaN(peak) ? e : Math.max(peak, e);
            }
            out[i] = e - peak;
        }
        return out;
    }
}
