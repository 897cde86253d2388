package io.factorgraph.spark;

import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.sweep.DataSpan;
import io.factorgraph.sweep.SweepRow;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * What one Spark task runs: a chunk of a sweep's points over one span's files, or over a chain of days, copied to the
 * executor's disk. It is shipped to the executors, hence serialisable: it carries what it needs (the graph's text, the
 * options every point shares), not open resources. A point that fails is a row with its reason, never an exception: an
 * exception fails the task, and Spark retries it (a chain of days from its first day) and then fails the job.
 */
@FunctionalInterface
public interface ChunkRunner extends Serializable {
    /**
     * @param spans local copies of the spans' files: one span, or with {@code chained} the days in order
     * @param chained whether the spans are days, each point's state carried from one to the next in this task's memory
     *     as {@code fg sweep --days} carries it on one machine
     * @param points the chunk's point numbers in the grid, ascending
     * @return one row per point and span, span by span, each span's in the order of {@code points}
     * @throws MarketDataException when a span's data is broken (every point would fail alike), or a day does not
     *     continue the one before
     */
    List<SweepRow> run(List<DataSpan> spans, boolean chained, int[] points) throws IOException, MarketDataException;
}
