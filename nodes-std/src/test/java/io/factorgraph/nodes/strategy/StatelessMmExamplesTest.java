package io.factorgraph.nodes.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.execution.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decisions worked out by hand (the arithmetic is in the comments) on a BTC book with tick 0.1,
 * best bid 50000.0 / best ask 50000.1 / mid 50000.05, and the parameters of docs/DESIGN.md §3's example.
 */
class StatelessMmExamplesTest {
    static final double BB = 50000.0;
    static final double BA = 50000.1;
    static final double MID = 50000.05;

    /** docs/DESIGN.md §3: tick 0.1, qty 0.01, max 0.1, half 0.0002, skew 0.00005, c1 0.0001, power 1, base vol 0.0001. */
    static final StrategyParams DESIGN =
            new StrategyParams(0.1, 0.01, 0.1, 0.0002, 0.00005, 0.0001, 1.0, 0.0001, 3, 0.5, 100);

    static final StrategyParams ONE_LEVEL = DESIGN.withGrid(1, 0.1);

    static StrategyInput input(
            double alpha, double vol, boolean stop, double position, List<ActiveOrder> active, StrategyParams params) {
        return new StrategyInput(alpha, vol, stop, BB, BA, MID, position, active, params);
    }

    static List<Long> ticks(List<OrderRequest> orders) {
        return orders.stream().map(OrderRequest::priceTicks).toList();
    }

    static List<Double> prices(List<OrderRequest> orders) {
        return orders.stream().map(OrderRequest::price).toList();
    }

    @Test
    void theDesignExampleQuotesAThreeLevelGridEachSide() {
        // half  = 0.0002 * (0.0002 / 0.0001)^1             = 0.0004;   half*mid = 0.0004*50000.05 = 20.00002
        // fair  = 50000.05 * (1 + 0.0001*1.5)               = 50000.05 + 7.5000075 = 50007.5500075
        // res   = fair - 0.00005 * (0.02/0.01) * 50000.05   = 50007.5500075 - 5.000005 = 50002.5500025
        // bid   = floor_tick(min(50002.5500025 - 20.00002, 50000.0)) = floor_tick(49982.5499825) = 49982.5
        // ask   = ceil_tick(max(50002.5500025 + 20.00002, 50000.1))  = ceil_tick(50022.5500225)  = 50022.6
        // grid  = 0.5 = 5 ticks: bids 49982.5, 49982.0, 49981.5; asks 50022.6, 50023.1, 50023.6
        StrategyOutput out = StatelessMm.decide(input(1.5, 0.0002, false, 0.02, List.of(), DESIGN));
        assertEquals(StrategyMode.QUOTING, out.mode());
        assertEquals(List.of(), out.cancelOrders());
        assertEquals(List.of(499825L, 499820L, 499815L), ticks(out.newBids()));
        assertEquals(List.of(500226L, 500231L, 500236L), ticks(out.newAsks()));
        assertEquals(List.of(49982.5, 49982.0, 49981.5), prices(out.newBids()));
        assertEquals(List.of(50022.6, 50023.1, 50023.6), prices(out.newAsks()));
        out.newBids().forEach(o -> assertEquals(0.01, o.qty()));
        out.newAsks().forEach(o -> assertEquals(0.01, o.qty()));
    }

    @Test
    void aStrongAlphaIsCappedAtTheBestBid() {
        // fair = 50000.05 * (1 + 0.0001*20) = 50000.05 + 100.0001 = 50100.0501
        // res  = 50100.0501 - 5.000005 = 50095.050095; half*mid = 20.00002 (vol 0.0002 as above)
        // bid  = floor_tick(min(50075.050075, 50000.0)) = 50000.0  (would cross: capped at the touch)
        // ask  = ceil_tick(max(50115.050115, 50000.1)) = 50115.1
        StrategyOutput out = StatelessMm.decide(input(20, 0.0002, false, 0.02, List.of(), ONE_LEVEL));
        assertEquals(List.of(50000.0), prices(out.newBids()));
        assertEquals(List.of(50115.1), prices(out.newAsks()));
    }

    @Test
    void zeroVolatilityWithPositivePowerQuotesTheTouch() {
        // half = 0.0002 * 0^1 = 0; alpha 0, flat: res = mid = 50000.05
        // bid = floor_tick(min(50000.05, 50000.0)) = 50000.0; ask = ceil_tick(max(50000.05, 50000.1)) = 50000.1
        StrategyOutput out = StatelessMm.decide(input(0, 0, false, 0, List.of(), ONE_LEVEL));
        assertEquals(List.of(500000L), ticks(out.newBids()));
        assertEquals(List.of(500001L), ticks(out.newAsks()));
    }

