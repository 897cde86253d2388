package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The exchange-side queue always yields the earliest event by (time, rank), ties in arrival order, whatever the
 * interleaving of inserts and pops, across growth and wrap-around: checked against a priority queue.
 */
class MarketEventQueueProperties {

    @Property(tries = 500)
    void popsInTimeThenRankThenArrivalOrder(
            @ForAll @Size(max = 300) List<@IntRange(min = -1, max = 40) Integer> ops,
            @ForAll @IntRange(min = 0, max = 1) int rankSeed) {
        MarketEventQueue queue = new MarketEventQueue(16);
        PriorityQueue<long[]> reference = new PriorityQueue<>(Comparator.<long[]>comparingLong(a -> a[0])
                .thenComparingLong(a -> a[1])
                .thenComparingLong(a -> a[2]));
        long seq = 0;
        long base = 0;
        for (int op : ops) {
            if (op < 0 || op % 7 == 0) {
                // pop
                if (reference.isEmpty()) {
                    continue;
                }
                long[] expected = reference.poll();
                assertEquals(expected[0], queue.headTs());
                assertEquals(expected[2], queue.headLocal(), "arrival order among equal keys");
                queue.pop();
                base = Math.max(base, expected[0]);
            } else {
                long ts = base + op % 5;
                int rank = (op + rankSeed) % 2;
                reference.add(new long[] {ts, rank, seq});
                queue.insert(ts, rank, seq, 0, 0, 0, false);
                seq++;
            }
            assertEquals(reference.size(), queue.size());
        }
        while (!reference.isEmpty()) {
            long[] expected = reference.poll();
            assertEquals(expected[2], queue.headLocal());
            queue.pop();
        }
    }
}
