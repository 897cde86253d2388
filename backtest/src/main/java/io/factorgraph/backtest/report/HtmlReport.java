package io.factorgraph.backtest.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code report.html}: one self-contained page (no network access: uPlot, its stylesheet, the page's
 * script and the data are all inlined) with the summary figures, the run's metadata, and four charts
 * drawn with uPlot: equity and PnL, price (mid, the market's best bid and ask, the strategy's quotes, and
 * buy and sell fills as markers), position, and drawdown. Times are UTC; the charts share a cursor and
 * zoom together (drag to zoom, double-click to reset).
 *
 * <p>Long runs are thinned for the page by {@link MinMaxDownsampling} (min/max per slice of the run, about
 * one slice per pixel), which keeps every extreme; the footer says how much was thinned. Every text taken
 * from the run (file names, parameters) is HTML-escaped, and the data is embedded as JSON escaped for a
 * script element.
 */
public final class HtmlReport {
    static final String UPLOT_VERSION = "1.6.30";
    static final String UPLOT_DIR = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";
    private static final Map<String, String> RESOURCES = new ConcurrentHashMap<>();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HtmlReport() {}

    /** Writes the page (UTF-8) to {@code file}. */
    public static void write(Path file, Recording recording, PerformanceSummary summary) throws IOException {
        Files.writeString(file, render(recording, summary), StandardCharsets.UTF_8);
    }

    /** The page as a string, with the default thinning (1500 slices). */
    public static String render(Recording recording, PerformanceSummary summary) {
        return render(recording, summary, ChartData.DEFAULT_BUCKETS);
    }

    /** The page as a string, series thinned to {@code buckets} time slices (at most two rows each). */
    public static String render(Recording recording, PerformanceSummary summary, int buckets) {
        ChartData data = new ChartData(recording, buckets);
        RunMetadata run = recording.metadata();
        String title = run.graphFile().isEmpty() ? "Backtest report" : "Backtest report \u2014 " + run.graphFile();
        return fill(
                resource("report.html"),
                Map.of(
                        "title", escape(title),
                        "uplot.css", resource(UPLOT_DIR + "uPlot.min.css"),
                        "report.css", resource("report.css"),
                        "header", header(summary, run, data),
                        "details", details(summary, run, data),
                        "equity.hint", equityHint(data.initialEquity),
                        "footer", footer(data),
                        "data", data.toJson(),
                        "uplot.js", resource(UPLOT_DIR + "uPlot.iife.min.js"),
                        "report.js", resource("report.js")));
    }

