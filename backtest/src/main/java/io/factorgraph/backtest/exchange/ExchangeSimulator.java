package io.factorgraph.backtest.exchange;

import io.factorgraph.backtest.account.Account;
import io.factorgraph.backtest.account.FillLog;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;

/**
 * A simulated exchange for one instrument, replaying recorded L2 data in the manner of hftbacktest: order latency,
 * queue position, no-partial or partial fills, post-only rejects, maker/taker fees, exact accounting.
 *
 * <h2>Two timelines, one clock</h2>
 * The strategy lives on the recorded <em>local</em> clock. The exchange side runs on the same clock, at each event's
 * <em>corrected exchange time</em> ({@link TimelineCorrection}): the recorded exchange stamps shifted so that feed
 * latency is never negative, and sorted. A request the strategy sends at local time {@code t} reaches the exchange at
 * {@code t + entry latency}; what the exchange does at time {@code x} reaches the strategy at {@code x + response
 * latency}. Requests and reports each stay in order (see {@link LatencyModel}).
 *
 * <h2>Driving it</h2>
 * Feed every market event, in local order, to {@link #onMarketEvent} (the simulator keeps its own exchange-side book,
 * built from depth events only) and call {@link #endOfData} after the last. Move the strategy's clock with {@link
 * #advanceTo}: it processes, in time order, everything due up to then: market events on the exchange, requests
 * arriving there, reports arriving back (each updating {@link #orders()} and {@link #account()} and going to the
 * {@link ExecutionListener}). The strategy acts at the current time with {@link #submit} and {@link #cancel}.
 *
 * <p>Look-ahead: since an event can be received up to the maximum feed latency after its exchange time, the exchange
 * can only process time {@code t} once it has been fed every event received up to {@code t + maxFeedLatency}.
 * {@link #advanceTo} checks this and throws rather than process the exchange on incomplete data; {@link
 * SimulationFeed} wraps an {@code EventSource} to feed the simulator that far ahead while handing the events to the
 * strategy's loop in local order. The simplest correct loop:
 * <pre>{@code
 * ExchangeSimulator sim = new ExchangeSimulator(config);
 * try (SimulationFeed feed = new SimulationFeed(EventSources.open(files, GapPolicy.FAIL), sim)) {
 *     MarketEvent e = feed.event();
 *     while (feed.next()) {
 *         sim.advanceTo(e.localTs());        // reports received by now are applied
 *         localBook.apply(e);                // the strategy's own view of the market
 *         ... strategy: sim.orders(), sim.account(), sim.submit(...), sim.cancel(...) at e.localTs()
 *     }
 *     sim.advanceToEnd();                    // everything still in flight
 * }
 * }</pre>
 *
 * <p>Items due at the same nanosecond are processed market events first, then requests arriving at the exchange,
 * then reports arriving at the strategy. A request sent with zero entry latency therefore reaches the exchange after
 * the market events of that instant, at the next {@link #advanceTo} (or at once, if the clock is already there and
 * {@code advanceTo} is called again). Listeners must not call back into the simulator, except that an {@link
 * ExecutionListener} may {@link #submit} and {@link #cancel} at the report's time.
 *
 * <h2>Matching (hftbacktest's L2 rules)</h2>
 * <ul>
 *   <li>An order does nothing before it reaches the exchange. On arrival a buy priced at or above the best ask (a sell
 *       at or below the best bid) is marketable: a {@link TimeInForce#GTX} order expires ({@link
 *       RejectReason#POST_ONLY_WOULD_CROSS}); a {@link TimeInForce#GTC} order takes liquidity as a taker ({@link
 *       FillMode}). An order arriving before the exchange's book has a snapshot is rejected ({@link
 *       RejectReason#BOOK_NOT_READY}).
 *   <li>Otherwise the order rests, behind the whole quantity at its price ({@link QueueModel}). It is filled, as a
 *       maker at its own price: entirely, by a trade strictly through its price or by the opposite best moving onto or
 *       through it; by a trade at its price once the queue ahead is exhausted (by a lot or more), entirely or in part
 *       per {@link FillMode}.
 *   <li>A cancel removes the order if it still rests when the cancel arrives; otherwise (filled, expired) it is
 *       refused ({@link ReportType#CANCEL_REJECTED}) and whatever happened stands.
 *   <li>Fees are a fraction of traded value ({@code price * qty}): the maker fee for resting orders, the taker fee for
 *       marketable ones; negative fees are rebates.
 * </ul>
 * Own orders do not enter the replayed book and do not queue behind each other at one price (as in hftbacktest); in
 * partial-fill mode one trade's quantity is shared out among our orders at its price in arrival order, never used
 * twice. Costs are linear in the number of resting orders per trade or depth event.
 *
 * <p>Deterministic to the bit: no wall clock, no hashing, no randomness; the same events and calls give the same
 * reports. Allocation-free in steady state (buffers grow by doubling up to their working size). Not thread-safe.
 */
