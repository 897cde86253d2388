package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Random {@link StrategyInput}s over wide ranges: tick sizes 0.01..100, prices 0.1..1e6 (log-uniform),
 * spreads of one tick to 10^5 ticks, sometimes off the tick grid; positions flat, at and beyond
 * {@code ±max_position}, at the limit up to float dust, and huge; alphas and volatilities typical,
 * zero, huge, NaN and infinite; active orders on the desired grid, one tick off it, near the touch,
 * duplicated at one price, and absurd (zero, negative, beyond 2^52 ticks).
 */
final class Scenarios {
    static final double[] TICKS = {0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10, 25, 50, 100, 0.03, 0.3, 7};

    /** How often the rarer cases come up, in [0, 1]. */
    record Mix(double stop, double brokenBook, double wildFactor, double inFlight) {
        static final Mix QUOTING = new Mix(0, 0, 0, 0);
        static final Mix EVERYTHING = new Mix(0.15, 0.1, 0.15, 0);
        /** As {@link #EVERYTHING}, with orders in flight and plain-limit closes among the active orders. */
        static final Mix IN_FLIGHT = new Mix(0.3, 0.1, 0.15, 0.3);
    }

    private Scenarios() {}

    static Arbitrary<StrategyInput> inputs(Mix mix) {
        return Arbitraries.randomValue(random -> generate(random, mix));
    }

    static StrategyInput generate(Random r, Mix mix) {
        double tick = TICKS[r.nextInt(TICKS.length)];
        StrategyParams params = params(r, tick);

        long minTicks = Math.max(1, (long) Math.ceil(0.1 / tick));
        long maxTicks = (long) Math.floor(1e6 / tick);
        long bidTicks = logUniform(r, minTicks, maxTicks);
        long spread =
                switch (r.nextInt(10)) {
                    case 0, 1, 2, 3 -> 1;
                    case 4, 5, 6 -> 2 + r.nextInt(9);
                    case 7, 8 -> 11 + r.nextInt(990);
                    default -> 1001 + r.nextInt(100_000);
                };
        double bestBid = Ticks.price(bidTicks, tick);
        double bestAsk = Ticks.price(bidTicks + spread, tick);
        if (r.nextInt(8) == 0) { // off the grid: a feed whose prices are not on our tick
            bestBid += r.nextDouble() * tick;
            bestAsk -= r.nextDouble() * tick * 0.5;
        }
        double mid = (bestBid + bestAsk) / 2;
        if (r.nextDouble() < mix.brokenBook()) {
            switch (r.nextInt(9)) {
                case 0 -> {
                    bestBid = Double.NaN;
                    mid = Double.NaN;
                }
                case 1 -> {
                    bestAsk = Double.NaN;
                    mid = Double.NaN;
                }
                case 2 -> {
                    bestBid = Double.NaN;
                    bestAsk = Double.NaN;
                    mid = Double.NaN;
                }
                case 3 -> {
                    double t = bestBid;
                    bestBid = bestAsk;
                    bestAsk = t;
                }
                case 4 -> bestAsk = bestBid;
                case 5 -> mid = Double.NaN;
                case 6 -> mid = Double.POSITIVE_INFINITY;
                case 7 -> bestBid = 0;
                default -> {
                    bestBid = -bestBid;
                    mid = -mid;
                }
            }
        }

        double alpha = factor(r, mix, r.nextGaussian() * 2);
        double vol = factor(r, mix, params.baselineVol() * r.nextDouble() * 5);
        if (r.nextInt(12) == 0) {
            vol = 0;
        }
        double position = position(r, params);
        boolean stop = r.nextDouble() < mix.stop();

        StrategyInput bare = new StrategyInput(alpha, vol, stop, bestBid, bestAsk, mid, position, List.of(), params);
        return bare.withActiveOrders(activeOrders(r, bare, mix.inFlight()));
    }

    static StrategyParams params(Random r, double tick) {
        double orderQty = pick(r, 0.001, 0.01, 0.1, 1, 10) * (1 + r.nextInt(5));
        double maxPosition = orderQty * (r.nextInt(4) == 0 ? 1 : 1 + r.nextDouble() * 19);
        double halfSpread = r.nextInt(6) == 0 ? 0 : r.nextDouble() * r.nextDouble() * 0.05;
        double skew = r.nextInt(6) == 0 ? 0 : r.nextDouble() * r.nextDouble() * 0.01;
        double c1 = (r.nextDouble() - 0.5) * 0.02;
        double power = r.nextInt(6) == 0 ? 0 : r.nextDouble() * 3;
        double baselineVol = Math.pow(10, -6 + r.nextDouble() * 5);
        int gridNum = r.nextInt(10) == 0 ? 1 + r.nextInt(50) : 1 + r.nextInt(10);
        long intervalTicks = r.nextInt(3) == 0 ? 1 : 1 + r.nextInt(50);
        int flattenTicks = r.nextInt(4) == 0 ? 100 : 1 + r.nextInt(1000);
        return new StrategyParams(
                tick,
                orderQty,
                maxPosition,
                halfSpread,
                skew,
                c1,
                power,
                baselineVol,
                gridNum,
                intervalTicks * tick,
                flattenTicks);
    }

