package io.factorgraph.spark;

import io.factorgraph.cli.ClusterSweep;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.SweepRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * {@code fg sweep --spark MASTER} and {@code spark-submit}: the cli's {@link ClusterSweep}, registered in {@code
 * META-INF/services}. It starts (or, under {@code spark-submit}, joins) the Spark session, checks the sweep on the
 * driver, runs it with {@link SparkSweep}, writes the table when {@code --out} is given, and hands the rows back to
 * the cli, which ranks and reports them as on one machine.
 */
public final class SparkClusterSweep implements ClusterSweep {
    @Override
    public Result run(Request request, PrintWriter out, PrintWriter err) throws Exception {
        FusedSweep sweep = FusedSweep.of(
                request.file(),
                request.params(),
                request.grid(),
                request.simulators(),
                request.interval(),
                request.gapPolicy(),
                request.resample());
        FusedSweep.Plan plan = sweep.plan();
        List<RemoteSpan> spans = Spans.parse(request.data(), request.spans(), request.days(), plan.inputs());
        SparkSession spark = SparkSession.builder()
                .master(request.master())
                .appName("fg sweep " + request.file().getFileName())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        // The driver reads the best point's data for --report after the session has stopped, as the executors did.
        Configuration hadoop = new Configuration(spark.sparkContext().hadoopConfiguration());
        try {
            Optional<String> table = request.out();
            if (table.isPresent()) {
                SparkSweep.requireNew(spark, table.get());
            }
            // As on one machine, --threads N cuts the points into N chunks; here each chunk is a task per span (with
            // --days, per chain of days).
            int chunks = request.chunk().orElse(spark.sparkContext().defaultParallelism());
            int chunk = SparkSweep.Job.chunkSizeFor(plan.points(), chunks);
            SparkSweep.Job job = plan.job(spans, chunk, request.days(), sweep);
            long tasks = SparkSweep.tasks(job).size();
            out.printf(
                    "spark %s: %d points x %d %s in %d %s of up to %d %s%n",
                    request.master(),
                    plan.points(),
                    spans.size(),
                    request.days()
                            ? spans.size() == 1 ? "day (chained)" : "days (chained)"
                            : spans.size() == 1 ? "span" : "spans",
                    tasks,
                    tasks == 1 ? "task" : "tasks",
                    chunk,
                    chunk == 1 ? "point" : "points");
            out.flush();
            List<SweepRow> rows = SparkSweep.collect(spark, job);
            if (table.isPresent()) {
                SparkSweep.write(spark, job, rows, table.get());
                out.printf("results: %s (%d rows, Parquet)%n", table.get(), rows.size());
                out.flush();
            }
            return new Result(
                    rows,
                    spans.stream().map(RemoteSpan::label).toList(),
                    (span, dir) ->
                            new DataSpan(spans.get(span).label(), HadoopFiles.localise(spans.get(span), hadoop, dir)));
        } finally {
            spark.stop();
        }
    }
}
