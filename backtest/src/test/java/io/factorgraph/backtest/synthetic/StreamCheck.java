package io.factorgraph.backtest.synthetic;

import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a synthetic market to its end and checks everything a consumer of recorded data relies on, failing
 * with the event's position on the first violation:
 * <ul>
 *   <li>the stream opens with a snapshot in the reader's shape (clear through the furthest level, levels from
 *       the best outward, bids then asks, one message), after which the local book is ready;
 *   <li>the book built with {@link BookBuilder#local} is never crossed at a message end, and equals the model's
 *       own book, level for level, whenever a model event's messages have all been read (for long streams,
 *       the levels the event touched, the best levels, counts and total quantity, and all levels now and then);
 *   <li>every depth row has a positive price on the tick grid and a non-negative quantity in whole lots;
 *       snapshot rows and trades have positive quantities;
 *   <li>a trade takes liquidity that was on the book before it (a buy from an ask level, a sell from a bid
 *       level, no more in one run than the level held), and the diff after it leaves the level with at most
 *       what remained;
 *   <li>bookTicker events show the book's best levels;
 *   <li>every event carries both clock flags; both clocks are non-decreasing, exchange times lie within
 *       {@code [start, start + duration]}, {@code local - exch} within the latency band, and every row of a
 *       message shares its timestamps and id; diff ids increase message by message, trade ids by one.
 * </ul>
 */
final class StreamCheck {
    /** What the stream held. */
    record Summary(
            long events,
            long messages,
            long depthRows,
            long trades,
            long bookTickers,
            long limitArrivals,
            long cancellations,
            long buyRuns,
            long sellRuns,
            double cancelCompensator,
            long lastExchTs) {}

    private StreamCheck() {}

    /** Checks the whole stream, comparing the whole book with the model's at every model event. */
    static Summary check(SyntheticMarket market) {
        return check(market, 1);
    }

    /**
     * Checks the whole stream; at every model event compares the levels it touched, the best levels, the level
     * counts and the total quantity with the model's, and the whole book every {@code fullCompareEvery} model
     * events and at the end (a long stream's full comparisons would cost O(levels) each).
     */
    static Summary check(SyntheticMarket market, int fullCompareEvery) {
        return new StreamCheck.Run(market, fullCompareEvery).run();
    }

    private static final class Run {
        private final SyntheticMarket market;
        private final SyntheticMarket.Config config;
        private final OrderBook book = new OrderBook();
        private final BookBuilder builder = BookBuilder.local(book);
        private final MarketEvent e;
        private final double tick;
        private final double lot;
        private final long startNs;
        private final long endNs;
        private final long minLatency;
        private final long maxLatency;

        // the message being read
        private final List<double[]> rows = new ArrayList<>();
        private long msgExch = Long.MIN_VALUE;
        private long msgLocal = Long.MIN_VALUE;
        private long msgId;
        private long msgEv;
        private boolean inMessage;

        // a run of trades and what it took, per price, in lots
        private final Map<Double, Long> takenBefore = new HashMap<>();
        private final Map<Double, Long> taken = new HashMap<>();
        private boolean runIsBuy;
        private boolean afterTrades;
        private final List<double[]> touched = new ArrayList<>();
        private final int fullCompareEvery;
        private long boundaries;

        private long lastExch = Long.MIN_VALUE;
        private long lastLocal = Long.MIN_VALUE;
        private long lastDiffId = Long.MIN_VALUE;
        private long lastTradeId;
        private long events;
        private long messages;
        private long depthRows;
        private long trades;
        private long bookTickers;
        private long limitArrivals;
        private long cancellations;
        private long buyRuns;
        private long sellRuns;
        private double restingLots;
        private double cancelCompensator;
        private long compensatorTs = Long.MIN_VALUE;

        Run(SyntheticMarket market, int fullCompareEvery) {
            this.market = market;
            this.fullCompareEvery = fullCompareEvery;
            this.config = market.config();
            this.e = market.event();
            this.tick = config.instrument().tickSize();
            this.lot = config.instrument().lotSize();
            this.startNs = config.session().start().getEpochSecond() * 1_000_000_000L
                    + config.session().start().getNano();
            this.endNs = startNs + config.session().duration().toNanos();
            this.minLatency =
                    config.feed().latency().minus(config.feed().jitter()).toNanos();
            this.maxLatency =
                    config.feed().latency().plus(config.feed().jitter()).toNanos();
        }

        Summary run() {
            if (!market.next()) {
                fail("the stream is empty");
            }
            snapshot();
            while (market.next()) {
                event();
            }
            if (inMessage) {
                fail("the stream ends inside a message");
            }
            if (!taken.isEmpty()) {
                fail("the stream ends with trades whose depth diff never came");
            }
            compensate(lastExch);
            compareWithModel();
            return new Summary(
                    events,
                    messages,
                    depthRows,
                    trades,
                    bookTickers,
                    limitArrivals,
                    cancellations,
                    buyRuns,
                    sellRuns,
                    cancelCompensator,
                    lastExch);
        }

