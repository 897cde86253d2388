package io.factorgraph.backtest.exchange;

import io.factorgraph.backtest.account.Account;
import io.factorgraph.backtest.account.FillLog;
import io.factorgraph.backtest.exchange.latency.LatencyLink;
import io.factorgraph.backtest.exchange.latency.RequestQueue;
import io.factorgraph.backtest.exchange.matching.MatchingEngine;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import io.factorgraph.backtest.exchange.queue.RestingOrders;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;

// Over 500 lines, for a reason: about 100 are the javadoc below, the contract the backtest, the live venue and users'
// loops code against; the rest is only the wiring of the four parts (see "Parts"), feeding, the clock and the
// strategy's calls, each a few short methods.
/**
 * A simulated exchange for one instrument, replaying recorded L2 data in the manner of hftbacktest: order latency,
 * queue position, no-partial or partial fills, post-only rejects, maker/taker fees, exact accounting.
 *
 * <h2>Two timelines, one clock</h2>
 * The strategy lives on the recorded <em>local</em> clock. The exchange side runs on the same clock, at each event's
 * <em>corrected exchange time</em> ({@link TimelineCorrection}): the recorded exchange stamps shifted by one constant
 * for the whole input (hftbacktest's {@code correct_local_timestamp}) so that feed latency is never negative, and
 * sorted, trades before depth at equal time. A request the strategy sends at local time {@code t} reaches the exchange at
 * {@code t + entry latency}; what the exchange does at time {@code x} reaches the strategy at {@code x + response
 * latency}. Requests and reports each stay in order (see {@link LatencyModel}).
 *
 * <h2>Driving it</h2>
 * Feed every market event, in local order, to {@link #onMarketEvent} (the simulator keeps an exchange-side book,
 * built from depth events only: its own, or one shared with the other simulators of a feed, {@link ExchangeMarket})
 * and call {@link #endOfData} after the last. Move the strategy's clock with {@link #advanceTo}: it processes, in time order, everything due up to then: market events on the exchange, requests
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
 * <h2>Parts</h2>
 * This class wires four parts, each in its own package, so that a new queue model, latency model or fill rule touches
 * one file: {@link io.factorgraph.backtest.exchange.timeline.ExchangeTimeline} (recorded stamps to exchange times,
 * {@link TimelineCorrection}), {@link io.factorgraph.backtest.exchange.latency.LatencyLink} (requests and reports in
 * flight, {@link LatencyModel}), {@link io.factorgraph.backtest.exchange.matching.MatchingEngine} (the exchange's book
 * and the fill rules) and {@link io.factorgraph.backtest.exchange.queue.RestingOrders} (queue positions, moved by the
 * {@link QueueModel}). What is left here is feeding, the clock and the strategy's side.
 *
 * <p>Deterministic to the bit: no wall clock, no hashing, no randomness; the same events and calls give the same
 * reports. Allocation-free in steady state (buffers grow by doubling up to their working size). Not thread-safe.
 */
public final class ExchangeSimulator {
    private final SimulatorConfig config;
    private final PriceGrid grid;

    // the four parts: the market side (exchange timeline and book, maybe shared), the latency link, the matching
    // engine (with the queue model), and the local side
    private final ExchangeMarket market;
    private final LatencyLink link;
    private final MatchingEngine engine;
    private final Account exchangeAccount;
    private final FillLog fills;
    private long requestClock = Long.MIN_VALUE;
    private ExchangeListener exchangeListener;

    // local side
    private long now = Long.MIN_VALUE;
    private long nextOrderId = 1;
    private final OrderTracker orders;
    private final Account account;
    private final ExecutionReport report;
    private ExecutionListener listener;
    private boolean delivering;

    // statistics
    private long statOrders;
    private long statCancels;
    private long statAccepted;
    private long statExpired;
    private long statRejected;
    private long statCanceled;
    private long statCancelsRejected;

    public ExchangeSimulator(SimulatorConfig config) {
        this(config, 1024);
    }

    /**
     * A simulator with a market side of its own.
     *
     * @param expectedFills initial capacity of the fill log (it grows by doubling beyond it); size it to keep a long run
     *     free of allocation
     */
    public ExchangeSimulator(SimulatorConfig config, int expectedFills) {
        this(config, expectedFills, new ExchangeMarket(requireConfig(config)));
    }

    /** A simulator on {@code market}, which it may share with others ({@link ExchangeMarket#newSimulator}). */
    ExchangeSimulator(SimulatorConfig config, int expectedFills, ExchangeMarket market) {
        this.config = config;
        this.market = market;
        this.grid = new PriceGrid(config.tickSize(), config.lotSize());
        this.link = new LatencyLink(config.latency());
        this.engine = new MatchingEngine(config, grid, market.book(), this::onExchangeReport);
        this.exchangeAccount = new Account(grid, config.initialCash());
        this.account = new Account(grid, config.initialCash());
        this.fills = new FillLog(grid, expectedFills);
        this.orders = new OrderTracker(grid, 32);
        this.report = new ExecutionReport(grid);
        market.join(this);
    }

