package io.factorgraph.backtest.exchange;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.account.FillLog;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.OrderBook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Watches a real-data run from outside and checks it as it goes, against its own reconstruction of the exchange's
 * book (from the market events the exchange reports processing, in ticks and lots):
 * <ul>
 *   <li>the exchange timeline is ordered and every feed latency within the configured bounds;
 *   <li>every fill is justified by the item that caused it: a resting order's fill by a trade at or through its price
 *       (aggressor on the other side) or by the book crossing its price; a marketable order's fill by the book at its
 *       arrival; none before the order reached the exchange, and each request reached the exchange exactly after its
 *       entry latency;
 *   <li>an order that rests starts behind exactly the quantity the book shows at its price;
 *   <li>under the risk-averse model without partial fills, an independent re-derivation of every queue: the set of
 *       orders filled by each event is exactly the set the rules predict;
 *   <li>every report reaches the strategy at its exchange time plus the response latency.
 * </ul>
 * Problems are collected (the first few are shown by {@link #problems()}) rather than thrown from inside the
 * simulator.
 */
final class Recorder implements ExchangeListener, ExecutionListener, RealDataRun.TickHook {

    record Report(
            ReportType type,
            long orderId,
            Side side,
            long priceTicks,
            long qtyLots,
            long leavesLots,
            long cumExecLots,
            long execLots,
            long execPriceTicks,
            double fee,
            boolean maker,
            OrderStatus status,
            long exchTime,
            long localTime) {}

    record TickRecord(long time, double mid, long positionLots, double cash, double fees, double equity) {}

    private static final class Resting {
        final long id;
        final boolean buy;
        final long price;
        double front;

        Resting(long id, boolean buy, long price, double front) {
            this.id = id;
            this.buy = buy;
            this.price = price;
            this.front = front;
        }
    }

    private final ExchangeSimulator sim;
    private final boolean riskAverseOracle;
    private final long minFeed;
    private final long maxFeed;
    private final TreeMap<Long, Double> bids = new TreeMap<>();
    private final TreeMap<Long, Double> asks = new TreeMap<>();
    private final Map<Long, Resting> resting = new LinkedHashMap<>();
    private final Map<Long, Long> arrivals = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    final List<Report> reports = new ArrayList<>();
    final List<TickRecord> records = new ArrayList<>();
    private long lastExch = Long.MIN_VALUE;
    private long lastArrival = Long.MIN_VALUE;
    private int attributed;
    long marketEvents;
    long tradeFills;
    long crossFills;
    long takerFills;
    long queueChecks;

    Recorder(ExchangeSimulator sim) {
        this.sim = sim;
        SimulatorConfig c = sim.config();
        this.riskAverseOracle = c.queueModel() instanceof QueueModel.RiskAverse && c.fillMode() == FillMode.NO_PARTIAL;
        this.minFeed = c.timeline().minFeedLatencyNanos();
        this.maxFeed = c.timeline().maxFeedLatencyNanos();
        sim.setExchangeListener(this);
        sim.setExecutionListener(this);
    }

    List<String> problems() {
        return problems.subList(0, Math.min(problems.size(), 10));
    }

    int problemCount() {
        return problems.size();
    }

    private void problem(String s) {
        problems.add(s);
    }

    private void exchangeTime(long t) {
        if (t < lastExch) {
            problem("exchange time went backwards: " + t + " after " + lastExch);
        }
        lastExch = t;
    }

    @Override
    public void onMarketEvent(long exchTime, long localTime, long ev, double priceTicks, double lots, OrderBook book) {
        marketEvents++;
        exchangeTime(exchTime);
        long latency = localTime - exchTime;
        if (latency < minFeed || latency > maxFeed) {
            problem("feed latency " + latency + " outside [" + minFeed + ", " + maxFeed + "] at " + exchTime);
        }
        int kind = EventFlags.kind(ev);
        boolean buySide = (ev & EventFlags.BUY_EVENT) != 0;
        boolean sellSide = (ev & EventFlags.SELL_EVENT) != 0;
        long px = Double.isNaN(priceTicks) ? Long.MIN_VALUE : (long) priceTicks;
        double q = lots;
        switch (kind) {
            case (int) EventFlags.DEPTH_EVENT, (int) EventFlags.DEPTH_SNAPSHOT_EVENT -> {
                TreeMap<Long, Double> side = buySide ? bids : asks;
                if (q == 0) {
                    side.remove(px);
                } else {
                    side.put(px, q);
                }
            }
            case (int) EventFlags.DEPTH_CLEAR_EVENT -> {
                if (buySide == sellSide) {
                    bids.clear();
                    asks.clear();
                } else if (px == Long.MIN_VALUE) {
                    (buySide ? bids : asks).clear();
                } else if (buySide) {
                    bids.tailMap(px, true).clear();
                } else {
                    asks.headMap(px, true).clear();
                }
            }
            default -> {}
        }
        // what the rules predict for our resting orders
        TreeSet<Long> expected = new TreeSet<>();
        if (riskAverseOracle) {
            for (Resting o : resting.values()) {
                if (kind == EventFlags.TRADE_EVENT) {
                    boolean aggressorBuy = buySide;
                    if (o.buy == aggressorBuy) {
                        continue;
                    }
                    boolean through = o.buy ? px < o.price : px > o.price;
                    if (through) {
                        expected.add(o.id);
                    } else if (px == o.price) {
                        o.front -= q;
                        if (o.front <= -1 + 1e-9) {
                            expected.add(o.id);
                        }
                    }
                } else {
                    if ((kind == EventFlags.DEPTH_EVENT || kind == EventFlags.DEPTH_SNAPSHOT_EVENT)
                            && px == o.price
                            && buySide == o.buy) {
                        o.front = Math.min(o.front, q);
                    }
                    if (o.buy
                            ? !asks.isEmpty() && asks.firstKey() <= o.price
                            : !bids.isEmpty() && bids.lastKey() >= o.price) {
                        expected.add(o.id);
                    }
                }
            }
        }
        TreeSet<Long> actual = new TreeSet<>();
        FillLog fills = sim.fills();
        for (; attributed < fills.size(); attributed++) {
            Fill f = fills.get(attributed);
            actual.add(f.orderId());
            if (!f.maker()) {
                problem("a market event caused a taker fill: " + f);
            }
            if (f.exchTime() != exchTime) {
                problem("fill at " + f.exchTime() + " attributed to an event at " + exchTime + ": " + f);
            }
            Long arrival = arrivals.get(f.orderId());
            if (arrival == null || arrival > f.exchTime()) {
                problem("fill before the order reached the exchange (arrival " + arrival + "): " + f);
            }
            boolean buy = f.side() == Side.BUY;
            if (kind == EventFlags.TRADE_EVENT) {
                tradeFills++;
                boolean aggressorBuy = buySide;
                if (aggressorBuy == buy || (buy ? px > f.priceTicks() : px < f.priceTicks())) {
                    problem("fill by a trade that neither reached nor went through the order's price (trade at " + px
                            + ", aggressor " + (aggressorBuy ? "buy" : "sell") + "): " + f);
                }
            } else {
                crossFills++;
                boolean crossed = buy
                        ? !asks.isEmpty() && asks.firstKey() <= f.priceTicks()
                        : !bids.isEmpty() && bids.lastKey() >= f.priceTicks();
                if (!crossed) {
                    problem("fill by a depth event that did not cross the order's price: " + f + ", best bid "
                            + (bids.isEmpty() ? "-" : bids.lastKey()) + ", best ask "
                            + (asks.isEmpty() ? "-" : asks.firstKey()));
                }
            }
        }
        if (riskAverseOracle) {
            if (!expected.equals(actual)) {
                problem("at exchange time " + exchTime + " (" + EventFlags.describe(ev) + " " + px + " x " + q
                        + ") the rules fill " + expected + " but the simulator filled " + actual);
            }
            for (Iterator<Long> it = actual.iterator(); it.hasNext(); ) {
                resting.remove(it.next());
            }
        }
    }

    @Override
    public void onRequest(long exchTime, long orderId, boolean cancel) {
        exchangeTime(exchTime);
        OrderTracker orders = sim.orders();
        int i = orders.indexOf(orderId);
        if (cancel) {
            resting.remove(orderId);
            if (attributed != sim.fills().size()) {
                problem("a cancel caused a fill: order " + orderId);
            }
            return;
        }
        arrivals.put(orderId, exchTime);
        if (i < 0) {
            problem("order " + orderId + " reached the exchange but is not pending locally");
            return;
        }
        long submitted = orders.submitTime(i);
        long expectedArrival = Math.max(submitted + sim.config().latency().entry(submitted), lastArrival);
        if (exchTime != expectedArrival) {
            problem("order " + orderId + " sent at " + submitted + " reached the exchange at " + exchTime
                    + ", expected " + expectedArrival);
        }
        lastArrival = exchTime;
        boolean buy = orders.side(i) == Side.BUY;
        long limit = orders.priceTicks(i);
        boolean marketable =
                buy ? !asks.isEmpty() && asks.firstKey() <= limit : !bids.isEmpty() && bids.lastKey() >= limit;
        FillLog fills = sim.fills();
        boolean filled = attributed < fills.size();
        for (; attributed < fills.size(); attributed++) {
            Fill f = fills.get(attributed);
            takerFills++;
            if (f.maker() || f.orderId() != orderId || f.exchTime() != exchTime) {
                problem("an order's arrival caused a fill that is not its own taker fill then: " + f);
            }
            long best = buy ? asks.firstKey() : bids.lastKey();
            boolean inRange = buy
                    ? f.priceTicks() >= best && f.priceTicks() <= limit
                    : f.priceTicks() <= best && f.priceTicks() >= limit;
            if (!marketable || !inRange) {
                problem("taker fill outside [best " + best + ", limit " + limit + "]: " + f);
            }
            if (sim.config().fillMode() == FillMode.NO_PARTIAL && f.priceTicks() != best) {
                problem("a no-partial taker fill not at the best price " + best + ": " + f);
            }
        }
        double ahead = sim.queueAhead(orderId);
        if (!Double.isNaN(ahead)) {
            if (marketable || filled) {
                problem("order " + orderId + " rests although marketable at arrival");
            }
            double level = (buy ? bids : asks).getOrDefault(limit, 0.0);
            queueChecks++;
            if (sim.queueAheadLots(orderId) != level) {
                problem("order " + orderId + " joined behind " + ahead + ", the book shows " + level + " lots");
            }
            if (riskAverseOracle) {
                resting.put(orderId, new Resting(orderId, buy, limit, level));
            }
        } else if (!filled && !marketable && sim.exchangeBookReady()) {
            problem("order " + orderId + " neither rests nor executes although not marketable");
        }
    }

    @Override
    public void onReport(ExecutionReport r) {
        reports.add(new Report(
                r.type(),
                r.orderId(),
                r.side(),
                r.priceTicks(),
                r.qtyLots(),
                r.leavesLots(),
                r.cumExecLots(),
                r.execLots(),
                r.execPriceTicks(),
                r.fee(),
                r.maker(),
                r.status(),
                r.exchTime(),
                r.localTime()));
        if (sim.now() != r.localTime()) {
            problem("report delivered at " + sim.now() + " instead of " + r.localTime());
        }
        long expected = r.exchTime() + sim.config().latency().response(r.exchTime());
        if (r.localTime() < expected) {
            problem("report received before its response latency: " + r);
        }
        if (sim.config().latency() instanceof ConstantLatency && r.localTime() != expected) {
            problem("report received at " + r.localTime() + ", expected " + expected);
        }
    }

    @Override
    public void onTick(long time, OrderBook localBook) {
        double mid = localBook.mid();
        records.add(new TickRecord(
                time,
                mid,
                sim.account().positionLots(),
                sim.account().cash(),
                sim.account().fees(),
                sim.account().equity(mid)));
    }
}
