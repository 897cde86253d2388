package io.factorgraph.backtest.exchange;

import io.factorgraph.backtest.exchange.matching.MatchingEngine;
import io.factorgraph.backtest.exchange.timeline.ExchangeTimeline;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.util.Arrays;

/**
 * The market side of a simulated exchange, shared by every {@link ExchangeSimulator} trading one feed on one exchange
 * timeline: the recorded events put on that timeline ({@link ExchangeTimeline}) and waiting in exchange-time order,
 * and the exchange's book (the price-tick indexed {@link OrderBook}, quantities in lots), built once from the depth
 * events. Each simulator keeps only what is its own: its orders and their queue positions, its requests and reports in
 * flight (its own latency), its account (docs/DESIGN.md §12: the points of a sweep).
 *
 * <p>Why: the book is the cost of a replay (docs/DESIGN.md §10). With one book per simulator, a sweep of 64 points
 * applies every depth edit 64 times; here it is applied once, and a simulator is visited only when an event can
 * concern its orders: a trade at or through the price of one of them, a depth change at such a price, or a new best
 * that crosses one. The bounds that decide this are kept over all simulators' resting orders, conservatively (a
 * superset), and tightened whenever orders changed; when no order is near the event, it costs the simulators
 * nothing. A simulator's own items (a request reaching the exchange, a report reaching the strategy) are handled when
 * they come due, in the same order as alone: market events first at equal times, then requests, then reports.
 *
 * <p>What the simulators share must be equal for them all: the tick and lot sizes, and the timeline (its rule,
 * offset and feed-latency bounds): {@link #accepts}. Order latency, queue model, fill mode and fees are each
 * simulator's own, since they do not change when the exchange sees a market event. Each simulator's results are
 * to the bit those it has alone: the book it reads at each of its items is the same.
 *
 * <p>Driving it: feed each market event once, here ({@link #onMarketEvent}; {@link SimulationFeed} does), and move
 * every simulator together ({@link #advanceTo}, {@link #advanceToEnd}): the simulators of one market share one clock.
 * A simulator made with {@link ExchangeSimulator#ExchangeSimulator(SimulatorConfig, int)} has a market of its own.
 * Allocation-free in steady state; not thread-safe.
 */
public final class ExchangeMarket {
    static final int RANK_TRADE = 0;
    static final int RANK_DEPTH = 1;

    private final SimulatorConfig config;
    private final PriceGrid grid;
    private final long maxFeedLatency;
    private final ExchangeTimeline timeline;
    private final MarketEventQueue pending = new MarketEventQueue(16384);
    private final OrderBook book = MatchingEngine.newExchangeBook();
    private final BookBuilder builder = BookBuilder.exchange(book);
    private final MarketEvent cursor = new MarketEvent();

    private ExchangeSimulator[] members = new ExchangeSimulator[0];
    private int listening;

    // feeding
    private long horizon = Long.MIN_VALUE;
    private boolean ended;
    private long lastEventTime = Long.MIN_VALUE;

    // the members' own items: the earliest due, recomputed when one may have changed
    private boolean ownChanged = true;
    private long ownDue = Long.MAX_VALUE;

    // bounds of all members' resting orders (ticks), a superset; recomputed when orders may have changed
    private boolean ordersChanged = true;
    private long minBuy;
    private long maxBuy;
    private long minSell;
    private long maxSell;

    // statistics
    private long statMarketEvents;
    private long statExchangeEvents;
    private long statReordered;
    private long statOffGrid;

    /**
     * A market for simulators of {@code config}'s tick and lot sizes and timeline.
     *
     * @throws IllegalArgumentException when the timeline still needs its shift measured
     */
    public ExchangeMarket(SimulatorConfig config) {
        if (config == null) {
            throw new NullPointerException("config");
        }
        if (!config.timeline().resolved()) {
            throw new IllegalArgumentException(
                    "the exchange timeline '" + config.timeline().rule().label()
                            + "' needs one shift for the whole input: resolve it first with ClockShift.resolve(config, input) "
                            + "(Backtest.run(opener, ...) does), or choose TimelineCorrection.fixed(...) or runningMax()");
        }
        this.config = config;
        this.grid = new PriceGrid(config.tickSize(), config.lotSize());
        this.timeline = new ExchangeTimeline(config.timeline());
        this.maxFeedLatency = config.timeline().maxFeedLatencyNanos();
    }

