package io.factorgraph.cli;

import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.sweep.SweepRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;

/**
 * {@code fg sweep --spark MASTER}: the sweep handed to a cluster (docs/DESIGN.md §12 "On a cluster"). The cli does
 * not depend on Spark: the spark module implements this and registers it in {@code META-INF/services}; {@code bin/fg}
 * puts that module on the class path when {@code --spark} is given, and {@link #find()} is empty without it.
 */
public interface ClusterSweep {
    /**
     * Runs the sweep, writes its table when the request has {@code out}, and gives its rows back to the driver, which
     * prints and reports them as a sweep on one machine does.
     *
     * @throws IllegalArgumentException a mistake of the user's, one line naming it
     */
    Result run(Request request, PrintWriter out, PrintWriter err) throws Exception;

    /**
     * What a cluster sweep gives back: its rows, which are small (one per point and span), collected on the driver.
     *
     * @param rows in span order, each span's in point order, as a sweep on one machine gives them
     * @param spans the spans' labels in order (with {@code days}, the days')
     * @param files the spans' data on the driver, fetched when the best point's backtest needs it
     */
    record Result(List<SweepRow> rows, List<String> spans, SpanFiles files) {
        public Result {
            rows = List.copyOf(rows);
            spans = List.copyOf(spans);
        }
    }

    /**
     * {@code fg sweep}'s arguments, as text, since they travel to the cluster's executors.
     *
     * @param master the Spark master ({@code local[2]}, {@code spark://host:7077}, {@code yarn}, ...)
     * @param file the graph file, read on the driver
     * @param params the {@code --param}s
     * @param grid the {@code --grid}s
     * @param data the {@code --data} texts ({@code [NAME=]URI}): one span, {@code all}
     * @param spans the {@code --span} texts ({@code LABEL:[NAME=]URI[,URI...][;...]}), several days as several spans
     * @param days {@code --days}: the spans in order are days, each point's state carried from one to the next in one
     *     task; from {@code data}, the i-th file of each input is day i
     * @param simulators the simulator options given, as pairs of option name and value
     * @param interval {@code --interval} in ns
     * @param gapPolicy {@code --on-gap}
     * @param resample {@code --resample}
     * @param out where the Parquet table goes (a directory, any Hadoop URI), if anywhere
     * @param chunk {@code --threads}: into how many chunks the points are cut, a task each per span
     */
    record Request(
            String master,
            Path file,
            List<String> params,
            List<String> grid,
            List<String> data,
            List<String> spans,
            boolean days,
            ClusterSimulators simulators,
            OptionalLong interval,
            GapPolicy gapPolicy,
            Duration resample,
            Optional<String> out,
            Optional<Integer> chunk) {
        public Request {
            params = List.copyOf(params);
            grid = List.copyOf(grid);
            data = List.copyOf(data);
            spans = List.copyOf(spans);
        }
    }

    /** The implementation on the class path, if any. */
    static Optional<ClusterSweep> find() {
        return ServiceLoader.load(ClusterSweep.class).findFirst();
    }
}
