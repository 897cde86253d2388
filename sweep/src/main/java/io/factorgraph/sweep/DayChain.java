package io.factorgraph.sweep;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How {@link SweepRunner#runDays} carries each chunk's state from one day to the next (docs/DESIGN.md §13): the
 * state a day's {@link Backtest} kept, restored into the next day's, whose feeds continue the day before's.
 */
final class DayChain {
    private DayChain() {}

    /**
     * Makes {@code backtest} start from the state the day before left for this chunk, and keep its own for the next
     * day; nothing when not chaining ({@code carry} null).
     */
    static Optional<ReplaySnapshot> restore(
            Backtest backtest, byte[][] carry, int chunk, DataSpan day, CompiledGraph graph, long intervalNanos) {
        if (carry == null) {
            return Optional.empty();
        }
        backtest.keepState();
        if (carry[chunk] == null) {
            return Optional.empty();
        }
        ReplaySnapshot snapshot =
                ReplaySnapshot.of(carry[chunk], "the state before day " + day.label(), graph, intervalNanos);
        backtest.restoreState(snapshot);
        return Optional.of(snapshot);
    }

    /** A feed of the day: continuing the day before's when there is one. */
    static EventSource open(Optional<ReplaySnapshot> dayBefore, int feed, List<Path> files, GapPolicy gapPolicy)
            throws MarketDataException {
        return dayBefore.isPresent()
                ? dayBefore.get().open(feed, files, gapPolicy)
                : EventSources.open(files, gapPolicy);
    }

    /** Keeps the state the day's backtest left, for the next day. */
    static void keep(Backtest backtest, byte[][] carry, int chunk) {
        if (carry != null) {
            carry[chunk] = backtest.savedState();
        }
    }
}