    @Test
    void powerZeroMakesTheSpreadIndependentOfVolatility() {
        // power 0: half = 0.0002 * 0^0 = 0.0002 (Math.pow(0, 0) = 1); half*mid = 10.00001
        // bid = floor_tick(50000.05 - 10.00001 = 49990.04999) = 49990.0
        // ask = ceil_tick(50000.05 + 10.00001 = 50010.06001)  = 50010.1
        StrategyParams power0 = new StrategyParams(0.1, 0.01, 0.1, 0.0002, 0.00005, 0.0001, 0.0, 0.0001, 1, 0.1, 100);
        for (double vol : new double[] {0, 0.0001, 0.05}) {
            StrategyOutput out = StatelessMm.decide(input(0, vol, false, 0, List.of(), power0));
            assertEquals(List.of(49990.0), prices(out.newBids()), "vol " + vol);
            assertEquals(List.of(50010.1), prices(out.newAsks()), "vol " + vol);
        }
    }

    @Test
    void aShortInventorySkewsTheQuotesUp() {
        // position -0.05 = -5 lots; vol = baseline: half = 0.0002, half*mid = 10.00001
        // res = 50000.05 - 0.00005*(-5)*50000.05 = 50000.05 + 12.5000125 = 50012.5500125
        // bid = floor_tick(min(50002.5500025, 50000.0)) = 50000.0 (eager to buy back: at the touch)
        // ask = ceil_tick(max(50022.5600225, 50000.1))  = 50022.6
        StrategyOutput out = StatelessMm.decide(input(0, 0.0001, false, -0.05, List.of(), ONE_LEVEL));
        assertEquals(List.of(50000.0), prices(out.newBids()));
        assertEquals(List.of(50022.6), prices(out.newAsks()));
    }

    @Test
    void atTheLongLimitOnlyAsksAreQuoted() {
        StrategyOutput atMax = StatelessMm.decide(input(0, 0.0001, false, 0.1, List.of(), DESIGN));
        assertEquals(List.of(), atMax.newBids());
        assertEquals(3, atMax.newAsks().size());
        // ten fills of 0.01 sum to 0.09999999999999999 in doubles: at the limit, not below it
        double tenFills = 0;
        for (int i = 0; i < 10; i++) {
            tenFills += 0.01;
        }
        assertTrue(tenFills < 0.1);
        assertEquals(
                List.of(),
                StatelessMm.decide(input(0, 0.0001, false, tenFills, List.of(), DESIGN))
                        .newBids());
        StrategyOutput beyond = StatelessMm.decide(input(0, 0.0001, false, 0.25, List.of(), DESIGN));
        assertEquals(List.of(), beyond.newBids());
        assertEquals(3, beyond.newAsks().size());
    }

    @Test
    void atTheShortLimitOnlyBidsAreQuoted() {
        StrategyOutput atMin = StatelessMm.decide(input(0, 0.0001, false, -0.1, List.of(), DESIGN));
        assertEquals(List.of(), atMin.newAsks());
        assertEquals(3, atMin.newBids().size());
    }

    @Test
    void theDiffKeepsMatchingOrdersAndCancelsTheRest() {
        // desired (first example): bids 499825, 499820, 499815; asks 500226, 500231, 500236
        List<ActiveOrder> active = List.of(
                new ActiveOrder(1, Side.BUY, 499825, 0.01), // desired level 0: keep
                new ActiveOrder(2, Side.BUY, 499820, 0.004), // desired level 1, partly filled: keep
                new ActiveOrder(3, Side.BUY, 499800, 0.01), // not on the grid: cancel
                new ActiveOrder(4, Side.SELL, 500226, 0.01), // desired: keep
                new ActiveOrder(5, Side.SELL, 500226, 0.01), // duplicate of 4: cancel
                new ActiveOrder(6, Side.SELL, 500300, 0.01), // off the grid: cancel
                new ActiveOrder(7, Side.BUY, 500231, 0.01)); // an ask level, but a bid: cancel
        StrategyInput in = input(1.5, 0.0002, false, 0.02, active, DESIGN);
        StrategyOutput out = StatelessMm.decide(in);
        assertEquals(List.of(3L, 5L, 6L, 7L), out.cancelOrders());
        assertEquals(List.of(499815L), ticks(out.newBids()));
        assertEquals(List.of(500231L, 500236L), ticks(out.newAsks()));

        // apply it: orders 1, 2, 4 stay, the new ones join; the next decision has nothing to do
        List<ActiveOrder> after = List.of(
                active.get(0),
                active.get(1),
                active.get(3),
                new ActiveOrder(8, Side.BUY, 499815, 0.01),
                new ActiveOrder(9, Side.SELL, 500231, 0.01),
                new ActiveOrder(10, Side.SELL, 500236, 0.01));
        assertTrue(StatelessMm.decide(in.withActiveOrders(after)).isEmpty());
    }

