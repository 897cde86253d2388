package io.factorgraph.backtest;

import io.factorgraph.backtest.exchange.ExchangeMarket;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;

/**
 * A backtest day continued from a state snapshot (docs/DESIGN.md §13): its feed goes on from the day before with
 * diffs and no REST snapshot, so the simulated exchange, which starts flat and empty, would never see a whole book.
 * It is given the restored book's levels as one depth snapshot at the saved run's last event, before the day's first
 * event: the book the exchange had when the day before ended.
 */
final class ContinuedDay {
    private ContinuedDay() {}

    /**
     * Feeds {@code book}'s levels to {@code market} as one snapshot message at {@code time}; none if not ready. A
     * market shared by the points of a sweep is seeded once for them all.
     */
    static void seed(ExchangeMarket market, OrderBook book, long time) {
        if (!book.isReady() || book.bidDepth() + book.askDepth() == 0) {
            return;
        }
        MarketEvent e = new MarketEvent();
        int bids = book.bidDepth();
        int asks = book.askDepth();
        int last = bids + asks - 1;
        for (int i = 0; i < bids; i++) {
            e.set(snapshot(EventFlags.BUY_EVENT), time, time, book.bidPrice(i), book.bidQty(i), 0, 0, 0, i == last);
            market.onMarketEvent(e);
        }
        for (int i = 0; i < asks; i++) {
            e.set(
                    snapshot(EventFlags.SELL_EVENT),
                    time,
                    time,
                    book.askPrice(i),
                    book.askQty(i),
                    0,
                    0,
                    0,
                    bids + i == last);
            market.onMarketEvent(e);
        }
    }

    private static long snapshot(long side) {
        return EventFlags.LOCAL_EVENT | EventFlags.DEPTH_SNAPSHOT_EVENT | side;
    }
}
