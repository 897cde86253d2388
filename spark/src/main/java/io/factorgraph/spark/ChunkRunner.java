package io.factorgraph.spark;

import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.sweep.SweepRow;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one Spark task runs: a chunk of a sweep's points over one span's files, copied to the executor's disk. It is
 * shipped to the executors, hence serialisable: it carries what it needs (the graph's text, the options every point
 * shares), not open resources. A point that fails is a row with its reason, never an exception: an exception fails the
 * task, and Spark retries it and then fails the job.
 */
@FunctionalInterface
public interface ChunkRunner extends Serializable {
    /**
     * @param span the span's label
     * @param files local copies of the span's files, by Book input name, in time order
     * @param points the chunk's point numbers in the grid, ascending
     * @return one row per point, in the order of {@code points}
     * @throws MarketDataException when the span's data is broken (every point would fail alike)
     */
    List<SweepRow> run(String span, Map<String, List<Path>> files, int[] points)
            throws IOException, MarketDataException;
}