    @Test
    void theStopClosesALongWithASellThroughTheBid() {
        // long 0.03: cancel both orders; sell 0.03 at 50000.0 - 100*0.1 = 49990.0 (499900 ticks)
        List<ActiveOrder> active =
                List.of(new ActiveOrder(11, Side.BUY, 499990, 0.01), new ActiveOrder(12, Side.SELL, 500010, 0.01));
        StrategyOutput out = StatelessMm.decide(input(Double.NaN, 0.0002, true, 0.03, active, DESIGN));
        assertEquals(StrategyMode.STOPPED, out.mode());
        assertEquals(List.of(11L, 12L), out.cancelOrders());
        assertEquals(List.of(), out.newBids());
        assertEquals(List.of(new OrderRequest(499900, 49990.0, 0.03)), out.newAsks());
    }

    @Test
    void theStopClosesAShortWithABuyThroughTheAsk() {
        // short 0.03: buy 0.03 at 50000.1 + 100*0.1 = 50010.1 (500101 ticks)
        StrategyOutput out = StatelessMm.decide(input(0, 0.0002, true, -0.03, List.of(), DESIGN));
        assertEquals(List.of(new OrderRequest(500101, 50010.1, 0.03)), out.newBids());
        assertEquals(List.of(), out.newAsks());
        // flatten_ticks = 7: 50000.1 + 0.7 = 50000.8
        StrategyOutput seven = StatelessMm.decide(input(0, 0.0002, true, -0.03, List.of(), DESIGN.withFlattenTicks(7)));
        assertEquals(List.of(50000.8), prices(seven.newBids()));
    }

    @Test
    void theStopWhenFlatOnlyCancels() {
        List<ActiveOrder> active = List.of(new ActiveOrder(11, Side.BUY, 499990, 0.01));
        for (double flat : new double[] {0, 1e-12, -1e-10}) {
            StrategyOutput out = StatelessMm.decide(input(0, 0.0002, true, flat, active, DESIGN));
            assertEquals(List.of(11L), out.cancelOrders());
            assertEquals(List.of(), out.newBids());
            assertEquals(List.of(), out.newAsks());
        }
    }

    @Test
    void theStopNeverSellsAtOrBelowZero() {
        // bid 5.0 = 50 ticks of 0.1; 50 - 100 < 1: the sell goes at the lowest price, 1 tick = 0.1
        StrategyInput in = new StrategyInput(0, 0.0002, true, 5.0, 5.1, 5.05, 2, List.of(), DESIGN);
        assertEquals(
                List.of(new OrderRequest(1, 0.1, 2)), StatelessMm.decide(in).newAsks());
    }

    @Test
    void theStopWithoutABidToSellIntoOnlyCancels() {
        StrategyInput in = new StrategyInput(
                0,
                0.0002,
                true,
                Double.NaN,
                BA,
                Double.NaN,
                0.03,
                List.of(new ActiveOrder(1, Side.SELL, 500010, 0.01)),
                DESIGN);
        StrategyOutput out = StatelessMm.decide(in);
        assertEquals(List.of(1L), out.cancelOrders());
        assertTrue(out.newAsks().isEmpty() && out.newBids().isEmpty());
    }

