package io.factorgraph.runtime.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge rule of docs/DESIGN.md §11 on hand-made feeds: what a user of two books relies on. */
class MergedReplayTest {
    private static final long BID = EventFlags.LOCAL_EVENT | EventFlags.BUY_EVENT;
    private static final long ASK = EventFlags.LOCAL_EVENT | EventFlags.SELL_EVENT;

    @Test
    void eventsComeInLocalTimeOrderAndEqualTimesInFeedOrder() throws MarketDataException {
        Feed a = new Feed("a").depth(10, 100.0, true).depth(30, 101.0, true).depth(30, 102.0, true);
        Feed b = new Feed("b").depth(20, 200.0, true).depth(30, 201.0, true).depth(40, 202.0, true);
        List<String> order = drain(new MergedReplay(List.of(a, b), books(2), CrossedBookPolicy.FAIL));
        // a ends first, at 30: b's events up to 30 still come, its event at 40 does not
        assertEquals(List.of("a@10", "b@20", "a@30", "a@30", "b@30"), order);
    }

    @Test
    void aMessageIsNeverInterleavedWithAnotherFeed() throws MarketDataException {
        Feed a = new Feed("a")
                .depth(10, 1.0, false)
                .depth(10, 2.0, false)
                .depth(10, 3.0, true)
                .depth(99, 4.0, true);
        Feed b = new Feed("b").depth(5, 1.0, false).depth(12, 2.0, true).depth(99, 3.0, true);
        // b's message starts at 5 and holds an event at 12: a's message at 10 waits until it ends
        List<String> order = drain(new MergedReplay(List.of(a, b), books(2), CrossedBookPolicy.FAIL));
        assertEquals(List.of("b@5", "b@12", "a@10", "a@10", "a@10", "a@99", "b@99"), order);
    }

    @Test
    void eachFeedDrivesItsOwnBookAndReadinessNeedsEveryBook() throws MarketDataException {
        Feed a = new Feed("a").snapshot(10, 100.0, 101.0).depth(40, 99.0, true);
        Feed b = new Feed("b").snapshot(20, 200.0, 201.0).depth(30, 199.0, true);
        List<OrderBook> books = books(2);
        MergedReplay merged = new MergedReplay(List.of(a, b), books, CrossedBookPolicy.FAIL);
        List<Boolean> readyAfterMessage = new ArrayList<>();
        while (merged.read()) {
            merged.apply();
            if (merged.event().endOfMessage()) {
                readyAfterMessage.add(merged.allReady());
            }
        }
        assertEquals(List.of(false, true, true), readyAfterMessage, "ready only once both snapshots are in");
        assertEquals(100.0, books.get(0).bestBid(), "b ended at 30: a's event at 40 never comes");
        assertEquals(200.0, books.get(1).bestBid());
        assertEquals(201.0, books.get(1).bestAsk());
    }

    @Test
    void closesEverySource() {
        Feed a = new Feed("a");
        Feed b = new Feed("b");
        new MergedReplay(List.of(a, b), books(2), CrossedBookPolicy.FAIL).close();
        assertTrue(a.closed && b.closed);
    }

    @Test
    void refusesASourceCountThatIsNotTheBookCount() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new MergedReplay(List.of(new Feed("a")), books(2), CrossedBookPolicy.FAIL));
        assertTrue(e.getMessage().contains("1 sources for 2 books"), e.getMessage());
    }

    @Test
    void aFeedWithNoEventsEndsTheStreamAtOnce() throws MarketDataException {
        MergedReplay merged = new MergedReplay(
                List.of(new Feed("a").depth(1, 1.0, true), new Feed("b")), books(2), CrossedBookPolicy.FAIL);
        assertFalse(merged.read());
        assertFalse(merged.read(), "stays ended");
    }

    private static List<String> drain(MergedReplay merged) throws MarketDataException {
        List<String> order = new ArrayList<>();
        while (merged.read()) {
            MarketEvent e = merged.event();
            order.add((merged.feed() == 0 ? "a" : "b") + "@" + e.localTs());
            merged.apply();
        }
        return order;
    }

    private static List<OrderBook> books(int n) {
        List<OrderBook> books = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            books.add(new OrderBook());
        }
        return books;
    }

    /** A feed from a list of events, as a recorded file would give them. */
    private static final class Feed implements EventSource {
        private final String name;
        private final List<long[]> heads = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();
        private final MarketEvent event = new MarketEvent();
        private int next;
        boolean closed;

        Feed(String name) {
            this.name = name;
        }

        Feed depth(long ts, double price, boolean endOfMessage) {
            return add(EventFlags.DEPTH_EVENT | BID, ts, price, endOfMessage);
        }

        Feed snapshot(long ts, double bid, double ask) {
            add(EventFlags.DEPTH_SNAPSHOT_EVENT | BID, ts, bid, false);
            return add(EventFlags.DEPTH_SNAPSHOT_EVENT | ASK, ts, ask, true);
        }

        private Feed add(long ev, long ts, double price, boolean endOfMessage) {
            heads.add(new long[] {ev, ts, endOfMessage ? 1 : 0});
            values.add(new double[] {price});
            return this;
        }

        @Override
        public boolean next() {
            if (next == heads.size()) {
                return false;
            }
            long[] h = heads.get(next);
            event.set(h[0], h[1], h[1], values.get(next)[0], 1.0, 0, 0, 0, h[2] == 1);
            next++;
            return true;
        }

        @Override
        public MarketEvent event() {
            return event;
        }

        @Override
        public String position() {
            return name + ":" + next;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