public final class ExchangeSimulator {
    private static final double QUEUE_EPSILON = 1e-9;
    private static final int RANK_TRADE = 0;
    private static final int RANK_DEPTH = 1;

    private final SimulatorConfig config;
    private final PriceGrid grid;
    private final LatencyModel latency;
    private final QueueModel queueModel;
    private final boolean partial;
    private final double makerFee;
    private final double takerFee;
    private final boolean autoOffset;
    private final long fixedOffset;
    private final long minFeedLatency;
    private final long maxFeedLatency;
    private final double lotSize;

    // exchange side: a book in ticks and lots (room for 8192 levels a side before it grows: feeds that keep every
    // level they ever saw reach thousands), the events and requests waiting for it, our resting orders
    private final OrderBook book = new OrderBook(8192);
    private final BookBuilder builder = BookBuilder.exchange(book);
    private final MarketEvent cursor = new MarketEvent();
    private final MarketEventQueue pending = new MarketEventQueue(16384);
    private final RequestQueue requests = new RequestQueue(64);
    private final RestingOrders resting = new RestingOrders(32);
    private final ReportQueue outbox = new ReportQueue(256);
    private final Account exchangeAccount;
    private final FillLog fills;
    private long exchClock = Long.MIN_VALUE;
    private ExchangeListener exchangeListener;

    // feeding
    private long horizon = Long.MIN_VALUE;
    private boolean ended;
    private long minRawLatency = Long.MAX_VALUE;
    private long offset;
    private long lastDepthTime = Long.MIN_VALUE;
    private long lastTradeTime = Long.MIN_VALUE;

    // local side
    private long now = Long.MIN_VALUE;
    private long nextOrderId = 1;
    private long lastArrival = Long.MIN_VALUE;
    private long lastReceipt = Long.MIN_VALUE;
    private final OrderTracker orders;
    private final Account account;
    private final ExecutionReport report;
    private ExecutionListener listener;
    private boolean delivering;

    // statistics
    private long statMarketEvents;
    private long statExchangeEvents;
    private long statReordered;
    private long statSlowClamped;
    private long statFastClamped;
    private long statOrders;
    private long statCancels;
    private long statAccepted;
    private long statExpired;
    private long statRejected;
    private long statCanceled;
    private long statCancelsRejected;
    private long statOffGrid;

    public ExchangeSimulator(SimulatorConfig config) {
        this(config, 1024);
    }

    /**
     * @param expectedFills initial capacity of the fill log (it grows by doubling beyond it); size it to keep a long run
     *     free of allocation
     */
    public ExchangeSimulator(SimulatorConfig config, int expectedFills) {
        if (config == null) {
            throw new NullPointerException("config");
        }
        this.config = config;
        this.grid = new PriceGrid(config.tickSize(), config.lotSize());
        this.latency = config.latency();
        this.queueModel = config.queueModel();
        this.partial = config.fillMode() == FillMode.PARTIAL;
        this.makerFee = config.makerFee();
        this.takerFee = config.takerFee();
        TimelineCorrection timeline = config.timeline();
        this.autoOffset = timeline.autoOffset();
        this.fixedOffset = timeline.offsetNanos();
        this.offset = autoOffset ? 0 : fixedOffset;
        this.minFeedLatency = timeline.minFeedLatencyNanos();
        this.maxFeedLatency = timeline.maxFeedLatencyNanos();
        this.lotSize = config.lotSize();
        this.exchangeAccount = new Account(grid, config.initialCash());
        this.account = new Account(grid, config.initialCash());
        this.fills = new FillLog(grid, expectedFills);
        this.orders = new OrderTracker(grid, 32);
        this.report = new ExecutionReport(grid);
    }

