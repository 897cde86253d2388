package io.factorgraph.spark;

import com.google.common.io.MoreFiles;
import io.factorgraph.cli.Fg;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.SweepRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
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
 * one per (data span, chunk of points), or with {@code --days} one per (the chain of days, chunk of points), checks
 * every data URI first, and hands the tasks to Spark; each task copies its spans' files to the executor if they are
 * remote and runs its chunk with the {@link ChunkRunner} (the fused sweep: one read of the data for the whole chunk;
 * a chain of days in order, each point's state carried in the task's memory, so a retried task starts again at the
 * first day). The rows, small (one per point and span), are collected on the driver, which ranks and reports them, and
 * become one DataFrame of {@link ResultTable}'s schema, written by Spark as one Parquet table. Spark does the
 * scheduling, retries and transport: there is nothing of the kind here.
 */
public final class SparkSweep {
    private SparkSweep() {}

    /**
     * {@code spark-submit --class io.factorgraph.spark.SparkSweep fg-spark.jar FILE.fg --grid ... --data ...}: the
     * arguments of {@code fg sweep}, run on the master spark-submit was given (its {@code spark.master}), unless they
     * name one with {@code --spark}. Exit code 0, or 1 with one line on a mistake.
     */
    public static void main(String[] args) {
        List<String> line = new ArrayList<>();
        line.add("sweep");
        line.addAll(List.of(args));
        boolean master = line.stream().anyMatch(a -> a.equals("--spark") || a.startsWith("--spark="));
        if (!master) {
            line.add("--spark");
            line.add(System.getProperty("spark.master", "local[*]"));
        }
        System.exit(Fg.run(
                line.toArray(new String[0]),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * A sweep for a cluster.
     *
     * @param axes the grid's axis names, the table's parameter columns
     * @param points how many points the grid has; they are numbered from 0
     * @param books the books the points trade, in the file's sink order (the table's figure columns)
     * @param spans the data spans; every point runs on every span
     * @param days whether the spans are days in order, chained: each chunk of points runs them all in one task
     * @param chunkSize points per task: a larger chunk shares more work in one fused replay, smaller ones spread
     *     further over the executors
     * @param runner what a task runs
     */
    public record Job(
            List<String> axes,
            int points,
            List<String> books,
            List<RemoteSpan> spans,
            boolean days,
            int chunkSize,
            ChunkRunner runner) {
        public Job {
            axes = List.copyOf(axes);
            books = List.copyOf(books);
            spans = List.copyOf(spans);
            if (points < 1) {
                throw new IllegalArgumentException("a sweep needs at least one point");
            }
            if (spans.isEmpty()) {
                throw new IllegalArgumentException("a sweep needs at least one data span");
            }
            if (chunkSize < 1) {
                throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
            }
            if (spans.stream().map(RemoteSpan::label).distinct().count() != spans.size()) {
                throw new IllegalArgumentException("two spans have the same label; each names its rows");
            }
        }

        /** Points per task so that each of {@code slots} task slots gets about one chunk per span. */
        public static int chunkSizeFor(int points, int slots) {
            int s = Math.max(1, slots);
            return Math.max(1, (points + s - 1) / s);
        }
    }

    /**
     * One task: a chunk of points over one span, or over the days in order when {@code chained}.
     *
     * @param spans one span, or the chain of days
     */
    record Task(List<RemoteSpan> spans, boolean chained, int[] points) implements Serializable {
        private static final long serialVersionUID = 1L;

        Task {
            spans = List.copyOf(spans);
            points = points.clone();
        }

        @Override
        public int[] points() {
            return points.clone();
        }
    }

    /**
     * The sweep's rows, computed by the executors when an action runs on them.
     *
     * @throws IllegalArgumentException naming the URI, before any task runs, when a data URI cannot be read
     */
    static JavaRDD<SweepRow> rows(SparkSession spark, Job job) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        for (RemoteSpan span : job.spans()) {
            HadoopFiles.check(span, hadoop);
        }
        List<Task> tasks = tasks(job);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(hadoop));
        return jsc.parallelize(tasks, tasks.size()).flatMap(new RunTask(job.runner(), conf));
    }

