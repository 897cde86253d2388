package io.factorgraph.backtest.exchange.matching;

import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.exchange.OrderStatus;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.exchange.RejectReason;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import io.factorgraph.backtest.exchange.queue.RestingOrders;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;

/**
 * The exchange side of the simulator, on the exchange timeline: its own L2 book (built from depth events only), our
 * resting orders with their queue positions (moved by the {@link QueueModel}), and hftbacktest's L2 fill rules
 * (see {@link io.factorgraph.backtest.exchange.ExchangeSimulator}). Knows nothing of latency: it is called at
 * exchange times and says what it did to a {@link ReportSink}.
 *
 * <p>The book holds exact prices, as {@link OrderBook}'s contract has it (the grid's price of each tick, so that one
 * tick is always one level), and quantities in lots (doubles, since a level may be off the lot grid); the rules work
 * in whole ticks, read back from the book's prices with {@link #ticks}. Allocation-free in steady state; not
 * thread-safe.
 */
public final class MatchingEngine {
    private final PriceGrid grid;
    private final QueueModel queueModel;
    private final boolean partial;
    private final double makerFee;
    private final double takerFee;
    private final double lotSize;
    private final ReportSink sink;
    private final ExecutionReport out;

    private final OrderBook book;
    private final BookBuilder builder;
    private final MarketEvent cursor = new MarketEvent();
    private final RestingOrders resting = new RestingOrders(32);

    /** An engine with a book of its own, which {@link #onMarketEvent} builds. */
    public MatchingEngine(SimulatorConfig config, PriceGrid grid, ReportSink sink) {
        this(config, grid, newExchangeBook(), sink);
    }

    /**
     * An engine reading {@code book}, which may be shared with other engines on the same feed (docs/DESIGN.md §12):
     * whoever owns it applies each market event to it and then calls {@link #onTrade} or {@link #onDepthApplied} here;
     * {@link #onMarketEvent} must then not be used.
     */
    public MatchingEngine(SimulatorConfig config, PriceGrid grid, OrderBook book, ReportSink sink) {
        this.book = book;
        this.builder = BookBuilder.exchange(book);
        this.grid = grid;
        this.queueModel = config.queueModel();
        this.partial = config.fillMode() == FillMode.PARTIAL;
        this.makerFee = config.makerFee();
        this.takerFee = config.takerFee();
        this.lotSize = config.lotSize();
        this.sink = sink;
        this.out = new ExecutionReport(grid);
    }

    /**
     * A book for the exchange side: exact prices, quantities in lots, room for 8192 overflow levels a side before it
     * grows (feeds that keep every level they ever saw reach thousands).
     */
    public static OrderBook newExchangeBook() {
        return new OrderBook(8192);
    }

    /** The exchange's book: prices, and quantities in lots. */
    public OrderBook book() {
        return book;
    }

    /** Our orders resting in the book. */
    public RestingOrders resting() {
        return resting;
    }

    // ------------------------------------------------------------------------------------------------ market

    /**
     * A market event at exchange time {@code ts}: a trade, or a depth change (with the crossing and queue moves it
     * causes). {@code px} in ticks (NaN for a clear of a whole side), {@code qty} in lots.
     */
    public void onMarketEvent(long ev, double px, double qty, boolean end, long ts) {
        int kind = (int) (ev & EventFlags.KIND_MASK);
        cursor.set(ev, ts, ts, Double.isNaN(px) ? Double.NaN : grid.price((long) px), qty, 0, 0, 0, end);
        if (kind == EventFlags.TRADE_EVENT) {
            onTrade((ev & EventFlags.BUY_EVENT) != 0, (long) px, qty, ts);
        } else if (kind == EventFlags.DEPTH_CLEAR_EVENT) {
            builder.apply(cursor);
        } else if (resting.size() == 0) {
            builder.apply(cursor); // no queue to move, nothing to cross
        } else {
            onDepth((ev & EventFlags.BUY_EVENT) != 0, (long) px, qty, ts);
        }
    }

    private void onDepth(boolean bid, long px, double qty, long ts) {
        double prevLots = book.qtyAt(bid, cursor.px());
        boolean hadBest = bid ? book.bidDepth() > 0 : book.askDepth() > 0;
        long prevBest = hadBest ? ticks(bid ? book.bestBid() : book.bestAsk()) : 0;
        builder.apply(cursor);
        onDepthApplied(bid, px, prevLots, qty, hadBest, prevBest, ts);
    }

    /**
     * A depth change at {@code px} ticks on one side has just been applied to the book: the level went from {@code
     * prevLots} to {@code qty} lots, and the side's best was {@code prevBest} ticks ({@code hadBest}: there was one).
     * Moves the queues at that price and fills what the new best crosses.
     */
    public void onDepthApplied(
            boolean bid, long px, double prevLots, double qty, boolean hadBest, long prevBest, long ts) {
        onLevelChange(bid, px, prevLots, qty);
        if (bid) {
            if (book.bidDepth() > 0) {
                long best = ticks(book.bestBid());
                if (!hadBest || best > prevBest) {
                    crossSells(best, ts);
                }
            }
        } else if (book.askDepth() > 0) {
            long best = ticks(book.bestAsk());
            if (!hadBest || best < prevBest) {
                crossBuys(best, ts);
            }
        }
    }

