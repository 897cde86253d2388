package io.factorgraph.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sweep's report page (docs/DESIGN.md §12): the points ranked, and a heat map of the metric over two axes of the
 * grid in which every cell shows its value and a cell that beats its weakest neighbour by much is outlined, so a lucky
 * point on a cliff shows; a link to the best point's own backtest report. One self-contained HTML file in the
 * backtest report's style and with its charting library (uPlot, inlined).
 */
public final class SweepReport {
    private static final String UPLOT_DIR = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    /**
     * A cell is a cliff when it beats its weakest edge neighbour by more than this share of the map's range: a smooth
     * surface changes by a step's worth between neighbours, a lucky point by most of the range.
     */
    static final double CLIFF_SHARE = 0.4;

    private SweepReport() {}

    /**
     * What the page shows.
     *
     * @param title e.g. the graph file
     * @param x the heat map's horizontal axis: a name of the grid
     * @param y its vertical axis
     * @param lowerIsBetter whether the metric ranks ascending (drawdowns, fees)
     * @param ranked the rows that ran, best first
     * @param bestReport the best point's backtest report, relative to the page, when written
     */
    public record Page(
            String title,
            Grid grid,
            Figures.Figure metric,
            String x,
            String y,
            boolean lowerIsBetter,
            List<SweepRow> ranked,
            int failed,
            Optional<String> bestReport) {
        public Page {
            ranked = List.copyOf(ranked);
        }
    }

