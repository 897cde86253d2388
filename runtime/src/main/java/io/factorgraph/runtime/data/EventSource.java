package io.factorgraph.runtime.data;

import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.MarketEventColumns;
import java.util.List;

/**
 * A pull source of market events in hftbacktest's event model: recorded feeds, {@code .npz} event
 * files, our own binary files, live subscribers.
 *
 * <p>The source owns one {@link MarketEvent} cursor and overwrites it on every {@link #next()}, so a
 * replay allocates nothing per event:
 *
 * <pre>{@code
 * try (EventSource source = EventSources.open(files, GapPolicy.FAIL)) {
 *     MarketEvent e = source.event();
 *     while (source.next()) {
 *         builder.apply(e);
 *     }
 * }
 * }</pre>
 *
 * <p>Events come in the order the source holds them. Events flagged {@code LOCAL_EVENT} never go back in
 * {@code local_ts}; {@link MarketEvent#endOfMessage()} marks the end of each atomically delivered group.
 * Problems with the data are {@link MarketDataException}s whose message names the file and line.
 */
public interface EventSource extends AutoCloseable {
    /**
     * Advances to the next event; returns false at the end of the data, after which the source's
     * end-of-data checks have passed.
     */
    boolean next() throws MarketDataException;

    /**
     * Reads the next events in bulk, for a reader that hands them to another thread: copies at least one event
     * (none at the end of the data) and at most {@code max} into {@code into} from row {@code at}, and each one's
     * {@link #positionMark()} into {@code marks} at the same rows; returns how many. Every event of one call has
     * the {@link #gapCount()} the source reports after it. The source is then at the last event copied, as if
     * {@link #next()} had returned it, except that {@link #event()} is left as it was. The default copies one event
     * through {@link #next()}; a source that decodes into columns of its own copies a run of them at once.
     */
    default int drainTo(MarketEventColumns into, long[] marks, int at, int max) throws MarketDataException {
        if (!next()) {
            return 0;
        }
        into.store(at, event());
        marks[at] = positionMark();
        return 1;
    }

    /** The cursor {@link #next()} fills; the same instance for the life of the source. */
    MarketEvent event();

    /**
     * Where the current event came from, as {@code file:line} or {@code file:row n}, for messages
     * (allocates; not for the per-event path).
     */
    String position();

    /**
     * A number that stands for where the current event came from, for {@link #positionAt(long)}: cheap and
     * allocation-free, so that a pipelined reader ({@link io.factorgraph.runtime.data.pipeline.PipelinedEventSource})
     * can keep one per event and name the position later. -1 by default (the source has no cheap position).
     */
    default long positionMark() {
        return -1L;
    }

    /**
     * The text {@link #position()} gave when {@link #positionMark()} returned {@code mark}. Sources that override
     * {@link #positionMark()} answer from immutable state, so that any thread may call this; the default falls
     * back to {@link #position()}.
     */
    default String positionAt(long mark) {
        return position();
    }

    /** How many sequence gaps {@link #gaps()} holds now, without allocating. */
    default int gapCount() {
        return gaps().size();
    }

    /**
     * The sequence gaps the source re-synchronised over so far ({@link GapPolicy#RESYNC}), in order; empty for
     * formats without sequence numbers. Allocates: for summaries, not for the per-event path.
     */
    default List<SequenceGap> gaps() {
        return List.of();
    }

    /**
     * What a reader of the files that continue this stream needs to go on exactly where this one ended, as the
     * reader's format writes it (Binance feeds: the book's sync state, the last update id, the last local time and
     * the symbol), for a state snapshot (docs/DESIGN.md §13); empty when the format carries nothing from file to
     * file. Asked after {@link #next()} returned false; given back through {@link EventSources#open(List, GapPolicy,
     * byte[])}.
     */
    default byte[] continuation() {
        return new byte[0];
    }

    /** Releases the underlying files; never throws for a read-only source. */
    @Override
    void close();
}
