package io.factorgraph.backtest.synthetic;

import io.factorgraph.runtime.market.EventFlags;

/**
 * The synthetic model's book changes as the messages a Binance feed carries, in the shapes {@link
 * io.factorgraph.runtime.data.BinanceFeedReader} produces: the opening snapshot, one trade message per level an
 * order took from, one depth diff message of every level a model event changed (each once, with its new absolute
 * quantity, bids first), and a bookTicker message whenever the best bid or ask changed. The model edits the book
 * only through {@link #place} and {@link #take}, so every change it makes is published.
 */
final class BookMessages {
    private static final long BOTH_CLOCKS = EventFlags.EXCH_EVENT | EventFlags.LOCAL_EVENT;
    private static final long BID_DIFF = EventFlags.DEPTH_EVENT | EventFlags.BUY_EVENT | BOTH_CLOCKS;
    private static final long ASK_DIFF = EventFlags.DEPTH_EVENT | EventFlags.SELL_EVENT | BOTH_CLOCKS;
    private static final long BUY_TRADE = EventFlags.TRADE_EVENT | EventFlags.BUY_EVENT | BOTH_CLOCKS;
    private static final long SELL_TRADE = EventFlags.TRADE_EVENT | EventFlags.SELL_EVENT | BOTH_CLOCKS;
    private static final long BID_BBO = EventFlags.DEPTH_BBO_EVENT | EventFlags.BUY_EVENT | BOTH_CLOCKS;
    private static final long ASK_BBO = EventFlags.DEPTH_BBO_EVENT | EventFlags.SELL_EVENT | BOTH_CLOCKS;

    private final TickLadder ladder;
    private final EventRows rows;
    private final boolean bookTicker;
    // the levels changed since the last diff, each noted once (a stamp per window slot says "already noted")
    private final long[] changedBid;
    private final long[] changedAsk;
    private final long[] bidStamp;
    private final long[] askStamp;
    private int changedBids;
    private int changedAsks;
    private long diffSerial = 1;
    // ids a Binance client sees, and the best bid/offer last published
    private long updateId;
    private long tradeId;
    private long bboBid = TickLadder.NONE;
    private long bboBidLots;
    private long bboAsk = TickLadder.NONE;
    private long bboAskLots;
    // counts
    private long messages;
    private long trades;

    BookMessages(TickLadder ladder, EventRows rows, boolean bookTicker) {
        this.ladder = ladder;
        this.rows = rows;
        this.bookTicker = bookTicker;
        int window = ladder.size();
        this.changedBid = new long[window];
        this.changedAsk = new long[window];
        this.bidStamp = new long[window];
        this.askStamp = new long[window];
    }

    /** Adds lots to a level and notes it for the next diff. */
    void place(boolean bid, long tick, long lots) {
        ladder.add(bid, tick, lots);
        changed(bid, tick);
    }

    /** Removes lots from a level and notes it for the next diff. */
    void take(boolean bid, long tick, long lots) {
        ladder.remove(bid, tick, lots);
        changed(bid, tick);
    }

    /** Whether a level changed since the last diff. */
    boolean hasChanges() {
        return changedBids + changedAsks > 0;
    }

    /** One trade message at the resting level's price; the side flag is the aggressor's. */
    void trade(boolean buy, long exch, long local, long tick, long lots) {
        rows.add(buy ? BUY_TRADE : SELL_TRADE, exch, local, tick, lots, ++tradeId);
        endMessage();
        trades++;
    }

    /**
     * One depth diff message of every level changed since the last one, each once with its new absolute
     * quantity (0 when it emptied), bids first, under a new update id; nothing when nothing changed.
     */
    void flushDiff(long exch, long local) {
        if (changedBids + changedAsks == 0) {
            return;
        }
        ++updateId;
        for (int i = 0; i < changedBids; i++) {
            rows.add(BID_DIFF, exch, local, changedBid[i], ladder.sideLotsAt(true, changedBid[i]), updateId);
        }
        for (int i = 0; i < changedAsks; i++) {
            rows.add(ASK_DIFF, exch, local, changedAsk[i], ladder.sideLotsAt(false, changedAsk[i]), updateId);
        }
        endMessage();
        changedBids = 0;
        changedAsks = 0;
        diffSerial++;
    }

    /** A bookTicker message (when published at all) if the best bid or ask changed in price or quantity. */
    void bookTickerIfChanged(long exch, long local) {
        long bid = ladder.bestBid();
        long ask = ladder.bestAsk();
        long bidLots = ladder.lotsAt(bid);
        long askLots = ladder.lotsAt(ask);
        if (bid == bboBid && ask == bboAsk && bidLots == bboBidLots && askLots == bboAskLots) {
            return;
        }
        bboBid = bid;
        bboAsk = ask;
        bboBidLots = bidLots;
        bboAskLots = askLots;
        if (bookTicker) {
            rows.add(BID_BBO, exch, local, bid, bidLots, updateId);
            rows.add(ASK_BBO, exch, local, ask, askLots, updateId);
            endMessage();
        }
    }

    /**
     * The opening snapshot in one message: per side a clear through the furthest level, then the levels from the
     * best outward, bids then asks; then the bookTicker.
     */
    void snapshot(long exch, long local) {
        long id = ++updateId;
        for (int side = 0; side < 2; side++) {
            boolean bid = side == 0;
            long flags = (bid ? EventFlags.BUY_EVENT : EventFlags.SELL_EVENT) | BOTH_CLOCKS;
            int clear = rows.size();
            rows.add(EventFlags.DEPTH_CLEAR_EVENT | flags, exch, local, EventRows.NO_TICK, 0, id);
            long furthest = EventRows.NO_TICK;
            long t = bid ? ladder.bestBid() : ladder.bestAsk();
            while (t != TickLadder.NONE && bid == ladder.isBid(t)) {
                rows.add(EventFlags.DEPTH_SNAPSHOT_EVENT | flags, exch, local, t, ladder.lotsAt(t), id);
                furthest = t;
                t = bid ? ladder.nextBelow(t) : ladder.nextAbove(t);
            }
            rows.setTick(clear, furthest);
        }
        endMessage();
        bookTickerIfChanged(exch, local);
    }

    /** Forgets the warm-up: ids, the last best bid/offer and the counts start again. */
    void restart() {
        updateId = 0;
        tradeId = 0;
        bboBid = TickLadder.NONE;
        bboAsk = TickLadder.NONE;
        messages = 0;
        trades = 0;
    }

    long messageCount() {
        return messages;
    }

    long tradeCount() {
        return trades;
    }

    private void changed(boolean bid, long tick) {
        int i = (int) (tick - ladder.base());
        if (bid) {
            if (bidStamp[i] != diffSerial) {
                bidStamp[i] = diffSerial;
                changedBid[changedBids++] = tick;
            }
        } else if (askStamp[i] != diffSerial) {
            askStamp[i] = diffSerial;
            changedAsk[changedAsks++] = tick;
        }
    }

    private void endMessage() {
        rows.endMessage();
        messages++;
    }
}