    // ------------------------------------------------------------------------------------------------ feeding

    /**
     * Takes the next market event, in local order. Events without {@code LOCAL_EVENT} are ignored (the simulator
     * builds its own exchange timeline); best-bid/offer and L3 events are counted but never reach the exchange side.
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
            throw new IllegalArgumentException("market events must come in local time order: local_ts " + local
                    + " after " + horizon + ": " + e);
        }
        horizon = local;
        statMarketEvents++;
        if (autoOffset) {
            // every message carries the exchange's clock, so every event informs the offset, even those (best
            // bid/offer) that never reach the exchange side
            long raw = local - e.exchTs();
            if (raw < minRawLatency) {
                minRawLatency = raw;
                offset = Math.min(0, minRawLatency - minFeedLatency);
            }
        }
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
        long exch = exchangeTime(e.exchTs(), local);
        if (rank == RANK_DEPTH) {
            exch = Math.max(exch, lastDepthTime);
            lastDepthTime = exch;
        } else {
            exch = Math.max(exch, lastTradeTime);
            lastTradeTime = exch;
        }
        long flags = (ev & ~EventFlags.LOCAL_EVENT) | EventFlags.EXCH_EVENT;
        if (pending.insert(exch, rank, local, flags, px, qty, e.endOfMessage())) {
            statReordered++;
        }
    }

    /** The corrected exchange time of an event (steps 1 and 2 of the rule in {@link TimelineCorrection}). */
    private long exchangeTime(long exchTs, long local) {
        long exch = exchTs + offset;
        long latest = local - minFeedLatency;
        long earliest = local - maxFeedLatency;
        if (exch > latest) {
            exch = latest;
            statFastClamped++;
        }
        if (exch < earliest) {
            exch = earliest;
            statSlowClamped++;
        }
        return exch;
    }

