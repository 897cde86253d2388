package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.market.OrderBook;

/**
 * Observes the exchange side of a simulation as it runs, in exchange-time order: for diagnostics, reports and tests
 * that check the simulator against the market it saw. Called after the exchange has processed each item, so fills
 * an item caused are already in the simulator's fill log.
 */
public interface ExchangeListener {
    /**
     * The exchange processed a market event (depth, snapshot, clear or trade; best-bid/offer events never reach it).
     *
     * @param exchTime the event's corrected exchange time ({@link TimelineCorrection})
     * @param localTime the event's recorded local time
     * @param ev the event's flags ({@code EXCH_EVENT} in place of {@code LOCAL_EVENT})
     * @param priceTicks the price in ticks (NaN for a clear of a whole side)
     * @param lots the quantity in lots
     * @param book the exchange's book after the event: exact prices (the grid's price of each tick) and quantities
     *     <em>in lots</em>; read it during the call only
     */
    default void onMarketEvent(
            long exchTime, long localTime, long ev, double priceTicks, double lots, OrderBook book) {}

    /** The exchange processed a request: a new order ({@code cancel == false}) or a cancel arriving at {@code exchTime}. */
    default void onRequest(long exchTime, long orderId, boolean cancel) {}
}