    @Test
    void nonFiniteFactorsOrABrokenBookCancelEverything() {
        List<ActiveOrder> active =
                List.of(new ActiveOrder(1, Side.BUY, 499825, 0.01), new ActiveOrder(2, Side.SELL, 500226, 0.01));
        List<StrategyInput> halted = List.of(
                input(Double.NaN, 0.0002, false, 0, active, DESIGN),
                input(Double.POSITIVE_INFINITY, 0.0002, false, 0, active, DESIGN),
                input(0, Double.NaN, false, 0, active, DESIGN),
                input(0, Double.POSITIVE_INFINITY, false, 0, active, DESIGN),
                input(0, -0.0001, false, 0, active, DESIGN),
                input(0, 0.0002, false, Double.NaN, active, DESIGN),
                new StrategyInput(0, 0.0002, false, Double.NaN, BA, Double.NaN, 0, active, DESIGN), // no bids
                new StrategyInput(0, 0.0002, false, BB, Double.NaN, Double.NaN, 0, active, DESIGN), // no asks
                new StrategyInput(0, 0.0002, false, BB, BA, Double.NaN, 0, active, DESIGN), // no mid
                new StrategyInput(0, 0.0002, false, 50000.2, 50000.1, 50000.15, 0, active, DESIGN), // crossed
                new StrategyInput(0, 0.0002, false, BB, BB, BB, 0, active, DESIGN)); // locked
        for (StrategyInput in : halted) {
            StrategyOutput out = StatelessMm.decide(in);
            assertEquals(StrategyMode.HALTED, out.mode(), in.toString());
            assertEquals(List.of(1L, 2L), out.cancelOrders(), in.toString());
            assertTrue(out.newBids().isEmpty() && out.newAsks().isEmpty(), in.toString());
        }
    }

    @Test
    void gridLevelsAtOrBelowZeroAreDropped() {
        // book 1.0 / 1.1 (10 / 11 ticks), vol 0: half 0, flat, alpha 0: res = mid = 1.05
        // bid = floor_tick(min(1.05, 1.0)) = 10 ticks; ask = ceil_tick(max(1.05, 1.1)) = 11 ticks
        // grid 5 x 3 ticks: bids 10, 7, 4, 1 (-2 dropped); asks 11, 14, 17, 20, 23
        StrategyParams grid = DESIGN.withGrid(5, 0.3);
        StrategyOutput out = StatelessMm.decide(new StrategyInput(0, 0, false, 1.0, 1.1, 1.05, 0, List.of(), grid));
        assertEquals(List.of(10L, 7L, 4L, 1L), ticks(out.newBids()));
        assertEquals(List.of(11L, 14L, 17L, 20L, 23L), ticks(out.newAsks()));
        assertEquals(List.of(1.0, 0.7, 0.4, 0.1), prices(out.newBids()));
    }

    @Test
    void aHugeAlphaLeavesOnlyTheSideThatStaysFinite() {
        // alpha 1e300: fair = mid * (1 + 1e296) = 5e300; res - half*mid = 5e300 -> bid capped at 50000.0;
        // ask = ceil_tick(5e300) is far beyond 2^52 ticks: no asks
        StrategyOutput out = StatelessMm.decide(input(1e300, 0.0002, false, 0, List.of(), ONE_LEVEL));
        assertEquals(List.of(50000.0), prices(out.newBids()));
        assertEquals(List.of(), out.newAsks());
        // alpha -1e300: fair = -5e300: bid below zero, none; ask capped at 50000.1
        StrategyOutput down = StatelessMm.decide(input(-1e300, 0.0002, false, 0, List.of(), ONE_LEVEL));
        assertEquals(List.of(), down.newBids());
        assertEquals(List.of(50000.1), prices(down.newAsks()));
    }

    @Test
    void tickRoundingToleratesBinaryError() {
        // 50000.1 / 0.1 = 500000.99999999994 in doubles: a plain floor would give 500000
        assertEquals(500000.99999999994, 50000.1 / 0.1);
        assertEquals(500001.0, Ticks.floor(50000.1, 0.1));
        assertEquals(500001.0, Ticks.ceil(50000.1, 0.1));
        // 0.3 / 0.1 = 2.9999999999999996
        assertEquals(3.0, Ticks.floor(0.3, 0.1));
        assertEquals(3.0, Ticks.ceil(0.3, 0.1));
        // a real fraction of a tick still rounds outwards
        assertEquals(500000.0, Ticks.floor(50000.05, 0.1));
        assertEquals(500001.0, Ticks.ceil(50000.05, 0.1));
        // prices come back as the doubles their decimals parse to
        assertEquals(100.3, Ticks.price(1003, 0.1));
        assertEquals(49982.5, Ticks.price(499825, 0.1));
        assertEquals(0.07, Ticks.price(7, 0.01));
        assertEquals(12.5, Ticks.price(5, 2.5));
    }
}
