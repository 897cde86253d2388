package io.factorgraph.runtime.data.binance;

import static io.factorgraph.runtime.data.binance.SyntheticFeed.T0;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.futuresDiff;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.futuresSnapshot;
import static io.factorgraph.runtime.data.binance.SyntheticFeed.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.MergedReplay;
import io.factorgraph.runtime.replay.SamplingClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gaps and re-syncs are per feed (docs/DESIGN.md §11): a gap in one feed under {@link GapPolicy#RESYNC} pauses the
 * clock of a two-book replay until that book is ready again, while the other feed's book keeps its updates.
 */
class TwoFeedResyncTest {
    @TempDir
    Path dir;

    @Test
    void aGapInOneFeedPausesTheClockUntilItsBookIsReadyAgain() throws MarketDataException {
        Path gapped = SyntheticFeed.futures()
                .line(futuresDiff(121, 125, 115, "[[\"100.7\",\"1\"]]", "[]")) // 7: gap
                .line(trade("100.5", "1", false, 78)) // 8
                .line(futuresDiff(126, 130, 125, "[[\"100.8\",\"1\"]]", "[]")) // 9: held
                .line(futuresSnapshot(128, "[[\"99.0\",\"5\"]]", "[[\"102.0\",\"5\"]]")) // 10: re-sync
                .line(futuresDiff(131, 140, 130, "[]", "[[\"101.9\",\"2\"]]")) // 11
                .writeGzip(dir, "gapped.gz");
        Path steady = SyntheticFeed.futures()
                .line(futuresDiff(121, 125, 120, "[[\"100.6\",\"1\"]]", "[]")) // 7
                .line(futuresDiff(126, 130, 125, "[[\"100.7\",\"1\"]]", "[]")) // 8
                .line(futuresDiff(131, 135, 130, "[[\"100.8\",\"1\"]]", "[]")) // 9
                .line(futuresDiff(136, 140, 135, "[[\"100.9\",\"1\"]]", "[]")) // 10
                .line(futuresDiff(141, 145, 140, "[[\"100.95\",\"1\"]]", "[]")) // 11
                .writeGzip(dir, "steady.gz");
        List<EventSource> sources = List.of(
                BinanceFeedReader.open(List.of(gapped), GapPolicy.RESYNC),
                BinanceFeedReader.open(List.of(steady), GapPolicy.RESYNC));
        OrderBook a = new OrderBook();
        OrderBook b = new OrderBook();
        SamplingClock clock = new SamplingClock(1_000);
        List<String> ticks = new ArrayList<>();
        try (MergedReplay merged = new MergedReplay(sources, List.of(a, b), CrossedBookPolicy.FAIL)) {
            while (merged.read()) {
                MarketEvent e = merged.event();
                long ts = e.localTs();
                for (long t = clock.tickBefore(ts); t != SamplingClock.NONE; t = clock.tickBefore(ts)) {
                    ticks.add((t - T0) + ": " + a.bestBid() + "/" + b.bestBid());
                }
                merged.apply();
                clock.afterEvent(ts, e.endOfMessage(), merged.bookChanged(), merged.allReady());
            }
            for (long t = clock.tickAtEnd(); t != SamplingClock.NONE; t = clock.tickAtEnd()) {
                ticks.add((t - T0) + ": " + a.bestBid() + "/" + b.bestBid());
            }
            assertEquals(1, merged.replay(0).source().gaps().size());
            assertEquals(0, merged.replay(1).source().gaps().size());
        }
        // lines are 1000 ns apart: both books ready at line 2; the gap at line 7 clears the first book, and no tick
        // comes until its snapshot at line 10 (with the diff held since line 9); the second book went on meanwhile
        assertEquals(
                List.of(
                        "2000: 100.0/100.0",
                        "3000: 100.5/100.5",
                        "4000: 100.5/100.5",
                        "5000: 100.5/100.5",
                        "6000: 100.5/100.5",
                        "10000: 100.8/100.9",
                        "11000: 100.8/100.95"),
                ticks);
    }
}
