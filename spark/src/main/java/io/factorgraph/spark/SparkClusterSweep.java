package io.factorgraph.spark;

import io.factorgraph.cli.ClusterSweep;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code fg sweep --spark MASTER} and {@code spark-submit}: the cli's {@link ClusterSweep}, registered in {@code
 * META-INF/services}. It starts (or, under {@code spark-submit}, joins) the Spark session, checks the sweep on the
 * driver, runs it with {@link SparkSweep} and prints where the table is.
 */
public final class SparkClusterSweep implements ClusterSweep {
    @Override
    public int run(Request request, PrintWriter out, PrintWriter err) throws Exception {
        String table = request.out()
                .orElseThrow(() -> new IllegalArgumentException("--out: --spark writes one Parquet table; give "
                        + "--out DIR (e.g. results.parquet, or any Hadoop URI every executor can write)"));
        FusedSweep sweep = FusedSweep.of(
                request.file(),
                request.params(),
                request.grid(),
                request.simulators(),
                request.interval(),
                request.gapPolicy(),
                request.resample());
        FusedSweep.Plan plan = sweep.plan();
        List<RemoteSpan> spans = Spans.parse(request.data(), request.spans(), plan.inputs());
        SparkSession spark = SparkSession.builder()
                .master(request.master())
                .appName("fg sweep " + request.file().getFileName())
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            // As on one machine, --threads N cuts the points into N chunks; here each chunk is a task per span.
            int chunks = request.chunk().orElse(spark.sparkContext().defaultParallelism());
            int chunk = SparkSweep.Job.chunkSizeFor(plan.points(), chunks);
            SparkSweep.Job job = plan.job(spans, chunk, sweep);
            long tasks = SparkSweep.tasks(job).size();
            out.printf(
                    "spark %s: %d points x %d span%s in %d tasks of up to %d points%n",
                    request.master(), plan.points(), spans.size(), spans.size() == 1 ? "" : "s", tasks, chunk);
            out.flush();
            SparkSweep.write(spark, job, table);
            long rows = spark.read().parquet(table).count();
            out.printf("results: %s (%d rows, Parquet)%n", table, rows);
            out.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }
}
