package io.factorgraph.runtime.data;

import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;

/**
 * An {@link EventSource} driving an {@link OrderBook} on the local timeline: each {@link #next()} reads one
 * event and applies it, and at the end of every message checks that the book is not crossed.
 *
 * <p>This is the loop every replay needs (the engine, {@code fg run}, the tests), with the two things it
 * must not get wrong in one place: events are applied through a {@link BookBuilder#local} builder, and a
 * book that crosses is caught where it happens, with the source's {@code file:line}, rather than feeding
 * nonsense to the graph ({@link CrossedBookPolicy}). A depth event the book refuses (no side, NaN price)
 * is reported the same way.
 *
 * <pre>{@code
 * try (BookReplay replay = new BookReplay(BinanceFeedReader.open(files), new OrderBook())) {
 *     while (replay.next()) {
 *         MarketEvent e = replay.event();
 *         if (e.endOfMessage() && replay.book().isReady()) { ... }
 *     }
 * }
 * }</pre>
 */
public final class BookReplay implements AutoCloseable {
    private final EventSource source;
    private final OrderBook book;
    private final BookBuilder builder;
    private final CrossedBookPolicy crossedPolicy;
    private final MarketEvent event;
    private boolean changed;
    private boolean changedInMessage;
    private long crossedCount;

    /** Replays {@code source} into {@code book}, failing when the book crosses. */
    public BookReplay(EventSource source, OrderBook book) {
        this(source, book, CrossedBookPolicy.FAIL);
    }

    public BookReplay(EventSource source, OrderBook book, CrossedBookPolicy crossedPolicy) {
        if (source == null || book == null || crossedPolicy == null) {
            throw new NullPointerException("source, book and crossedPolicy must not be null");
        }
        this.source = source;
        this.book = book;
        this.builder = BookBuilder.local(book);
        this.crossedPolicy = crossedPolicy;
        this.event = source.event();
    }

    /** Reads and applies the next event; false at the end of the data. */
    public boolean next() throws MarketDataException {
        if (!read()) {
            return false;
        }
        apply();
        return true;
    }

    /**
     * Reads the next event without applying it, for a driver that must act between the two (a
     * sampling clock ticks before the first event past its tick time is applied); false at the end.
     */
    public boolean read() throws MarketDataException {
        if (!source.next()) {
            changed = false;
            return false;
        }
        return true;
    }

    /** Applies the event {@link #read()} returned; call it exactly once per read. */
    public void apply() throws MarketDataException {
        try {
            changed = builder.apply(event);
        } catch (IllegalArgumentException e) {
            throw new MarketDataException(source.position(), e.getMessage(), e);
        }
        changedInMessage |= changed;
        if (event.endOfMessage()) {
            if (changedInMessage && book.isReady() && book.isCrossed()) {
                crossed();
            }
            changedInMessage = false;
        }
    }

    private void crossed() throws MarketDataException {
        if (crossedPolicy == CrossedBookPolicy.FAIL) {
            throw new MarketDataException(
                    source.position(),
                    "crossed book after applying the message: best bid " + book.bestBid() + " >= best ask "
                            + book.bestAsk());
        }
        crossedCount++;
    }

    /** The current event (the source's cursor). */
    public MarketEvent event() {
        return event;
    }

    /** Whether the current event changed the book's levels. */
    public boolean bookChanged() {
        return changed;
    }

    public OrderBook book() {
        return book;
    }

    public EventSource source() {
        return source;
    }

    /** Messages after which the book was crossed (only counted under {@link CrossedBookPolicy#COUNT}). */
    public long crossedCount() {
        return crossedCount;
    }

    /** Where the current event came from; see {@link EventSource#position()}. */
    public String position() {
        return source.position();
    }

    @Override
    public void close() {
        source.close();
    }
}