        private void snapshot() {
            List<long[]> snapshot = new ArrayList<>();
            do {
                common();
                snapshot.add(
                        new long[] {e.ev(), Double.doubleToRawLongBits(e.px()), Double.doubleToRawLongBits(e.qty())});
                builder.apply(e);
            } while (!e.endOfMessage() && market.next());
            for (int k = 0; k < book.bidDepth(); k++) {
                restingLots += lots(book.bidQty(k));
            }
            for (int k = 0; k < book.askDepth(); k++) {
                restingLots += lots(book.askQty(k));
            }
            endOfMessage();
            int i = 0;
            for (int side = 0; side < 2; side++) {
                boolean bid = side == 0;
                long sideFlag = bid ? EventFlags.BUY_EVENT : EventFlags.SELL_EVENT;
                long[] clear = snapshot.get(i++);
                if (!EventFlags.is(clear[0], EventFlags.DEPTH_CLEAR_EVENT | sideFlag)) {
                    fail("snapshot side " + side + " must open with a depth clear of its side, was "
                            + EventFlags.describe(clear[0]));
                }
                double previous = Double.NaN;
                while (i < snapshot.size()
                        && EventFlags.is(snapshot.get(i)[0], EventFlags.DEPTH_SNAPSHOT_EVENT | sideFlag)) {
                    double px = Double.longBitsToDouble(snapshot.get(i)[1]);
                    double qty = Double.longBitsToDouble(snapshot.get(i)[2]);
                    if (!(qty > 0)) {
                        fail("snapshot level with quantity " + qty);
                    }
                    if (!(Double.isNaN(previous) || (bid ? px < previous : px > previous))) {
                        fail("snapshot levels must go from the best outward");
                    }
                    previous = px;
                    i++;
                }
                if (Double.isNaN(previous)) {
                    fail("snapshot side without levels");
                }
                if (Double.longBitsToDouble(clear[1]) != previous) {
                    fail("the depth clear must reach the furthest snapshot level " + previous);
                }
            }
            if (i != snapshot.size()) {
                fail("the snapshot message holds more than two cleared sides");
            }
            if (!book.isReady()) {
                fail("the book is not ready after the snapshot");
            }
            compareWithModel();
        }

        private void event() {
            common();
            int kind = e.kind();
            boolean buy = e.isBuy();
            switch (kind) {
                case (int) EventFlags.DEPTH_EVENT -> depthRow(buy);
                case (int) EventFlags.TRADE_EVENT -> trade(buy);
                case (int) EventFlags.DEPTH_BBO_EVENT -> bookTicker(buy);
                default -> fail("unexpected event kind " + EventFlags.describe(e.ev()) + " after the snapshot");
            }
            builder.apply(e);
            if (e.endOfMessage()) {
                endOfMessage();
            }
        }

        /** Checks common to every event; opens a message or checks that it continues the open one. */
        private void common() {
            events++;
            if (!((e.ev() & (EventFlags.EXCH_EVENT | EventFlags.LOCAL_EVENT))
                    == (EventFlags.EXCH_EVENT | EventFlags.LOCAL_EVENT))) {
                fail("event without both clock flags: " + EventFlags.describe(e.ev()));
            }
            if (!(e.ev()
                    == (e.ev()
                            & (EventFlags.EXCH_EVENT
                                    | EventFlags.LOCAL_EVENT
                                    | EventFlags.BUY_EVENT
                                    | EventFlags.SELL_EVENT
                                    | EventFlags.KIND_MASK)))) {
                fail("unknown flags");
            }
            if (e.isBuy() == e.isSell()) {
                fail("event without exactly one side: " + EventFlags.describe(e.ev()));
            }
            if (e.exchTs() < lastExch) {
                fail("exchange time goes back");
            }
            if (e.localTs() < lastLocal) {
                fail("local time goes back");
            }
            if (!(e.exchTs() >= startNs && e.exchTs() <= endNs)) {
                fail("exchange time " + e.exchTs() + " outside [" + startNs + ", " + endNs + "]");
            }
            long latency = e.localTs() - e.exchTs();
            if (!(latency >= minLatency && latency <= maxLatency)) {
                fail("latency " + latency + " ns outside the band");
            }
            if (!(e.orderId() == 0 && e.fval() == 0.0)) {
                fail("order id and fval must be 0 in L2 data");
            }
            lastExch = e.exchTs();
            lastLocal = e.localTs();
            if (!inMessage) {
                inMessage = true;
                msgExch = e.exchTs();
                msgLocal = e.localTs();
                msgId = e.ival();
                msgEv = e.ev() & (EventFlags.KIND_MASK);
                rows.clear();
            } else {
                if (!(e.exchTs() == msgExch && e.localTs() == msgLocal)) {
                    fail("rows of one message differ in timestamps");
                }
                if (e.ival() != msgId) {
                    fail("rows of one message differ in id");
                }
                if (!((e.ev() & EventFlags.KIND_MASK) == msgEv || msgEv == EventFlags.DEPTH_CLEAR_EVENT)) {
                    fail("one message mixes event kinds");
                }
            }
        }

