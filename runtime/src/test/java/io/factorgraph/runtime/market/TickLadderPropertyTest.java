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
import net.jqwik.api.statistics.Statistics;

/**
 * The tick-indexed {@link OrderBook} against a {@link TreeMap} book over edit sequences made to hit what
 * the ladder cannot hold: small windows (64 and 256 ticks) so the touch keeps leaving them, prices off the
 * 0.1 grid and with more decimals, outliers ten times the touch, crossed sides, side clears through a
 * price, full clears and re-syncs, the grid given or learnt when a snapshot completes, and quantities with
 * more decimals than seen so far (the lot scale grows) or none exact (band sums fall back to the walk).
 * After every edit the whole book and the band sums are compared with fresh sums of the reference.
 */
class TickLadderPropertyTest {
    /**
     * {@code kind}: 0 sets a level ({@code qty} 0 removes it), 1 clears a side through the price, 2 clears the
     * book, 3 marks it ready (a snapshot completed). Price and quantity as the feed's decimals.
     */
    record Op(int kind, boolean bid, BigDecimal price, BigDecimal qty, double exoticQty) {
        double px() {
            return price.doubleValue();
        }

        double q() {
            return Double.isNaN(exoticQty) ? qty.doubleValue() : exoticQty;
        }
    }

    @Provide
    Arbitrary<Op> ops() {
        Arbitrary<Integer> ticks = Arbitraries.oneOf(
                Arbitraries.integers().between(9_950, 10_050),
                Arbitraries.integers().between(9_500, 10_500));
        // on the 0.1 grid (most), off it by 0.05 or 0.001, or ten times the touch
        Arbitrary<BigDecimal> prices = Combinators.combine(
                        ticks, Arbitraries.integers().between(0, 39))
                .as((t, k) -> {
                    BigDecimal p = new BigDecimal(t).movePointLeft(1);
                    return switch (k) {
                        case 0 -> p.add(new BigDecimal("0.05"));
                        case 1 -> p.add(new BigDecimal("0.001"));
                        case 2 -> p.multiply(BigDecimal.TEN);
                        default -> p;
                    };
                });
        Arbitrary<BigDecimal> qtys = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(BigDecimal.ZERO)),
                Tuple.of(12, Arbitraries.integers().between(1, 5000).map(n -> new BigDecimal(n).movePointLeft(3))),
                Tuple.of(1, Arbitraries.integers().between(1, 500_000).map(n -> new BigDecimal(n).movePointLeft(7))));
        Arbitrary<Double> exotic = Arbitraries.frequencyOf(
                Tuple.of(400, Arbitraries.just(Double.NaN)), Tuple.of(1, Arbitraries.just(1.0 / 3.0)));
        Arbitrary<Integer> kinds = Arbitraries.frequencyOf(
                Tuple.of(300, Arbitraries.just(0)),
                Tuple.of(4, Arbitraries.just(1)),
                Tuple.of(1, Arbitraries.just(2)),
                Tuple.of(6, Arbitraries.just(3)));
        return Combinators.combine(kinds, Arbitraries.of(true, false), prices, qtys, exotic)
                .as(Op::new);
    }

    @Property(tries = 120)
    void aLadderWithTheTickGivenMatchesATreeMapBook(
            @ForAll @Size(min = 300, max = 1500) List<@From("ops") Op> ops, @ForAll boolean wide) {
        check(new OrderBook(0, 0.1, wide ? 256 : 64), ops);
    }

    @Property(tries = 120)
    void aLadderLearningItsTickMatchesATreeMapBook(
            @ForAll @Size(min = 300, max = 1500) List<@From("ops") Op> ops, @ForAll boolean wide) {
        check(new OrderBook(0, Double.NaN, wide ? 256 : 64), ops);
    }

    private static void check(OrderBook book, List<Op> ops) {
        NavigableMap<Double, Op> bids = new TreeMap<>((a, b) -> Double.compare(b, a)); // best first
        NavigableMap<Double, Op> asks = new TreeMap<>();
        boolean inexactSinceClear = false;
        long ladderShare = 0;
        long levels = 0;
        for (Op op : ops) {
            NavigableMap<Double, Op> side = op.bid() ? bids : asks;
            switch (op.kind()) {
                case 0 -> {
                    Op before = side.get(op.px());
                    if (op.q() == 0.0) {
                        side.remove(op.px());
                    } else {
                        side.put(op.px(), op);
                    }
                    boolean expectChange = op.q() == 0.0 ? before != null : before == null || before.q() != op.q();
                    assertEquals(expectChange, book.onLevel(op.bid(), op.px(), op.q()), op::toString);
                    inexactSinceClear |= !Double.isNaN(op.exoticQty());
                }
                case 1 -> {
                    boolean expectChange = !side.headMap(op.px(), true).isEmpty();
                    side.headMap(op.px(), true).clear();
                    assertEquals(expectChange, book.clearSide(op.bid(), op.px()), op::toString);
                }
                case 2 -> {
                    bids.clear();
                    asks.clear();
                    book.clear();
                    inexactSinceClear = false;
                }
                default -> book.setReady(true);
            }
            assertEquals(!inexactSinceClear, book.exactBandSums(), "exact sums unless a quantity has no lot count");
            assertSame(bids, book, true);
            assertSame(asks, book, false);
            assertEquals(side.containsKey(op.px()) ? side.get(op.px()).q() : 0.0, book.qtyAt(op.bid(), op.px()));
            assertBands(bids, asks, book, op.px());
            ladderShare += book.ladderLevels();
            levels += book.bidDepth() + book.askDepth();
        }
        // the sequences must exercise the ladder, not only the overflow
        Statistics.label("in the ladder").collect(levels == 0 ? "empty" : ladderShare * 4 / levels + "/4");
    }

    /** Band sums at OBI's limits around the mid and at the op's price, against fresh sums of the reference. */
    private static void assertBands(
            NavigableMap<Double, Op> bids, NavigableMap<Double, Op> asks, OrderBook book, double price) {
        double mid = book.mid();
        for (double limit :
                new double[] {mid * (1 - 0.001), mid * (1 - 0.01), price, mid * (1 + 0.001), mid * (1 + 0.01)}) {
            if (Double.isNaN(limit)) {
                continue;
            }
            assertEquals(
                    bandSum(bids.headMap(limit, true), book.exactBandSums()),
                    book.bidQtyAtOrAbove(limit),
                    () -> "bids >= " + limit + " in " + book);
            assertEquals(
                    bandSum(asks.headMap(limit, true), book.exactBandSums()),
                    book.askQtyAtOrBelow(limit),
                    () -> "asks <= " + limit + " in " + book);
            assertEquals(bids.headMap(limit, true).size(), book.bidLevelsAtOrAbove(limit));
            assertEquals(asks.headMap(limit, true).size(), book.askLevelsAtOrBelow(limit));
        }
    }

    /** Exact: the decimal sum correctly rounded; otherwise the doubles added best level first. */
    private static double bandSum(Map<Double, Op> band, boolean exact) {
        if (exact) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Op op : band.values()) {
                sum = sum.add(op.qty());
            }
            return sum.doubleValue();
        }
        double sum = 0;
        for (Op op : band.values()) {
            sum += op.q();
        }
        return sum;
    }

    private static void assertSame(NavigableMap<Double, Op> expected, OrderBook book, boolean bid) {
        int depth = bid ? book.bidDepth() : book.askDepth();
        assertEquals(expected.size(), depth);
        Iterator<Map.Entry<Double, Op>> it = expected.entrySet().iterator();
        for (int level = 0; level < depth; level++) {
            Map.Entry<Double, Op> e = it.next();
            assertEquals(e.getKey(), bid ? book.bidPrice(level) : book.askPrice(level));
            assertEquals(e.getValue().q(), bid ? book.bidQty(level) : book.askQty(level));
        }
        double best = expected.isEmpty() ? Double.NaN : expected.firstKey();
        assertEquals(best, bid ? book.bestBid() : book.bestAsk());
        assertEquals(
                expected.isEmpty()
                        ? Double.NaN
                        : expected.firstEntry().getValue().q(),
                bid ? book.bestBidQty() : book.bestAskQty());
    }
}