    /** Whether a simulator of {@code other} can share this market: same tick and lot sizes, same timeline. */
    public boolean accepts(SimulatorConfig other) {
        return canShare(config, other);
    }

    /** Whether simulators of {@code a} and {@code b} can share a market: same tick and lot sizes, same timeline. */
    public static boolean canShare(SimulatorConfig a, SimulatorConfig b) {
        return Double.compare(a.tickSize(), b.tickSize()) == 0
                && Double.compare(a.lotSize(), b.lotSize()) == 0
                && a.timeline().equals(b.timeline());
    }

    /**
     * A new simulator trading on this market, with its own orders, latency, queue model, fees and account.
     *
     * @throws IllegalArgumentException when {@code simulatorConfig} cannot share this market ({@link #accepts}), or
     *     when events were already fed
     */
    public ExchangeSimulator newSimulator(SimulatorConfig simulatorConfig, int expectedFills) {
        if (!accepts(simulatorConfig)) {
            throw new IllegalArgumentException("a simulator shares a market only with the same tick size, lot size and "
                    + "timeline: " + simulatorConfig + " against " + config);
        }
        if (horizon != Long.MIN_VALUE) {
            throw new IllegalArgumentException("simulators join a market before its first event");
        }
        return new ExchangeSimulator(simulatorConfig, expectedFills, this);
    }

    void join(ExchangeSimulator simulator) {
        members = Arrays.copyOf(members, members.length + 1);
        members[members.length - 1] = simulator;
    }

    /** The simulators trading on this market, in the order they joined. */
    public int simulatorCount() {
        return members.length;
    }

    /** The exchange's book: exact prices (the grid's price of each tick) and quantities in lots. */
    public OrderBook book() {
        return book;
    }

    // ------------------------------------------------------------------------------------------------ feeding

    /**
     * Takes the next market event, in local order (see {@link ExchangeSimulator#onMarketEvent}).
     *
     * @throws IllegalArgumentException when the event goes back in local time, is a depth or trade event without
     *     exactly one side, has a price off the configured tick grid or a negative quantity (naming the event)
     * @throws IllegalStateException after {@link #endOfData()}
     */
    public void onMarketEvent(MarketEvent e) {
        long ev = e.ev();
        if ((ev & EventFlags.LOCAL_EVENT) == 0) {
            return;
        }
        if (ended) {
            throw new IllegalStateException("market event after endOfData(): " + e);
        }
        long local = e.localTs();
        if (local < horizon) {
            throw new IllegalArgumentException(
                    "market events must come in local time order: local_ts " + local + " after " + horizon + ": " + e);
        }
        horizon = local;
        statMarketEvents++;
        timeline.observe(e.exchTs(), local);
        int kind = (int) (ev & EventFlags.KIND_MASK);
        int rank;
        double px;
        double qty;
        if (kind == EventFlags.DEPTH_EVENT || kind == EventFlags.DEPTH_SNAPSHOT_EVENT) {
            requireOneSide(ev, e);
            px = ticks(e.px(), e);
            qty = lots(e.qty(), e);
            rank = RANK_DEPTH;
        } else if (kind == EventFlags.DEPTH_CLEAR_EVENT) {
            px = Double.isNaN(e.px()) ? Double.NaN : ticks(e.px(), e);
            qty = 0;
            rank = RANK_DEPTH;
        } else if (kind == EventFlags.TRADE_EVENT) {
            requireOneSide(ev, e);
            px = ticks(e.px(), e);
            qty = lots(e.qty(), e);
            rank = RANK_TRADE;
        } else {
            return;
        }
        long exch = timeline.exchangeTime(e.exchTs(), local, rank == RANK_DEPTH);
        long flags = (ev & ~EventFlags.LOCAL_EVENT) | EventFlags.EXCH_EVENT;
        if (pending.insert(exch, rank, local, flags, px, qty, e.endOfMessage())) {
            statReordered++;
        }
    }

    private static void requireOneSide(long ev, MarketEvent e) {
        boolean buy = (ev & EventFlags.BUY_EVENT) != 0;
        boolean sell = (ev & EventFlags.SELL_EVENT) != 0;
        if (buy == sell) {
            throw new IllegalArgumentException(
                    "depth and trade events must carry exactly one of BUY_EVENT and " + "SELL_EVENT: " + e);
        }
    }

