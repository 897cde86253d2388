package io.factorgraph.runtime.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderBookTest {
    private static double[] bids(OrderBook book) {
        double[] prices = new double[book.bidDepth()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = book.bidPrice(i);
        }
        return prices;
    }

    private static double[] asks(OrderBook book) {
        double[] prices = new double[book.askDepth()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = book.askPrice(i);
        }
        return prices;
    }

    private static OrderBook fiveByFive() {
        OrderBook book = new OrderBook();
        // inserted out of order on purpose
        for (double px : new double[] {99.5, 100.0, 98.0, 99.9, 97.1}) {
            book.onLevel(true, px, px / 100);
        }
        for (double px : new double[] {101.0, 100.1, 103.5, 100.5, 102.0}) {
            book.onLevel(false, px, px / 100);
        }
        return book;
    }

    @Test
    void emptyBookHasNoPricesAndIsNotReady() {
        OrderBook book = new OrderBook();
        assertEquals(0, book.bidDepth());
        assertEquals(0, book.askDepth());
        assertTrue(Double.isNaN(book.bestBid()));
        assertTrue(Double.isNaN(book.bestAsk()));
        assertTrue(Double.isNaN(book.bestBidQty()));
        assertTrue(Double.isNaN(book.mid()));
        assertTrue(Double.isNaN(book.spread()));
        assertFalse(book.isCrossed());
        assertFalse(book.isReady());
        assertEquals(0.0, book.qtyAt(true, 100.0));
    }

    @Test
    void levelsAreOrderedFromTheBestOutward() {
        OrderBook book = fiveByFive();
        assertEquals(5, book.bidDepth());
        assertEquals(5, book.askDepth());
        assertArrayEquals(new double[] {100.0, 99.9, 99.5, 98.0, 97.1}, bids(book));
        assertArrayEquals(new double[] {100.1, 100.5, 101.0, 102.0, 103.5}, asks(book));
        assertEquals(100.0, book.bestBid());
        assertEquals(1.0, book.bestBidQty());
        assertEquals(100.1, book.bestAsk());
        assertEquals(1.001, book.bestAskQty());
        assertEquals(0.995, book.bidQty(2));
        assertEquals(1.035, book.askQty(4));
        assertEquals((100.0 + 100.1) / 2, book.mid());
        assertEquals(100.1 - 100.0, book.spread());
    }

    @Test
    void insertAtTopMiddleAndFarLevels() {
        OrderBook book = fiveByFive();
        assertTrue(book.onLevel(true, 100.05, 7)); // new best bid
        assertTrue(book.onLevel(true, 99.7, 8)); // middle
        assertTrue(book.onLevel(true, 50.0, 9)); // far
        assertArrayEquals(new double[] {100.05, 100.0, 99.9, 99.7, 99.5, 98.0, 97.1, 50.0}, bids(book));
        assertTrue(book.onLevel(false, 100.08, 7));
        assertTrue(book.onLevel(false, 101.5, 8));
        assertTrue(book.onLevel(false, 500.0, 9));
        assertArrayEquals(new double[] {100.08, 100.1, 100.5, 101.0, 101.5, 102.0, 103.5, 500.0}, asks(book));
        assertEquals(7, book.bestBidQty());
        assertEquals(9, book.askQty(7));
    }

    @Test
    void updateAtTopMiddleAndFarLevelsKeepsTheOrder() {
        OrderBook book = fiveByFive();
        assertTrue(book.onLevel(true, 100.0, 5));
        assertTrue(book.onLevel(true, 99.5, 6));
        assertTrue(book.onLevel(true, 97.1, 7));
        assertFalse(book.onLevel(true, 97.1, 7), "same quantity again changes nothing");
        assertArrayEquals(new double[] {100.0, 99.9, 99.5, 98.0, 97.1}, bids(book));
        assertEquals(5, book.bidQty(0));
        assertEquals(6, book.bidQty(2));
        assertEquals(7, book.bidQty(4));
        assertTrue(book.onLevel(false, 103.5, 4));
        assertEquals(4, book.askQty(4));
        assertEquals(4, book.qtyAt(false, 103.5));
    }

    @Test
    void removeAtTopMiddleAndFarLevels() {
        OrderBook book = fiveByFive();
        assertTrue(book.onLevel(true, 100.0, 0));
        assertEquals(99.9, book.bestBid(), "the next level becomes best");
        assertTrue(book.onLevel(true, 99.5, 0));
        assertTrue(book.onLevel(true, 97.1, 0));
        assertArrayEquals(new double[] {99.9, 98.0}, bids(book));
        assertTrue(book.onLevel(false, 100.1, 0));
        assertTrue(book.onLevel(false, 101.0, 0));
        assertTrue(book.onLevel(false, 103.5, 0));
        assertArrayEquals(new double[] {100.5, 102.0}, asks(book));
        assertFalse(book.onLevel(false, 100.2, 0), "removing a level that is not there changes nothing");
        assertEquals(2, book.askDepth());
    }

    @Test
    void theSameDecimalStringAlwaysHitsTheSameLevel() {
        OrderBook book = new OrderBook();
        book.onLevel(true, Double.parseDouble("61800.20"), 1);
        book.onLevel(true, Double.parseDouble("61800.20000000"), 2);
        book.onLevel(true, Double.parseDouble("61800.2"), 3);
        assertEquals(1, book.bidDepth());
        assertEquals(3, book.bestBidQty());
    }

    @Test
    void clearSideRemovesFromTheBestThroughThePrice() {
        OrderBook book = fiveByFive();
        assertTrue(book.clearSide(true, 99.5));
        assertArrayEquals(new double[] {98.0, 97.1}, bids(book));
        assertTrue(book.clearSide(false, 101.7), "a price between levels clears through the last one inside it");
        assertArrayEquals(new double[] {102.0, 103.5}, asks(book));
        assertFalse(book.clearSide(false, 100.0), "nothing at or better than 100.0 is left");
        assertTrue(book.clearSide(true, Double.NaN));
        assertEquals(0, book.bidDepth());
        assertEquals(2, book.askDepth());
    }

    @Test
    void clearEmptiesTheBookAndMakesItNotReady() {
        OrderBook book = fiveByFive();
        book.setReady(true);
        book.clear();
        assertEquals(0, book.bidDepth() + book.askDepth());
        assertFalse(book.isReady());
    }

    @Test
    void crossedWhenTheBestBidReachesTheBestAsk() {
        OrderBook book = fiveByFive();
        assertFalse(book.isCrossed());
        book.onLevel(true, 100.1, 1);
        assertTrue(book.isCrossed(), "bid == ask is crossed (locked)");
        book.onLevel(true, 100.1, 0);
        book.onLevel(false, 99.0, 1);
        assertTrue(book.isCrossed());
    }

    @Test
    void growsPastItsInitialCapacity() {
        OrderBook book = new OrderBook(0);
        for (int i = 1; i <= 5000; i++) {
            book.onLevel(true, i, i);
            book.onLevel(false, 10_000 + i, i);
        }
        assertEquals(5000, book.bidDepth());
        assertEquals(5000.0, book.bestBid());
        assertEquals(1.0, book.bidPrice(4999));
        assertEquals(10_001.0, book.bestAsk());
        assertEquals(15_000.0, book.askPrice(4999));
    }

    @Test
    void refusesLevelsThatWouldCorruptTheBook() {
        OrderBook book = new OrderBook();
        assertEquals(
                "level price must be finite and > 0, was NaN",
                assertThrows(IllegalArgumentException.class, () -> book.onLevel(true, Double.NaN, 1))
                        .getMessage());
        assertEquals(
                "level price must be finite and > 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> book.onLevel(true, -1.0, 1))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> book.onLevel(false, 0.0, 1));
        assertThrows(IllegalArgumentException.class, () -> book.onLevel(false, Double.POSITIVE_INFINITY, 1));
        assertEquals(
                "level quantity must be finite and >= 0, was -0.5",
                assertThrows(IllegalArgumentException.class, () -> book.onLevel(true, 1.0, -0.5))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> book.onLevel(true, 1.0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new OrderBook(-1));
        assertEquals(0, book.bidDepth() + book.askDepth());
    }

    @Test
    void levelIndexOutsideTheDepthIsAnError() {
        OrderBook book = fiveByFive();
        assertThrows(IndexOutOfBoundsException.class, () -> book.bidPrice(5));
        assertThrows(IndexOutOfBoundsException.class, () -> book.askQty(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> new OrderBook().bidPrice(0));
    }

    @Test
    void bandQueriesCountAndSumTheLevelsWithinAPrice() {
        OrderBook book = fiveByFive(); // bids 100.0 99.9 99.5 98.0 97.1, asks 100.1 100.5 101.0 102.0 103.5
        assertEquals(3, book.bidLevelsAtOrAbove(99.5)); // a bound on a level includes it
        assertEquals(2, book.bidLevelsAtOrAbove(99.6));
        assertEquals(5, book.bidLevelsAtOrAbove(1.0));
        assertEquals(0, book.bidLevelsAtOrAbove(100.01));
        assertEquals(2, book.askLevelsAtOrBelow(100.5));
        assertEquals(0, book.askLevelsAtOrBelow(100.0));
        assertEquals(5, book.askLevelsAtOrBelow(1e9));
        assertEquals(0, book.askLevelsAtOrBelow(Double.NaN));
        assertEquals(0, new OrderBook().bidLevelsAtOrAbove(1.0));

        double[] sums = new double[2];
        book.sumTopQty(3, 2, sums);
        assertEquals(1.0 + 0.999 + 0.995, sums[0]); // best level first, the same double a level walk adds up
        assertEquals(1.001 + 1.005, sums[1]);
        book.sumTopQty(0, 5, sums);
        assertEquals(0.0, sums[0]);
        assertEquals(1.001 + 1.005 + 1.01 + 1.02 + 1.035, sums[1]);
        assertThrows(IndexOutOfBoundsException.class, () -> book.sumTopQty(6, 0, sums));
        assertThrows(IndexOutOfBoundsException.class, () -> book.sumTopQty(0, -1, sums));
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                expected,
                actual,
                () -> java.util.Arrays.toString(expected) + " != " + java.util.Arrays.toString(actual));
    }
}
