package io.factorgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.Grid;
import io.factorgraph.sweep.SweepRow;
import io.factorgraph.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain of days under Spark keeps its state in the task's memory only: a task that fails after its last day is
 * retried by Spark from day 1, and the rows of the retry equal {@code SweepRunner.runDays} on one machine.
 */
class SparkDaysRetryTest {
    private static final List<String> GRID = List.of("window=300,600");

    /** Runs the chain, then fails the task's first attempt, as a lost executor would after the work was done. */
    record FailFirstAttempt(ChunkRunner inner) implements ChunkRunner {
        private static final long serialVersionUID = 1L;

        @Override
        public List<SweepRow> run(List<DataSpan> spans, boolean chained, int[] points)
                throws IOException, MarketDataException {
            List<SweepRow> rows = inner.run(spans, chained, points);
            if (TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("the first attempt is lost after its last day");
            }
            return rows;
        }
    }

    @Test
    void aRetriedChainStartsAgainAtDayOne(@TempDir Path dir) throws Exception {
        Path graph = Files.writeString(
                dir.resolve("spot_mm.fg"),
                Files.readString(Path.of("..", "examples", "obi_mm.fg"))
                        .replace("tick_size = 0.1", "tick_size = 0.01"));
        Path d1 = RecordedData.file("spot_btcusdt_20240808.gz");
        Path d2 = RecordedData.file("spot_btcusdt_20240809.gz");
        FusedSweep sweep = FusedSweep.of(
                graph,
                List.of(),
                GRID,
                new SparkSweepTest.DefaultSimulators(),
                OptionalLong.empty(),
                GapPolicy.FAIL,
                Duration.ofSeconds(10));
        SparkSweep.Job job = sweep.plan()
                .job(
                        List.of(
                                new RemoteSpan("d1", Map.of("book", List.of(d1.toString()))),
                                new RemoteSpan("d2", Map.of("book", List.of(d2.toString())))),
                        1,
                        true,
                        new FailFirstAttempt(sweep));

        SweepRunner runner = new SweepRunner(
                FgCompiler.standard(),
                graph,
                List.<ParamOverride>of(),
                Grid.parse(GRID, Grid.DEFAULT_LIMIT, false),
                new SparkSweepTest.DefaultSimulators(),
                OptionalLong.empty(),
                GapPolicy.FAIL,
                Duration.ofSeconds(10));
        List<SweepRow> local = runner.runDays(
                runner.compile(1),
                List.of(
                        new DataSpan("d1", Map.of("book", List.of(d1))),
                        new DataSpan("d2", Map.of("book", List.of(d2)))),
                SweepRunner.Progress.NONE);

        // local[2,2]: two task slots, a task tried twice.
        try (SparkSession spark = SparkSession.builder()
                .master("local[2,2]")
                .appName("fg-sweep-days-retry")
                .config("spark.ui.enabled", "false")
                .getOrCreate()) {
            List<SweepRow> rows = SparkSweep.collect(spark, job);
            assertEquals(4, rows.size(), "2 points, 2 days");
            assertTrue(rows.stream().allMatch(SweepRow::ok), rows::toString);
            assertEquals(local, rows);
        }
    }
}