    /**
     * {@code s} with {@code & < > " '} replaced by character references: safe as element text and inside
     * quoted attribute values.
     */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String header(PerformanceSummary s, RunMetadata run, ChartData data) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<header class=\"top\">\n<h1>Backtest report</h1>\n");
        if (!run.graphFile().isEmpty()) {
            h.append("<span class=\"graph\">").append(escape(run.graphFile())).append("</span>\n");
        }
        h.append("<div class=\"period\">").append(period(s)).append("</div>\n</header>\n");

        int qd = data.qtyDecimals;
        h.append("<div class=\"kpis\">\n");
        kpi(h, "PnL", signedMoney(s.pnl()), tone(s.pnl()), "before fees " + signedMoney(s.pnlBeforeFees()));
        kpi(
                h,
                "Return",
                percent(s.returnOnCapital()),
                tone(s.returnOnCapital()),
                Double.isNaN(s.capitalBase()) ? "no capital base" : "on capital " + money(s.capitalBase()));
        kpi(
                h,
                "Sharpe",
                number(s.sharpe(), 2),
                "",
                "ours: " + interval(s.sharpeIntervalNs()) + " changes, 365-day year");
        HftbacktestStats hb = s.hftbacktest();
        kpi(
                h,
                "SR (hftbacktest)",
                number(hb.sr(), 2),
                "",
                "resampled every " + hb.interval() + ", " + (long) hb.tradingDaysPerYear() + "-day year");
        kpi(
                h,
                "Max drawdown",
                money(s.maxDrawdown()),
                s.maxDrawdown() > 0 ? "down" : "",
                Double.isNaN(s.maxDrawdownOfCapital()) ? "" : percent(s.maxDrawdownOfCapital()) + " of capital");
        kpi(h, "Trades", count(s.trades()), "", count(s.filledOrders()) + " orders filled");
        kpi(h, "Volume", money(s.volumeNotional()), "", "qty " + number(s.volumeQty(), qd));
        kpi(h, "Maker share", percent(s.makerShare()), "", percent(s.makerShareByCount()) + " of fills");
        kpi(
                h,
                "Fees",
                signedMoney(s.feesTotal()),
                tone(-s.feesTotal()),
                "maker " + signedMoney(s.feesMaker()) + " \u00b7 taker " + signedMoney(s.feesTaker()));
        h.append("</div>\n");

        return h.toString();
    }

    private static String details(PerformanceSummary s, RunMetadata run, ChartData data) {
        int qd = data.qtyDecimals;
        StringBuilder h = new StringBuilder(8192);
        h.append("<div class=\"tables\">\n<section class=\"card\" id=\"ours\"><h2>Performance: ours</h2>\n")
                .append("<p class=\"sub\">Every record at full resolution; Sharpe on ")
                .append(interval(s.sharpeIntervalNs()))
                .append(" equity changes over a 365-day year.</p>\n")
                .append("<table class=\"facts\">\n");
        row(h, "Initial equity", money(s.initialEquity()));
        row(h, "Final equity", money(s.finalEquity()));
        row(h, "PnL", signedMoney(s.pnl()));
        row(h, "PnL before fees", signedMoney(s.pnlBeforeFees()));
        row(h, "Capital base", money(s.capitalBase()));
        row(h, "Return", percent(s.returnOnCapital()));
        row(
                h,
                "Sharpe ratio",
                number(s.sharpe(), 3) + " <span class=\"sub\">(" + count(s.sharpePeriods()) + " equity changes of "
                        + interval(s.sharpeIntervalNs()) + ", \u00d7\u221a(periods in 365 days))</span>");
        row(
                h,
                "Max drawdown",
                money(s.maxDrawdown())
                        + (Double.isNaN(s.maxDrawdownOfCapital())
                                ? ""
                                : " (" + percent(s.maxDrawdownOfCapital()) + " of capital)"));
        if (s.maxDrawdown() > 0) {
            row(
                    h,
                    "Drawdown peak \u2192 trough",
                    clock(s.maxDrawdownPeakNs()) + " \u2192 " + clock(s.maxDrawdownTroughNs()) + " UTC");
        }
        row(
                h,
                "Fills (maker / taker)",
                count(s.trades()) + " (" + count(s.makerFills()) + " / " + count(s.takerFills()) + ")");
        row(h, "Bought / sold", number(s.buyQty(), qd) + " / " + number(s.sellQty(), qd));
        row(h, "Volume (qty / notional)", number(s.volumeQty(), qd) + " / " + money(s.volumeNotional()));
        row(h, "Maker share (notional / fills)", percent(s.makerShare()) + " / " + percent(s.makerShareByCount()));
        row(
                h,
                "Fees (total / maker / taker)",
                signedMoney(s.feesTotal()) + " / " + signedMoney(s.feesMaker()) + " / " + signedMoney(s.feesTaker()));
        row(h, "Final position", number(s.finalPosition(), qd));
        row(h, "Largest |position|", number(s.maxAbsPosition(), qd));
        h.append("</table>\n</section>\n");
        hftbacktest(h, s.hftbacktest());

        h.append("<section class=\"card\"><h2>Run</h2>\n<table class=\"facts\">\n");
        row(h, "Graph", run.graphFile().isEmpty() ? "\u2013" : "<code>" + escape(run.graphFile()) + "</code>");
        if (run.dataFiles().isEmpty()) {
            row(h, "Data", "built-in synthetic market");
        } else {
            StringBuilder files = new StringBuilder("<ul>");
            for (String f : run.dataFiles()) {
                files.append("<li><code>").append(escape(f)).append("</code></li>");
            }
            row(h, "Data", files.append("</ul>").toString());
        }
        if (!run.params().isEmpty()) {
            StringBuilder params = new StringBuilder("<ul>");
            run.params().forEach((k, v) -> params.append("<li><code>")
                    .append(escape(k))
                    .append(" = ")
                    .append(escape(v))
                    .append("</code></li>"));
            row(h, "Parameters", params.append("</ul>").toString());
        }
        row(h, "Latency", run.latency().isEmpty() ? "\u2013" : escape(run.latency()));
        row(h, "Queue model", run.queueModel().isEmpty() ? "\u2013" : escape(run.queueModel()));
        row(h, "Fees (maker / taker)", feeRate(run.makerFee()) + " / " + feeRate(run.takerFee()));
        row(h, "Seed", run.seed().isPresent() ? Long.toString(run.seed().getAsLong()) : "\u2013");
        run.extra().forEach((k, v) -> row(h, escape(k), escape(v)));
        row(h, "Events processed", count(run.eventsProcessed()));
        row(h, "Wall time", duration(run.wallTime()) + eventRate(run));
        h.append("</table>\n</section>\n</div>\n");
        return h.toString();
    }

    /** hftbacktest's figures, under its metric names, with the call that gives them in hftbacktest. */
    private static void hftbacktest(StringBuilder h, HftbacktestStats hb) {
        h.append("<section class=\"card\" id=\"hftbacktest-stats\"><h2>hftbacktest\u2019s stats (resampled every ")
                .append(hb.interval())
                .append(")</h2>\n<p class=\"sub\">As <code>LinearAssetRecord(record).resample('")
                .append(hb.interval())
                .append("').stats(")
                .append(
                        Double.isNaN(hb.bookSize())
                                ? ""
                                : "book_size=" + number(hb.bookSize(), 2).replace(",", ""))
                .append(")</code> computes them: equity resampled to the last record of each ")
                .append(hb.interval())
                .append(" window, SR and Sortino annualised over ")
                .append((long) hb.tradingDaysPerYear())
                .append(" days a year (")
                .append(count(hb.rows()))
                .append(" rows).</p>\n<table class=\"facts\">\n");
        row(h, "SR", number(hb.sr(), 3));
        row(h, "Sortino", number(hb.sortino(), 3));
        row(h, "Return", percent(hb.ret()) + " <span class=\"sub\">(" + signedMoney(hb.pnl()) + ")</span>");
        row(
                h,
                "MaxDrawdown",
                percent(hb.maxDrawdown()) + " <span class=\"sub\">(" + money(hb.maxDrawdownValue()) + ")</span>");
        row(h, "ReturnOverMDD", number(hb.returnOverMdd(), 4));
        row(h, "DailyNumberOfTrades", number(hb.dailyNumberOfTrades(), 1));
        row(h, "DailyTradingValue", money(hb.dailyTradingValue()));
        row(h, "DailyTurnover", number(hb.dailyTurnover(), 2));
        row(
                h,
                "ReturnOverTrade",
                Double.isFinite(hb.returnOverTrade())
                        ? String.format(Locale.ROOT, "%.6g", hb.returnOverTrade())
                        : "n/a");
        row(h, "MaxPositionValue", money(hb.maxPositionValue()));
        h.append("</table>\n</section>\n");
    }

    private static String equityHint(double initialEquity) {
        String hint = "PnL = equity − initial equity (" + money(initialEquity) + ")";
        return initialEquity != 0 && Double.isFinite(initialEquity) ? hint + "; equity on the right axis" : hint;
    }

    private static String footer(ChartData data) {
        StringBuilder f = new StringBuilder("<footer>");
        if (data.rows.size() < data.records) {
            f.append("Charts show ")
                    .append(count(data.rows.size()))
                    .append(" of ")
                    .append(count(data.records))
                    .append(" records: each of ")
                    .append(count(data.buckets))
                    .append(" equal time slices is drawn as its minimum and maximum, so every extreme is kept. ");
        } else {
            f.append("Charts show all ").append(count(data.records)).append(" records. ");
        }
        if (data.fillsShown < data.fills) {
            f.append("Fill markers: ")
                    .append(count(data.fillsShown))
                    .append(" of ")
                    .append(count(data.fills))
                    .append(" (in each of ")
                    .append(count(data.fillBuckets))
                    .append(" time slices, each side\u2019s lowest- and highest-priced fill). ");
        }
        f.append("<code>timeseries.csv</code> and <code>fills.csv</code> hold every record and fill. ")
                .append("Drag on a chart to zoom, double-click to reset. Made by factorgraph with uPlot ")
                .append(UPLOT_VERSION)
                .append(".</footer>");
        return f.toString();
    }

    static void kpi(StringBuilder h, String label, String value, String tone, String sub) {
        h.append("<div class=\"kpi\"><div class=\"label\">").append(label).append("</div><div class=\"value");
        if (!tone.isEmpty()) {
            h.append(' ').append(tone);
        }
        h.append("\">")
                .append(value)
                .append("</div><div class=\"sub\">")
                .append(sub)
                .append("</div></div>\n");
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th>").append(label).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    static String tone(double v) {
        return v > 0 ? "up" : v < 0 ? "down" : "";
    }

    private static String period(PerformanceSummary s) {
        return period(s.startNs(), s.endNs(), s.records(), s.trades());
    }

    /** {@code start → end UTC · duration · N records · M fills}. */
    static String period(long startNs, long endNs, int records, int trades) {
        if (records == 0) {
            return "no records";
        }
        String start = STAMP.format(instant(startNs));
        String end = STAMP.format(instant(endNs));
        if (start.regionMatches(0, end, 0, 10)) {
            end = end.substring(11);
        }
        return start + " \u2192 " + end + " UTC \u00b7 " + duration(Duration.ofNanos(endNs - startNs)) + " \u00b7 "
                + count(records) + " records \u00b7 " + count(trades) + " fills";
    }

    static Instant instant(long ns) {
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }

    private static String clock(long ns) {
        return CLOCK.format(instant(ns));
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long h = d.toHours();
        long m = d.toMinutesPart();
        double sec = d.toSecondsPart() + d.toMillisPart() / 1000.0;
        if (h > 0) {
            return String.format(Locale.ROOT, "%d h %d min %.0f s", h, m, sec);
        }
        if (m > 0) {
            return String.format(Locale.ROOT, "%d min %.1f s", m, sec);
        }
        return String.format(Locale.ROOT, "%.2f s", sec);
    }

    static String interval(long ns) {
        if (ns % 1_000_000_000L == 0) {
            return ns / 1_000_000_000L + " s";
        }
        if (ns % 1_000_000L == 0) {
            return ns / 1_000_000L + " ms";
        }
        return ns + " ns";
    }

    private static String eventRate(RunMetadata run) {
        long nanos = run.wallTime().toNanos();
        if (nanos <= 0 || run.eventsProcessed() <= 0) {
            return "";
        }
        double rate = run.eventsProcessed() / (nanos / 1e9);
        return " (" + count(Math.round(rate)) + " events/s)";
    }

    static String money(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        int d = a >= 1 || a == 0 ? 2 : Math.min(8, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%,." + d + "f", v);
    }

    static String signedMoney(double v) {
        String m = money(v);
        return v > 0 ? "+" + m : m;
    }

    static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        double p = fraction * 100;
        if (p != 0 && Math.abs(p) < 0.01) {
            // tiny returns keep two significant digits rather than printing as 0.000 %
            return new java.math.BigDecimal(p)
                            .round(new java.math.MathContext(2))
                            .toPlainString() + " %";
        }
        return String.format(Locale.ROOT, Math.abs(p) < 1 ? "%.3f %%" : "%.2f %%", p);
    }

    private static String feeRate(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%s bp", stripZeros(fraction * 10_000));
    }

    private static String stripZeros(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    static String number(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Replaces each {@code {{name}}} in one pass (inserted text is never scanned again). */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256 * 1024);
        int i = 0;
        while (true) {
            int open = template.indexOf("{{", i);
            if (open < 0) {
                out.append(template, i, template.length());
                return out.toString();
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalStateException("unclosed {{ in template at " + open);
            }
            String name = template.substring(open + 2, close);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("template names {{" + name + "}}, which has no value");
            }
            out.append(template, i, open).append(value);
            i = close + 2;
        }
    }

    /** A classpath resource as text: relative names are beside this class. */
    static String resource(String name) {
        return RESOURCES.computeIfAbsent(name, n -> {
            try (InputStream in = HtmlReport.class.getResourceAsStream(n)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + n + " is not on the classpath"
                            + (n.contains("webjars")
                                    ? " (the org.webjars.npm:uplot:" + UPLOT_VERSION + " WebJar)"
                                    : ""));
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String lower = text.toLowerCase(Locale.ROOT);
                if (!n.endsWith(".html") && (lower.contains("</script") || lower.contains("</style"))) {
                    throw new IllegalStateException("resource " + n + " contains a closing tag and cannot be inlined");
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException("reading resource " + n, e);
            }
        });
    }
}
