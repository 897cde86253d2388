package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.spi.SinkFunction;

/**
 * The stateless market-making strategy of docs/DESIGN.md §6: a pure function of the factors, the top of the
 * book, the position and the active orders to the orders to cancel and the orders to send. It keeps
 * no state: the same input gives the same output, and the execution context (backtest simulator or
 * live gateway) owns position and orders.
 *
 * <h2>The decision</h2>
 * Prices are computed in doubles and quoted in integer ticks of {@code tick_size}.
 * <ol>
 *   <li><b>Stop</b> on ({@link StrategyMode#STOPPED}): cancel every active order except closing orders.
 *       When the position is not flat ({@code |position| > }{@link #FLAT_EPSILON}) and no closing order is
 *       working or in flight, send one marketable limit order on the <em>closing</em> side for
 *       {@code |position|}: when long, a sell at {@code floor_tick(best_bid) - flatten_ticks} (at least one
 *       tick); when short, a buy at {@code ceil_tick(best_ask) + flatten_ticks}. A closing order is an
 *       active order that is not post-only (the sink sends quotes post-only and closes as plain limits),
 *       on either side (fills of quotes still in flight can turn the position over while a close is on
 *       its way), or that is exactly the closing order (side, price, quantity). So at most one closing
 *       order exists at a time (docs/DESIGN.md §6 item 1): with a round trip longer than the tick
 *       interval, a second stop tick does not send a second close (which, doubled, would turn a short of
 *       0.018 into a long of 0.018); the next close goes out once the venue has answered for the first. When the touch is missing (NaN, not positive) or out of range the
 *       closing order is left out: the next decision, with a book, sends it.</li>
 *   <li><b>Cannot quote</b> ({@link StrategyMode#HALTED}): cancel every active order and send
 *       nothing when alpha or volatility is not finite (docs/DESIGN.md §6 step 2), and also when volatility is
 *       negative, the position or the mid is not finite, the mid or either touch is not a finite
 *       positive price (an empty side is NaN), or the book is crossed or locked at tick resolution
 *       ({@code floor_tick(best_bid) >= ceil_tick(best_ask)}): there is no sound reference to quote
 *       around, and quotes left working on a stale view are the risk the stop exists for.</li>
 *   <li><b>Quotes</b>: {@code half = half_spread * (vol / baseline_vol)^power};
 *       {@code fair = mid * (1 + c1*alpha)}; {@code res = fair - skew * (position / order_qty) * mid};
 *       {@code bid = floor_tick(min(res - half*mid, best_bid))},
 *       {@code ask = ceil_tick(max(res + half*mid, best_ask))}, with
 *       {@code floor_tick(x) = floor(x/tick + 1e-9)} and {@code ceil_tick(x) = ceil(x/tick - 1e-9)}.
 *       {@code vol = 0} with {@code power > 0} gives {@code half = 0}: quotes at the touch (or
 *       through the fair price where alpha or skew pulls it inside the spread, capped at the touch);
 *       {@code power = 0} gives {@code half = half_spread} for every volatility.</li>
 *   <li><b>Grid</b>: when {@code position < max_position}, bids at {@code bid - i*grid_interval};
 *       when {@code position > -max_position}, asks at {@code ask + i*grid_interval}, for
 *       {@code i in [0, grid_num)}, each of {@code order_qty}. Positions within
 *       {@link #FLAT_EPSILON} of a limit count as at it (ten fills of 0.01 sum to
 *       {@code 0.09999999999999999}, which must stop the bids at {@code max_position = 0.1}). A side is
 *       quoted only where its price is a finite whole tick in [1, 2^52]: grid levels at or below zero
 *       are dropped (the rest of the side is kept), and a side whose top price is not finite (an
 *       overflowing or NaN reservation price, e.g. from a huge alpha) is not quoted.</li>
 *   <li><b>Diff</b> by (side, price tick), quantities not compared (a partly filled order keeps its
 *       place in the queue): an active order is kept when its (side, price) is a desired level that
 *       no earlier active order (in the order given) already holds, and cancelled otherwise, so of
 *       several active orders at one (side, price) the first is kept and the rest cancelled. A desired
 *       level no active order holds is sent. Feeding the kept and new orders back as the active set
 *       gives an empty diff.</li>
 * </ol>
 * <b>Orders in flight</b> (docs/DESIGN.md §6 item 6, as hftbacktest's {@code obi_mm} treats them): an
 * order awaiting its acknowledgement and an order whose cancel is in flight are active, so each holds its
 * (side, price) and nothing new is sent there until the venue has answered; only an order that is
 * {@link ActiveOrders#cancellable cancellable} (acknowledged, no request in flight) is ever cancelled. Every
 * other order a step would cancel is kept instead, and cancelled by a later decision once acknowledged.
 *
 * <h2>Two forms</h2>
 * {@link #decide(double, double, boolean, double, double, double, double, ActiveOrders, StrategyParams,
 * OrderDiff)} reads {@link ActiveOrders} and writes a caller-owned {@link OrderDiff}, allocating nothing
 * (for the backtest and live hot paths); {@link #decide(StrategyInput)} takes and returns records (for
 * tests, notebooks and embedding) and gives the same decision.
 *
 * <h2>As a sink</h2>
 * {@link #FUNCTION} is {@code stateless_mm(alpha, vol, stop, book, ...)}, bound as a graph's
 * {@code sink}. It is not linked as a node: the execution context reads the sink binding's streams and
 * constants ({@link StrategyParams#fromConstants}) and calls {@code decide} itself.
 */