    /** The level at {@code ticks} on one side changed from {@code prev} to {@code next} lots: move the queues there. */
    private void onLevelChange(boolean bid, long ticks, double prev, double next) {
        for (int i = 0; i < resting.size(); i++) {
            if (resting.buy(i) == bid && resting.priceTicks(i) == ticks) {
                queueModel.onDepthChange(resting, i, prev, next, lotSize);
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

    /**
     * A trade of {@code tradeLots} at {@code tradeTicks} at exchange time {@code ts}; {@code aggressorBuy}: it lifted
     * offers (hits our sells). Trades never change the book.
     */
    public void onTrade(boolean aggressorBuy, long tradeTicks, double tradeLots, long ts) {
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
                queueModel.onTrade(resting, i, tradeLots);
                long executable = queueModel.executableLots(resting, i);
                if (!partial) {
                    if (executable >= 1) {
                        fillResting(i, resting.leavesLots(i), ts);
                        continue;
                    }
                } else {
                    long x = Math.min(Math.min(executable, resting.leavesLots(i)), (long)
                            Math.floor(unallocated + QueueModel.QUEUE_EPSILON));
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
        out.order(resting.id(i), side(resting.buy(i)), tif(resting.gtx(i)), resting.priceTicks(i), resting.qtyLots(i));
        fill(leaves, resting.cumExecLots(i), lots, resting.priceTicks(i), true, ts);
        if (done) {
            resting.remove(i);
        }
        return done;
    }

    /** Reports an execution of the order already set in {@link #out}. */
    private void fill(long leaves, long cumExec, long execLots, long execTicks, boolean maker, long ts) {
        double value = grid.price(execTicks) * grid.qty(execLots);
        double fee = value * (maker ? makerFee : takerFee);
        out.state(
                        ReportType.FILL,
                        leaves == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                        RejectReason.NONE,
                        leaves,
                        cumExec)
                .execution(execLots, execTicks, fee, maker)
                .times(ts, 0);
        sink.onExchangeReport(out);
    }

    /** Reports an outcome other than a fill for the order already set in {@link #out}. */
    private void report(ReportType type, OrderStatus status, RejectReason reason, long leaves, long cumExec, long ts) {
        out.state(type, status, reason, leaves, cumExec).noExecution().times(ts, 0);
        sink.onExchangeReport(out);
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** A cancel for order {@code id} arrives at {@code ts}. */
    public void onCancelArrival(long id, boolean buy, boolean gtx, long ticks, long lots, long ts) {
        out.order(id, side(buy), tif(gtx), ticks, lots);
        int i = resting.indexOf(id);
        if (i < 0) {
            report(ReportType.CANCEL_REJECTED, OrderStatus.NOT_ACTIVE, RejectReason.ORDER_NOT_ACTIVE, 0, 0, ts);
            return;
        }
        report(ReportType.CANCELED, OrderStatus.CANCELED, RejectReason.NONE, 0, resting.cumExecLots(i), ts);
        resting.remove(i);
    }

    /** A new order arrives at {@code ts}: rejected, expired, filled as a taker, or resting. */
    public void onOrderArrival(long id, boolean buy, boolean gtx, long ticks, long lots, long ts) {
        out.order(id, side(buy), tif(gtx), ticks, lots);
        if (!book.isReady()) {
            report(ReportType.REJECTED, OrderStatus.REJECTED, RejectReason.BOOK_NOT_READY, 0, 0, ts);
            return;
        }
        boolean marketable = buy
                ? book.askDepth() > 0 && ticks >= ticks(book.bestAsk())
                : book.bidDepth() > 0 && ticks <= ticks(book.bestBid());
        if (!marketable) {
            resting.add(id, buy, gtx, ticks, lots, ts);
            queueModel.onNewOrder(resting, resting.size() - 1, book.qtyAt(buy, grid.price(ticks)));
            report(ReportType.ACCEPTED, OrderStatus.NEW, RejectReason.NONE, lots, 0, ts);
            return;
        }
        if (gtx) {
            report(ReportType.EXPIRED, OrderStatus.EXPIRED, RejectReason.POST_ONLY_WOULD_CROSS, 0, 0, ts);
            return;
        }
        if (!partial) {
            long best = ticks(buy ? book.bestAsk() : book.bestBid());
            fill(0, lots, lots, best, false, ts);
            return;
        }
        long leaves = lots;
        int depth = buy ? book.askDepth() : book.bidDepth();
        for (int level = 0; level < depth && leaves > 0; level++) {
            long p = ticks(buy ? book.askPrice(level) : book.bidPrice(level));
            if (buy ? p >= ticks : p <= ticks) {
                break;
            }
            long x = Math.min(leaves, (long)
                    Math.floor((buy ? book.askQty(level) : book.bidQty(level)) + QueueModel.QUEUE_EPSILON));
            if (x > 0) {
                leaves -= x;
                fill(leaves, lots - leaves, x, p, false, ts);
            }
        }
        if (leaves > 0) {
            // what the better levels could not fill executes at the order's own price: a marketable order cannot rest
            // in the opposite side of a replayed book
            fill(0, lots, leaves, ticks, false, ts);
        }
    }

    /** A price of the book in whole ticks: exact, since the book holds only the grid's prices. */
    public long ticks(double price) {
        return grid.ticksOrInvalid(price);
    }

    private static Side side(boolean buy) {
        return buy ? Side.BUY : Side.SELL;
    }

    private static TimeInForce tif(boolean gtx) {
        return gtx ? TimeInForce.GTX : TimeInForce.GTC;
    }
}
