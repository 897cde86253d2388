package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The default market's stream, checked event by event as a consumer of recorded data would rely on it. */
class SyntheticMarketStreamTest {
    @Test
    void theDefaultStreamIsValidThroughout() {
        StreamCheck.Summary s = StreamCheck.check(new SyntheticMarket(SyntheticMarket.Config.defaults()), 500);
        assertTrue(s.events() > 100_000, "events: " + s.events());
        assertTrue(s.trades() > 1_000, "trades: " + s.trades());
        assertTrue(s.bookTickers() > 10_000, "bookTicker events: " + s.bookTickers());
        assertTrue(s.buyRuns() > 500 && s.sellRuns() > 500, "buy and sell aggressors: " + s);
    }

    @Test
    void theStreamOpensWithASnapshotInTheReadersShape() {
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.defaults());
        MarketEvent e = market.event();
        assertTrue(market.next());
        assertTrue(e.is(EventFlags.DEPTH_CLEAR_EVENT | EventFlags.BUY_EVENT), e.toString());
        assertEquals(market.config().session().start().toEpochMilli() * 1_000_000L, e.exchTs());
        assertEquals(1, e.ival(), "the snapshot's lastUpdateId");
        int bids = 0;
        while (market.next() && e.is(EventFlags.DEPTH_SNAPSHOT_EVENT | EventFlags.BUY_EVENT)) {
            assertFalse(e.endOfMessage());
            bids++;
        }
        assertTrue(e.is(EventFlags.DEPTH_CLEAR_EVENT | EventFlags.SELL_EVENT), e.toString());
        int asks = 0;
        while (market.next() && e.is(EventFlags.DEPTH_SNAPSHOT_EVENT | EventFlags.SELL_EVENT)) {
            asks++;
            if (e.endOfMessage()) {
                break;
            }
        }
        assertTrue(e.endOfMessage(), "the snapshot is one message");
        assertTrue(bids > 100 && asks > 100, bids + " bid and " + asks + " ask levels");
        assertTrue(market.next());
        assertTrue(e.is(EventFlags.DEPTH_BBO_EVENT | EventFlags.BUY_EVENT), "a bookTicker follows: " + e);
    }

    @Test
    void bookReplayAcceptsItAsRecordedData() throws MarketDataException {
        OrderBook book = new OrderBook();
        try (BookReplay replay = new BookReplay(
                new SyntheticMarket(SyntheticMarket.Config.defaults().withDuration(Duration.ofMinutes(2))), book)) {
            long ready = 0;
            while (replay.next()) {
                if (replay.event().endOfMessage() && book.isReady()) {
                    ready++;
                }
            }
            assertTrue(ready > 10_000);
            assertEquals(0, replay.crossedCount());
        }
    }

    @Test
    void withoutBookTickerThereAreNoBboEvents() {
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.defaults()
                .withFeed(f -> f.withBookTicker(false))
                .withDuration(Duration.ofSeconds(30)));
        StreamCheck.Summary s = StreamCheck.check(market);
        assertEquals(0, s.bookTickers());
        assertTrue(s.depthRows() > 1000);
    }

    @Test
    void theStreamEndsAtTheEndOfItsDurationAndStaysEnded() {
        SyntheticMarket.Config config = SyntheticMarket.Config.defaults().withDuration(Duration.ofSeconds(20));
        SyntheticMarket market = new SyntheticMarket(config);
        StreamCheck.Summary s = StreamCheck.check(market);
        long end = config.session().start().toEpochMilli() * 1_000_000L
                + Duration.ofSeconds(20).toNanos();
        assertTrue(
                s.lastExchTs() <= end
                        && s.lastExchTs() > end - Duration.ofSeconds(1).toNanos(),
                "last exchange time " + s.lastExchTs() + ", end " + end);
        assertFalse(market.next());
        assertFalse(market.next());
        assertEquals(s.events(), market.eventCount());
    }

    @Test
    void closeEndsTheStream() {
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.defaults());
        try (market) {
            assertTrue(market.next());
        }
        assertFalse(market.next());
        assertTrue(market.position().contains("seed 42"), market.position());
    }

    @Test
    void otherInstrumentsKeepTheirGrid() {
        // a coarse tick, whole-unit lots, a shallow book, no jitter: the grid and the invariants still hold
        SyntheticMarket.Config d = SyntheticMarket.Config.defaults();
        SyntheticMarket.Config config = new SyntheticMarket.Config(
                d.seed(),
                new Instrument(0.25, 1.0, 4321.5),
                d.session().withDuration(Duration.ofMinutes(2)),
                d.price().withJumpMeanTicks(3.0),
                d.flow().withLimitSizeMean(3.0).withMarketSizeMean(5.0),
                d.book().withDepthTicks(50).withPlacementScaleTicks(2.0),
                d.shocks().withMeanTicks(20.0).withRate(0.2),
                d.feed().withJitter(Duration.ZERO));
        StreamCheck.check(new SyntheticMarket(config));
    }
}