    private static void requireOneSide(long ev, MarketEvent e) {
        boolean buy = (ev & EventFlags.BUY_EVENT) != 0;
        boolean sell = (ev & EventFlags.SELL_EVENT) != 0;
        if (buy == sell) {
            throw new IllegalArgumentException("depth and trade events must carry exactly one of BUY_EVENT and "
                    + "SELL_EVENT: " + e);
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
        return qty / lotSize;
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

    // ------------------------------------------------------------------------------------------------ time

    /** The strategy's current time (local clock), {@link Long#MIN_VALUE} before the first {@link #advanceTo}. */
    public long now() {
        return now;
    }

    /**
     * Moves the strategy's clock to {@code localTime}, processing in time order every market event, request arrival
     * and report arrival due by then. Reports are applied to {@link #orders()} and {@link #account()} and handed to
     * the listener with {@link #now()} equal to their arrival time, so that a listener may react at once.
     *
     * @throws IllegalArgumentException when {@code localTime} is before {@link #now()}
     * @throws IllegalStateException when the simulator has not been fed every event received up to {@code localTime +
     *     maxFeedLatency} and {@link #endOfData()} has not been called, or when called from a listener
     */
    public void advanceTo(long localTime) {
        if (localTime < now) {
            throw new IllegalArgumentException("time went backwards: advanceTo(" + localTime + ") after " + now);
        }
        if (delivering) {
            if (localTime == now) {
                return;
            }
            throw new IllegalStateException("advanceTo(" + localTime + ") from an execution listener at " + now
                    + ": a listener acts at the report's time");
        }
        if (!ended && (horizon == Long.MIN_VALUE || localTime >= horizon - maxFeedLatency)) {
            throw new IllegalStateException("advanceTo(" + localTime + "): the exchange side needs every market event "
                    + "received up to local time " + localTime + " + the maximum feed latency " + maxFeedLatency
                    + " ns, but has been fed only up to " + (horizon == Long.MIN_VALUE ? "nothing" : horizon)
                    + "; feed events that far ahead of the strategy's clock (SimulationFeed does) or call endOfData()");
        }
        run(localTime);
        now = localTime;
    }

    /**
     * After {@link #endOfData()}: processes everything still pending (events, requests, reports), moving the clock to
     * the last report's arrival if that is later than now.
     */
    public void advanceToEnd() {
        if (!ended) {
            throw new IllegalStateException("advanceToEnd() before endOfData()");
        }
        run(Long.MAX_VALUE);
        if (lastReceipt > now) {
            now = lastReceipt;
        }
    }

    private void run(long until) {
        while (true) {
            long market = pending.size() > 0 ? pending.headTs() : Long.MAX_VALUE;
            long request = requests.size() > 0 ? requests.headArrival() : Long.MAX_VALUE;
            long reply = outbox.size() > 0 ? outbox.headLocalTime() : Long.MAX_VALUE;
            if (market <= request && market <= reply) {
                if (market > until || pending.size() == 0) {
                    return;
                }
                processMarketEvent();
            } else if (request <= reply) {
                if (request > until) {
                    return;
                }
                processRequest();
            } else {
                if (reply > until) {
                    return;
                }
                deliver();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ strategy

    /**
     * Sends a new limit order at {@code localTime} (which first becomes the current time); returns its id. The order
     * is {@link OrderStatus#PENDING_NEW} in {@link #orders()} until its first report arrives.
     *
     * @param priceTicks limit price in ticks, {@code >= 1}
     * @param qty quantity, a positive multiple of the lot size
     * @throws IllegalArgumentException for a bad price, quantity or time (see {@link #advanceTo})
     */
    public long submit(Side side, long priceTicks, double qty, TimeInForce tif, long localTime) {
        return submitLots(side, priceTicks, grid.lots(qty), tif, localTime);
    }

    /** As {@link #submit}, with the price given as a price: it must be a multiple of the tick size. */
    public long submitAtPrice(Side side, double price, double qty, TimeInForce tif, long localTime) {
        return submitLots(side, grid.ticks(price), grid.lots(qty), tif, localTime);
    }

    /** As {@link #submit}, with the quantity in lots. */
    public long submitLots(Side side, long priceTicks, long lots, TimeInForce tif, long localTime) {
        if (side == null || tif == null) {
            throw new NullPointerException("side and time in force must not be null");
        }
        if (priceTicks < 1) {
            throw new IllegalArgumentException("order price must be at least one tick, was " + priceTicks + " ticks");
        }
        if (lots < 1) {
            throw new IllegalArgumentException("order quantity must be at least one lot, was " + lots + " lots");
        }
        if (localTime != now) {
            advanceTo(localTime);
        }
        long id = nextOrderId++;
        long arrival = arrival(localTime);
        requests.add(false, id, side == Side.BUY, tif == TimeInForce.GTX, priceTicks, lots, arrival);
        orders.onSubmit(id, side, priceTicks, lots, tif, localTime);
        statOrders++;
        return id;
    }

    /**
     * Sends a cancel for an order at {@code localTime} (which first becomes the current time). Returns false, sending
     * nothing, when the order is not active as far as the strategy knows (unknown, or reported final) or a cancel for
     * it is already on its way.
     */
    public boolean cancel(long orderId, long localTime) {
        if (localTime != now) {
            advanceTo(localTime);
        }
        int i = orders.indexOf(orderId);
        if (i < 0 || !orders.onCancelRequest(orderId)) {
            return false;
        }
        requests.add(true, orderId, orders.side(i) == Side.BUY, orders.timeInForce(i) == TimeInForce.GTX,
                orders.priceTicks(i), orders.qtyLots(i), arrival(localTime));
        statCancels++;
        return true;
    }

    /** When a request sent now reaches the exchange: after the entry latency, and never before an earlier request. */
    private long arrival(long localTime) {
        long a = localTime + latency.entry(localTime);
        if (a < lastArrival) {
            a = lastArrival;
        }
        lastArrival = a;
        return a;
    }

    /** When a report sent at {@code exchTime} reaches the strategy: after the response latency, in order. */
    private long receipt(long exchTime) {
        long r = exchTime + latency.response(exchTime);
        if (r < lastReceipt) {
            r = lastReceipt;
        }
        lastReceipt = r;
        return r;
    }

    // ------------------------------------------------------------------------------------------------ exchange

    private void processMarketEvent() {
        long ts = pending.headTs();
        long local = pending.headLocal();
        long ev = pending.headEv();
        double px = pending.headPx();
        double qty = pending.headQty();
        boolean end = pending.headEnd();
        pending.pop();
        exchClock = ts;
        statExchangeEvents++;
        int kind = (int) (ev & EventFlags.KIND_MASK);
        cursor.set(ev, ts, ts, px, qty, 0, 0, 0, end);
        if (kind == EventFlags.TRADE_EVENT) {
            onTrade((ev & EventFlags.BUY_EVENT) != 0, (long) px, qty, ts);
        } else if (kind == EventFlags.DEPTH_CLEAR_EVENT) {
            builder.apply(cursor);
        } else if (resting.size() == 0) {
            builder.apply(cursor); // no queue to move, nothing to cross
        } else {
            boolean bid = (ev & EventFlags.BUY_EVENT) != 0;
            double prevLots = book.qtyAt(bid, px);
            boolean hadBest = bid ? book.bidDepth() > 0 : book.askDepth() > 0;
            long prevBest = hadBest ? (long) (bid ? book.bestBid() : book.bestAsk()) : 0;
            builder.apply(cursor);
            onLevelChange(bid, (long) px, prevLots, qty);
            if (bid) {
                if (book.bidDepth() > 0) {
                    long best = (long) book.bestBid();
                    if (!hadBest || best > prevBest) {
                        crossSells(best, ts);
                    }
                }
            } else if (book.askDepth() > 0) {
                long best = (long) book.bestAsk();
                if (!hadBest || best < prevBest) {
                    crossBuys(best, ts);
                }
            }
        }
        if (exchangeListener != null) {
            exchangeListener.onMarketEvent(ts, local, ev, px, qty, book);
        }
    }

    /** The level at {@code ticks} on one side changed from {@code prev} to {@code next} lots: move the queues there. */
    private void onLevelChange(boolean bid, long ticks, double prev, double next) {
        for (int i = 0; i < resting.size(); i++) {
            if (resting.buy(i) == bid && resting.priceTicks(i) == ticks) {
                resting.front(i, queueModel.afterDepthChange(resting.front(i), resting.traded(i), prev, next, lotSize));
                resting.traded(i, 0);
            }
        }
    }

    /** The best bid rose to {@code bestBid}: our sells at or below it are filled. */
    private void crossSells(long bestBid, long ts) {
        int i = 0;
        while (i < resting.size()) {
            if (!resting.buy(i) && resting.priceTicks(i) <= bestBid) {
                fillResting(i, resting.leavesLots(i), ts);
            } else {
                i++;
            }
        }
    }

    /** The best ask fell to {@code bestAsk}: our buys at or above it are filled. */
    private void crossBuys(long bestAsk, long ts) {
        int i = 0;
        while (i < resting.size()) {
            if (resting.buy(i) && resting.priceTicks(i) >= bestAsk) {
                fillResting(i, resting.leavesLots(i), ts);
            } else {
                i++;
            }
        }
    }

    /** A trade of {@code tradeLots} at {@code tradeTicks}; {@code aggressorBuy}: it lifted offers (hits our sells). */
    private void onTrade(boolean aggressorBuy, long tradeTicks, double tradeLots, long ts) {
        double unallocated = tradeLots;
        int i = 0;
        while (i < resting.size()) {
            if (resting.buy(i) == aggressorBuy) {
                i++;
                continue;
            }
            long t = resting.priceTicks(i);
            boolean through = aggressorBuy ? t < tradeTicks : t > tradeTicks;
            if (through) {
                fillResting(i, resting.leavesLots(i), ts);
                continue;
            }
            if (t == tradeTicks) {
                double front = resting.front(i) - tradeLots;
                resting.front(i, front);
                resting.traded(i, resting.traded(i) + tradeLots);
                long executable = front < 0 ? (long) Math.floor(-front + QUEUE_EPSILON) : 0;
                if (!partial) {
                    if (executable >= 1) {
                        fillResting(i, resting.leavesLots(i), ts);
                        continue;
                    }
                } else {
                    long x = Math.min(Math.min(executable, resting.leavesLots(i)),
                            (long) Math.floor(unallocated + QUEUE_EPSILON));
                    if (x > 0) {
                        unallocated -= x;
                        if (fillResting(i, x, ts)) {
                            continue;
                        }
                        resting.front(i, 0); // at the front of the queue with the rest
                    }
                }
            }
            i++;
        }
    }

    /** Executes {@code lots} of resting order {@code i} as a maker at its price; returns whether it was removed. */
    private boolean fillResting(int i, long lots, long ts) {
        long leaves = resting.execute(i, lots);
        boolean done = leaves == 0;
        emitFill(resting.id(i), resting.buy(i), resting.gtx(i), resting.priceTicks(i), resting.qtyLots(i), leaves,
                resting.cumExecLots(i), lots, resting.priceTicks(i), true, ts);
        if (done) {
            resting.remove(i);
        }
        return done;
    }

    private void emitFill(long id, boolean buy, boolean gtx, long ticks, long qtyLots, long leaves, long cumExec,
            long execLots, long execTicks, boolean maker, long ts) {
        double value = grid.price(execTicks) * grid.qty(execLots);
        double fee = value * (maker ? makerFee : takerFee);
        Side side = buy ? Side.BUY : Side.SELL;
        exchangeAccount.onFill(side, execTicks, execLots, fee, maker);
        long receipt = receipt(ts);
        fills.add(id, side, execTicks, execLots, fee, maker, ts, receipt);
        outbox.add(ReportType.FILL, id, buy, gtx, ticks, qtyLots, leaves, cumExec, execLots, execTicks, fee, maker,
                leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, RejectReason.NONE, ts, receipt);
    }

    private void emit(ReportType type, long id, boolean buy, boolean gtx, long ticks, long qtyLots, long leaves,
            long cumExec, OrderStatus status, RejectReason reason, long ts) {
        outbox.add(type, id, buy, gtx, ticks, qtyLots, leaves, cumExec, 0, 0, 0.0, false, status, reason, ts,
                receipt(ts));
    }

    private void processRequest() {
        long ts = requests.headArrival();
        boolean cancel = requests.headCancel();
        long id = requests.headOrderId();
        boolean buy = requests.headBuy();
        boolean gtx = requests.headGtx();
        long ticks = requests.headPriceTicks();
        long lots = requests.headLots();
        requests.pop();
        if (ts > exchClock) {
            exchClock = ts;
        }
        if (cancel) {
            onCancelArrival(id, buy, gtx, ticks, lots, ts);
        } else {
            onOrderArrival(id, buy, gtx, ticks, lots, ts);
        }
        if (exchangeListener != null) {
            exchangeListener.onRequest(ts, id, cancel);
        }
    }

    private void onCancelArrival(long id, boolean buy, boolean gtx, long ticks, long lots, long ts) {
        int i = resting.indexOf(id);
        if (i < 0) {
            statCancelsRejected++;
            emit(ReportType.CANCEL_REJECTED, id, buy, gtx, ticks, lots, 0, 0, OrderStatus.NOT_ACTIVE,
                    RejectReason.ORDER_NOT_ACTIVE, ts);
            return;
        }
        statCanceled++;
        emit(ReportType.CANCELED, id, buy, gtx, ticks, lots, 0, resting.cumExecLots(i), OrderStatus.CANCELED,
                RejectReason.NONE, ts);
        resting.remove(i);
    }

    private void onOrderArrival(long id, boolean buy, boolean gtx, long ticks, long lots, long ts) {
        if (!book.isReady()) {
            statRejected++;
            emit(ReportType.REJECTED, id, buy, gtx, ticks, lots, 0, 0, OrderStatus.REJECTED,
                    RejectReason.BOOK_NOT_READY, ts);
            return;
        }
        boolean marketable = buy
                ? book.askDepth() > 0 && ticks >= (long) book.bestAsk()
                : book.bidDepth() > 0 && ticks <= (long) book.bestBid();
        if (!marketable) {
            statAccepted++;
            resting.add(id, buy, gtx, ticks, lots, book.qtyAt(buy, ticks), ts);
            emit(ReportType.ACCEPTED, id, buy, gtx, ticks, lots, lots, 0, OrderStatus.NEW, RejectReason.NONE, ts);
            return;
        }
        if (gtx) {
            statExpired++;
            emit(ReportType.EXPIRED, id, buy, gtx, ticks, lots, 0, 0, OrderStatus.EXPIRED,
                    RejectReason.POST_ONLY_WOULD_CROSS, ts);
            return;
        }
        if (!partial) {
            long best = (long) (buy ? book.bestAsk() : book.bestBid());
            emitFill(id, buy, false, ticks, lots, 0, lots, lots, best, false, ts);
            return;
        }
        long leaves = lots;
        int depth = buy ? book.askDepth() : book.bidDepth();
        for (int level = 0; level < depth && leaves > 0; level++) {
            long p = (long) (buy ? book.askPrice(level) : book.bidPrice(level));
            if (buy ? p >= ticks : p <= ticks) {
                break;
            }
            long x = Math.min(leaves, (long) Math.floor((buy ? book.askQty(level) : book.bidQty(level)) + QUEUE_EPSILON));
            if (x > 0) {
                leaves -= x;
                emitFill(id, buy, false, ticks, lots, leaves, lots - leaves, x, p, false, ts);
            }
        }
        if (leaves > 0) {
            // what the better levels could not fill executes at the order's own price: a marketable order cannot rest
            // in the opposite side of a replayed book
            emitFill(id, buy, false, ticks, lots, 0, lots, leaves, ticks, false, ts);
        }
    }

    // ------------------------------------------------------------------------------------------------ local side

    private void deliver() {
        now = outbox.headLocalTime();
        outbox.poll(report);
        orders.onReport(report);
        if (report.type() == ReportType.FILL) {
            account.onFill(report.side(), report.execPriceTicks(), report.execLots(), report.fee(), report.maker());
        }
        if (listener != null) {
            delivering = true;
            try {
                listener.onReport(report);
            } finally {
                delivering = false;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ views

    public SimulatorConfig config() {
        return config;
    }

    public PriceGrid grid() {
        return grid;
    }

    /** The strategy's view of its orders, from reports received so far. */
    public OrderTracker orders() {
        return orders;
    }

    /** The strategy's account, from fill reports received so far: what the strategy knows. */
    public Account account() {
        return account;
    }

    /** The account at the exchange, updated when fills happen (ahead of {@link #account()} by the response latency). */
    public Account exchangeAccount() {
        return exchangeAccount;
    }

    /** Every fill so far, in the order the exchange made them (including those not yet reported). */
    public FillLog fills() {
        return fills;
    }

    /** The exchange side's clock: the time of the last item it processed. */
    public long exchangeTime() {
        return exchClock;
    }

    /** Whether the exchange's book has a complete snapshot. */
    public boolean exchangeBookReady() {
        return book.isReady();
    }

    /** The exchange's best bid in ticks, or {@link Long#MIN_VALUE} when there is none. */
    public long exchangeBestBidTicks() {
        return book.bidDepth() > 0 ? (long) book.bestBid() : Long.MIN_VALUE;
    }

    /** The exchange's best ask in ticks, or {@link Long#MAX_VALUE} when there is none. */
    public long exchangeBestAskTicks() {
        return book.askDepth() > 0 ? (long) book.bestAsk() : Long.MAX_VALUE;
    }

    /** Number of our orders resting at the exchange. */
    public int restingOrders() {
        return resting.size();
    }

    /**
     * The quantity ahead of a resting order in its price level's queue, in the instrument's units (negative once
     * trades have passed its front), or NaN when the order does not rest at the exchange.
     */
    public double queueAhead(long orderId) {
        double lots = queueAheadLots(orderId);
        return lots == Math.rint(lots) && Math.abs(lots) < 0x1p52 ? grid.qty((long) lots) : lots * lotSize;
    }

    /** As {@link #queueAhead}, in lots (fractional under the probabilistic models). */
    public double queueAheadLots(long orderId) {
        int i = resting.indexOf(orderId);
        return i < 0 ? Double.NaN : resting.front(i);
    }

    /** Receives reports as they reach the strategy; null for none. */
    public void setExecutionListener(ExecutionListener l) {
        this.listener = l;
    }

    /** Observes the exchange side as it runs; null for none. */
    public void setExchangeListener(ExchangeListener l) {
        this.exchangeListener = l;
    }

    public SimulatorStats stats() {
        long makers = exchangeAccount.makerFills();
        return new SimulatorStats(statMarketEvents, statExchangeEvents, statReordered, statSlowClamped, statFastClamped,
                offset, statOrders, statCancels, statAccepted, exchangeAccount.fills(), makers,
                exchangeAccount.fills() - makers, statExpired, statRejected, statCanceled, statCancelsRejected,
                statOffGrid);
    }
}
