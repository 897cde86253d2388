package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run of two instruments: {@code summary.json} holds each instrument's one-instrument document as
 * is and the total; each instrument has its own folder and report; the top page, opened in headless Chromium, lays
 * out the instruments' table with links and draws the portfolio's and each instrument's PnL and the drawdown.
 */
class PortfolioReportTest {
    private static List<PortfolioReport.Instrument> instruments() {
        Recording btc = SyntheticRecording.make(11, 4000, SyntheticRecording.metadata());
        Recording eth = SyntheticRecording.make(12, 4000, SyntheticRecording.metadata());
        return List.of(
                new PortfolioReport.Instrument(
                        "btc",
                        btc,
                        PerformanceSummary.of(btc, 0.01 * btc.series().mid(0))),
                new PortfolioReport.Instrument(
                        "eth",
                        eth,
                        PerformanceSummary.of(eth, 0.01 * eth.series().mid(0))));
    }

    private static PortfolioSummary total(List<PortfolioReport.Instrument> instruments) {
        return PortfolioSummary.of(
                instruments.stream().map(PortfolioReport.Instrument::recording).toList(),
                instruments.stream().map(PortfolioReport.Instrument::summary).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryJsonNestsEachInstrumentsDocumentAndTheTotal() {
        List<PortfolioReport.Instrument> instruments = instruments();
        PortfolioSummary total = total(instruments);
        String text = PortfolioReport.toJson(instruments, total);
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(text);
        assertEquals(PortfolioReport.FORMAT, doc.get("format"));
        Map<String, Object> each = (Map<String, Object>) doc.get("instruments");
        assertEquals(List.of("btc", "eth"), List.copyOf(each.keySet()));
        for (PortfolioReport.Instrument i : instruments) {
            // exactly the one-instrument document, parsed alike
            assertEquals(
                    MiniJson.parse(SummaryJson.toJson(i.summary(), i.recording().metadata())), each.get(i.name()));
        }
        Map<String, Object> t = (Map<String, Object>) doc.get("total");
        assertEquals(2, Integer.parseInt(((MiniJson.Num) t.get("instruments")).text()));
        assertEquals(total.pnl(), ((MiniJson.Num) t.get("pnl")).asDouble());
        assertEquals(
                instruments.get(0).summary().pnl()
                        + instruments.get(1).summary().pnl(),
                ((MiniJson.Num) t.get("pnl")).asDouble());
        assertEquals(total.maxDrawdown(), ((MiniJson.Num) t.get("max_drawdown")).asDouble());
        assertEquals(
                instruments.get(0).summary().trades()
                        + instruments.get(1).summary().trades(),
                Integer.parseInt(((MiniJson.Num) t.get("trades")).text()));
    }

    @Test
    void thePortfolioPageDrawsEverySeriesAndLinksEachInstrumentsReport(@TempDir Path tmp) throws Exception {
        List<PortfolioReport.Instrument> instruments = instruments();
        PortfolioReport.PortfolioFiles files =
                PortfolioReport.write(tmp.resolve("report"), instruments, total(instruments));
        for (String name : List.of("btc", "eth")) {
            for (String file : List.of("summary.json", "timeseries.csv", "fills.csv", "report.html")) {
                assertTrue(
                        Files.isRegularFile(tmp.resolve("report").resolve(name).resolve(file)), name + "/" + file);
            }
        }
        String dom = ReportBrowserTest.dumpDom(files.reportHtml(), tmp);
        assertTrue(dom.contains("<pre id=\"fg-errors\" hidden=\"\"></pre>"), "no script errors");
        assertTrue(dom.contains("data-fg-charts=\"2\""), "two charts constructed");
        Map<String, ReportBrowserTest.Evidence> ev = ReportBrowserTest.evidence(dom);
        assertEquals(List.of("pnl", "drawdown"), List.copyOf(ev.keySet()));
        for (String series : List.of("total", "instrument-0", "instrument-1")) {
            assertTrue(ev.get("pnl").series(series, "points") > 100, series);
            assertTrue(ev.get("pnl").series(series, "painted") >= 50, series + ": " + ev.get("pnl"));
        }
        assertTrue(ev.get("drawdown").series("drawdown", "painted") >= 50);
        Map<String, int[]> cards = ReportBrowserTest.cards(dom);
        assertEquals(4, cards.get("instruments")[1], "a header, one row per instrument, the total");
        assertTrue(cards.get("instruments")[0] > 80, "the table was laid out");
        assertTrue(dom.contains("<a href=\"btc/report.html\">btc</a>"), "links btc's report");
        assertTrue(dom.contains("<a href=\"eth/report.html\">eth</a>"), "links eth's report");
        // each instrument's own page is a full report that draws
        String btc = ReportBrowserTest.dumpDom(files.instruments().get("btc").reportHtml(), tmp);
        assertTrue(btc.contains("data-fg-charts=\"4\""), "btc's report draws its four charts");
    }
}
