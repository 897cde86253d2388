package io.factorgraph.spark;

import io.factorgraph.backtest.report.PerformanceSummary;
import java.util.Optional;

/**
 * One row of a sweep on a cluster: a point on a span, and either one traded instrument's summary (the figures {@code
 * fg backtest} writes to {@code summary.json}) or why the point failed.
 *
 * @param point the point's number in the grid
 * @param span the span's label
 * @param book the Book input the sink trades; empty for a failed point
 * @param summary empty for a failed point
 * @param failure why the point failed
 */
public record ResultRow(
        int point, String span, Optional<String> book, Optional<PerformanceSummary> summary, Optional<String> failure) {
    public ResultRow {
        if (summary.isPresent() == failure.isPresent() || summary.isPresent() != book.isPresent()) {
            throw new IllegalArgumentException("a row has a book and its summary, or a failure");
        }
    }

    public static ResultRow of(int point, String span, String book, PerformanceSummary summary) {
        return new ResultRow(point, span, Optional.of(book), Optional.of(summary), Optional.empty());
    }

    public static ResultRow failed(int point, String span, String why) {
        return new ResultRow(point, span, Optional.empty(), Optional.empty(), Optional.of(why));
    }
}
