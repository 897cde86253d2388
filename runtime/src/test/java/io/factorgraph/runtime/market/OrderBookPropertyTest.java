package io.factorgraph.runtime.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/** {@link OrderBook} against a naive {@link TreeMap} book, over random sequences of level updates and clears. */
class OrderBookPropertyTest {
    /** An update: {@code kind} 0 sets a level (quantity 0 removes it), 1 clears a side through the price. */
    record Op(int kind, boolean bid, int tick, int lots) {
        double price() {
            return new BigDecimal(tick).movePointLeft(1).doubleValue(); // 0.1 ticks, parsed like the feed's decimals
        }

        double qty() {
            return lots * 0.001;
        }
    }

    @Provide
    Arbitrary<Op> ops() {
        // Ticks overlap between the sides and crowd near the middle, so tops, middles and far levels all get hit.
        Arbitrary<Integer> ticks = Arbitraries.oneOf(
                Arbitraries.integers().between(9_990, 10_010),
                Arbitraries.integers().between(9_000, 11_000),
                Arbitraries.integers().between(1, 100_000));
        Arbitrary<Integer> lots =
                Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 5000));
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 60).map(k -> k == 0 ? 1 : 0);
        return Combinators.combine(kinds, Arbitraries.of(true, false), ticks, lots)
                .as(Op::new);
    }

    @Property(tries = 300)
    void matchesATreeMapBook(@ForAll @Size(max = 400) List<@From("ops") Op> ops) {
        OrderBook book = new OrderBook(4);
        NavigableMap<Double, Double> bids = new TreeMap<>((a, b) -> Double.compare(b, a)); // best first
        NavigableMap<Double, Double> asks = new TreeMap<>();
        for (Op op : ops) {
            apply(op, book, bids, asks);
            assertSame(bids, book, true);
            assertSame(asks, book, false);
        }
    }

    /**
     * Deep sides, many blocks of the side's storage: inserts and deletes at every depth, so levels cross
     * block boundaries in both directions, the arrays grow while their rings are rotated, and clears cut
     * through the middle of a block.
     */
    @Property(tries = 40)
    void matchesATreeMapBookWhenSidesAreThousandsOfLevelsDeep(
            @ForAll @Size(min = 2_000, max = 6_000) List<@From("deepOps") Op> ops) {
        OrderBook book = new OrderBook(0);
        NavigableMap<Double, Double> bids = new TreeMap<>((a, b) -> Double.compare(b, a));
        NavigableMap<Double, Double> asks = new TreeMap<>();
        int step = 0;
        for (Op op : ops) {
            NavigableMap<Double, Double> side = apply(op, book, bids, asks);
            assertEquals(side.getOrDefault(op.price(), 0.0), book.qtyAt(op.bid(), op.price()), op::toString);
            if (++step % 97 == 0) {
                assertSame(bids, book, true);
                assertSame(asks, book, false);
                assertBand(bids, asks, book, op.price());
            }
        }
        assertSame(bids, book, true);
        assertSame(asks, book, false);
    }

    @Provide
    Arbitrary<Op> deepOps() {
        // 3,000 ticks a side, three sets in four, deletes one in four: sides hold up to ~2,000 levels.
        Arbitrary<Integer> lots = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(1, 5000)));
        Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 1_500).map(k -> k == 0 ? 1 : 0);
        return Combinators.combine(
                        kinds,
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 3_000),
                        lots)
                .as((kind, bid, tick, lot) -> new Op(kind, bid, bid ? 10_000 - tick : 10_000 + tick, lot));
    }

    /** Applies {@code op} to the book and to the reference side; checks that the book says whether it changed. */
    private static NavigableMap<Double, Double> apply(
            Op op, OrderBook book, NavigableMap<Double, Double> bids, NavigableMap<Double, Double> asks) {
        NavigableMap<Double, Double> side = op.bid() ? bids : asks;
        if (op.kind() == 1) {
            boolean expectChange = !side.headMap(op.price(), true).isEmpty();
            side.headMap(op.price(), true).clear();
            assertEquals(expectChange, book.clearSide(op.bid(), op.price()), op::toString);
        } else {
            Double before = side.get(op.price());
            if (op.qty() == 0.0) {
                side.remove(op.price());
            } else {
                side.put(op.price(), op.qty());
            }
            boolean expectChange = op.qty() == 0.0 ? before != null : before == null || before != op.qty();
            assertEquals(expectChange, book.onLevel(op.bid(), op.price(), op.qty()), op::toString);
        }
        return side;
    }

    /**
     * The band queries against the reference: the bids at or above {@code bound}, the asks at or below it,
     * and their quantities summed best level first, to the bit.
     */
    private static void assertBand(
            NavigableMap<Double, Double> bids, NavigableMap<Double, Double> asks, OrderBook book, double bound) {
        int bidLevels = bids.headMap(bound, true).size();
        int askLevels = asks.headMap(bound, true).size();
        assertEquals(bidLevels, book.bidLevelsAtOrAbove(bound), () -> "bids >= " + bound);
        assertEquals(askLevels, book.askLevelsAtOrBelow(bound), () -> "asks <= " + bound);
        double[] sums = new double[2];
        book.sumTopQty(bidLevels, askLevels, sums);
        assertEquals(sumOfFirst(bids, bidLevels), sums[0], () -> "sum of the " + bidLevels + " best bids");
        assertEquals(sumOfFirst(asks, askLevels), sums[1], () -> "sum of the " + askLevels + " best asks");
        book.sumTopQty(bids.size(), 0, sums);
        assertEquals(sumOfFirst(bids, bids.size()), sums[0], "sum of every bid");
        assertEquals(0.0, sums[1]);
    }

    private static double sumOfFirst(NavigableMap<Double, Double> side, int levels) {
        double sum = 0;
        Iterator<Double> qtys = side.values().iterator();
        for (int i = 0; i < levels; i++) {
            sum += qtys.next();
        }
        return sum;
    }

    private static void assertSame(NavigableMap<Double, Double> expected, OrderBook book, boolean bid) {
        int depth = bid ? book.bidDepth() : book.askDepth();
        assertEquals(expected.size(), depth);
        Iterator<Map.Entry<Double, Double>> it = expected.entrySet().iterator();
        for (int level = 0; level < depth; level++) {
            Map.Entry<Double, Double> e = it.next();
            assertEquals(e.getKey(), bid ? book.bidPrice(level) : book.askPrice(level));
            assertEquals(e.getValue(), bid ? book.bidQty(level) : book.askQty(level));
        }
        double best = expected.isEmpty() ? Double.NaN : expected.firstKey();
        assertEquals(best, bid ? book.bestBid() : book.bestAsk());
        boolean crossed = !expected.isEmpty()
                && (bid
                        ? book.askDepth() > 0 && best >= book.bestAsk()
                        : book.bidDepth() > 0 && book.bestBid() >= best);
        assertEquals(crossed, book.isCrossed());
    }
}
