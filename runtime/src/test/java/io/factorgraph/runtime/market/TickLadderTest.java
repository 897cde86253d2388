package io.factorgraph.runtime.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the tick-indexed {@link OrderBook} keeps levels, how it learns its tick, and what it refuses. */
class TickLadderTest {
    /** A snapshot like the recorded one: 0.1 ticks around 61,660, and an ask at 617,050 far above the touch. */
    private static OrderBook snapshot() {
        OrderBook book = new OrderBook();
        for (int k = 0; k < 500; k++) {
            book.onLevel(true, (616_600 - k) / 10.0, (k + 1) / 1000.0); // the doubles "0.001", "0.002", ...
            book.onLevel(false, (616_601 + k) / 10.0, (k + 1) / 500.0);
        }
        book.onLevel(false, 617_050.0, 0.5);
        book.setReady(true);
        return book;
    }

    @Test
    void learnsTheTickWhenTheSnapshotCompletesAndKeepsAFarOutlierInOrder() {
        OrderBook book = snapshot();
        assertEquals(0.1, book.tickSize());
        assertEquals(1000, book.ladderLevels(), "every level near the touch is in the ladder");
        assertEquals(501, book.askDepth());
        assertEquals(617_050.0, book.askPrice(500), "the outlier is the deepest ask");
        assertEquals(61_660.1, book.bestAsk());
        assertEquals(61_660.0, book.bestBid());
        assertEquals(0.5, book.qtyAt(false, 617_050.0));
    }

    @Test
    void aPriceOffTheGridIsKeptAtItsExactDoubleBetweenItsNeighbours() {
        OrderBook book = snapshot();
        book.onLevel(true, 61_659.95, 7.0);
        assertEquals(61_660.0, book.bidPrice(0));
        assertEquals(61_659.95, book.bidPrice(1));
        assertEquals(7.0, book.bidQty(1));
        assertEquals(61_659.9, book.bidPrice(2));
        assertEquals(1000, book.ladderLevels(), "the off-grid level is not in the ladder");
        assertEquals(0.001 + 7.0, book.bidQtyAtOrAbove(61_659.95), "and it counts in a band that reaches it");
    }

    @Test
    void aNewBestFarAboveTheWindowMovesTheWindowAndEveryLevelSurvives() {
        OrderBook book = new OrderBook(0, 0.1, 64);
        for (int k = 0; k < 40; k++) {
            book.onLevel(true, (10_000 - k) / 10.0, 1.0);
        }
        book.onLevel(true, 2_000.0, 2.0); // 10,000 ticks above the window
        assertEquals(2_000.0, book.bestBid());
        assertEquals(41, book.bidDepth());
        assertEquals(1_000.0, book.bidPrice(1));
        assertEquals(996.1, book.bidPrice(40));
        assertEquals(42.0, book.bidQtyAtOrAbove(0.1), "bands still reach the levels that left the window");
        book.onLevel(true, 2_000.0, 0.0);
        assertEquals(1_000.0, book.bestBid(), "and the best falls back to them");
    }

    /**
     * A band query remembers its last limit's edge: asked again with the same limit after the window has moved
     * (the same price is then another slot), or after the grid became known, it must answer for the book as it is.
     */
    @Test
    void theSameBandLimitAfterTheWindowMovedCountsTheLevelsAtTheirNewSlots() {
        OrderBook book = new OrderBook(0, 0.1, 64);
        for (int k = 0; k < 40; k++) {
            book.onLevel(true, (10_000 - k) / 10.0, 1.0);
        }
        assertEquals(5.0, book.bidQtyAtOrAbove(999.6));
        assertEquals(5, book.bidLevelsAtOrAbove(999.6));
        book.onLevel(true, 1_003.0, 2.0); // a new best 30 ticks above: the window moves
        assertEquals(7.0, book.bidQtyAtOrAbove(999.6), "the same limit, the levels at their new slots");
        assertEquals(6, book.bidLevelsAtOrAbove(999.6));
        book.onLevel(true, 1_003.0, 0.0);
        book.onLevel(true, 999.9, 0.0);
        assertEquals(4.0, book.bidQtyAtOrAbove(999.6), "and after the best left again");

        OrderBook learning = new OrderBook(0, Double.NaN, 64);
        learning.onLevel(false, 5.5, 1.0);
        assertEquals(1.0, learning.askQtyAtOrBelow(5.6), "before the grid is known, from the overflow");
        learning.onLevel(false, 5.6, 2.0);
        learning.onLevel(false, 5.7, 3.0);
        learning.setReady(true);
        assertEquals(0.1, learning.tickSize());
        assertEquals(3.0, learning.askQtyAtOrBelow(5.6), "the same limit once the levels are in the ladder");
        assertEquals(6.0, learning.askQtyAtOrBelow(5.7));
    }