        private void depthRow(boolean bid) {
            depthRows++;
            checkPrice(e.px());
            if (!(e.qty() >= 0 && Double.isFinite(e.qty()))) {
                fail("depth quantity " + e.qty());
            }
            long lots = lots(e.qty());
            double before = book.qtyAt(bid, e.px());
            rows.add(new double[] {bid ? 1 : 0, e.px(), e.qty(), before});
            touched.add(new double[] {bid ? 1 : 0, e.px()});
            Long took = taken.get(e.px());
            if (took != null && bid != runIsBuy) {
                long remaining = takenBefore.get(e.px()) - took;
                if (lots > remaining) {
                    fail("after trading " + took + " lots at " + e.px() + " the level holds " + lots
                            + ", more than the " + remaining + " left");
                }
                taken.remove(e.px());
            }
            restingLots += lots - lots(before);
        }

        private void trade(boolean buy) {
            trades++;
            checkPrice(e.px());
            if (!(e.qty() > 0)) {
                fail("trade quantity " + e.qty());
            }
            if (e.ival() != lastTradeId + 1) {
                fail("trade ids must count up by one: " + e.ival() + " after " + lastTradeId);
            }
            lastTradeId = e.ival();
            if (taken.isEmpty()) {
                runIsBuy = buy;
                takenBefore.clear();
                if (buy) {
                    buyRuns++;
                } else {
                    sellRuns++;
                }
            }
            if (buy != runIsBuy) {
                fail("one run of trades mixes aggressor sides");
            }
            afterTrades = true;
            // a buy takes from an ask level, a sell from a bid level, at a price that was on the book
            double resting = book.qtyAt(!buy, e.px());
            if (!(resting > 0)) {
                fail((buy ? "buy" : "sell") + " trade at " + e.px() + " where the " + (buy ? "asks" : "bids")
                        + " have nothing (best " + book.bestBid() + " / " + book.bestAsk() + ")");
            }
            if (!(buy
                    ? e.px() >= book.bestAsk() && e.px() > book.bestBid()
                    : e.px() <= book.bestBid() && e.px() < book.bestAsk())) {
                fail("trade price " + e.px() + " is not on the aggressor's far side");
            }
            long took = taken.getOrDefault(e.px(), 0L) + lots(e.qty());
            if (took > lots(resting)) {
                fail("trades at " + e.px() + " took " + took + " lots of " + lots(resting));
            }
            taken.put(e.px(), took);
            takenBefore.put(e.px(), lots(resting));
        }

        private void bookTicker(boolean bid) {
            bookTickers++;
            if (!(e.px() == (bid ? book.bestBid() : book.bestAsk()))) {
                fail("bookTicker price " + e.px() + " is not the best "
                        + (bid ? "bid " + book.bestBid() : "ask " + book.bestAsk()));
            }
            if (!(e.qty() == (bid ? book.bestBidQty() : book.bestAskQty()))) {
                fail("bookTicker quantity " + e.qty() + " is not the best level's");
            }
        }

        private void endOfMessage() {
            messages++;
            inMessage = false;
            if (book.isCrossed()) {
                fail("crossed book at a message end: " + book);
            }
            if (!(book.bidDepth() > 0 && book.askDepth() > 0)) {
                fail("a side of the book is empty");
            }
            if (msgEv == EventFlags.DEPTH_EVENT) {
                if (msgId <= lastDiffId) {
                    fail("diff ids must increase: " + msgId + " after " + lastDiffId);
                }
                lastDiffId = msgId;
                if (!taken.isEmpty()) {
                    fail("a run of trades was not followed by the diff of the levels it took from: " + taken.keySet());
                }
                compensate(msgExch);
                if (!afterTrades) {
                    classifyOneRowDiff();
                }
                afterTrades = false;
            } else if (msgEv == EventFlags.DEPTH_BBO_EVENT) {
                if (msgId != lastDiffId) {
                    fail("a bookTicker carries the id of the diff before it");
                }
            } else if (msgEv == EventFlags.DEPTH_CLEAR_EVENT) {
                lastDiffId = msgId;
            }
            if (market.atModelEventBoundary()) {
                boundaries++;
                if (boundaries % fullCompareEvery == 0) {
                    compareWithModel();
                } else {
                    compareTouchedWithModel();
                }
                touched.clear();
            }
        }

