package io.factorgraph.runtime.market;

/**
 * Applies depth events to an {@link OrderBook}, with hftbacktest's semantics, on one timeline.
 *
 * <p>{@link EventFlags#DEPTH_EVENT} and {@link EventFlags#DEPTH_SNAPSHOT_EVENT} set a level (quantity 0
 * removes it); {@link EventFlags#DEPTH_CLEAR_EVENT} clears one side through its price, or both sides
 * when it has no side flag, and marks the book not ready. Trades, best-bid/offer and every other event
 * are ignored: the L2 book is built from depth messages only. The book becomes {@link OrderBook#isReady()
 * ready} when a snapshot completes: at the end of the message that carried snapshot rows, or at the next
 * event after them when the source does not mark message ends.
 *
 * <p>An hftbacktest event stream carries both timelines, an event appearing once per timeline when its
 * exchange and local order differ; applying both copies would apply each update twice, in the wrong
 * order. So a builder follows one timeline: {@link #local} applies events flagged {@link
 * EventFlags#LOCAL_EVENT} (the book the strategy sees), {@link #exchange} those flagged {@link
 * EventFlags#EXCH_EVENT} (the book the matching engine sees).
 */
public final class BookBuilder {
    private final L2Book book;
    private final long timeline;
    private boolean snapshotOpen;

    private BookBuilder(L2Book book, long timeline) {
        if (book == null) {
            throw new NullPointerException("book");
        }
        this.book = book;
        this.timeline = timeline;
    }

    /** A builder of the book as the strategy sees it: applies {@link EventFlags#LOCAL_EVENT} events. */
    public static BookBuilder local(L2Book book) {
        return new BookBuilder(book, EventFlags.LOCAL_EVENT);
    }

    /** A builder of the book as the exchange sees it: applies {@link EventFlags#EXCH_EVENT} events. */
    public static BookBuilder exchange(L2Book book) {
        return new BookBuilder(book, EventFlags.EXCH_EVENT);
    }

    public L2Book book() {
        return book;
    }

    /**
     * Applies one event; returns whether the book's levels changed.
     *
     * @throws IllegalArgumentException when a depth event has no side or both sides, or carries a price
     *     or quantity the book refuses (see {@link OrderBook#onLevel})
     */
    public boolean apply(MarketEvent event) {
        long ev = event.ev();
        if ((ev & timeline) == 0) {
            return false;
        }
        int kind = (int) (ev & EventFlags.KIND_MASK);
        if (snapshotOpen
                && kind != (int) EventFlags.DEPTH_SNAPSHOT_EVENT
                && kind != (int) EventFlags.DEPTH_CLEAR_EVENT) {
            completeSnapshot();
        }
        boolean changed;
        switch (kind) {
            case (int) EventFlags.DEPTH_EVENT -> changed = book.onLevel(bidSide(ev), event.px(), event.qty());
            case (int) EventFlags.DEPTH_SNAPSHOT_EVENT -> {
                changed = book.onLevel(bidSide(ev), event.px(), event.qty());
                snapshotOpen = true;
            }
            case (int) EventFlags.DEPTH_CLEAR_EVENT -> {
                boolean buy = (ev & EventFlags.BUY_EVENT) != 0;
                boolean sell = (ev & EventFlags.SELL_EVENT) != 0;
                if (buy == sell) {
                    changed = book.bidDepth() + book.askDepth() > 0;
                    book.clear();
                } else {
                    changed = book.clearSide(buy, event.px());
                }
                book.setReady(false);
            }
            default -> changed = false;
        }
        if (snapshotOpen && event.endOfMessage()) {
            completeSnapshot();
        }
        return changed;
    }

    private void completeSnapshot() {
        snapshotOpen = false;
        book.setReady(true);
    }

    private static boolean bidSide(long ev) {
        boolean buy = (ev & EventFlags.BUY_EVENT) != 0;
        boolean sell = (ev & EventFlags.SELL_EVENT) != 0;
        if (buy == sell) {
            throw new IllegalArgumentException(
                    "depth event must carry exactly one of BUY_EVENT and SELL_EVENT, was " + EventFlags.describe(ev));
        }
        return buy;
    }
}
