package io.factorgraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.compile.ParamOverride;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.Figures;
import io.factorgraph.sweep.Grid;
import io.factorgraph.sweep.GridPoint;
import io.factorgraph.sweep.SimulatorFactory;
import io.factorgraph.sweep.SweepRow;
import io.factorgraph.sweep.SweepRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep as a Spark job in {@code local[2]} on the recorded USD-M BTCUSDT day: every row equals the fused sweep's
 * row on one machine to the bit, the Parquet table has one row per point and span, a failing point is a row with its
 * reason, and a data URI that cannot be read is one message before any task runs.
 */
class SparkSweepTest {
    /** 5 × 2 points; half_spread = -0.00001 breaks the sink's check (half_spread >= 0): two failing points. */
    private static final List<String> GRID =
            List.of("half_spread=-0.00001,0.00001,0.00002,0.00004,0.00008", "skew=0.00001,0.00003");

    private static SparkSession spark;

    /** Binance USD-M's defaults, as fg backtest without simulator options. */
    record DefaultSimulators() implements SimulatorFactory, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public SimulatorConfig config(GridPoint point, SinkBinding sink, String book) {
            try {
                return SimulatorSettings.DEFAULTS.config(sink.terms().tickSize(), 0.001);
            } catch (MarketDataException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("fg-sweep-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.hadoop.fs.remote.impl", RemoteTestFileSystem.class.getName())
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Path graph() throws URISyntaxException {
        return Path.of(SparkSweepTest.class.getResource("/sweep_mm.fg").toURI());
    }

    private static Path day() {
        return RecordedData.file("usdm_btcusdt_20240808.gz");
    }

    private static FusedSweep sweep() throws Exception {
        return FusedSweep.of(
                graph(),
                List.of(),
                GRID,
                new DefaultSimulators(),
                OptionalLong.empty(),
                GapPolicy.FAIL,
                Duration.ofSeconds(10));
    }

    /** The same grid through the fused sweep on this machine, one chunk. */
    private static List<SweepRow> localRows(String span) throws Exception {
        SweepRunner runner = new SweepRunner(
                FgCompiler.standard(),
                graph(),
                List.<ParamOverride>of(),
                Grid.parse(GRID, Grid.DEFAULT_LIMIT, false),
                new DefaultSimulators(),
                OptionalLong.empty(),
                GapPolicy.FAIL,
                Duration.ofSeconds(10));
        return runner.run(
                runner.compile(1), new DataSpan(span, Map.of("book", List.of(day()))), SweepRunner.Progress.NONE);
    }

    @Test
    void everyRowOfTwoSpansEqualsTheLocalFusedSweepToTheBit(@TempDir Path dir) throws Exception {
        // Two spans over the same day, one by path and one by a URI of a file system that is not local (the task
        // copies the file): each point has a row on each.
        List<RemoteSpan> spans = List.of(
                new RemoteSpan("d1", Map.of("book", List.of(day().toString()))),
                new RemoteSpan("d2", Map.of("book", List.of("remote://" + day().toAbsolutePath()))));
        SparkSweep.Job job = sweep().job(spans, 5);
        assertEquals(10, job.points());
        assertEquals(List.of("book"), job.books());
        String out = dir.resolve("results.parquet").toString();
        SparkSweep.write(spark, job, out);

        List<Row> table = spark.read().parquet(out).orderBy("span", "point").collectAsList();
        assertEquals(20, table.size(), "one row per point and span");
        List<SweepRow> local = localRows("d1");
        assertEquals(10, local.size());
        int failed = 0;
        for (int i = 0; i < table.size(); i++) {
            Row row = table.get(i);
            SweepRow expected = local.get(i % 10);
            assertEquals(i < 10 ? "d1" : "d2", row.getAs("span"));
            assertEquals(expected.point().index(), (int) row.<Integer>getAs("point"));
            for (GridPoint.Setting s : expected.point().settings()) {
                assertEquals(s.value(), row.getAs(s.name()), s.name());
            }
            if (!expected.ok()) {
                failed++;
                assertEquals(expected.failure().orElseThrow(), row.getAs("failure"));
                assertNull(row.getAs("pnl"));
                continue;
            }
            assertNull(row.getAs("failure"), () -> "point " + expected.point().describe());
            var summary = expected.instruments().get(0).summary();
            for (Figures.Figure f : Figures.ALL) {
                double want = f.value().applyAsDouble(summary);
                Object got = row.getAs(f.name());
                assertNotNull(got, f.name());
                if (f.integral()) {
                    assertEquals((long) want, (long) (Long) got, f.name());
                } else {
                    assertEquals(
                            Double.doubleToLongBits(want),
                            Double.doubleToLongBits((Double) got),
                            () -> f.name() + " of point " + expected.point().describe());
                }
            }
        }
        assertEquals(4, failed, "half_spread < 0 fails on both spans, with its reason");
        assertTrue(
                local.get(0).failure().orElseThrow().contains("half_spread"),
                local.get(0).failure()::get);
        // The points trade: the figures are not all alike.
        Map<Object, Integer> pnls = new HashMap<>();
        table.forEach(r -> pnls.merge(r.getAs("pnl"), 1, Integer::sum));
        assertTrue(pnls.size() > 4, "distinct pnls: " + pnls.keySet());
    }

    @Test
    void aDataUriThatCannotBeReadIsOneMessageBeforeAnyTask(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("usdm_btcusdt_20240899.gz").toString();
        SparkSweep.Job job = sweep().job(
                        List.of(
                                new RemoteSpan("ok", Map.of("book", List.of(day().toString()))),
                                new RemoteSpan("bad", Map.of("book", List.of(missing)))),
                        5);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> SparkSweep.write(spark, job, dir.resolve("out").toString()));
        assertEquals("span bad, input book: " + missing + ": no such file", e.getMessage());

        SparkSweep.Job unknownScheme =
                sweep().job(List.of(new RemoteSpan("x", Map.of("book", List.of("nosuch://host/day.gz")))), 5);
        IllegalArgumentException s =
                assertThrows(IllegalArgumentException.class, () -> SparkSweep.run(spark, unknownScheme));
        assertTrue(
                s.getMessage().startsWith("span x, input book: nosuch://host/day.gz: cannot be read ("),
                s.getMessage());
        assertTrue(s.getMessage().contains("nosuch"), s.getMessage());
    }

