package io.factorgraph.testkit.books;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid order books: tick sizes from 1e-4 to 100, price levels from a few
 * ticks to a million, spreads of one tick or many, sparse and dense sides, a few levels or
 * hundreds, quantities from dust to whales. Prices are whole multiples of the tick, computed the
 * way a feed's decimal strings parse, so that level arithmetic meets real binary-float edges.
 */
public final class Books {
    private static final double[] TICKS = {0.0001, 0.001, 0.01, 0.1, 0.5, 1, 5, 100};

    private Books() {}

    /** Books with at least one level on each side. */
    public static Arbitrary<BookLevels> valid() {
        return books(1);
    }

    /** Books that may have an empty side (or both), for nodes that must answer NaN then. */
    public static Arbitrary<BookLevels> possiblyOneSided() {
        return books(0);
    }

    private static Arbitrary<BookLevels> books(int minLevels) {
        Arbitrary<Double> tick =
                Arbitraries.of(TICKS[0], TICKS[1], TICKS[2], TICKS[3], TICKS[4], TICKS[5], TICKS[6], TICKS[7]);
        Arbitrary<Long> midTicks = Arbitraries.longs().between(10, 2_000_000);
        Arbitrary<Integer> spreadTicks = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(1)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(2, 10)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(11, 500)));
        Arbitrary<int[]> bidGaps = gaps(minLevels);
        Arbitrary<int[]> askGaps = gaps(minLevels);
        Arbitrary<double[]> qtys = Arbitraries.doubles()
                .between(1e-5, 1e4)
                .ofScale(5)
                .array(double[].class)
                .ofMinSize(600)
                .ofMaxSize(600);
        return Combinators.combine(tick, midTicks, spreadTicks, bidGaps, askGaps, qtys)
                .as(Books::build);
    }

    private static Arbitrary<int[]> gaps(int minLevels) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        5,
                        Arbitraries.integers()
                                .between(1, 1)
                                .array(int[].class)
                                .ofMinSize(minLevels)
                                .ofMaxSize(300)),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.integers()
                                .between(1, 20)
                                .array(int[].class)
                                .ofMinSize(minLevels)
                                .ofMaxSize(40)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(1, 5000)
                                .array(int[].class)
                                .ofMinSize(minLevels)
                                .ofMaxSize(5)));
    }

    private static BookLevels build(
            double tick, long midTicks, int spreadTicks, int[] bidGaps, int[] askGaps, double[] qtys) {
        long bestBidTicks = Math.max(bidGaps.length + 1L, midTicks);
        long bestAskTicks = bestBidTicks + spreadTicks;
        double[] bidPrices = new double[bidGaps.length];
        double[] bidQtys = new double[bidGaps.length];
        long level = bestBidTicks;
        int q = 0;
        int levels = 0;
        for (int i = 0; i < bidGaps.length && level > 0; i++) {
            bidPrices[i] = price(level, tick);
            bidQtys[i] = qtys[q++ % qtys.length];
            level -= bidGaps[i];
            levels++;
        }
        double[] askPrices = new double[askGaps.length];
        double[] askQtys = new double[askGaps.length];
        level = bestAskTicks;
        for (int i = 0; i < askGaps.length; i++) {
            askPrices[i] = price(level, tick);
            askQtys[i] = qtys[q++ % qtys.length];
            level += askGaps[i];
        }
        return new BookLevels(
                java.util.Arrays.copyOf(bidPrices, levels),
                java.util.Arrays.copyOf(bidQtys, levels),
                askPrices,
                askQtys,
                tick);
    }

    /** The double a feed's decimal string for this many ticks parses to. */
    private static double price(long ticks, double tick) {
        return new java.math.BigDecimal(ticks)
                .multiply(java.math.BigDecimal.valueOf(tick))
                .doubleValue();
    }
}
