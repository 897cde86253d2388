package io.factorgraph.runtime.replay;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.util.Arrays;
import java.util.List;

/**
 * Several feeds, each driving its own book, merged into one stream on the local clock (docs/DESIGN.md §11): events
 * in {@code local_ts} order, equal times broken by feed index (the order of the graph's {@code Book} inputs), then by
 * the order within the feed. A message (the events up to {@link MarketEvent#endOfMessage()}) is never interleaved
 * with another feed's events, so every book is checked and every tick taken between whole messages, as with one feed.
 *
 * <p>The stream ends with the feed that ends first: once a feed's last event, at time T, has come, the other feeds'
 * events at or before T still come (so a tick at T sees every book as of T), and nothing later; no factor is
 * computed on a feed that has stopped.
 *
 * <p>Like {@link BookReplay} it separates {@link #read()} from {@link #apply()}, so a sampling clock can tick
 * between the two; one loop drives {@code fg run}, the backtest and the live engine:
 *
 * <pre>{@code
 * while (merged.read()) {
 *     MarketEvent e = merged.event();
 *     long ts = e.localTs();
 *     for (long t = clock.tickBefore(ts); t != SamplingClock.NONE; t = clock.tickBefore(ts)) tick(t);
 *     merged.apply();
 *     long t = clock.afterEvent(ts, e.endOfMessage(), merged.bookChanged(), merged.allReady());
 *     if (t != SamplingClock.NONE) tick(t);
 * }
 * for (long t = clock.tickAtEnd(); t != SamplingClock.NONE; t = clock.tickAtEnd()) tick(t);
 * }</pre>
 *
 * <p>With one feed it is exactly a {@link BookReplay}. Nothing is allocated per event; each feed keeps its own
 * cursor, so {@link #event()} is re-read after every {@link #read()}.
 */
public final class MergedReplay implements AutoCloseable {
    private final BookReplay[] replays;
    private final MarketEvent[] heads;
    private final OrderBook[] books;
    private final boolean[] pending;
    private final boolean[] done;
    private final long[] lastTs;
    private long endTs = Long.MAX_VALUE;
    private int current = -1;
    private boolean inMessage;
    private boolean ended;
    /** The feed whose event, read past the end of the stream, was never applied; -1 if none. */
    private int unapplied = -1;

    /**
     * @param sources one per book, in the order of the graph's {@code Book} inputs; {@code sources.get(i)} drives
     *     {@code books.get(i)}
     * @throws IllegalArgumentException when there are no sources or the two lists differ in length
     */
    public MergedReplay(List<EventSource> sources, List<OrderBook> books, CrossedBookPolicy crossedPolicy) {
        if (sources.isEmpty() || sources.size() != books.size()) {
            throw new IllegalArgumentException("one source per book is needed, but there are " + sources.size()
                    + " sources for " + books.size() + " books");
        }
        int n = sources.size();
        this.replays = new BookReplay[n];
        this.heads = new MarketEvent[n];
        this.books = new OrderBook[n];
        this.pending = new boolean[n];
        this.done = new boolean[n];
        this.lastTs = new long[n];
        Arrays.fill(lastTs, Long.MIN_VALUE);
        for (int i = 0; i < n; i++) {
            replays[i] = new BookReplay(sources.get(i), books.get(i), crossedPolicy);
            heads[i] = replays[i].event();
            this.books[i] = books.get(i);
        }
    }

    /**
     * Reads the next event of the merged stream without applying it; false at the end: once a feed has ended at
     * time T, the other feeds' events at or before T still come, then the stream ends.
     */
    public boolean read() throws MarketDataException {
        if (ended) {
            return false;
        }
        final BookReplay[] replays = this.replays;
        final MarketEvent[] heads = this.heads;
        if (current >= 0 && inMessage) {
            if (replays[current].read()) {
                return take(current, heads[current].localTs());
            }
            finish(current);
        }
        final boolean[] pending = this.pending;
        final boolean[] done = this.done;
        int earliest = -1;
        long earliestTs = Long.MAX_VALUE;
        for (int i = 0; i < replays.length; i++) {
            if (!pending[i] && !done[i]) {
                if (replays[i].read()) {
                    pending[i] = true;
                } else {
                    finish(i);
                }
            }
            if (pending[i] && (earliest < 0 || heads[i].localTs() < earliestTs)) {
                earliest = i;
                earliestTs = heads[i].localTs();
            }
        }
        if (earliest < 0) {
            return end();
        }
        pending[earliest] = false;
        return take(earliest, earliestTs);
    }

    private boolean take(int feed, long ts) {
        if (ts > endTs) {
            unapplied = feed;
            return end();
        }
        current = feed;
        lastTs[feed] = ts;
        inMessage = !heads[feed].endOfMessage();
        return true;
    }

    private void finish(int feed) {
        done[feed] = true;
        endTs = Math.min(endTs, lastTs[feed]);
    }

    private boolean end() {
        ended = true;
        return false;
    }

    /** Applies the event {@link #read()} returned to its feed's book; call it exactly once per read. */
    public void apply() throws MarketDataException {
        replays[current].apply();
    }

    /** The feed index of the current event. */
    public int feed() {
        return current;
    }

    /** The current event: the cursor of its feed's source. */
    public MarketEvent event() {
        return heads[current];
    }

    /** Whether the current event changed its book's levels. */
    public boolean bookChanged() {
        return replays[current].bookChanged();
    }

    /** Whether every book is ready: a sampling clock starts, and pauses, on this. */
    public boolean allReady() {
        final OrderBook[] books = this.books;
        for (int i = 0; i < books.length; i++) {
            if (!books[i].isReady()) {
                return false;
            }
        }
        return true;
    }

    /**
     * After {@link #read()} returned false: the events of {@code feed} that the stream never applied (those read past
     * the end of the feed that ended first, and the rest of its source), copied in order. A state snapshot carries
     * them, so that a run restored from it over the files that continue every feed applies them where one run over
     * all the files would have (docs/DESIGN.md §13). Reads the feed's source to its end; allocates.
     *
     * @throws IllegalStateException when the stream has not ended
     */
    public List<MarketEvent> remaining(int feed) throws MarketDataException {
        if (!ended) {
            throw new IllegalStateException("the events a stream did not apply are known at its end");
        }
        List<MarketEvent> rest = new java.util.ArrayList<>();
        if (done[feed]) {
            return rest;
        }
        if (pending[feed] || unapplied == feed) {
            rest.add(copy(heads[feed]));
        }
        pending[feed] = false;
        if (unapplied == feed) {
            unapplied = -1;
        }
        while (replays[feed].read()) {
            rest.add(copy(heads[feed]));
        }
        done[feed] = true;
        return rest;
    }

    private static MarketEvent copy(MarketEvent event) {
        MarketEvent copy = new MarketEvent();
        copy.copyFrom(event);
        return copy;
    }

    /** The number of feeds (and books). */
    public int size() {
        return replays.length;
    }

    public OrderBook book(int feed) {
        return books[feed];
    }

    public BookReplay replay(int feed) {
        return replays[feed];
    }

    /** Where the current event came from, {@code file:line}; for messages (allocates). */
    public String position() {
        return replays[Math.max(current, 0)].position();
    }

    /** Messages after which a book was crossed, over all feeds (counted under {@link CrossedBookPolicy#COUNT}). */
    public long crossedCount() {
        long crossed = 0;
        for (BookReplay replay : replays) {
            crossed += replay.crossedCount();
        }
        return crossed;
    }

    /** Closes every source. */
    @Override
    public void close() {
        for (BookReplay replay : replays) {
            replay.close();
        }
    }
}
