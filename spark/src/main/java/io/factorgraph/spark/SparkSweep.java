package io.factorgraph.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * A parameter sweep as an Apache Spark job (docs/DESIGN.md §12 "On a cluster"). The driver cuts the sweep into tasks,
 * one per (data span, chunk of points), checks every data URI first, and hands the tasks to Spark; each task copies
 * its span's files to the executor if they are remote and runs its chunk with the {@link ChunkRunner} (the fused sweep:
 * one read of the data for the whole chunk); the rows come back as one DataFrame of {@link ResultTable}'s schema,
 * written by Spark as one Parquet table. Spark does the scheduling, retries and transport: there is nothing of the
 * kind here.
 */
public final class SparkSweep {
    private SparkSweep() {}

    /**
     * A sweep for a cluster.
     *
     * @param axes the grid's axis names, the table's parameter columns
     * @param values each point's value on every axis, in grid order (point {@code i} is {@code values.get(i)})
     * @param spans the data spans; every point runs on every span
     * @param chunkSize points per task: larger chunks share more work in one fused replay, smaller ones spread
     *     further over the executors
     * @param runner what a task runs
     */
    public record Job(
            List<String> axes, List<List<String>> values, List<RemoteSpan> spans, int chunkSize, ChunkRunner runner) {
        public Job {
            axes = List.copyOf(axes);
            values = values.stream().map(List::copyOf).toList();
            spans = List.copyOf(spans);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a sweep needs at least one point");
            }
            if (spans.isEmpty()) {
                throw new IllegalArgumentException("a sweep needs at least one data span");
            }
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
            }
            for (List<String> v : values) {
                if (v.size() != axes.size()) {
                    throw new IllegalArgumentException(
                            "a point has " + v.size() + " values for " + axes.size() + " axes");
                }
            }
            if (spans.stream().map(RemoteSpan::label).distinct().count() != spans.size()) {
                throw new IllegalArgumentException("two spans have the same label");
            }
        }

        /** Points per task so that each of {@code slots} task slots gets about one chunk per span. */
        public static int chunkSizeFor(int points, int slots) {
            return Math.max(1, (points + Math.max(1, slots) - 1) / Math.max(1, slots));
        }
    }

    /** One task: a chunk of points over one span. */
    record Task(RemoteSpan span, int[] points, List<List<String>> values) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The sweep's rows as a DataFrame (one row per point, span and traded instrument), computed when an action runs
     * on it (a write, a count).
     *
     * @throws IllegalArgumentException naming the URI, before any task runs, when a data URI cannot be read
     */
    public static Dataset<Row> run(SparkSession spark, Job job) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        for (RemoteSpan span : job.spans()) {
            HadoopFiles.check(span, hadoop);
        }
        var schema = ResultTable.schema(job.axes());
        List<Task> tasks = tasks(job);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(hadoop));
        JavaRDD<Row> rows = jsc.parallelize(tasks, tasks.size()).flatMap(new RunTask(job.runner(), conf));
        return spark.createDataFrame(rows, schema);
    }

    /**
     * Runs the sweep and writes its rows as one Parquet table at {@code out} (a directory, any Hadoop URI).
     *
     * @throws IllegalArgumentException when {@code out} exists already, or as {@link #run}
     */
    public static void write(SparkSession spark, Job job, String out) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(out);
        try {
            if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                throw new IllegalArgumentException(out + ": exists already; the sweep writes a new table");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(out + ": cannot be written (" + e.getMessage() + ")", e);
        }
        run(spark, job).write().parquet(out);
    }

    static List<Task> tasks(Job job) {
        List<Task> tasks = new ArrayList<>();
        int n = job.values().size();
        for (RemoteSpan span : job.spans()) {
            for (int from = 0; from < n; from += job.chunkSize()) {
                int to = Math.min(n, from + job.chunkSize());
                int[] points = new int[to - from];
                for (int i = 0; i < points.length; i++) {
                    points[i] = from + i;
                }
                tasks.add(new Task(span, points, new ArrayList<>(job.values().subList(from, to))));
            }
        }
        return tasks;
    }

    /** What an executor runs for a task. */
    static final class RunTask implements FlatMapFunction<Task, Row> {
        private static final long serialVersionUID = 1L;
        private final ChunkRunner runner;
        private final Broadcast<SerializableConfiguration> conf;

        RunTask(ChunkRunner runner, Broadcast<SerializableConfiguration> conf) {
            this.runner = runner;
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(Task task) throws IOException {
            Path dir = Files.createTempDirectory("fg-sweep-");
            try {
                Map<String, List<Path>> files = HadoopFiles.localise(task.span(), conf.value().value(), dir);
                int first = task.points()[0];
                List<Row> out = new ArrayList<>();
                for (ResultRow r : runner.run(task.span().label(), files, task.points())) {
                    out.add(ResultTable.row(r, task.values().get(r.point() - first)));
                }
                return out.iterator();
            } finally {
                deleteTree(dir);
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
