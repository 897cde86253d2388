package io.factorgraph.backtest.exchange;

import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.OrderBook;

/**
 * A simple deterministic market maker for tests on real data: at each clock tick it quotes one post-only bid at
 * {@code best bid - offset} ticks and one post-only ask at {@code best ask + offset} ticks, cancelling orders that
 * are no longer at those prices, within a position limit; every {@code flattenEvery} ticks it sends a marketable GTC
 * order for its whole position (so that runs have taker fills too). Allocation-free; uses only what a strategy can
 * know: its local book, its orders and account from reports.
 */
final class QuotingStrategy {
    private final ExchangeSimulator sim;
    private final OrderBook book;
    private final int offsetTicks;
    private final long lots;
    private final long maxPositionLots;
    private final int flattenEvery;
    private int ticks;

    QuotingStrategy(
            ExchangeSimulator sim,
            OrderBook localBook,
            int offsetTicks,
            long lots,
            long maxPositionLots,
            int flattenEvery) {
        this.sim = sim;
        this.book = localBook;
        this.offsetTicks = offsetTicks;
        this.lots = lots;
        this.maxPositionLots = maxPositionLots;
        this.flattenEvery = flattenEvery;
    }

    void onTick(long t) {
        if (!book.isReady() || book.bidDepth() == 0 || book.askDepth() == 0) {
            return;
        }
        PriceGrid grid = sim.grid();
        long bestBid = grid.ticks(book.bestBid());
        long bestAsk = grid.ticks(book.bestAsk());
        long wantBid = bestBid - offsetTicks;
        long wantAsk = bestAsk + offsetTicks;
        long position = sim.account().positionLots();
        boolean quoteBid = position < maxPositionLots;
        boolean quoteAsk = position > -maxPositionLots;
        boolean haveBid = false;
        boolean haveAsk = false;
        OrderTracker orders = sim.orders();
        for (int i = 0; i < orders.size(); i++) {
            if (orders.cancelPending(i) || orders.timeInForce(i) == TimeInForce.GTC) {
                continue;
            }
            boolean buy = orders.side(i) == Side.BUY;
            boolean keep = buy
                    ? quoteBid && !haveBid && orders.priceTicks(i) == wantBid
                    : quoteAsk && !haveAsk && orders.priceTicks(i) == wantAsk;
            if (keep) {
                if (buy) {
                    haveBid = true;
                } else {
                    haveAsk = true;
                }
            } else {
                sim.cancel(orders.id(i), t);
            }
        }
        if (quoteBid && !haveBid) {
            sim.submitLots(Side.BUY, wantBid, lots, TimeInForce.GTX, t);
        }
        if (quoteAsk && !haveAsk) {
            sim.submitLots(Side.SELL, wantAsk, lots, TimeInForce.GTX, t);
        }
        if (++ticks % flattenEvery == 0 && position != 0) {
            if (position > 0) {
                sim.submitLots(Side.SELL, bestBid - 5, position, TimeInForce.GTC, t);
            } else {
                sim.submitLots(Side.BUY, bestAsk + 5, -position, TimeInForce.GTC, t);
            }
        }
    }
}
