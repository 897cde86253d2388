package io.factorgraph.runtime.replay;

import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.BookHandle;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.util.List;

/**
 * Factor updates computed from recorded market data: each feed drives its own book of the instance, the feeds
 * merged on the local clock ({@link MergedReplay}), and the graph ticks when the {@link SamplingClock} says
 * (docs/DESIGN.md §5, §11): with a clock, from when every book is ready to the earliest end among the feeds.
 */
public final class ReplayFactorProvider implements FactorProvider {
    private final MergedReplay replay;
    private final GraphInstance instance;
    private final OrderBook[] books;
    private final SamplingClock clock;
    private final OutputHandle[] outputs;
    private final FactorUpdate update;
    private boolean pending;
    private boolean ended;
    private boolean finished;
    private long events;

    /**
     * A replay of a graph that reads one book.
     *
     * @param intervalNanos the sampling interval, or 0 to tick after every book change
     * @throws IllegalArgumentException when the graph does not read exactly one book, or has double inputs that a
     *     market data replay cannot feed
     */
    public ReplayFactorProvider(
            EventSource source, GraphInstance instance, long intervalNanos, CrossedBookPolicy crossedPolicy) {
        this(List.of(source), instance, intervalNanos, crossedPolicy);
    }

    /**
     * @param sources one feed per book, in the order of the graph's {@code Book} inputs ({@code graph.books()})
     * @param intervalNanos the sampling interval, or 0 to tick after every change of any book
     * @throws IllegalArgumentException when the number of sources is not the number of books, or the graph has double
     *     inputs that a market data replay cannot feed
     */
    public ReplayFactorProvider(
            List<EventSource> sources, GraphInstance instance, long intervalNanos, CrossedBookPolicy crossedPolicy) {
        this.clock = new SamplingClock(intervalNanos);
        List<BookHandle> handles = List.copyOf(instance.graph().books().values());
        if (handles.isEmpty()) {
            throw new IllegalArgumentException(
                    "the graph reads no book, so recorded market data cannot drive it; use `book` in a definition");
        }
        if (sources.size() != handles.size()) {
            throw new IllegalArgumentException("the graph reads " + handles.size() + " books "
                    + instance.graph().books().keySet() + ", but " + sources.size()
                    + (sources.size() == 1 ? " feed was" : " feeds were") + " given; give one feed per book");
        }
        if (!instance.graph().inputs().isEmpty()) {
            throw new IllegalArgumentException("a replay feeds only the books, but the graph also has double inputs "
                    + instance.graph().inputs().values().stream()
                            .map(InputHandle::name)
                            .toList()
                    + " that would stay NaN; feed them through the embedding API instead");
        }
        this.instance = instance;
        this.books = handles.stream().map(instance::book).toArray(OrderBook[]::new);
        this.replay = new MergedReplay(sources, List.of(books), crossedPolicy);
        List<OutputHandle> outputs = instance.graph().outputs();
        this.outputs = outputs.toArray(OutputHandle[]::new);
        this.update = new FactorUpdate(
                outputs.stream().map(OutputHandle::name).toList(),
                List.copyOf(instance.graph().books().keySet()));
    }

    @Override
    public boolean next() throws MarketDataException {
        if (ended) {
            return atEnd();
        }
        final MergedReplay replay = this.replay;
        while (true) {
            if (!pending) {
                if (!replay.read()) {
                    ended = true;
                    return atEnd();
                }
                pending = true;
            }
            final MarketEvent event = replay.event();
            final long ts = event.localTs();
            if (emit(clock.tickBefore(ts))) {
                return true;
            }
            replay.apply();
            pending = false;
            events++;
            if (emit(clock.afterEvent(ts, event.endOfMessage(), replay.bookChanged(), replay.allReady()))) {
                return true;
            }
        }
    }

    private boolean atEnd() {
        boolean ticked = emit(clock.tickAtEnd());
        finished = !ticked;
        return ticked;
    }

    private boolean emit(long tick) {
        if (tick == SamplingClock.NONE) {
            return false;
        }
        tick(tick);
        return true;
    }

    private void tick(long time) {
        instance.onTick(time);
        update.setTime(time);
        final OrderBook[] books = this.books;
        for (int i = 0; i < books.length; i++) {
            update.setBook(i, books[i].bestBid(), books[i].bestAsk());
        }
        final OutputHandle[] outputs = this.outputs;
        for (int i = 0; i < outputs.length; i++) {
            update.setValue(i, instance.value(outputs[i]));
        }
    }

    /**
     * Continues from a snapshot a run over the files before these saved ({@link #saveState()}): the graph's state
     * and the clock's phase. Call before the first {@link #next()}; the sources must have been opened with
     * {@link ReplaySnapshot#open}.
     */
    public void restore(ReplaySnapshot snapshot) {
        snapshot.restore(instance, clock);
    }

    /**
     * The replay's state after its last tick ({@link #next()} returned false), to continue it over the files that
     * continue its feeds (docs/DESIGN.md §13, {@link ReplaySnapshot}).
     *
     * @throws IllegalStateException when the replay has not ended
     */
    public byte[] saveState() throws MarketDataException {
        if (!finished) {
            throw new IllegalStateException("a replay's state is saved after its last tick");
        }
        return ReplaySnapshot.save(instance, clock, replay);
    }

    @Override
    public FactorUpdate current() {
        return update;
    }

    /** Events applied so far. */
    public long eventCount() {
        return events;
    }

    /** The merged feeds and their books. */
    public MergedReplay replay() {
        return replay;
    }

    /** Where the last event read came from, for messages. */
    public String position() {
        return replay.position();
    }

    public GraphInstance instance() {
        return instance;
    }

    @Override
    public void close() {
        replay.close();
    }
}