    /** The window learnt around the best bid can be where it already was (tick 55 of a 64-tick window at 0). */
    @Test
    void learningMovesTheLevelsIntoTheLadderEvenWhenTheWindowStaysPut() {
        OrderBook book = new OrderBook(0, Double.NaN, 64);
        book.onLevel(true, 5.5, 1.0);
        book.onLevel(true, 5.4, 2.0);
        book.onLevel(true, 5.3, 3.0);
        book.setReady(true);
        assertEquals(0.1, book.tickSize());
        assertEquals(3, book.ladderLevels());
        book.onLevel(true, 5.4, 4.0);
        assertEquals(3, book.bidDepth(), "one level per price, not one in the ladder and one in the overflow");
        assertEquals(4.0, book.bidQty(1));
        assertEquals(8.0, book.bidQtyAtOrAbove(5.3));
    }

    @Test
    void givenTickIsUsedAsIs() {
        OrderBook book = new OrderBook(0, 0.5, 1024);
        assertEquals(0.5, book.tickSize());
        book.onLevel(false, 100.5, 1.0);
        book.onLevel(false, 100.2, 1.0); // off a 0.5 grid
        assertEquals(1, book.ladderLevels());
        assertEquals(100.2, book.bestAsk());
    }

    @Test
    void quantitiesWithMoreDecimalsRaiseTheLotScaleAndOnesWithoutALotCountFallBackToTheWalk() {
        OrderBook book = snapshot();
        assertTrue(book.exactBandSums());
        assertEquals(0.055, book.bidQtyAtOrAbove(61_659.1 - 0.05), "0.001 + ... + 0.010, exact");
        book.onLevel(true, 61_659.0, 0.00000123); // replaces 0.011: eight decimals now
        assertTrue(book.exactBandSums());
        assertEquals(0.05500123, book.bidQtyAtOrAbove(61_659.0), "0.055 + 0.00000123, exact");
        book.onLevel(true, 61_658.0, 1.0 / 3.0);
        assertFalse(book.exactBandSums());
        assertEquals(sumOfBidsAbove(book, 61_658.0), book.bidQtyAtOrAbove(61_658.0), "the walk, to the bit");
        book.clear();
        assertTrue(book.exactBandSums(), "a cleared book counts lots again");
    }

    /** The bids at or above {@code limit}, added level by level. */
    private static double sumOfBidsAbove(OrderBook book, double limit) {
        double sum = 0;
        for (int i = 0; i < book.bidDepth() && book.bidPrice(i) >= limit; i++) {
            sum += book.bidQty(i);
        }
        return sum;
    }

    @Test
    void badSizesAndTicksAreRefusedWithWhatWasWrong() {
        IllegalArgumentException window =
                assertThrows(IllegalArgumentException.class, () -> new OrderBook(0, 0.1, 100));
        assertEquals("window must be a power of two >= 64 ticks, was 100", window.getMessage());
        IllegalArgumentException tick =
                assertThrows(IllegalArgumentException.class, () -> new OrderBook(0, -0.1, 1024));
        assertEquals("tick size must be a positive decimal with at most 12 places, was -0.1", tick.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OrderBook(0, 1.0 / 3.0, 1024));
    }
}
