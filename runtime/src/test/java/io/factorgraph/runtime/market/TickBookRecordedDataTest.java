package io.factorgraph.runtime.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorded feeds replayed into the tick-indexed {@link OrderBook} and, event by event, into the
 * first-round {@link TieredOrderBook}: after every message the best levels agree to the bit, and OBI at
 * 0.1% (docs/DESIGN.md §4) from the exact band sums ({@link OrderBook#bandImbalance}, the node's method) stays within the level-by-level sum's rounding bound
 * of the first round's value: half an ulp of each running sum and of each quantity (a double, where the lots
 * count its decimal), plus half an ulp of each result.
 */
class TickBookRecordedDataTest {
    private static final double DEPTH = 0.001;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "usdm_btcusdt_20240808.gz",
                "spot_btcusdt_20240808.gz",
                "cm_btcusd_perp_20240808.gz",
                "usdm_ethusdt_20240808.gz"
            })
    void bestLevelsAgreeAndObiIsWithinTheWalksRoundingBound(String file) throws Exception {
        OrderBook book = new OrderBook();
        TieredOrderBook baseline = new TieredOrderBook();
        long messages = 0;
        long levels = 0;
        long inLadder = 0;
        long edits = 0;
        long editsInLadder = 0;
        long differing = 0;
        double worstShare = 0;
        try (BookReplay replay =
                new BookReplay(BinanceFeedReader.open(RecordedData.files(file), GapPolicy.RESYNC), book)) {
            MarketEvent e = replay.event();
            while (replay.next()) {
                mirror(e, baseline);
                if (book.isReady() && e.isLocal() && e.kind() == (int) EventFlags.DEPTH_EVENT) {
                    edits++;
                    editsInLadder += book.inLadder(e.isBuy(), e.px()) ? 1 : 0;
                }
                if (!e.endOfMessage() || !book.isReady()) {
                    continue;
                }
                messages++;
                levels += book.bidDepth() + book.askDepth();
                inLadder += book.ladderLevels();
                assertEquals(baseline.bestBid(), book.bestBid());
                assertEquals(baseline.bestAsk(), book.bestAsk());
                assertEquals(baseline.bestBidQty(), book.bestBidQty());
                assertEquals(baseline.bestAskQty(), book.bestAskQty());
                assertEquals(baseline.bidDepth(), book.bidDepth());
                assertEquals(baseline.askDepth(), book.askDepth());
                if (book.bidDepth() == 0 || book.askDepth() == 0) {
                    continue;
                }
                double mid = (book.bestBid() + book.bestAsk()) / 2.0;
                double bidLimit = mid * (1 - DEPTH);
                double askLimit = mid * (1 + DEPTH);
                double obi = book.bandImbalance(bidLimit, askLimit);
                double[] bidWalk = walk(baseline, true, bidLimit);
                double[] askWalk = walk(baseline, false, askLimit);
                double old = bidWalk[0] - askWalk[0];
                double bound = bidWalk[1]
                        + askWalk[1]
                        + 1.5 * Math.ulp(old)
                        + 0.5 * Math.ulp(bidWalk[0])
                        + 0.5 * Math.ulp(askWalk[0]);
                assertTrue(
                        Math.abs(obi - old) <= bound,
                        () -> "OBI " + obi + " vs level-by-level " + old + " beyond the rounding bound " + bound);
                if (obi != old) {
                    differing++;
                    worstShare = Math.max(worstShare, Math.abs(obi - old) / bound);
                }
            }
        }
        assertTrue(messages > 10_000, "the file should give thousands of messages, gave " + messages);
        assertTrue(book.exactBandSums(), "Binance quantities are decimals: the band sums stay exact");
        double ladderShare = (double) inLadder / levels;
        double editShare = (double) editsInLadder / edits;
        System.out.printf(
                "%s: %d messages, tick %s, %.1f%% of the levels and %.1f%% of the edits in the ladder,"
                        + " OBI differs from the level-by-level walk at %d, by at most %.2f of the bound%n",
                file, messages, book.tickSize(), 100 * ladderShare, 100 * editShare, differing, worstShare);
        assertTrue(editShare > 0.75, "most edits should land in the tick ladder, not the overflow: " + editShare);
    }

    /** The exact band sum of the first-round book, for a spot check: the decimal sum correctly rounded. */
    @ParameterizedTest
    @ValueSource(strings = {"usdm_btcusdt_20240808.gz"})
    void bandSumsAreTheExactDecimalSumCorrectlyRounded(String file) throws Exception {
        OrderBook book = new OrderBook();
        long checked = 0;
        try (BookReplay replay =
                new BookReplay(BinanceFeedReader.open(RecordedData.files(file), GapPolicy.RESYNC), book)) {
            MarketEvent e = replay.event();
            long n = 0;
            while (replay.next()) {
                if (!e.endOfMessage() || !book.isReady() || book.bidDepth() == 0 || ++n % 97 != 0) {
                    continue;
                }
                double limit = book.mid() * (1 - DEPTH);
                BigDecimal exact = BigDecimal.ZERO;
                for (int i = 0; i < book.bidDepth() && book.bidPrice(i) >= limit; i++) {
                    exact = exact.add(new BigDecimal(Double.toString(book.bidQty(i))));
                }
                assertEquals(exact.doubleValue(), book.bidQtyAtOrAbove(limit));
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    /** The side's band quantity added level by level, best first, and the bound of its rounding error. */
    private static double[] walk(TieredOrderBook book, boolean bid, double limit) {
        double sum = 0;
        double bound = 0;
        int depth = bid ? book.bidDepth() : book.askDepth();
        for (int i = 0; i < depth; i++) {
            double price = bid ? book.bidPrice(i) : book.askPrice(i);
            if (bid ? price < limit : price > limit) {
                break;
            }
            double q = bid ? book.bidQty(i) : book.askQty(i);
            sum += q;
            bound += 0.5 * Math.ulp(sum) + 0.5 * Math.ulp(q); // the addition, and the double against its decimal
        }
        return new double[] {sum, bound};
    }

    /** Applies a depth event to the baseline as {@link BookBuilder} applies it to the book. */
    private static void mirror(MarketEvent e, TieredOrderBook baseline) {
        if (!e.isLocal()) {
            return;
        }
        switch (e.kind()) {
            case (int) EventFlags.DEPTH_EVENT, (int) EventFlags.DEPTH_SNAPSHOT_EVENT ->
                baseline.onLevel(e.isBuy(), e.px(), e.qty());
            case (int) EventFlags.DEPTH_CLEAR_EVENT -> {
                if (e.isBuy() == e.isSell()) {
                    baseline.clear();
                } else {
                    baseline.clearSide(e.isBuy(), e.px());
                }
            }
            default -> {}
        }
    }
}