        /**
         * A one-row diff with no trades before it is a limit order resting (quantity up) or a cancellation (down);
         * jumps and recentring can also make one, so the counts are exact only without jumps.
         */
        private void classifyOneRowDiff() {
            if (rows.size() != 1) {
                return;
            }
            double[] r = rows.get(0);
            if (r[2] > r[3]) {
                limitArrivals++;
            } else if (r[2] < r[3]) {
                cancellations++;
            }
        }

        /**
         * Adds {@code cancelRate * Q / limitSizeMean} over the time since the last call: the expected number of
         * cancellations, to compare with the count.
         */
        private void compensate(long ts) {
            if (compensatorTs != Long.MIN_VALUE) {
                double meanLots =
                        config.flow().limitSizeMean() / config.instrument().lotSize();
                cancelCompensator +=
                        config.flow().cancelRate() * lotsBeforeThisMessage() / meanLots * (ts - compensatorTs) / 1e9;
            }
            compensatorTs = ts;
        }

        private double lotsBeforeThisMessage() {
            double lots = restingLots;
            for (double[] r : rows) {
                lots -= lots(r[2]) - lots(r[3]);
            }
            return lots;
        }

        /**
         * The levels this model event touched, the best levels, the level counts and the total quantity against
         * the model: a cheaper check than {@link #compareWithModel()} that still catches any level set wrong.
         */
        private void compareTouchedWithModel() {
            TickLadder ladder = market.ladder();
            if (!(book.bidDepth() == ladder.bidLevels() && book.askDepth() == ladder.askLevels())) {
                fail("the replayed book has " + book.bidDepth() + "/" + book.askDepth() + " levels, the model "
                        + ladder.bidLevels() + "/" + ladder.askLevels());
            }
            if (!(book.bestBid() == market.price(ladder.bestBid())
                    && book.bestAsk() == market.price(ladder.bestAsk()))) {
                fail("best levels differ from the model's");
            }
            for (double[] t : touched) {
                boolean bid = t[0] == 1;
                long tickIndex = Math.round(t[1] / tick);
                long modelLots = bid == ladder.isBid(tickIndex) ? ladder.lotsAt(tickIndex) : 0;
                if (book.qtyAt(bid, t[1]) != market.quantity(modelLots)) {
                    fail("level " + t[1] + " holds " + book.qtyAt(bid, t[1]) + ", the model "
                            + market.quantity(modelLots));
                }
            }
            if (restingLots != ladder.totalLots()) {
                fail("resting lots " + restingLots + " differ from the model's " + ladder.totalLots());
            }
        }

        private void compareWithModel() {
            TickLadder ladder = market.ladder();
            if (!(book.bidDepth() == ladder.bidLevels() && book.askDepth() == ladder.askLevels())) {
                fail("the replayed book has " + book.bidDepth() + "/" + book.askDepth() + " levels, the model "
                        + ladder.bidLevels() + "/" + ladder.askLevels());
            }
            long t = ladder.bestBid();
            for (int i = 0; i < book.bidDepth(); i++, t = ladder.nextBelow(t)) {
                if (!(book.bidPrice(i) == market.price(t) && book.bidQty(i) == market.quantity(ladder.lotsAt(t)))) {
                    fail("bid level " + i + " differs: book " + book.bidQty(i) + "@" + book.bidPrice(i) + ", model "
                            + market.quantity(ladder.lotsAt(t)) + "@" + market.price(t));
                }
            }
            t = ladder.bestAsk();
            for (int i = 0; i < book.askDepth(); i++, t = ladder.nextAbove(t)) {
                if (!(book.askPrice(i) == market.price(t) && book.askQty(i) == market.quantity(ladder.lotsAt(t)))) {
                    fail("ask level " + i + " differs: book " + book.askQty(i) + "@" + book.askPrice(i) + ", model "
                            + market.quantity(ladder.lotsAt(t)) + "@" + market.price(t));
                }
            }
            if (restingLots != ladder.totalLots()) {
                fail("resting lots " + restingLots + " differ from the model's " + ladder.totalLots());
            }
        }

        private void checkPrice(double px) {
            if (!(px > 0 && Double.isFinite(px))) {
                fail("price " + px);
            }
            BigDecimal rest = new BigDecimal(Double.toString(px)).remainder(new BigDecimal(Double.toString(tick)));
            if (rest.signum() != 0) {
                fail("price " + px + " is off the tick grid " + tick);
            }
        }

        private long lots(double qty) {
            double n = qty / lot;
            long rounded = Math.round(n);
            if (Math.abs(n - rounded) >= 1e-6) {
                fail("quantity " + qty + " is not a whole number of lots " + lot);
            }
            return rounded;
        }

        private void fail(String message) {
            throw new AssertionError(market.position() + " (" + e + "): " + message);
        }
    }
}
