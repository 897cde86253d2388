package io.factorgraph.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.MergedReplay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The merge of docs/DESIGN.md §11 on random feeds, against the plainest statement of it: the concatenation of the
 * feeds, stable-sorted by (local time, feed index), cut after the earliest feed's last event. Messages (runs of
 * events at one local time) are never interleaved, which the sort of whole messages implies.
 */
class MergeOrderProperties {
    /** One event: its feed, its index in the feed, its local time, whether it ends its message. */
    record Row(int feed, int index, long ts, boolean end) {}

    @Property(tries = 300)
    void mergedIsTheStableSortOfTheConcatenationCutAtTheEarliestEnd(@ForAll("feeds") List<List<Row>> feeds)
            throws MarketDataException {
        List<Row> all = new ArrayList<>();
        feeds.forEach(all::addAll);
        all.sort(Comparator.comparingLong(Row::ts).thenComparingInt(Row::feed)); // List.sort is stable
        long end = Long.MAX_VALUE;
        for (List<Row> feed : feeds) {
            end = Math.min(end, feed.isEmpty() ? Long.MIN_VALUE : feed.getLast().ts());
        }
        final long cut = end;
        List<Row> expected = all.stream().filter(r -> r.ts() <= cut).toList();

        List<EventSource> sources = new ArrayList<>();
        List<OrderBook> books = new ArrayList<>();
        for (List<Row> feed : feeds) {
            sources.add(new ListSource(feed));
            books.add(new OrderBook());
        }
        List<Row> merged = new ArrayList<>();
        try (MergedReplay replay = new MergedReplay(sources, books, CrossedBookPolicy.COUNT)) {
            while (replay.read()) {
                MarketEvent e = replay.event();
                merged.add(feeds.get(replay.feed()).get((int) e.ival()));
                replay.apply();
            }
        }
        assertEquals(expected, merged);
    }

    @Provide
    Arbitrary<List<List<Row>>> feeds() {
        return Arbitraries.integers()
                .between(1, 4)
                .flatMap(n -> feed().list().ofSize(n))
                .map(raw -> {
                    List<List<Row>> feeds = new ArrayList<>();
                    for (int f = 0; f < raw.size(); f++) {
                        List<Row> rows = new ArrayList<>();
                        long ts = 0;
                        for (int[] message : raw.get(f)) {
                            ts += message[0]; // steps of 0 make equal times within and across feeds
                            for (int k = 0; k < message[1]; k++) {
                                rows.add(new Row(f, rows.size(), ts, k == message[1] - 1));
                            }
                        }
                        feeds.add(rows);
                    }
                    return feeds;
                });
    }

    /** A feed as messages: {time step from the previous message, number of events}. */
    private static Arbitrary<List<int[]>> feed() {
        Arbitrary<int[]> message = Arbitraries.integers()
                .between(0, 3)
                .flatMap(step -> Arbitraries.integers().between(1, 3).map(size -> new int[] {step, size}));
        return message.list().ofMaxSize(12);
    }

    /** A feed of trades (which no book applies), each carrying its index in {@code ival}. */
    private static final class ListSource implements EventSource {
        private final List<Row> rows;
        private final MarketEvent event = new MarketEvent();
        private int next;

        ListSource(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean next() {
            if (next == rows.size()) {
                return false;
            }
            Row row = rows.get(next);
            long ev = EventFlags.TRADE_EVENT | EventFlags.BUY_EVENT | EventFlags.LOCAL_EVENT;
            event.set(ev, row.ts(), row.ts(), 100.0, 1.0, 0, row.index(), 0, row.end());
            next++;
            return true;
        }

        @Override
        public MarketEvent event() {
            return event;
        }

        @Override
        public String position() {
            return "feed:" + next;
        }

        @Override
        public void close() {}
    }
}
