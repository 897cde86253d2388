package io.factorgraph.backtest.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a report of {@link SyntheticRecording} into a directory, to look at by eye:
 * {@code java -cp <test classpath> io.factorgraph.backtest.report.ReportPreview DIR [records]}.
 */
final class ReportPreview {
    private ReportPreview() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/report-preview");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
        Recording recording = SyntheticRecording.make(7, records, SyntheticRecording.metadata());
        double capital = 0.01 * recording.series().mid(0);
        PerformanceSummary summary = PerformanceSummary.of(recording, capital);
        BacktestReport.ReportFiles files = BacktestReport.write(dir, recording, summary);
        System.out.println(files.reportHtml().toAbsolutePath());
    }
}