    private double ticks(double price, MarketEvent e) {
        long t = grid.ticksOrInvalid(price);
        if (t == Long.MIN_VALUE || t < 1) {
            throw new IllegalArgumentException("price " + price + " is not a positive multiple of the tick size "
                    + grid.tickSize() + " (is the tick size right?): " + e);
        }
        return t;
    }

    /**
     * A market quantity in lots: a whole number when it is on the lot grid, as it almost always is; otherwise the exact
     * fraction, counted in {@link SimulatorStats#offGridQuantities()} (real books hold such quantities: orders placed
     * before the exchange changed the instrument's lot size, e.g. {@code 25.426189} BTC on spot BTCUSDT, lot 0.00001).
     */
    private double lots(double qty, MarketEvent e) {
        if (!(qty >= 0) || qty == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("quantity " + qty + " must be finite and >= 0: " + e);
        }
        long l = grid.lotsOrInvalid(qty);
        if (l != Long.MIN_VALUE) {
            return l;
        }
        statOffGrid++;
        return qty / config.lotSize();
    }

    /** Says that no more market events will come: the exchange side may then process everything fed. */
    public void endOfData() {
        ended = true;
    }

    public boolean isEndOfData() {
        return ended;
    }

    /** The local time of the last event fed, {@link Long#MIN_VALUE} before the first. */
    public long horizon() {
        return horizon;
    }

    /** The largest feed latency of the timeline: how far ahead of the strategy's clock the market must be fed. */
    public long maxFeedLatency() {
        return maxFeedLatency;
    }

    // ------------------------------------------------------------------------------------------------ time

    /**
     * Moves every simulator of this market to {@code localTime} ({@link ExchangeSimulator#advanceTo}).
     *
     * @throws IllegalArgumentException when {@code localTime} is before a simulator's {@link ExchangeSimulator#now()}
     * @throws IllegalStateException when the market has not been fed far enough ahead, or from a listener
     */
    public void advanceTo(long localTime) {
        for (ExchangeSimulator m : members) {
            m.checkAdvance(localTime);
        }
        if (!ended && (horizon == Long.MIN_VALUE || localTime >= horizon - maxFeedLatency)) {
            throw new IllegalStateException("advanceTo(" + localTime + "): the exchange side needs every market event "
                    + "received up to local time " + localTime + " + the maximum feed latency " + maxFeedLatency
                    + " ns, but has been fed only up to " + (horizon == Long.MIN_VALUE ? "nothing" : horizon)
                    + "; feed events that far ahead of the strategy's clock (SimulationFeed does) or call endOfData()");
        }
        run(localTime);
        for (ExchangeSimulator m : members) {
            m.arrivedAt(localTime);
        }
    }

    /**
     * After {@link #endOfData()}: processes everything still pending for every simulator (see {@link
     * ExchangeSimulator#advanceToEnd}).
     */
    public void advanceToEnd() {
        if (!ended) {
            throw new IllegalStateException("advanceToEnd() before endOfData()");
        }
        run(Long.MAX_VALUE);
        for (ExchangeSimulator m : members) {
            m.arrivedAtEnd();
        }
    }

    /** A simulator's own items changed (it sent a request, the exchange sent it a report). */
    void ownItemsChanged() {
        ownChanged = true;
    }

    /** A simulator's resting orders may have changed. */
    void ordersChanged() {
        ordersChanged = true;
    }

    /**
     * Everything due up to {@code until}, in time order: market events first at equal times, then each simulator's
     * requests, then its reports (the order of one simulator alone; simulators do not see each other).
     */
    private void run(long until) {
        while (true) {
            long market = pending.size() > 0 ? pending.headTs() : Long.MAX_VALUE;
            if (ownChanged) {
                recomputeOwnDue();
            }
            if (ownDue < market && ownDue <= until) {
                long limit = Math.min(market - 1, until);
                for (ExchangeSimulator m : members) {
                    if (m.nextOwnItem() <= limit) {
                        m.runOwn(limit);
                    }
                }
                ownChanged = true;
                continue;
            }
            if (market > until || pending.size() == 0) {
                return;
            }
            processMarketEvent();
        }
    }

    private void recomputeOwnDue() {
        long due = Long.MAX_VALUE;
        for (ExchangeSimulator m : members) {
            due = Math.min(due, m.nextOwnItem());
        }
        ownDue = due;
        ownChanged = false;
    }

