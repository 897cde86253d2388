package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.browser.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens reports in headless Chromium and checks, from the evidence the page writes into its DOM after
 * drawing, that every chart drew its data: a canvas of a sensible size, and for every series the number of
 * points handed to uPlot and the number of plot-area pixels painted in that series' own colour.
 *
 * <p>Needs Debian's {@code chromium} package (or {@code FG_CHROMIUM} naming a Chromium or Chrome binary).
 * Without one the test fails, it does not skip: CI installs the package.
 */
class ReportBrowserTest {
    private static final Pattern TAG = Pattern.compile("<([bi]) (data-chart=[^>]*)>");
    private static final Pattern ATTR = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");

    static final Map<String, List<String>> SERIES = Map.of(
            "equity", List.of("pnl", "pnlGross"),
            "price", List.of("mid", "bestBid", "bestAsk", "quoteBid", "quoteAsk", "buy", "sell"),
            "position", List.of("position"),
            "drawdown", List.of("drawdown"));

    /** The evidence of one chart: its own attributes and those of each of its series. */
    record Evidence(Map<String, String> chart, Map<String, Map<String, String>> series) {
        long series(String id, String attr) {
            Map<String, String> s = series.get(id);
            assertNotNull(s, "no evidence for series " + id);
            return Long.parseLong(s.get(attr));
        }
    }

    @Test
    void everyChartOfARealisticReportDrawsItsData(@TempDir Path tmp) throws Exception {
        Recording rec = SyntheticRecording.make(11, 8000, HtmlReportTest.evilMetadata());
        PerformanceSummary summary =
                PerformanceSummary.of(rec, 0.01 * rec.series().mid(0));
        Path report = BacktestReport.write(tmp.resolve("report"), rec, summary).reportHtml();
        String dom = dumpDom(report, tmp);

        assertNoScriptErrors(dom);
        assertTrue(dom.contains("data-fg-charts=\"4\""), "four charts constructed");
        Map<String, Evidence> ev = evidence(dom);
        assertEquals(SERIES.keySet(), ev.keySet());
        ChartData data = new ChartData(rec, ChartData.DEFAULT_BUCKETS);
        for (var chart : SERIES.entrySet()) {
            Evidence e = ev.get(chart.getKey());
            assertTrue(Long.parseLong(e.chart().get("width")) >= 600, chart.getKey() + " width " + e.chart());
            assertTrue(Long.parseLong(e.chart().get("height")) >= 150, chart.getKey() + " height " + e.chart());
            assertTrue(Long.parseLong(e.chart().get("draws")) >= 1);
            for (String id : chart.getValue()) {
                assertEquals("true", e.series().get(id).get("shown"), id);
                assertTrue(e.series(id, "points") > 0, chart.getKey() + "/" + id + " has points");
                if (id.equals("bestBid") || id.equals("bestAsk")) {
                    continue; // over the whole run the one-tick touch lies under the mid line (see the next test)
                }
                assertTrue(
                        e.series(id, "painted") >= (id.equals("buy") || id.equals("sell") ? 10 : 50),
                        chart.getKey() + "/" + id + " painted pixels: "
                                + e.series().get(id));
            }
        }
        // the points drawn are the thinned rows the Java side computed
        assertEquals(data.rows.size(), ev.get("equity").series("pnl", "points"));
        assertEquals(data.rows.size(), ev.get("position").series("position", "points"));
        assertEquals(
                data.fillsShown,
                ev.get("price").series("buy", "points") + ev.get("price").series("sell", "points"));
        assertTrue(data.rows.size() < rec.series().size(), "this run is long enough to be thinned");

        // both tables were laid out, ours and hftbacktest's, each under a heading that says its convention
        Map<String, int[]> cards = cards(dom);
        assertTrue(cards.get("ours")[0] > 200 && cards.get("ours")[1] >= 15, "ours laid out: " + dom.length());
        assertTrue(cards.get("hftbacktest-stats")[0] > 150, "hftbacktest's table laid out");
        assertEquals(10, cards.get("hftbacktest-stats")[1], "one row per hftbacktest metric");
        assertTrue(dom.contains("<h2>hftbacktest\u2019s stats (resampled every 10s)</h2>"));
        assertTrue(dom.contains("<h2>Performance: ours</h2>"));
        HftbacktestStats h = summary.hftbacktest();
        assertTrue(Double.isFinite(h.sr()) && h.trades() > 0, "a run with hftbacktest figures to show");
        for (String[] metric : new String[][] {
            {"SR", HtmlReport.number(h.sr(), 3)},
            {"Sortino", HtmlReport.number(h.sortino(), 3)},
            {"ReturnOverMDD", HtmlReport.number(h.returnOverMdd(), 4)},
            {"DailyNumberOfTrades", HtmlReport.number(h.dailyNumberOfTrades(), 1)},
            {"DailyTradingValue", HtmlReport.money(h.dailyTradingValue())},
            {"MaxPositionValue", HtmlReport.money(h.maxPositionValue())}
        }) {
            assertTrue(dom.contains("<tr><th>" + metric[0] + "</th><td>" + metric[1]), metric[0] + " " + metric[1]);
        }

        // hostile file names were shown as text, not run: the browser holds them as text nodes, which it
        // serialises with only & < > escaped
        String asText = HtmlReportTest.EVIL_DATA
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
        assertTrue(dom.contains("<code>" + asText + "</code>"), asText);
        assertEquals(4, count(dom.toLowerCase(Locale.ROOT), "<script"), "no injected script element");
        assertFalse(dom.toLowerCase(Locale.ROOT).contains("<img"), "no injected image element");
    }