public final class StatelessMm {
    /**
     * The quantity below which a position counts as flat, and within which it counts as at
     * {@code ±max_position}: {@code 1e-9} base units, below the smallest lot of any venue (a satoshi
     * is 1e-8) and above the dust of summing fills in doubles.
     */
    public static final double FLAT_EPSILON = 1e-9;

    public static final String NAME = "stateless_mm";
    public static final String ALPHA = "alpha";
    public static final String VOL = "vol";
    public static final String STOP = "stop";
    public static final String BOOK = "book";

    /**
     * {@code stateless_mm(alpha: double, vol: double, stop: bool, book: Book, tick_size: number > 0,
     * order_qty: number > 0, max_position: number > 0, half_spread: number >= 0, skew: number >= 0,
     * c1: number, power: number >= 0, baseline_vol: number > 0, grid_num: integer in [1, 1000] = 1,
     * grid_interval: number >= 0 = 0, flatten_ticks: integer >= 1 = 100) (sink)}.
     * {@code grid_interval = 0} (the default) means one tick; otherwise it must be a positive multiple
     * of {@code tick_size}. The cross-parameter checks of {@link StrategyParams#check} run at compile
     * time. It is a {@link SinkFunction}, never a node: it reads its factors, trades its book (the graph's
     * only one unless named) and works orders through the execution context, declared as
     * {@link io.factorgraph.runtime.spi.SinkRequirement}s.
     */
    public static final SinkFunction FUNCTION = new StatelessMmFunction();

    private StatelessMm() {}

    /** The record form: the same decision as the zero-allocation form, as records (allocates). */
    public static StrategyOutput decide(StrategyInput input) {
        StrategyParams params = input.params();
        OrderDiff out = new OrderDiff(params.gridNum(), input.activeOrders().size());
        decide(
                input.alpha(),
                input.volatility(),
                input.stop(),
                input.bestBid(),
                input.bestAsk(),
                input.mid(),
                input.position(),
                ActiveOrders.of(input.activeOrders()),
                params,
                out);
        return out.toOutput();
    }

