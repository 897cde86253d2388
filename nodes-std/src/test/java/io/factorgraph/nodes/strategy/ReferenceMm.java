package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An independent, allocation-happy statement of docs/DESIGN.md §6 and of the edge-case decisions documented
 * on {@link StatelessMm}, written with sets and loops rather than level arithmetic, as an oracle for
 * the property tests.
 */
final class ReferenceMm {
    record Level(Side side, long ticks) {}

    /** The decision, with the ids kept as well. */
    record Decision(
            StrategyMode mode,
            List<Long> cancel,
            List<Long> keep,
            List<Level> newBids,
            List<Level> newAsks,
            List<Double> newQty) {}

    private ReferenceMm() {}

    static Decision decide(StrategyInput in) {
        StrategyParams p = in.params();
        double tick = p.tickSize();
        if (in.stop()) {
            double size = Math.abs(in.position());
            List<Level> bids = new ArrayList<>();
            List<Level> asks = new ArrayList<>();
            List<Double> qty = new ArrayList<>();
            if (size > 1e-9 && in.position() > 0 && positiveFinite(in.bestBid())) {
                double touch = Math.floor(in.bestBid() / tick + 1e-9);
                if (touch <= Ticks.MAX_PRICE_TICKS) {
                    asks.add(new Level(Side.SELL, Math.max(1, (long) touch - p.flattenTicks())));
                    qty.add(size);
                }
            } else if (size > 1e-9 && in.position() < 0 && positiveFinite(in.bestAsk())) {
                double price = Math.ceil(in.bestAsk() / tick - 1e-9) + p.flattenTicks();
                if (price <= Ticks.MAX_PRICE_TICKS) {
                    bids.add(new Level(Side.BUY, (long) price));
                    qty.add(size);
                }
            }
            // The first closing order (a plain limit on either side, or exactly the closing order) stays, and while
            // one exists no other is sent; the rest go, those that can be cancelled now.
            Level close = !bids.isEmpty() ? bids.get(0) : !asks.isEmpty() ? asks.get(0) : null;
            List<Long> cancel = new ArrayList<>();
            List<Long> keep = new ArrayList<>();
            boolean closeWorking = false;
            for (ActiveOrder order : in.activeOrders()) {
                boolean exact = close != null
                        && order.side() == close.side()
                        && order.priceTicks() == close.ticks()
                        && Math.abs(order.qty() - size) <= 1e-9;
                boolean isClose = !order.postOnly() || exact;
                boolean firstClose = isClose && !closeWorking;
                closeWorking |= isClose;
                (firstClose || !order.cancellable() ? keep : cancel).add(order.id());
            }
            if (closeWorking) {
                return new Decision(StrategyMode.STOPPED, cancel, keep, List.of(), List.of(), List.of());
            }
            return new Decision(StrategyMode.STOPPED, cancel, keep, bids, asks, qty);
        }
        boolean sound = Double.isFinite(in.alpha())
                && Double.isFinite(in.volatility())
                && in.volatility() >= 0
                && Double.isFinite(in.position())
                && positiveFinite(in.mid())
                && positiveFinite(in.bestBid())
                && positiveFinite(in.bestAsk())
                && Math.floor(in.bestBid() / tick + 1e-9) < Math.ceil(in.bestAsk() / tick - 1e-9);
        if (!sound) {
            List<Long> cancellable = in.activeOrders().stream()
                    .filter(ActiveOrder::cancellable)
                    .map(ActiveOrder::id)
                    .toList();
            List<Long> inFlight = in.activeOrders().stream()
                    .filter(o -> !o.cancellable())
                    .map(ActiveOrder::id)
                    .toList();
            return new Decision(StrategyMode.HALTED, cancellable, inFlight, List.of(), List.of(), List.of());
        }
        double half = p.halfSpread() * Math.pow(in.volatility() / p.baselineVol(), p.power());
        double fair = in.mid() * (1 + p.c1() * in.alpha());
        double res = fair - p.skew() * (in.position() / p.orderQty()) * in.mid();
        double bid = Math.floor(Math.min(res - half * in.mid(), in.bestBid()) / tick + 1e-9);
        double ask = Math.ceil(Math.max(res + half * in.mid(), in.bestAsk()) / tick - 1e-9);
        long interval = Math.round(p.gridInterval() / tick);

        Set<Level> desired = new LinkedHashSet<>();
        if (in.position() < p.maxPosition() - 1e-9 && bid >= 1 && bid <= Ticks.MAX_PRICE_TICKS) {
            for (int i = 0; i < p.gridNum() && (long) bid - i * interval >= 1; i++) {
                desired.add(new Level(Side.BUY, (long) bid - i * interval));
            }
        }
        if (in.position() > -p.maxPosition() + 1e-9 && ask >= 1 && ask <= Ticks.MAX_PRICE_TICKS) {
            for (int i = 0; i < p.gridNum() && (long) ask + i * interval <= Ticks.MAX_PRICE_TICKS; i++) {
                desired.add(new Level(Side.SELL, (long) ask + i * interval));
            }
        }
        Set<Level> held = new HashSet<>();
        List<Long> cancel = new ArrayList<>();
        List<Long> keep = new ArrayList<>();
        for (ActiveOrder order : in.activeOrders()) {
            Level level = new Level(order.side(), order.priceTicks());
            if (desired.contains(level) && held.add(level)) {
                keep.add(order.id());
            } else if (order.cancellable()) {
                cancel.add(order.id());
            } else {
                keep.add(order.id()); // in flight: left alone until the venue answers
            }
        }
        List<Level> bids = desired.stream()
                .filter(l -> l.side() == Side.BUY && !held.contains(l))
                .toList();
        List<Level> asks = desired.stream()
                .filter(l -> l.side() == Side.SELL && !held.contains(l))
                .toList();
        List<Double> qty = new ArrayList<>();
        for (int i = 0; i < bids.size() + asks.size(); i++) {
            qty.add(p.orderQty());
        }
        return new Decision(StrategyMode.QUOTING, cancel, keep, bids, asks, qty);
    }

    private static boolean positiveFinite(double x) {
        return x > 0 && !Double.isInfinite(x);
    }
}