    @Test
    void aSweepTheCompilerRefusesStopsOnTheDriver() throws Exception {
        FusedSweep unknown = FusedSweep.of(
                graph(),
                List.of(),
                List.of("half_sprad=0.00001,0.00002"),
                new DefaultSimulators(),
                OptionalLong.empty(),
                GapPolicy.FAIL,
                Duration.ofSeconds(10));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> unknown.job(List.of(new RemoteSpan("d", Map.of("book", List.of(day().toString())))), 1));
        assertTrue(e.getMessage().contains("half_spread"), e.getMessage());
        assertTrue(!e.getMessage().contains("fg-sweep-driver"), e.getMessage());
    }

    @Test
    void tasksAreSpansTimesChunks() {
        ChunkRunner none = (spans, chained, points) -> new ArrayList<>();
        SparkSweep.Job job = new SparkSweep.Job(
                List.of("a"),
                7,
                List.of("book"),
                List.of(
                        new RemoteSpan("x", Map.of("book", List.of("f"))),
                        new RemoteSpan("y", Map.of("book", List.of("g")))),
                false,
                3,
                none);
        List<SparkSweep.Task> tasks = SparkSweep.tasks(job);
        assertEquals(6, tasks.size());
        assertEquals(
                List.of(6),
                java.util.Arrays.stream(tasks.get(2).points()).boxed().toList());
        assertEquals("y", tasks.get(3).spans().get(0).label());
        assertEquals(3, SparkSweep.Job.chunkSizeFor(7, 3));

        // With --days a task is a chunk over the whole chain of days, in order.
        SparkSweep.Job days = new SparkSweep.Job(
                job.axes(), job.points(), job.books(), job.spans(), true, job.chunkSize(), job.runner());
        List<SparkSweep.Task> chained = SparkSweep.tasks(days);
        assertEquals(3, chained.size());
        for (SparkSweep.Task t : chained) {
            assertTrue(t.chained());
            assertEquals(
                    List.of("x", "y"), t.spans().stream().map(RemoteSpan::label).toList());
        }
    }
}
