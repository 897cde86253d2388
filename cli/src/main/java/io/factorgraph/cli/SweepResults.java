package io.factorgraph.cli;

import io.factorgraph.sweep.Figures;
import io.factorgraph.sweep.Grid;
import io.factorgraph.sweep.GridPoint;
import io.factorgraph.sweep.SweepReport;
import io.factorgraph.sweep.SweepRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code fg sweep} shows of its rows: the points ranked by {@code --rank} (day by day with {@code --days}) and
 * {@code --report DIR}. One piece for the sweep on this machine and on a cluster, so that both print the same table
 * and write the same report from the same rows.
 *
 * @param grid the sweep's grid
 * @param metric {@code --rank}
 * @param top {@code --top}: how many ranked points to print
 * @param days {@code --days}: the spans are days, printed one after the other, each point's state carried through
 */
record SweepResults(Grid grid, Figures.Figure metric, int top, boolean days) {
    /** Metrics where less is better: ranked ascending. */
    static final Set<String> LOWER_IS_BETTER =
            Set.of("max_drawdown", "max_drawdown_of_capital", "fees_total", "fees_maker", "fees_taker");

    /** The ranked table, per day with {@code --days}; {@code rows} in span order, each span's in point order. */
    void print(PrintWriter out, List<SweepRow> rows) {
        if (days) {
            for (String day : rows.stream().map(SweepRow::span).distinct().toList()) {
                out.println("day " + day + ":");
                printRanked(out, rows.stream().filter(r -> r.span().equals(day)).toList());
            }
        } else {
            printRanked(out, rows);
        }
    }

    /**
     * Writes {@code report.html} into {@code dir}, and the best point's own backtest report into {@code dir/best}.
     *
     * @param title the page's title: the graph file
     * @param axes the heat map's two axes
     * @param spans the spans' labels in order, as the rows name them
     * @param files the spans' data on this machine, for the best point's backtest
     * @param best how that backtest is run
     * @return the page
     */
    Path writeReport(
            Path dir,
            String title,
            String[] axes,
            List<SweepRow> rows,
            List<String> spans,
            SpanFiles files,
            BestPointBacktest best,
            PrintWriter err)
            throws IOException {
        List<SweepRow> ranked = ranked(rows);
        Optional<String> bestReport = Optional.empty();
        if (!ranked.isEmpty()) {
            SweepRow top = ranked.get(0);
            if (best.write(top.point(), spans.indexOf(top.span()), days, files, dir.resolve("best"), err)) {
                bestReport = Optional.of("best/report.html");
            }
        }
        return SweepReport.write(
                dir,
                new SweepReport.Page(
                        title,
                        grid,
                        metric,
                        axes[0],
                        axes[1],
                        LOWER_IS_BETTER.contains(metric.name()),
                        ranked,
                        rows.size() - ranked.size(),
                        bestReport));
    }

    /** The rows that ran, best first; ties in point order. */
    List<SweepRow> ranked(List<SweepRow> rows) {
        Comparator<SweepRow> byMetric = Comparator.comparingDouble(r -> SweepReport.metric(r, metric));
        if (!LOWER_IS_BETTER.contains(metric.name())) {
            byMetric = byMetric.reversed();
        }
        return rows.stream()
                .filter(SweepRow::ok)
                .sorted(byMetric.thenComparingInt(r -> r.point().index()))
                .toList();
    }

    private void printRanked(PrintWriter out, List<SweepRow> rows) {
        List<SweepRow> ok = ranked(rows);
        out.printf("points ranked by %s (%d of %d ran):%n", metric.name(), ok.size(), rows.size());
        StringBuilder header = new StringBuilder(String.format("%5s %6s", "rank", "point"));
        for (String name : grid.names()) {
            header.append(String.format("  %-12s", name));
        }
        header.append(String.format(
                "  %12s %12s %10s %12s %7s %7s", "pnl", "sharpe", "return %", "max dd", "fills", "maker %"));
        out.println(header);
        for (int i = 0; i < Math.min(top, ok.size()); i++) {
            SweepRow row = ok.get(i);
            StringBuilder line = new StringBuilder(
                    String.format("%5d %6d", i + 1, row.point().index()));
            for (GridPoint.Setting s : row.point().settings()) {
                line.append(String.format("  %-12s", s.value()));
            }
            line.append(String.format(
                    "  %12.4f %12.2f %10.4f %12.4f %7d %7.1f",
                    total(row, "pnl"),
                    total(row, "sharpe"),
                    100 * total(row, "return"),
                    total(row, "max_drawdown"),
                    (long) total(row, "trades"),
                    100 * row.instruments().get(0).summary().makerShare()));
            out.println(line);
        }
        if (ok.size() > top) {
            out.printf("  ... %d more (--top N, --out FILE)%n", ok.size() - top);
        }
        for (SweepRow row : rows) {
            if (!row.ok()) {
                out.printf(
                        "failed %6d  %s: %s%n",
                        row.point().index(),
                        row.point().describe(),
                        row.failure().orElseThrow());
            }
        }
    }

    /** A row's figure: the instrument's, or for several the sum over them. */
    private static double total(SweepRow row, String figure) {
        return SweepReport.metric(row, Figures.named(figure).orElseThrow());
    }
}