    /**
     * Runs the sweep and collects its rows on the driver, in the order a sweep on one machine gives them: span by span
     * (day by day), each span's in point order.
     *
     * @throws IllegalArgumentException as {@link #rows}
     * @throws IllegalStateException with the cause's message when the job failed (after Spark's retries)
     */
    public static List<SweepRow> collect(SparkSession spark, Job job) {
        JavaRDD<SweepRow> rows = rows(spark, job);
        List<SweepRow> collected;
        try {
            collected = new ArrayList<>(rows.collect());
        } catch (RuntimeException e) {
            throw failed(e);
        }
        List<String> order = job.spans().stream().map(RemoteSpan::label).toList();
        collected.sort(Comparator.<SweepRow>comparingInt(r -> order.indexOf(r.span()))
                .thenComparingInt(r -> r.point().index()));
        return collected;
    }

    /** The rows as a DataFrame of {@link ResultTable}'s schema for the job's axes and books. */
    public static Dataset<Row> table(SparkSession spark, Job job, List<SweepRow> rows) {
        List<Row> cells =
                rows.stream().map(r -> ResultTable.row(r, job.books())).toList();
        return spark.createDataFrame(cells, ResultTable.schema(job.axes(), job.books()));
    }

    /**
     * The sweep's rows as a DataFrame (one row per point and span), computed when an action runs on it (a write, a
     * count).
     *
     * @throws IllegalArgumentException naming the URI, before any task runs, when a data URI cannot be read
     */
    public static Dataset<Row> run(SparkSession spark, Job job) {
        var schema = ResultTable.schema(job.axes(), job.books());
        List<String> books = job.books();
        JavaRDD<Row> cells = rows(spark, job).map(r -> ResultTable.row(r, books));
        return spark.createDataFrame(cells, schema);
    }

    /**
     * Runs the sweep and writes its rows as one Parquet table at {@code out} (a directory, any Hadoop URI).
     *
     * @throws IllegalArgumentException when {@code out} exists already, or as {@link #run}
     */
    public static void write(SparkSession spark, Job job, String out) {
        requireNew(spark, out);
        write(run(spark, job), out);
    }

    /** Writes the rows, collected already, as one Parquet table at {@code out}, which {@link #requireNew} checked. */
    public static void write(SparkSession spark, Job job, List<SweepRow> rows, String out) {
        write(table(spark, job, rows), out);
    }

    /**
     * Checks, before any task runs, that the table can be written at {@code out}.
     *
     * @throws IllegalArgumentException when {@code out} exists already or its file system cannot be reached
     */
    public static void requireNew(SparkSession spark, String out) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(out);
        try {
            if (path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                throw new IllegalArgumentException(out + ": exists already; the sweep writes a new table");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(out + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Dataset<Row> table, String out) {
        try {
            table.write().parquet(out);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /** Spark wraps a task's failure (after its retries) in a SparkException, several levels deep: its root's message. */
    private static IllegalStateException failed(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return new IllegalStateException("the sweep failed: " + cause.getMessage(), e);
    }

    static List<Task> tasks(Job job) {
        List<Task> tasks = new ArrayList<>();
        int n = job.points();
        // With days, a task is the whole chain for its chunk: the state of one day is the next day's start.
        List<List<RemoteSpan>> groups = job.days()
                ? List.of(job.spans())
                : job.spans().stream().map(List::of).toList();
        for (List<RemoteSpan> group : groups) {
            for (int from = 0; from < n; from += job.chunkSize()) {
                int to = Math.min(n, from + job.chunkSize());
                int[] points = new int[to - from];
                for (int i = 0; i < points.length; i++) {
                    points[i] = from + i;
                }
                tasks.add(new Task(group, job.days(), points));
            }
        }
        return tasks;
    }

    /** What an executor runs for a task. */
    static final class RunTask implements FlatMapFunction<Task, SweepRow> {
        private static final long serialVersionUID = 1L;
        private final ChunkRunner runner;
        private final Broadcast<SerializableConfiguration> conf;

        RunTask(ChunkRunner runner, Broadcast<SerializableConfiguration> conf) {
            this.runner = runner;
            this.conf = conf;
        }

        @Override
        public Iterator<SweepRow> call(Task task) throws IOException, MarketDataException {
            Path dir = Files.createTempDirectory("fg-sweep-");
            try {
                List<DataSpan> spans = new ArrayList<>();
                for (RemoteSpan span : task.spans()) {
                    Path spanDir = Files.createDirectories(dir.resolve(String.valueOf(spans.size())));
                    spans.add(new DataSpan(
                            span.label(),
                            HadoopFiles.localise(span, conf.value().value(), spanDir)));
                }
                return runner.run(spans, task.chained(), task.points()).iterator();
            } finally {
                MoreFiles.deleteRecursively(dir);
            }
        }
    }
}
