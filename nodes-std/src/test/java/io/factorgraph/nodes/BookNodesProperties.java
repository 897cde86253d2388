package io.factorgraph.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.testkit.books.BookLevels;
import io.factorgraph.testkit.books.Books;
import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The book nodes on generated books, against their definitions computed from the level arrays. */
class BookNodesProperties {
    private static final CompiledGraph GRAPH =
            FgCompiler.standard().compile("book.fg", """
            mid = mid(book); bb = best_bid(book); ba = best_ask(book); spread = spread(book)
            micro = microprice(book)
            obi = OBI(book, 0.001); wide = OBI(book, 0.05); norm = obi_norm(book, 0.001)
            """).orElseThrow();

    @Provide
    Arbitrary<BookLevels> books() {
        return Books.possiblyOneSided();
    }

    @Property(tries = 500)
    void bookNodesMatchTheirDefinitions(@ForAll("books") BookLevels levels) {
        GraphInstance instance = GRAPH.newInstance();
        levels.load(instance.book(GRAPH.book("book")));
        instance.onTick(0);
        double bid = levels.bestBid();
        double ask = levels.bestAsk();
        assertEquals((bid + ask) / 2, value(instance, "mid"), levels::toString);
        assertEquals(bid, value(instance, "bb"));
        assertEquals(ask, value(instance, "ba"));
        assertEquals(ask - bid, value(instance, "spread"));
        double bidQty = levels.bidQtys().length == 0 ? Double.NaN : levels.bidQtys()[0];
        double askQty = levels.askQtys().length == 0 ? Double.NaN : levels.askQtys()[0];
        assertEquals((bid * askQty + ask * bidQty) / (bidQty + askQty), value(instance, "micro"));
        boolean exact = instance.book(GRAPH.book("book")).exactBandSums();
        assertEquals(obi(levels, 0.001, false, exact), value(instance, "obi"), levels::toString);
        assertEquals(obi(levels, 0.05, false, exact), value(instance, "wide"), levels::toString);
        assertEquals(obi(levels, 0.001, true, exact), value(instance, "norm"), levels::toString);
    }

    /**
     * The definition: every level in the band, by a full scan (no early exit); with exact sums (every
     * quantity a decimal of at most 12 places), the exact decimal difference and total, each rounded once.
     */
    private static double obi(BookLevels levels, double depth, boolean normalised, boolean exact) {
        if (levels.bidPrices().length == 0 || levels.askPrices().length == 0) {
            return Double.NaN;
        }
        double mid = (levels.bestBid() + levels.bestAsk()) / 2.0;
        double bids = 0;
        for (int i = 0; i < levels.bidPrices().length; i++) {
            if (levels.bidPrices()[i] >= mid * (1 - depth)) {
                bids += levels.bidQtys()[i];
            }
        }
        double asks = 0;
        for (int i = 0; i < levels.askPrices().length; i++) {
            if (levels.askPrices()[i] <= mid * (1 + depth)) {
                asks += levels.askQtys()[i];
            }
        }
        if (exact) {
            BigDecimal bidSum = BigDecimal.ZERO;
            for (int i = 0; i < levels.bidPrices().length; i++) {
                if (levels.bidPrices()[i] >= mid * (1 - depth)) {
                    bidSum = bidSum.add(new BigDecimal(Double.toString(levels.bidQtys()[i])));
                }
            }
            BigDecimal askSum = BigDecimal.ZERO;
            for (int i = 0; i < levels.askPrices().length; i++) {
                if (levels.askPrices()[i] <= mid * (1 + depth)) {
                    askSum = askSum.add(new BigDecimal(Double.toString(levels.askQtys()[i])));
                }
            }
            double difference = bidSum.subtract(askSum).doubleValue();
            return normalised ? difference / bidSum.add(askSum).doubleValue() : difference;
        }
        return normalised ? (bids - asks) / (bids + asks) : bids - asks;
    }

    private static double value(GraphInstance instance, String name) {
        return instance.value(instance.graph().output(name));
    }
}