    private static double factor(Random r, Mix mix, double typical) {
        if (r.nextDouble() >= mix.wildFactor()) {
            return typical;
        }
        return pick(
                r,
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                1e300,
                -1e300,
                1e8,
                -1e8,
                Double.MIN_VALUE,
                -0.0);
    }

    private static double position(Random r, StrategyParams p) {
        double max = p.maxPosition();
        return switch (r.nextInt(12)) {
            case 0 -> 0;
            case 1 -> max;
            case 2 -> -max;
            case 3 -> max * (1 - 1e-15);
            case 4 -> -max * (1 - 1e-15);
            case 5 -> (r.nextBoolean() ? 1 : -1) * 1e-10;
            case 6 -> (r.nextBoolean() ? 1 : -1) * max * (1 + r.nextDouble() * 10);
            case 7 -> (r.nextBoolean() ? 1 : -1) * 1e12;
            case 8 -> p.orderQty() * (r.nextInt(41) - 20);
            default -> (r.nextDouble() * 2 - 1) * max * 2;
        };
    }

    /** Active orders around what the decision would quote with no orders working. */
    private static List<ActiveOrder> activeOrders(Random r, StrategyInput bare, double inFlight) {
        ReferenceMm.Decision empty = ReferenceMm.decide(bare);
        List<ReferenceMm.Level> desired = new ArrayList<>(empty.newBids());
        desired.addAll(empty.newAsks());
        double tick = bare.params().tickSize();
        long bidTouch = Double.isFinite(bare.bestBid()) ? Math.max(1, (long) (bare.bestBid() / tick)) : 1000;
        long askTouch = Double.isFinite(bare.bestAsk()) ? Math.max(2, (long) (bare.bestAsk() / tick)) : 1001;
        int n = r.nextInt(4) == 0 ? 0 : r.nextInt(25);
        List<ActiveOrder> orders = new ArrayList<>(n);
        long id = r.nextLong() >> 8;
        for (int k = 0; k < n; k++) {
            id += 1 + r.nextInt(3);
            double qty = bare.params().orderQty() * (r.nextInt(3) == 0 ? r.nextDouble() : 1);
            int kind = r.nextInt(20);
            if (kind < 8 && !desired.isEmpty()) { // exactly on the grid
                ReferenceMm.Level level = desired.get(r.nextInt(desired.size()));
                orders.add(new ActiveOrder(id, level.side(), level.ticks(), qty));
            } else if (kind < 10 && !desired.isEmpty()) { // a tick off the grid, or on the wrong side
                ReferenceMm.Level level = desired.get(r.nextInt(desired.size()));
                if (r.nextBoolean()) {
                    orders.add(new ActiveOrder(id, level.side(), level.ticks() + (r.nextBoolean() ? 1 : -1), qty));
                } else {
                    orders.add(
                            new ActiveOrder(id, level.side() == Side.BUY ? Side.SELL : Side.BUY, level.ticks(), qty));
                }
            } else if (kind < 14 && !orders.isEmpty()) { // a duplicate of an earlier order's (side, price)
                ActiveOrder earlier = orders.get(r.nextInt(orders.size()));
                orders.add(new ActiveOrder(id, earlier.side(), earlier.priceTicks(), qty));
            } else if (kind < 19) { // near the touch
                boolean bid = r.nextBoolean();
                long ticks = bid ? bidTouch - r.nextInt(200) : askTouch + r.nextInt(200);
                orders.add(new ActiveOrder(id, Side.of(bid), ticks, qty));
            } else { // absurd prices
                long ticks = pick(r, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Ticks.MAX_PRICE_TICKS + 1);
                orders.add(new ActiveOrder(id, Side.of(r.nextBoolean()), ticks, qty));
            }
        }
        // orders in flight (docs/DESIGN.md §6 item 6): some await their acknowledgement or their cancel's answer, and
        // some are plain-limit closes rather than post-only quotes
        List<ActiveOrder> withState = new ArrayList<>(orders.size());
        for (ActiveOrder o : orders) {
            withState.add(new ActiveOrder(
                    o.id(),
                    o.side(),
                    o.priceTicks(),
                    o.qty(),
                    !(r.nextDouble() < inFlight),
                    !(r.nextDouble() < inFlight / 2)));
        }
        return withState;
    }

    private static long logUniform(Random r, long lo, long hi) {
        double x = Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return Math.max(lo, Math.min(hi, Math.round(x)));
    }

    private static double pick(Random r, double... values) {
        return values[r.nextInt(values.length)];
    }

    private static long pick(Random r, long... values) {
        return values[r.nextInt(values.length)];
    }
}
