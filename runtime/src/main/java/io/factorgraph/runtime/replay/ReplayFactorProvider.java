package io.factorgraph.runtime.replay;

import io.factorgraph.runtime.data.BookReplay;
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
 * Factor updates computed from recorded market data: events drive the instance's book, and the
 * graph ticks when the {@link SamplingClock} says, on the local (receive) clock.
 */
public final class ReplayFactorProvider implements FactorProvider {
    private final BookReplay replay;
    private final GraphInstance instance;
    private final OrderBook book;
    private final MarketEvent event;
    private final SamplingClock clock;
    private final OutputHandle[] outputs;
    private final FactorUpdate update;
    private boolean pending;
    private boolean ended;
    private long events;

    /**
     * @param intervalNanos the sampling interval, or 0 to tick after every book change
     * @throws IllegalArgumentException when the graph does not read exactly one book, or has double
     *     inputs that a market data replay cannot feed
     */
    public ReplayFactorProvider(
            EventSource source, GraphInstance instance, long intervalNanos, CrossedBookPolicy crossedPolicy) {
        this.clock = new SamplingClock(intervalNanos);
        List<BookHandle> books = List.copyOf(instance.graph().books().values());
        if (books.size() != 1) {
            throw new IllegalArgumentException(
                    books.isEmpty()
                            ? "the graph reads no book, so recorded market data cannot drive it; use `book` in a definition"
                            : "a replay of one feed drives one book, but the graph reads " + books.size() + ": "
                                    + instance.graph().books().keySet());
        }
        if (!instance.graph().inputs().isEmpty()) {
            throw new IllegalArgumentException("a replay feeds only the book, but the graph also has double inputs "
                    + instance.graph().inputs().values().stream()
                            .map(InputHandle::name)
                            .toList()
                    + " that would stay NaN; feed them through the embedding API instead");
        }
        this.instance = instance;
        this.book = instance.book(books.get(0));
        this.replay = new BookReplay(source, book, crossedPolicy);
        this.event = replay.event();
        List<OutputHandle> handles = instance.graph().outputs();
        this.outputs = handles.toArray(OutputHandle[]::new);
        this.update = new FactorUpdate(handles.stream().map(OutputHandle::name).toList());
    }

    @Override
    public boolean next() throws MarketDataException {
        if (ended) {
            return emit(clock.tickAtEnd());
        }
        while (true) {
            if (!pending) {
                if (!replay.read()) {
                    ended = true;
                    return emit(clock.tickAtEnd());
                }
                pending = true;
            }
            final long ts = event.localTs();
            if (emit(clock.tickBefore(ts))) {
                return true;
            }
            replay.apply();
            pending = false;
            events++;
            if (emit(clock.afterEvent(ts, event.endOfMessage(), replay.bookChanged(), book.isReady()))) {
                return true;
            }
        }
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
        update.set(time, book.bestBid(), book.bestAsk());
        final OutputHandle[] outputs = this.outputs;
        for (int i = 0; i < outputs.length; i++) {
            update.setValue(i, instance.value(outputs[i]));
        }
    }

    @Override
    public FactorUpdate current() {
        return update;
    }

    /** Events applied so far. */
    public long eventCount() {
        return events;
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