    /* A short run with no fills over a price range of a few ticks: every line series draws, and the fill
    series paint nothing (a control: the pixel probe does not find colours that are not there). */
    @Test
    void seriesWithoutDataPaintNothing(@TempDir Path tmp) throws Exception {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        long t0 = SyntheticRecording.START_NS;
        for (int i = 0; i < 120; i++) {
            double mid = 100 + Math.sin(i / 10.0);
            r.record(
                    t0 + i * 500_000_000L,
                    mid,
                    mid - 0.05,
                    mid + 0.05,
                    mid - 0.2,
                    mid + 0.2,
                    (i / 30) % 2,
                    10 + i * 0.01,
                    0);
        }
        Recording rec = r.finish(RunMetadata.empty());
        Path report = tmp.resolve("report.html");
        HtmlReport.write(report, rec, PerformanceSummary.of(rec, 100));
        String dom = dumpDom(report, tmp);
        assertNoScriptErrors(dom);
        Map<String, Evidence> ev = evidence(dom);
        Evidence price = ev.get("price");
        assertEquals(120, price.series("mid", "points"));
        assertTrue(price.series("mid", "painted") > 50);
        assertTrue(price.series("quoteBid", "painted") > 50);
        assertTrue(price.series("quoteAsk", "painted") > 50);
        // here the price range is a few ticks: the touch lines show beside the mid
        assertTrue(price.series("bestBid", "painted") > 50);
        assertTrue(price.series("bestAsk", "painted") > 50);
        assertEquals(0, price.series("buy", "points"));
        assertEquals(0, price.series("buy", "painted"));
        assertEquals(0, price.series("sell", "points"));
        assertEquals(0, price.series("sell", "painted"));
        assertTrue(ev.get("position").series("position", "painted") > 50);
    }

    @Test
    void emptyRecordingShowsAMessageAndNoError(@TempDir Path tmp) throws Exception {
        Recording rec = new BacktestRecorder(TestGrid.FINE).finish(RunMetadata.empty());
        Path report = tmp.resolve("report.html");
        HtmlReport.write(report, rec, PerformanceSummary.of(rec, Double.NaN));
        String dom = dumpDom(report, tmp);
        assertNoScriptErrors(dom);
        assertTrue(dom.contains("data-fg-charts=\"0\""));
        assertEquals(4, count(dom, ">No records: nothing to draw.</div>"));
    }

    /** The page's evidence of its tables: card id → {rendered height in px, table rows}. */
    static Map<String, int[]> cards(String dom) {
        Matcher m = Pattern.compile("data-fg-cards=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the page wrote its card evidence");
        Map<String, int[]> out = new HashMap<>();
        for (String card : m.group(1).split(" ")) {
            String[] parts = card.split(":");
            out.put(parts[0], new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2])});
        }
        return out;
    }

    private static void assertNoScriptErrors(String dom) {
        Matcher m = Pattern.compile("<pre id=\"fg-errors\" hidden=\"\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(m.find(), "error box present");
        assertEquals("", m.group(1), "script errors on the page");
    }

    static Map<String, Evidence> evidence(String dom) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        Matcher tag = TAG.matcher(dom);
        while (tag.find()) {
            Map<String, String> attrs = new HashMap<>();
            Matcher a = ATTR.matcher(tag.group(2));
            while (a.find()) {
                attrs.put(a.group(1), a.group(2));
            }
            Evidence e = out.computeIfAbsent(attrs.get("chart"), k -> new Evidence(new HashMap<>(), new HashMap<>()));
            if (tag.group(1).equals("b")) {
                e.chart().putAll(attrs);
            } else {
                e.series().put(attrs.get("series"), attrs);
            }
        }
        return out;
    }

    /** Runs headless Chromium on the page and returns the DOM after its scripts ran ({@link HeadlessChromium}). */
    static String dumpDom(Path page, Path tmp) throws IOException, InterruptedException {
        return HeadlessChromium.dumpDom(page, tmp);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
