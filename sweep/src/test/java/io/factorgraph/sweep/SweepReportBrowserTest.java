package io.factorgraph.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.browser.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep report in headless Chromium, as the backtest report is tested: the heat map drew every cell in its own
 * colour (the page reads its canvas back after drawing and writes what it found into the DOM), the cliffs it outlined
 * are the ones the Java side computed, and the ranked table and the link to the best point's report are there.
 *
 * <p>Needs Debian's {@code chromium} package (or {@code FG_CHROMIUM}); without one the test fails, it does not skip.
 */
class SweepReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void theHeatMapDrawsEveryCellOfARealSweep() throws Exception {
        Grid grid = Grid.parse(List.of("half_spread=0.00001:0.00004:0.00001", "skew=0.00001,0.00004"), 100, false);
        SweepRunner runner = RecordedSweeps.runner(grid, 0);
        DataSpan span = RecordedSweeps.SPAN;
        List<SweepRow> rows = runner.run(runner.compile(1), span, SweepRunner.Progress.NONE);
        Figures.Figure pnl = Figures.named("pnl").orElseThrow();
        List<SweepRow> ranked = rows.stream()
                .sorted((a, b) -> Double.compare(SweepReport.metric(b, pnl), SweepReport.metric(a, pnl)))
                .toList();
        SweepReport.Page page = new SweepReport.Page(
                "obi_mm.fg <script>",
                grid,
                pnl,
                "half_spread",
                "skew",
                false,
                ranked,
                0,
                Optional.of("best/report.html"));
        Path html = SweepReport.write(dir.resolve("report"), page);
        String dom = dumpDom(html);

        Matcher errors = Pattern.compile("<pre id=\"fg-errors\" hidden=\"\">(.*?)</pre>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(errors.find(), "error box present");
        assertEquals("", errors.group(1), "script errors on the page");
        Matcher ev = Pattern.compile("<b data-chart=\"heatmap\" ([^>]*)>").matcher(dom);
        assertTrue(ev.find(), "heat map evidence in " + dom.length() + " chars");
        Map<String, String> attrs = attributes(ev.group(1));
        assertEquals("8", attrs.get("data-cells"));
        assertEquals("8", attrs.get("data-painted"), "every cell painted in its colour: " + attrs);
        assertTrue(Integer.parseInt(attrs.get("data-width")) >= 600, attrs.toString());
        Double[][] cells = SweepReport.cells(page);
        int cliffs = 0;
        for (boolean[] row : SweepReport.cliffs(cells, false)) {
            for (boolean c : row) {
                cliffs += c ? 1 : 0;
            }
        }
        assertEquals(Integer.toString(cliffs), attrs.get("data-cliffs"));
        assertTrue(dom.contains("<a id=\"best-report\" href=\"best/report.html\">"), "the best point's report linked");
        assertEquals(9, count(dom, "<tr>"), "a header and one row per point");
        assertTrue(dom.contains("obi_mm.fg &lt;script&gt;"), "the title shown as text");
        assertFalse(dom.contains("obi_mm.fg <script>"));
    }

    @Test
    void aSpikeOnASmoothSurfaceIsACliffAndTheSurfaceIsNot() {
        Double[][] smooth = new Double[4][5];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 5; i++) {
                smooth[j][i] = (double) (i + j);
            }
        }
        for (boolean[] row : SweepReport.cliffs(smooth, false)) {
            assertArrayEquals(new boolean[5], row);
        }
        smooth[2][2] = 30.0;
        boolean[][] cliffs = SweepReport.cliffs(smooth, false);
        assertTrue(cliffs[2][2]);
        assertFalse(cliffs[0][0]);
        // ranked ascending (a drawdown), the spike is the worst point, not a cliff; a hole is
        smooth[2][2] = -30.0;
        assertTrue(SweepReport.cliffs(smooth, true)[2][2]);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = Pattern.compile("([a-z-]+)=\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private String dumpDom(Path page) throws IOException, InterruptedException {
        return HeadlessChromium.dumpDom(page, dir);
    }
}