    private static SimulatorConfig requireConfig(SimulatorConfig config) {
        if (config == null) {
            throw new NullPointerException("config");
        }
        return config;
    }

    // ------------------------------------------------------------------------------------------------ feeding

    /**
     * Takes the next market event, in local order. Events without {@code LOCAL_EVENT} are ignored (the simulator
     * builds its own exchange timeline); best-bid/offer and L3 events are counted but never reach the exchange side.
     * A simulator sharing its {@link #market()} with others is fed there, once for all.
     *
     * @throws IllegalArgumentException when the event goes back in local time, is a depth or trade event without
     *     exactly one side, has a price off the configured tick grid or a negative quantity (naming the event)
     * @throws IllegalStateException after {@link #endOfData()}, or when the market is shared
     */
    public void onMarketEvent(MarketEvent e) {
        if (market.simulatorCount() > 1) {
            throw new IllegalStateException("this simulator shares its market with " + (market.simulatorCount() - 1)
                    + " others: feed the market once for all (ExchangeMarket.onMarketEvent)");
        }
        market.onMarketEvent(e);
    }

    /** Says that no more market events will come: the exchange side may then process everything fed. */
    public void endOfData() {
        market.endOfData();
    }

    public boolean isEndOfData() {
        return market.isEndOfData();
    }

    /** The local time of the last event fed, {@link Long#MIN_VALUE} before the first. */
    public long horizon() {
        return market.horizon();
    }

    /** The market side this simulator trades on: its own, or shared with the other simulators of one feed. */
    public ExchangeMarket market() {
        return market;
    }

    // ------------------------------------------------------------------------------------------------ time

    /** The strategy's current time (local clock), {@link Long#MIN_VALUE} before the first {@link #advanceTo}. */
    public long now() {
        return now;
    }

    /**
     * Moves the strategy's clock to {@code localTime}, processing in time order every market event, request arrival
     * and report arrival due by then. Reports are applied to {@link #orders()} and {@link #account()} and handed to
     * the listener with {@link #now()} equal to their arrival time, so that a listener may react at once. The
     * simulators sharing this one's {@link #market()} move with it.
     *
     * @throws IllegalArgumentException when {@code localTime} is before {@link #now()}
     * @throws IllegalStateException when the simulator has not been fed every event received up to {@code localTime +
     *     maxFeedLatency} and {@link #endOfData()} has not been called, or when called from a listener
     */
    public void advanceTo(long localTime) {
        if (delivering && localTime == now) {
            return;
        }
        market.advanceTo(localTime);
    }

    /** The checks of {@link #advanceTo} that are this simulator's own. */
    void checkAdvance(long localTime) {
        if (localTime < now) {
            throw new IllegalArgumentException("time went backwards: advanceTo(" + localTime + ") after " + now);
        }
        if (delivering) {
            throw new IllegalStateException("advanceTo(" + localTime + ") from an execution listener at " + now
                    + ": a listener acts at the report's time");
        }
    }

    void arrivedAt(long localTime) {
        now = localTime;
    }

    void arrivedAtEnd() {
        if (link.lastReceipt() > now) {
            now = link.lastReceipt();
        }
    }

    /**
     * After {@link #endOfData()}: processes everything still pending (events, requests, reports), moving the clock to
     * the last report's arrival if that is later than now.
     */
    public void advanceToEnd() {
        market.advanceToEnd();
    }

    /** The time of this simulator's next own item: a request reaching the exchange or a report reaching it back. */
    long nextOwnItem() {
        long request = link.requests().size() > 0 ? link.requests().headArrival() : Long.MAX_VALUE;
        long reply = link.reports().size() > 0 ? link.reports().headLocalTime() : Long.MAX_VALUE;
        return Math.min(request, reply);
    }

    /** Processes this simulator's own items due up to {@code limit}: requests first at equal times, then reports. */
    void runOwn(long limit) {
        while (true) {
            long request = link.requests().size() > 0 ? link.requests().headArrival() : Long.MAX_VALUE;
            long reply = link.reports().size() > 0 ? link.reports().headLocalTime() : Long.MAX_VALUE;
            if (request <= reply) {
                if (request > limit || request == Long.MAX_VALUE) {
                    return;
                }
                processRequest();
            } else {
                if (reply > limit) {
                    return;
                }
                deliver();
            }
        }
    }

    MatchingEngine engine() {
        return engine;
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
        link.sendRequest(false, id, side == Side.BUY, tif == TimeInForce.GTX, priceTicks, lots, localTime);
        market.ownItemsChanged();
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
        link.sendRequest(
                true,
                orderId,
                orders.side(i) == Side.BUY,
                orders.timeInForce(i) == TimeInForce.GTX,
                orders.priceTicks(i),
                orders.qtyLots(i),
                localTime);
        market.ownItemsChanged();
        statCancels++;
        return true;
    }