    private void recomputeBounds() {
        long lb = Long.MAX_VALUE;
        long hb = Long.MIN_VALUE;
        long ls = Long.MAX_VALUE;
        long hs = Long.MIN_VALUE;
        for (ExchangeSimulator m : members) {
            var resting = m.engine().resting();
            for (int i = 0; i < resting.size(); i++) {
                long t = resting.priceTicks(i);
                if (resting.buy(i)) {
                    lb = Math.min(lb, t);
                    hb = Math.max(hb, t);
                } else {
                    ls = Math.min(ls, t);
                    hs = Math.max(hs, t);
                }
            }
        }
        minBuy = lb;
        maxBuy = hb;
        minSell = ls;
        maxSell = hs;
        ordersChanged = false;
    }

    private void processMarketEvent() {
        long ts = pending.headTs();
        long local = pending.headLocal();
        long ev = pending.headEv();
        double px = pending.headPx();
        double qty = pending.headQty();
        boolean end = pending.headEnd();
        pending.pop();
        lastEventTime = ts;
        statExchangeEvents++;
        if (ordersChanged) {
            recomputeBounds();
        }
        int kind = (int) (ev & EventFlags.KIND_MASK);
        cursor.set(ev, ts, ts, Double.isNaN(px) ? Double.NaN : grid.price((long) px), qty, 0, 0, 0, end);
        if (kind == EventFlags.TRADE_EVENT) {
            boolean aggressorBuy = (ev & EventFlags.BUY_EVENT) != 0;
            long t = (long) px;
            // a trade lifting offers reaches our sells at or below its price; one hitting bids, our buys at or above
            if (aggressorBuy ? minSell <= t : maxBuy >= t) {
                for (ExchangeSimulator m : members) {
                    if (m.engine().resting().size() > 0) {
                        m.engine().onTrade(aggressorBuy, t, qty, ts);
                    }
                }
            }
        } else if (kind == EventFlags.DEPTH_CLEAR_EVENT) {
            builder.apply(cursor);
        } else {
            onDepth((ev & EventFlags.BUY_EVENT) != 0, (long) px, qty, ts);
        }
        if (listening > 0) {
            for (ExchangeSimulator m : members) {
                m.onMarketEventProcessed(ts, local, ev, px, qty);
            }
        }
    }

    private void onDepth(boolean bid, long px, double qty, long ts) {
        boolean queues = bid ? minBuy <= px && px <= maxBuy : minSell <= px && px <= maxSell;
        boolean anyCrossable = bid ? minSell != Long.MAX_VALUE : maxBuy != Long.MIN_VALUE;
        if (!queues && !anyCrossable) {
            builder.apply(cursor); // no queue to move, nothing to cross
            return;
        }
        double prevLots = book.qtyAt(bid, cursor.px());
        boolean hadBest = bid ? book.bidDepth() > 0 : book.askDepth() > 0;
        long prevBest = hadBest ? grid.ticksOrInvalid(bid ? book.bestBid() : book.bestAsk()) : 0;
        builder.apply(cursor);
        boolean crosses = false;
        if (anyCrossable) {
            if (bid) {
                if (book.bidDepth() > 0) {
                    long best = grid.ticksOrInvalid(book.bestBid());
                    crosses = (!hadBest || best > prevBest) && best >= minSell;
                }
            } else if (book.askDepth() > 0) {
                long best = grid.ticksOrInvalid(book.bestAsk());
                crosses = (!hadBest || best < prevBest) && best <= maxBuy;
            }
        }
        if (!queues && !crosses) {
            return;
        }
        for (ExchangeSimulator m : members) {
            if (m.engine().resting().size() > 0) {
                m.engine().onDepthApplied(bid, px, prevLots, qty, hadBest, prevBest, ts);
            }
        }
    }

    void listenerAdded(boolean added) {
        listening += added ? 1 : -1;
    }

    /** The time of the last market event processed, {@link Long#MIN_VALUE} before the first. */
    long lastEventTime() {
        return lastEventTime;
    }

    SimulatorConfig config() {
        return config;
    }

    long statMarketEvents() {
        return statMarketEvents;
    }

    long statExchangeEvents() {
        return statExchangeEvents;
    }

    long statReordered() {
        return statReordered;
    }

    long statOffGrid() {
        return statOffGrid;
    }

    ExchangeTimeline timeline() {
        return timeline;
    }
}
