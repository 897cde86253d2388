package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page is self-contained, escapes everything it embeds, and carries the data its charts need. */
class HtmlReportTest {
    static final String EVIL_GRAPH = "x</title><script>alert(1)</script>{{data}}.fg";
    static final String EVIL_DATA = "a&b \"c\" 'd' <e>.gz";
    static final String EVIL_PARAM = "</script><img src=x onerror=alert(2)>";

    static RunMetadata evilMetadata() {
        return RunMetadata.builder()
                .graphFile(EVIL_GRAPH)
                .dataFile(EVIL_DATA)
                .param(EVIL_PARAM, EVIL_PARAM)
                .latency("<b>fast</b>")
                .queueModel("queue&model")
                .extra("<k>", "\"v\"")
                .build();
    }

    @Test
    void escapesEveryTextItEmbeds() {
        assertEquals("a&amp;b &quot;c&quot; &#39;d&#39; &lt;e&gt;.gz", HtmlReport.escape(EVIL_DATA));
        Recording rec = SyntheticRecording.make(1, 500, evilMetadata());
        String page = HtmlReport.render(rec, PerformanceSummary.of(rec, 600));
        for (String raw : List.of(EVIL_GRAPH, EVIL_DATA, EVIL_PARAM, "<b>fast</b>", "queue&model", "<k>", "\"v\"")) {
            assertFalse(page.contains(raw), "raw text in the page: " + raw);
        }
        assertTrue(page.contains(HtmlReport.escape(EVIL_GRAPH)));
        assertTrue(page.contains(HtmlReport.escape(EVIL_DATA)));
        assertTrue(page.contains(HtmlReport.escape(EVIL_PARAM)));
        assertTrue(page.contains("<title>Backtest report \u2014 " + HtmlReport.escape(EVIL_GRAPH) + "</title>"));
        // the page's own script elements and nothing else: an error hook, the data, uPlot, the charts
        String lower = page.toLowerCase(Locale.ROOT);
        assertEquals(4, count(lower, "<script"));
        assertEquals(4, count(lower, "</script"));
        assertEquals(0, count(lower, "<img"));
        // the template is filled in one pass: "{{data}}" inside a file name stays text
        assertTrue(page.contains("{{data}}.fg"));
    }

    @Test
    void isSelfContained() {
        Recording rec = SyntheticRecording.make(2, 300, SyntheticRecording.metadata());
        String page = HtmlReport.render(rec, PerformanceSummary.of(rec, 600));
        String lower = page.toLowerCase(Locale.ROOT);
        assertFalse(
                Pattern.compile("<(script|img|iframe)[^>]*\\ssrc\\s*=")
                        .matcher(lower)
                        .find(),
                "no src=");
        assertFalse(lower.contains("<link"), "no linked stylesheet");
        assertFalse(
                Pattern.compile("url\\(\\s*['\"]?(https?:)?//").matcher(lower).find(), "no remote CSS url()");
        assertFalse(lower.contains("@import"));
        assertTrue(
                page.contains("uPlot (v" + HtmlReport.UPLOT_VERSION + ")")
                        || page.contains("v" + HtmlReport.UPLOT_VERSION),
                "uPlot inlined");
        assertTrue(page.contains(".u-legend"), "uPlot's stylesheet inlined");
        assertTrue(page.contains("<meta charset=\"utf-8\">"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void embedsChartDataAsParsableJson(@TempDir Path dir) throws Exception {
        Recording rec = SyntheticRecording.make(3, 5000, evilMetadata());
        PerformanceSummary summary = PerformanceSummary.of(rec, 600);
        BacktestReport.ReportFiles files = BacktestReport.write(dir.resolve("out"), rec, summary);
        for (Path p : List.of(files.summaryJson(), files.timeseriesCsv(), files.fillsCsv(), files.reportHtml())) {
            assertTrue(Files.size(p) > 0, p.toString());
        }
        assertEquals(5001, Files.readAllLines(files.timeseriesCsv()).size());
        assertEquals(
                rec.fills().size() + 1, Files.readAllLines(files.fillsCsv()).size());

        String page = Files.readString(files.reportHtml());
        Matcher m = Pattern.compile("<script id=\"fg-data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find());
        Map<String, Object> data = (Map<String, Object>) MiniJson.parse(m.group(1));
        assertEquals(5000L, ((MiniJson.Num) data.get("records")).asLong());
        long shown = ((MiniJson.Num) data.get("rowsShown")).asLong();
        assertTrue(shown < 5000 && shown <= 2 * ChartData.DEFAULT_BUCKETS, "thinned: " + shown);
        for (String key : List.of("t", "pnl", "pnlGross", "drawdown", "position")) {
            assertEquals(shown, ((List<Object>) data.get(key)).size(), key);
        }
        Map<String, Object> price = (Map<String, Object>) data.get("price");
        long priceRows = shown + ((MiniJson.Num) data.get("fillsShown")).asLong();
        for (String key : List.of("t", "mid", "bestBid", "bestAsk", "quoteBid", "quoteAsk", "buy", "sell")) {
            assertEquals(priceRows, ((List<Object>) price.get(key)).size(), key);
        }
        assertTrue(page.contains("Charts show " + String.format(Locale.ROOT, "%,d", shown) + " of 5,000 records"));
    }

    @Test
    void figuresAreFormattedForPeople() {
        assertEquals("1,234.57", HtmlReport.money(1234.567));
        assertEquals("+0.0123", HtmlReport.signedMoney(0.012345));
        assertEquals("n/a", HtmlReport.money(Double.NaN));
        assertEquals("0.00", HtmlReport.money(0));
        assertEquals("12.35 %", HtmlReport.percent(0.123456));
        assertEquals("0.500 %", HtmlReport.percent(0.005));
        assertEquals("-0.00038 %", HtmlReport.percent(-3.8e-6));
        assertEquals("n/a", HtmlReport.percent(Double.NaN));
        assertEquals("5 min 44.9 s", HtmlReport.duration(java.time.Duration.ofMillis(344_900)));
        assertEquals("250 ms", HtmlReport.duration(java.time.Duration.ofMillis(250)));
        assertEquals("1 h 2 min 3 s", HtmlReport.duration(java.time.Duration.ofSeconds(3723)));
    }

    @Test
    void emptyRecordingStillMakesAPage() {
        Recording rec = new BacktestRecorder(TestGrid.FINE).finish(RunMetadata.empty());
        String page = HtmlReport.render(rec, PerformanceSummary.of(rec, Double.NaN));
        assertTrue(page.contains("no records"));
        assertTrue(page.contains("built-in synthetic market"));
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
