package io.factorgraph.runtime.market;

import static io.factorgraph.runtime.market.EventFlags.BUY_EVENT;
import static io.factorgraph.runtime.market.EventFlags.DEPTH_BBO_EVENT;
import static io.factorgraph.runtime.market.EventFlags.DEPTH_CLEAR_EVENT;
import static io.factorgraph.runtime.market.EventFlags.DEPTH_EVENT;
import static io.factorgraph.runtime.market.EventFlags.DEPTH_SNAPSHOT_EVENT;
import static io.factorgraph.runtime.market.EventFlags.EXCH_EVENT;
import static io.factorgraph.runtime.market.EventFlags.LOCAL_EVENT;
import static io.factorgraph.runtime.market.EventFlags.SELL_EVENT;
import static io.factorgraph.runtime.market.EventFlags.TRADE_EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BookBuilderTest {
    private final MarketEvent e = new MarketEvent();

    private boolean apply(BookBuilder builder, long ev, double px, double qty, boolean end) {
        e.set(ev, 0, 0, px, qty, 0, 0, 0, end);
        return builder.apply(e);
    }

    private void snapshot(BookBuilder b) {
        long l = LOCAL_EVENT;
        apply(b, DEPTH_CLEAR_EVENT | BUY_EVENT | l, 99.0, 0, false);
        apply(b, DEPTH_SNAPSHOT_EVENT | BUY_EVENT | l, 100.0, 1, false);
        apply(b, DEPTH_SNAPSHOT_EVENT | BUY_EVENT | l, 99.0, 2, false);
        apply(b, DEPTH_CLEAR_EVENT | SELL_EVENT | l, 102.0, 0, false);
        apply(b, DEPTH_SNAPSHOT_EVENT | SELL_EVENT | l, 101.0, 3, false);
        assertFalse(b.book().isReady(), "not ready in the middle of a snapshot");
        apply(b, DEPTH_SNAPSHOT_EVENT | SELL_EVENT | l, 102.0, 4, true);
    }

    @Test
    void aSnapshotMakesTheBookReadyAtTheEndOfItsMessage() {
        BookBuilder b = BookBuilder.local(new OrderBook());
        snapshot(b);
        L2Book book = b.book();
        assertTrue(book.isReady());
        assertEquals(100.0, book.bestBid());
        assertEquals(2, book.bidDepth());
        assertEquals(101.0, book.bestAsk());
        assertEquals(4, book.askQty(1));
    }

    @Test
    void withoutMessageEndsTheSnapshotCompletesAtTheNextOtherEvent() {
        BookBuilder b = BookBuilder.local(new OrderBook());
        apply(b, DEPTH_CLEAR_EVENT | BUY_EVENT | LOCAL_EVENT, 99.0, 0, false);
        apply(b, DEPTH_SNAPSHOT_EVENT | BUY_EVENT | LOCAL_EVENT, 100.0, 1, false);
        assertFalse(b.book().isReady());
        apply(b, TRADE_EVENT | BUY_EVENT | LOCAL_EVENT, 100.0, 1, false);
        assertTrue(b.book().isReady());
    }

    @Test
    void depthEventsSetAndRemoveLevels() {
        BookBuilder b = BookBuilder.local(new OrderBook());
        snapshot(b);
        assertTrue(apply(b, DEPTH_EVENT | BUY_EVENT | LOCAL_EVENT, 100.5, 7, true));
        assertTrue(apply(b, DEPTH_EVENT | SELL_EVENT | LOCAL_EVENT, 101.0, 0, true));
        assertFalse(apply(b, DEPTH_EVENT | SELL_EVENT | LOCAL_EVENT, 101.0, 0, true));
        assertEquals(100.5, b.book().bestBid());
        assertEquals(102.0, b.book().bestAsk());
        assertTrue(b.book().isReady());
    }

    @Test
    void tradesAndBestBidOfferNeverEditTheBook() {
        BookBuilder b = BookBuilder.local(new OrderBook());
        snapshot(b);
        String before = b.book().toString();
        assertFalse(apply(b, TRADE_EVENT | SELL_EVENT | LOCAL_EVENT, 100.0, 1, true));
        assertFalse(apply(b, DEPTH_BBO_EVENT | BUY_EVENT | LOCAL_EVENT, 100.7, 9, false));
        assertFalse(apply(b, DEPTH_BBO_EVENT | SELL_EVENT | LOCAL_EVENT, 100.8, 9, true));
        assertFalse(apply(b, 100 | LOCAL_EVENT, 1.0, 1.0, true));
        assertEquals(before, b.book().toString());
    }

    @Test
    void aClearWithoutSideClearsEverythingAndTheBookIsNotReady() {
        BookBuilder b = BookBuilder.local(new OrderBook());
        snapshot(b);
        assertTrue(apply(b, DEPTH_CLEAR_EVENT | LOCAL_EVENT, Double.NaN, 0, true));
        assertEquals(0, b.book().bidDepth() + b.book().askDepth());
        assertFalse(b.book().isReady());
        snapshot(b);
        assertTrue(b.book().isReady());
    }

    @Test
    void aSideClearKeepsLevelsBeyondItsPrice() {
        BookBuilder b = BookBuilder.local(new OrderBook());
        snapshot(b);
        apply(b, DEPTH_EVENT | BUY_EVENT | LOCAL_EVENT, 50.0, 1, true);
        apply(b, DEPTH_CLEAR_EVENT | BUY_EVENT | LOCAL_EVENT, 99.0, 0, false);
        assertEquals(1, b.book().bidDepth());
        assertEquals(50.0, b.book().bestBid());
        assertEquals(2, b.book().askDepth());
    }

    @Test
    void followsOneTimeline() {
        BookBuilder local = BookBuilder.local(new OrderBook());
        BookBuilder exchange = BookBuilder.exchange(new OrderBook());
        for (BookBuilder b : new BookBuilder[] {local, exchange}) {
            apply(b, DEPTH_EVENT | BUY_EVENT | EXCH_EVENT, 100.0, 1, true);
            apply(b, DEPTH_EVENT | BUY_EVENT | LOCAL_EVENT, 99.0, 1, true);
            apply(b, DEPTH_EVENT | SELL_EVENT | EXCH_EVENT | LOCAL_EVENT, 101.0, 1, true);
            apply(b, DEPTH_EVENT | SELL_EVENT, 102.0, 1, true); // on no timeline: applied by neither
        }
        assertEquals(99.0, local.book().bestBid());
        assertEquals(100.0, exchange.book().bestBid());
        assertEquals(1, local.book().askDepth());
        assertEquals(1, exchange.book().askDepth());
    }

    @Test
    void aDepthEventNeedsExactlyOneSide() {
        BookBuilder b = BookBuilder.local(new OrderBook());
        assertEquals(
                "depth event must carry exactly one of BUY_EVENT and SELL_EVENT, was LOCAL|DEPTH",
                assertThrows(IllegalArgumentException.class, () -> apply(b, DEPTH_EVENT | LOCAL_EVENT, 1.0, 1.0, true))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> apply(b, DEPTH_SNAPSHOT_EVENT | BUY_EVENT | SELL_EVENT | LOCAL_EVENT, 1.0, 1.0, true));
    }

    @Test
    void flagsMatchHftbacktest() {
        assertEquals(1L << 31, EXCH_EVENT);
        assertEquals(1L << 30, LOCAL_EVENT);
        assertEquals(1L << 29, BUY_EVENT);
        assertEquals(1L << 28, SELL_EVENT);
        assertEquals(1, DEPTH_EVENT);
        assertEquals(2, TRADE_EVENT);
        assertEquals(3, DEPTH_CLEAR_EVENT);
        assertEquals(4, DEPTH_SNAPSHOT_EVENT);
        assertEquals(5, DEPTH_BBO_EVENT);
        // hftbacktest's Event::is: kinds are values, not bits
        assertTrue(EventFlags.is(DEPTH_CLEAR_EVENT | BUY_EVENT | LOCAL_EVENT, DEPTH_CLEAR_EVENT | LOCAL_EVENT));
        assertFalse(EventFlags.is(DEPTH_CLEAR_EVENT | LOCAL_EVENT, DEPTH_EVENT | LOCAL_EVENT));
        assertTrue(EventFlags.is(TRADE_EVENT | SELL_EVENT | EXCH_EVENT, EXCH_EVENT));
        assertEquals("EXCH|LOCAL|SELL|TRADE", EventFlags.describe(TRADE_EVENT | SELL_EVENT | EXCH_EVENT | LOCAL_EVENT));
    }
}