    /**
     * The zero-allocation form: decides and writes the result into {@code out}, overwriting it. Allocates
     * nothing once {@code out} has room for the active orders and the grid (see {@link OrderDiff}).
     */
    public static void decide(
            double alpha,
            double volatility,
            boolean stop,
            double bestBid,
            double bestAsk,
            double mid,
            double position,
            ActiveOrders active,
            StrategyParams params,
            OrderDiff out) {
        final double tick = params.tickSize();
        final int activeCount = active.size();
        out.start(StrategyMode.QUOTING, tick, params.gridNum(), activeCount);

        // 1. Stop: cancel everything; close a non-flat position with one marketable order.
        if (stop) {
            out.mode(StrategyMode.STOPPED);
            final double size = Math.abs(position);
            boolean closeBid = false;
            long closeTicks = -1;
            if (size > FLAT_EPSILON) {
                if (position > 0) {
                    final double touch = isPrice(bestBid) ? Ticks.floor(bestBid, tick) : Double.NaN;
                    if (touch >= 0 && touch <= Ticks.MAX_PRICE_TICKS) {
                        closeTicks = Math.max(1, (long) touch - params.flattenTicks());
                    }
                } else {
                    final double touch = isPrice(bestAsk) ? Ticks.ceil(bestAsk, tick) : Double.NaN;
                    if (Ticks.isQuotable(touch + params.flattenTicks())) {
                        closeBid = true;
                        closeTicks = (long) touch + params.flattenTicks();
                    }
                }
            }
            // At most one closing order at a time (docs/DESIGN.md §6 item 1): the first closing order working or
            // in flight is kept, and none is sent while one exists; cancelling and re-sending it every tick would,
            // under latency, let the old one fill too and flip the position. Everything else is cancelled, as far
            // as it can be now (item 6).
            boolean closeWorking = false;
            for (int j = 0; j < activeCount; j++) {
                final boolean isClose = !active.postOnly(j)
                        || (closeTicks > 0
                                && active.isBid(j) == closeBid
                                && active.priceTicks(j) == closeTicks
                                && Math.abs(active.qty(j) - size) <= FLAT_EPSILON);
                if (isClose && !closeWorking) {
                    closeWorking = true;
                    out.keep(active.id(j));
                } else {
                    cancelIfCancellable(active, j, out);
                }
            }
            if (closeTicks > 0 && !closeWorking) {
                if (closeBid) {
                    out.bid(closeTicks, size);
                } else {
                    out.ask(closeTicks, size);
                }
            }
            return;
        }

        // 2. Nothing sound to quote on: cancel everything, quote nothing.
        if (!Double.isFinite(alpha)
                || !Double.isFinite(volatility)
                || volatility < 0
                || !Double.isFinite(position)
                || !isPrice(mid)
                || !isPrice(bestBid)
                || !isPrice(bestAsk)
                || !(Ticks.floor(bestBid, tick) < Ticks.ceil(bestAsk, tick))) {
            out.mode(StrategyMode.HALTED);
            cancelAll(active, out);
            return;
        }

        // 3. Reservation price and half spread, rounded outwards to ticks and capped at the touch.
        final double half = params.halfSpread() * Math.pow(volatility / params.baselineVol(), params.power());
        final double fair = mid * (1 + params.c1() * alpha);
        final double reservation = fair - params.skew() * (position / params.orderQty()) * mid;
        final double bidTop = Ticks.floor(Math.min(reservation - half * mid, bestBid), tick);
        final double askTop = Ticks.ceil(Math.max(reservation + half * mid, bestAsk), tick);

        // 4. Grid levels each side may quote: within the position limit, and at prices in [1, 2^52] ticks.
        final long interval = params.gridIntervalTicks();
        final int gridNum = params.gridNum();
        int bidLevels = 0;
        if (position < params.maxPosition() - FLAT_EPSILON && Ticks.isQuotable(bidTop)) {
            bidLevels = (int) Math.min(gridNum, ((long) bidTop - 1) / interval + 1);
        }
        int askLevels = 0;
        if (position > -params.maxPosition() + FLAT_EPSILON && Ticks.isQuotable(askTop)) {
            askLevels = (int) Math.min(gridNum, (Ticks.MAX_PRICE_TICKS - (long) askTop) / interval + 1);
        }
        final long bid = (long) bidTop;
        final long ask = (long) askTop;

        // 5. Diff by (side, price tick): keep the first active order at each desired level.
        for (int j = 0; j < activeCount; j++) {
            final long price = active.priceTicks(j);
            final boolean held;
            if (price < 1 || price > Ticks.MAX_PRICE_TICKS) {
                held = false; // never a desired level; also keeps the distances below from overflowing
            } else if (active.isBid(j)) {
                final int level = level(bid - price, interval, bidLevels);
                held = level >= 0 && !out.bidHeld[level];
                if (held) {
                    out.bidHeld[level] = true;
                }
            } else {
                final int level = level(price - ask, interval, askLevels);
                held = level >= 0 && !out.askHeld[level];
                if (held) {
                    out.askHeld[level] = true;
                }
            }
            if (held) {
                out.keep(active.id(j));
            } else {
                cancelIfCancellable(active, j, out);
            }
        }
        final double qty = params.orderQty();
        for (int i = 0; i < bidLevels; i++) {
            if (!out.bidHeld[i]) {
                out.bid(bid - i * interval, qty);
            }
        }
        for (int i = 0; i < askLevels; i++) {
            if (!out.askHeld[i]) {
                out.ask(ask + i * interval, qty);
            }
        }
    }

    /** The grid level at {@code distance} ticks from the side's top, or -1 when it is none of the first {@code levels}. */
    private static int level(long distance, long interval, int levels) {
        if (distance < 0 || distance % interval != 0) {
            return -1;
        }
        final long level = distance / interval;
        return level < levels ? (int) level : -1;
    }

    private static void cancelAll(ActiveOrders active, OrderDiff out) {
        // The halted path cancels everything it can; the stop keeps its closing order.
        for (int j = 0, n = active.size(); j < n; j++) {
            cancelIfCancellable(active, j, out);
        }
    }

    /**
     * Cancels order {@code j} if it may be cancelled now; an order awaiting its acknowledgement or its cancel's answer
     * is kept (left alone) and cancelled on a later decision if still unwanted (docs/DESIGN.md §6 item 6).
     */
    private static void cancelIfCancellable(ActiveOrders active, int j, OrderDiff out) {
        if (active.cancellable(j)) {
            out.cancel(active.id(j));
        } else {
            out.keep(active.id(j));
        }
    }

    private static boolean isPrice(double price) {
        return price > 0 && price < Double.POSITIVE_INFINITY;
    }
}
