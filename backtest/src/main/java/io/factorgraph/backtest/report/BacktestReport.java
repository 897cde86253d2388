package io.factorgraph.backtest.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's report directory: {@code summary.json} ({@link SummaryJson}), {@code timeseries.csv}
 * ({@link TimeSeriesCsv}), {@code fills.csv} ({@link FillsCsv}) and {@code report.html} ({@link HtmlReport}).
 *
 * <p>For {@code fg backtest --report DIR}:
 * <pre>{@code
 * BacktestRecorder recorder = new BacktestRecorder(grid, expectedRecords, expectedFills);
 * // ... the loop calls recorder.record(...) every record interval and recorder.fill(...) on every fill ...
 * Recording recording = recorder.finish(metadata);
 * PerformanceSummary summary = PerformanceSummary.of(recording, PerformanceSummary.capitalBase(maxPosition, recording));
 * BacktestReport.write(dir, recording, summary);
 * }</pre>
 */
public final class BacktestReport {
    public static final String SUMMARY_JSON = "summary.json";
    public static final String TIMESERIES_CSV = "timeseries.csv";
    public static final String FILLS_CSV = "fills.csv";
    public static final String REPORT_HTML = "report.html";

    private BacktestReport() {}

    /** The files written, by name. */
    public record ReportFiles(Path summaryJson, Path timeseriesCsv, Path fillsCsv, Path reportHtml) {}

    /**
     * Writes the four files into {@code dir} (created with its parents when missing; existing files of
     * those names are replaced).
     */
    public static ReportFiles write(Path dir, Recording recording, PerformanceSummary summary) throws IOException {
        Files.createDirectories(dir);
        ReportFiles out = new ReportFiles(
                dir.resolve(SUMMARY_JSON),
                dir.resolve(TIMESERIES_CSV),
                dir.resolve(FILLS_CSV),
                dir.resolve(REPORT_HTML));
        SummaryJson.write(out.summaryJson(), summary, recording.metadata());
        TimeSeriesCsv.write(out.timeseriesCsv(), recording.series());
        FillsCsv.write(out.fillsCsv(), recording.fills());
        HtmlReport.write(out.reportHtml(), recording, summary);
        return out;
    }
}