    // ------------------------------------------------------------------------------------------------ exchange

    /** The market processed an event: this simulator's exchange listener, if any, sees it. */
    void onMarketEventProcessed(long ts, long local, long ev, double px, double qty) {
        if (exchangeListener != null) {
            exchangeListener.onMarketEvent(ts, local, ev, px, qty, engine.book());
        }
    }

    private void processRequest() {
        RequestQueue requests = link.requests();
        long ts = requests.headArrival();
        boolean cancel = requests.headCancel();
        long id = requests.headOrderId();
        boolean buy = requests.headBuy();
        boolean gtx = requests.headGtx();
        long ticks = requests.headPriceTicks();
        long lots = requests.headLots();
        requests.pop();
        requestClock = ts;
        market.ordersChanged();
        if (cancel) {
            engine.onCancelArrival(id, buy, gtx, ticks, lots, ts);
        } else {
            engine.onOrderArrival(id, buy, gtx, ticks, lots, ts);
        }
        if (exchangeListener != null) {
            exchangeListener.onRequest(ts, id, cancel);
        }
    }

    /** What the matching engine did: into the exchange's account and the fill log, and onto the link. */
    private void onExchangeReport(ExecutionReport r) {
        market.ownItemsChanged();
        switch (r.type()) {
            case FILL -> exchangeAccount.onFill(r.side(), r.execPriceTicks(), r.execLots(), r.fee(), r.maker());
            case ACCEPTED -> statAccepted++;
            case EXPIRED -> statExpired++;
            case REJECTED -> statRejected++;
            case CANCELED -> statCanceled++;
            case CANCEL_REJECTED -> statCancelsRejected++;
        }
        long receipt = link.sendReport(r);
        if (r.type() == ReportType.FILL) {
            fills.add(
                    r.orderId(), r.side(), r.execPriceTicks(), r.execLots(), r.fee(), r.maker(), r.exchTime(), receipt);
            market.ordersChanged();
        }
    }

    // ------------------------------------------------------------------------------------------------ local side

    private void deliver() {
        now = link.reports().headLocalTime();
        link.reports().poll(report);
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
        return Math.max(market.lastEventTime(), requestClock);
    }

    /** Whether the exchange's book has a complete snapshot. */
    public boolean exchangeBookReady() {
        return engine.book().isReady();
    }

    /** The exchange's best bid in ticks, or {@link Long#MIN_VALUE} when there is none. */
    public long exchangeBestBidTicks() {
        OrderBook book = engine.book();
        return book.bidDepth() > 0 ? engine.ticks(book.bestBid()) : Long.MIN_VALUE;
    }

    /** The exchange's best ask in ticks, or {@link Long#MAX_VALUE} when there is none. */
    public long exchangeBestAskTicks() {
        OrderBook book = engine.book();
        return book.askDepth() > 0 ? engine.ticks(book.bestAsk()) : Long.MAX_VALUE;
    }

    /** Number of our orders resting at the exchange. */
    public int restingOrders() {
        return engine.resting().size();
    }

    /**
     * The quantity ahead of a resting order in its price level's queue, in the instrument's units (negative once
     * trades have passed its front), or NaN when the order does not rest at the exchange.
     */
    public double queueAhead(long orderId) {
        double lots = queueAheadLots(orderId);
        return lots == Math.rint(lots) && Math.abs(lots) < 0x1p52 ? grid.qty((long) lots) : lots * config.lotSize();
    }

    /** As {@link #queueAhead}, in lots (fractional under the probabilistic models). */
    public double queueAheadLots(long orderId) {
        RestingOrders resting = engine.resting();
        int i = resting.indexOf(orderId);
        return i < 0 ? Double.NaN : resting.front(i);
    }

    /** Receives reports as they reach the strategy; null for none. */
    public void setExecutionListener(ExecutionListener l) {
        this.listener = l;
    }

    /** Observes the exchange side as it runs; null for none. */
    public void setExchangeListener(ExchangeListener l) {
        if ((exchangeListener == null) != (l == null)) {
            market.listenerAdded(l != null);
        }
        this.exchangeListener = l;
    }

    public SimulatorStats stats() {
        long makers = exchangeAccount.makerFills();
        return new SimulatorStats(
                market.statMarketEvents(),
                market.statExchangeEvents(),
                market.statReordered(),
                market.timeline().slowClamped(),
                market.timeline().fastClamped(),
                market.timeline().offset(),
                statOrders,
                statCancels,
                statAccepted,
                exchangeAccount.fills(),
                makers,
                exchangeAccount.fills() - makers,
                statExpired,
                statRejected,
                statCanceled,
                statCancelsRejected,
                market.statOffGrid());
    }
}