    /** Writes {@code report.html} into {@code dir}; returns its path. */
    public static Path write(Path dir, Page page) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("report.html");
        Files.writeString(file, render(page), StandardCharsets.UTF_8);
        return file;
    }

    /** The heat map's cells: [y][x], the best metric over the points at that (x, y); null where none ran. */
    static Double[][] cells(Page page) {
        GridAxis xs = axis(page.grid(), page.x());
        GridAxis ys = axis(page.grid(), page.y());
        Double[][] cells = new Double[ys.size()][xs.size()];
        for (SweepRow row : page.ranked()) {
            int i = xs.values().indexOf(value(row, page.x()));
            int j = ys.values().indexOf(value(row, page.y()));
            double v = metric(row, page.metric());
            if (cells[j][i] == null || better(v, cells[j][i], page.lowerIsBetter())) {
                cells[j][i] = v;
            }
        }
        return cells;
    }

    /** Whether each cell beats its weakest edge neighbour by more than {@link #CLIFF_SHARE} of the map's range. */
    static boolean[][] cliffs(Double[][] cells, boolean lowerIsBetter) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Double[] row : cells) {
            for (Double v : row) {
                if (v != null && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        boolean[][] cliffs = new boolean[cells.length][cells.length == 0 ? 0 : cells[0].length];
        double threshold = CLIFF_SHARE * (hi - lo);
        for (int j = 0; j < cells.length; j++) {
            for (int i = 0; i < cells[j].length; i++) {
                Double v = cells[j][i];
                if (v == null || !(threshold > 0)) {
                    continue;
                }
                Optional<Double> worst = worstNeighbour(cells, i, j, lowerIsBetter);
                if (worst.isPresent()) {
                    double gap = lowerIsBetter ? worst.get() - v : v - worst.get();
                    cliffs[j][i] = gap > threshold;
                }
            }
        }
        return cliffs;
    }

    private static Optional<Double> worstNeighbour(Double[][] cells, int i, int j, boolean lowerIsBetter) {
        Double worst = null;
        for (int dj = -1; dj <= 1; dj++) {
            for (int di = -1; di <= 1; di++) {
                int jj = j + dj;
                int ii = i + di;
                if ((di == 0) == (dj == 0) || jj < 0 || jj >= cells.length || ii < 0 || ii >= cells[jj].length) {
                    continue;
                }
                Double n = cells[jj][ii];
                if (n != null && (worst == null || better(worst, n, lowerIsBetter))) {
                    worst = n;
                }
            }
        }
        return Optional.ofNullable(worst);
    }

    private static boolean better(double a, double b, boolean lowerIsBetter) {
        return lowerIsBetter ? a < b : a > b;
    }

    static String render(Page page) {
        Double[][] cells = cells(page);
        boolean[][] cliffs = cliffs(cells, page.lowerIsBetter());
        String html = resource("/io/factorgraph/sweep/sweep.html");
        return html.replace("{{title}}", escape("fg sweep: " + page.title()))
                .replace("{{uplot.css}}", resource(UPLOT_DIR + "uPlot.min.css"))
                .replace("{{report.css}}", resource("/io/factorgraph/backtest/report/report.css"))
                .replace("{{header}}", header(page))
                .replace("{{metric}}", escape(page.metric().name()))
                .replace(
                        "{{heatmap-hint}}",
                        escape(page.x() + " across, " + page.y() + " up; " + (page.lowerIsBetter() ? "lower" : "higher")
                                + " is better (yellow)"))
                .replace("{{table}}", table(page, cells))
                .replace("{{data}}", json(page, cells, cliffs).replace("</", "<\\/"))
                .replace("{{uplot.js}}", resource(UPLOT_DIR + "uPlot.iife.min.js"))
                .replace("{{sweep.js}}", resource("/io/factorgraph/sweep/sweep.js"));
    }

    private static String header(Page page) {
        StringBuilder out = new StringBuilder();
        out.append("<header class=\"card\"><h1>fg sweep <code>")
                .append(escape(page.title()))
                .append("</code></h1><p>")
                .append(page.ranked().size() + page.failed())
                .append(" points over ");
        List<String> axes = new ArrayList<>();
        for (GridAxis axis : page.grid().axes()) {
            axes.add("<code>" + escape(axis.name()) + "</code> (" + axis.size() + ")");
        }
        out.append(String.join(" &times; ", axes))
                .append("; ")
                .append(page.failed())
                .append(" failed. Ranked by <code>")
                .append(escape(page.metric().name()))
                .append("</code>.");
        page.bestReport().ifPresent(link -> out.append(" <a id=\"best-report\" href=\"")
                .append(escape(link))
                .append("\">The best point&rsquo;s full backtest report</a>."));
        return out.append("</p></header>").toString();
    }

    private static String table(Page page, Double[][] cells) {
        GridAxis xs = axis(page.grid(), page.x());
        GridAxis ys = axis(page.grid(), page.y());
        boolean[][] cliffs = cliffs(cells, page.lowerIsBetter());
        StringBuilder out =
                new StringBuilder("<section class=\"card\"><h2>Points, best first</h2><table id=\"ranked\">");
        out.append("<tr><th>rank</th><th>point</th>");
        page.grid().names().forEach(n -> out.append("<th>").append(escape(n)).append("</th>"));
        out.append("<th>")
                .append(escape(page.metric().name()))
                .append("</th><th>pnl</th><th>sharpe</th>")
                .append("<th>neighbours (worst&hellip;best)</th><th>cliff</th></tr>");
        int shown = Math.min(100, page.ranked().size());
        for (int r = 0; r < shown; r++) {
            SweepRow row = page.ranked().get(r);
            out.append("<tr><td>")
                    .append(r + 1)
                    .append("</td><td>")
                    .append(row.point().index())
                    .append("</td>");
            row.point()
                    .settings()
                    .forEach(s -> out.append("<td>").append(escape(s.value())).append("</td>"));
            out.append("<td>")
                    .append(number(metric(row, page.metric())))
                    .append("</td><td>")
                    .append(number(metric(row, Figures.named("pnl").orElseThrow())))
                    .append("</td><td>")
                    .append(number(metric(row, Figures.named("sharpe").orElseThrow())))
                    .append("</td>");
            int i = xs.values().indexOf(value(row, page.x()));
            int j = ys.values().indexOf(value(row, page.y()));
            Optional<Double> worst = worstNeighbour(cells, i, j, page.lowerIsBetter());
            Optional<Double> best = worstNeighbour(cells, i, j, !page.lowerIsBetter());
            out.append("<td>")
                    .append(worst.isPresent() ? number(worst.get()) + "&hellip;" + number(best.orElseThrow()) : "")
                    .append("</td><td>")
                    .append(cliffs[j][i] && cells[j][i] == metric(row, page.metric()) ? "cliff" : "")
                    .append("</td></tr>");
        }
        return out.append("</table></section>").toString();
    }

    private static String json(Page page, Double[][] cells, boolean[][] cliffs) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"lowerIsBetter\":").append(page.lowerIsBetter());
        out.append(",\"x\":").append(axisJson(axis(page.grid(), page.x())));
        out.append(",\"y\":").append(axisJson(axis(page.grid(), page.y())));
        out.append(",\"cells\":[");
        for (int j = 0; j < cells.length; j++) {
            out.append(j == 0 ? "[" : ",[");
            for (int i = 0; i < cells[j].length; i++) {
                Double v = cells[j][i];
                out.append(i == 0 ? "" : ",").append(v == null || !Double.isFinite(v) ? "null" : Double.toString(v));
            }
            out.append(']');
        }
        out.append("],\"labels\":[");
        for (int j = 0; j < cells.length; j++) {
            out.append(j == 0 ? "[" : ",[");
            for (int i = 0; i < cells[j].length; i++) {
                out.append(i == 0 ? "" : ",").append(string(cells[j][i] == null ? "" : number(cells[j][i])));
            }
            out.append(']');
        }
        out.append("],\"cliffs\":[");
        for (int j = 0; j < cliffs.length; j++) {
            out.append(j == 0 ? "[" : ",[");
            for (int i = 0; i < cliffs[j].length; i++) {
                out.append(i == 0 ? "" : ",").append(cliffs[j][i]);
            }
            out.append(']');
        }
        return out.append("]}").toString();
    }

    private static String axisJson(GridAxis axis) {
        StringBuilder out =
                new StringBuilder("{\"name\":").append(string(axis.name())).append(",\"values\":[");
        for (int i = 0; i < axis.size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(axis.values().get(i)));
        }
        return out.append("]}").toString();
    }

    private static GridAxis axis(Grid grid, String name) {
        return grid.axes().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no grid axis named " + name));
    }

    private static String value(SweepRow row, String axis) {
        return row.point().settings().stream()
                .filter(s -> s.name().equals(axis))
                .findFirst()
                .orElseThrow()
                .value();
    }

    /**
     * The row's figure: its one instrument's; for several, the total's ({@code fg backtest}'s portfolio summary: the
     * Sharpe ratio and drawdown of the summed equity), or the sum over the instruments for a figure the total lacks.
     */
    public static double metric(SweepRow row, Figures.Figure figure) {
        if (row.total().isPresent()) {
            for (Figures.TotalFigure t : Figures.TOTAL) {
                if (t.name().equals(figure.name())) {
                    return t.value().applyAsDouble(row.total().get());
                }
            }
        }
        double sum = 0;
        for (SweepRow.Instrument i : row.instruments()) {
            sum += figure.value().applyAsDouble(i.summary());
        }
        return sum;
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        return a != 0 && (a >= 1e6 || a < 1e-3)
                ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.4f", v);
    }

    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String resource(String name) {
        try (InputStream in = SweepReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
