package io.factorgraph.nodes.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The invariants of docs/DESIGN.md §6 over {@link Scenarios}: wide books, positions, factors and active
 * order sets. Each property holds for every decision, of either form.
 */
class StatelessMmProperties {
    /** Reused across tries, so every decision starts from an output dirtied by another. */
    private final ActiveOrders reusedActive = new ActiveOrders(0);

    private final OrderDiff reusedOut = new OrderDiff(1, 0);

    @Provide
    Arbitrary<StrategyInput> quoting() {
        return Scenarios.inputs(Scenarios.Mix.QUOTING);
    }

    @Provide
    Arbitrary<StrategyInput> anything() {
        return Scenarios.inputs(Scenarios.Mix.EVERYTHING);
    }

    /** Active sets with orders awaiting an acknowledgement or a cancel's answer, and closes (docs/DESIGN.md §6). */
    @Provide
    Arbitrary<StrategyInput> inFlight() {
        return Scenarios.inputs(Scenarios.Mix.IN_FLIGHT);
    }

    /** Kept and new orders: what is working at the venue once the decision is applied. */
    record Level(Side side, long ticks, double qty) {}

    static List<Level> working(StrategyInput in, StrategyOutput out) {
        Set<Long> cancelled = new HashSet<>(out.cancelOrders());
        List<Level> levels = new ArrayList<>();
        for (ActiveOrder order : in.activeOrders()) {
            if (!cancelled.contains(order.id())) {
                levels.add(new Level(order.side(), order.priceTicks(), order.qty()));
            }
        }
        out.newBids().forEach(o -> levels.add(new Level(Side.BUY, o.priceTicks(), o.qty())));
        out.newAsks().forEach(o -> levels.add(new Level(Side.SELL, o.priceTicks(), o.qty())));
        return levels;
    }

    /** The active set after applying the decision: kept orders, and the new ones under fresh ids. */
    static List<ActiveOrder> applied(StrategyInput in, StrategyOutput out) {
        Set<Long> cancelled = new HashSet<>(out.cancelOrders());
        List<ActiveOrder> next = new ArrayList<>();
        long fresh = in.activeOrders().stream().mapToLong(ActiveOrder::id).max().orElse(0) + 1;
        for (ActiveOrder order : in.activeOrders()) {
            if (!cancelled.contains(order.id())) {
                next.add(order);
            }
        }
        for (OrderRequest bid : out.newBids()) {
            next.add(new ActiveOrder(fresh++, Side.BUY, bid.priceTicks(), bid.qty()));
        }
        for (OrderRequest ask : out.newAsks()) {
            next.add(new ActiveOrder(fresh++, Side.SELL, ask.priceTicks(), ask.qty()));
        }
        return next;
    }

    private void decideReused(StrategyInput in) {
        reusedActive.clear();
        for (ActiveOrder order : in.activeOrders()) {
            reusedActive.add(order.id(), order.side(), order.priceTicks(), order.qty());
        }
        StatelessMm.decide(
                in.alpha(),
                in.volatility(),
                in.stop(),
                in.bestBid(),
                in.bestAsk(),
                in.mid(),
                in.position(),
                reusedActive,
                in.params(),
                reusedOut);
    }

    // ---- the decision

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // coverage is still checked
    void matchesTheIndependentReference(@ForAll("anything") StrategyInput in) {
        ReferenceMm.Decision expected = ReferenceMm.decide(in);
        decideReused(in);
        StrategyOutput out = reusedOut.toOutput();
        assertEquals(expected.mode(), out.mode(), "mode");
        assertEquals(expected.cancel(), out.cancelOrders(), "cancel");
        List<Long> keep = new ArrayList<>();
        for (int i = 0; i < reusedOut.keepCount(); i++) {
            keep.add(reusedOut.keepId(i));
        }
        assertEquals(expected.keep(), keep, "keep");
        assertEquals(
                expected.newBids().stream().map(ReferenceMm.Level::ticks).toList(),
                out.newBids().stream().map(OrderRequest::priceTicks).toList(),
                "new bids");
        assertEquals(
                expected.newAsks().stream().map(ReferenceMm.Level::ticks).toList(),
                out.newAsks().stream().map(OrderRequest::priceTicks).toList(),
                "new asks");
        List<Double> qty = new ArrayList<>();
        out.newBids().forEach(o -> qty.add(o.qty()));
        out.newAsks().forEach(o -> qty.add(o.qty()));
        assertEquals(expected.newQty(), qty, "quantities");

        // the generator reaches every branch and every kind of diff, often
        Statistics.label("mode").collect(out.mode());
        Statistics.label("keeps some").collect(reusedOut.keepCount() > 0);
        Statistics.label("cancels a duplicate").collect(cancelsADuplicate(in, keep));
        Statistics.label("at a position limit")
                .collect(Math.abs(in.position()) >= in.params().maxPosition());
        Statistics.label("mode").coverage(c -> {
            for (StrategyMode mode : StrategyMode.values()) {
                c.check(mode).percentage(p -> p > 5);
            }
        });
        Statistics.label("keeps some").coverage(c -> c.check(true).percentage(p -> p > 20));
        Statistics.label("cancels a duplicate").coverage(c -> c.check(true).percentage(p -> p > 5));
        Statistics.label("at a position limit").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    /** Whether an order was cancelled although its (side, price) is kept under another id. */
    private static boolean cancelsADuplicate(StrategyInput in, List<Long> keep) {
        Set<ReferenceMm.Level> kept = new HashSet<>();
        for (ActiveOrder order : in.activeOrders()) {
            if (keep.contains(order.id())) {
                kept.add(new ReferenceMm.Level(order.side(), order.priceTicks()));
            }
        }
        return in.activeOrders().stream()
                .anyMatch(
                        o -> !keep.contains(o.id()) && kept.contains(new ReferenceMm.Level(o.side(), o.priceTicks())));
    }

    @Property(tries = 3000)
    void bidsAreBelowAsks(@ForAll("anything") StrategyInput in) {
        StrategyOutput out = StatelessMm.decide(in);
        if (out.mode() != StrategyMode.QUOTING) {
            return;
        }
        List<Level> working = working(in, out);
        long highestBid = working.stream()
                .filter(l -> l.side() == Side.BUY)
                .mapToLong(Level::ticks)
                .max()
                .orElse(Long.MIN_VALUE);
        long lowestAsk = working.stream()
                .filter(l -> l.side() == Side.SELL)
                .mapToLong(Level::ticks)
                .min()
                .orElse(Long.MAX_VALUE);
        assertTrue(highestBid < lowestAsk, "highest bid " + highestBid + " < lowest ask " + lowestAsk);
    }

    @Property(tries = 3000)
    void noQuoteCrossesTheBook(@ForAll("anything") StrategyInput in) {
        StrategyOutput out = StatelessMm.decide(in);
        if (out.mode() == StrategyMode.STOPPED) {
            return; // the closing order crosses on purpose, see stopWithAPositionSendsExactlyOneClosingOrder
        }
        double tick = in.params().tickSize();
        for (Level level : working(in, out)) {
            if (level.side() == Side.BUY) {
                assertTrue(level.ticks() <= in.bestBid() / tick + 1e-9, level + " above best bid " + in.bestBid());
            } else {
                assertTrue(level.ticks() >= in.bestAsk() / tick - 1e-9, level + " below best ask " + in.bestAsk());
            }
        }
    }

    @Property(tries = 3000)
    void positionLimitsAreRespected(@ForAll("anything") StrategyInput in) {
        StrategyOutput out = StatelessMm.decide(in);
        double max = in.params().maxPosition();
        if (out.mode() == StrategyMode.STOPPED) {
            // the only new order reduces the position, and by no more than its size
            out.newBids().forEach(o -> assertTrue(in.position() < 0 && o.qty() == -in.position()));
            out.newAsks().forEach(o -> assertTrue(in.position() > 0 && o.qty() == in.position()));
            return;
        }
        List<Level> working = working(in, out);
        if (in.position() >= max) {
            assertTrue(working.stream().noneMatch(l -> l.side() == Side.BUY), "bids at position " + in.position());
        }
        if (in.position() <= -max) {
            assertTrue(working.stream().noneMatch(l -> l.side() == Side.SELL), "asks at position " + in.position());
        }
    }

    @Property(tries = 3000)
    void quotesFormTheGrid(@ForAll("anything") StrategyInput in) {
        StrategyOutput out = StatelessMm.decide(in);
        if (out.mode() != StrategyMode.QUOTING) {
            return;
        }
        StrategyParams p = in.params();
        long interval = p.gridIntervalTicks();
        for (Side side : Side.values()) {
            long[] ticks = working(in, out).stream()
                    .filter(l -> l.side() == side)
                    .mapToLong(Level::ticks)
                    .sorted()
                    .toArray();
            assertTrue(ticks.length <= p.gridNum(), side + " levels " + ticks.length + " > grid_num " + p.gridNum());
            assertEquals(ticks.length, LongStream.of(ticks).distinct().count(), side + " one order per level");
            for (int i = 0; i < ticks.length; i++) {
                assertTrue(ticks[i] >= 1 && ticks[i] <= Ticks.MAX_PRICE_TICKS, "quotable price " + ticks[i]);
                if (i > 0) {
                    assertEquals(interval, ticks[i] - ticks[i - 1], side + " levels grid_interval apart");
                }
            }
        }
        out.newBids().forEach(o -> assertEquals(p.orderQty(), o.qty()));
        out.newAsks().forEach(o -> assertEquals(p.orderQty(), o.qty()));
        out.newBids().forEach(o -> assertEquals(p.price(o.priceTicks()), o.price()));
        out.newAsks().forEach(o -> assertEquals(p.price(o.priceTicks()), o.price()));
    }

    // ---- the diff

    @Property(tries = 3000)
    void cancelAndKeepPartitionTheActiveOrders(@ForAll("anything") StrategyInput in) {
        decideReused(in);
        List<Long> cancel = new ArrayList<>();
        for (int i = 0; i < reusedOut.cancelCount(); i++) {
            cancel.add(reusedOut.cancelId(i));
        }
        List<Long> keep = new ArrayList<>();
        for (int i = 0; i < reusedOut.keepCount(); i++) {
            keep.add(reusedOut.keepId(i));
        }
        Set<Long> disjoint = new HashSet<>(cancel);
        disjoint.retainAll(keep);
        assertEquals(Set.of(), disjoint, "cancel and keep are disjoint");
        Set<Long> union = new HashSet<>(cancel);
        union.addAll(keep);
        Set<Long> active =
                new HashSet<>(in.activeOrders().stream().map(ActiveOrder::id).toList());
        assertEquals(active, union, "cancel and keep cover the active set");
        assertEquals(in.activeOrders().size(), cancel.size() + keep.size(), "each active order once");
        // nothing is both kept and sent again
        StrategyOutput out = reusedOut.toOutput();
        Set<Level> kept = new HashSet<>();
        for (ActiveOrder order : in.activeOrders()) {
            if (keep.contains(order.id())) {
                assertTrue(kept.add(new Level(order.side(), order.priceTicks(), 0)), "one kept order per level");
            }
        }
        out.newBids().forEach(o -> assertTrue(!kept.contains(new Level(Side.BUY, o.priceTicks(), 0))));
        out.newAsks().forEach(o -> assertTrue(!kept.contains(new Level(Side.SELL, o.priceTicks(), 0))));
    }

    @Property(tries = 3000)
    void withOrdersInFlightItMatchesTheReferenceAndOnlyCancelsWhatItMay(@ForAll("inFlight") StrategyInput in) {
        ReferenceMm.Decision expected = ReferenceMm.decide(in);
        StrategyOutput out = StatelessMm.decide(in);
        assertEquals(expected.mode(), out.mode(), "mode");
        assertEquals(expected.cancel(), out.cancelOrders(), "cancel");
        assertEquals(
                expected.newBids().stream().map(ReferenceMm.Level::ticks).toList(),
                out.newBids().stream().map(OrderRequest::priceTicks).toList(),
                "new bids");
        assertEquals(
                expected.newAsks().stream().map(ReferenceMm.Level::ticks).toList(),
                out.newAsks().stream().map(OrderRequest::priceTicks).toList(),
                "new asks");
        Set<Long> cancellable = new HashSet<>();
        in.activeOrders().stream().filter(ActiveOrder::cancellable).forEach(o -> cancellable.add(o.id()));
        assertTrue(cancellable.containsAll(out.cancelOrders()), "cancels only cancellable orders: " + out);
        // quoting, nothing new where an order (in flight or not) already holds that (side, price)
        for (OrderRequest bid : out.mode() == StrategyMode.QUOTING ? out.newBids() : List.<OrderRequest>of()) {
            assertTrue(
                    in.activeOrders().stream()
                            .noneMatch(o -> o.side() == Side.BUY && o.priceTicks() == bid.priceTicks()),
                    "bid sent at an occupied price " + bid);
        }
        for (OrderRequest ask : out.mode() == StrategyMode.QUOTING ? out.newAsks() : List.<OrderRequest>of()) {
            assertTrue(
                    in.activeOrders().stream()
                            .noneMatch(o -> o.side() == Side.SELL && o.priceTicks() == ask.priceTicks()),
                    "ask sent at an occupied price " + ask);
        }
        if (out.mode() == StrategyMode.STOPPED && in.activeOrders().stream().anyMatch(o -> !o.postOnly())) {
            assertTrue(out.newBids().isEmpty() && out.newAsks().isEmpty(), "a close is already working: " + out);
        }
    }

    @Property(tries = 3000)
    void theDiffIsIdempotent(@ForAll("anything") StrategyInput in) {
        StrategyOutput first = StatelessMm.decide(in);
        StrategyOutput again = StatelessMm.decide(in.withActiveOrders(applied(in, first)));
        assertTrue(again.isEmpty(), "after applying " + first + ": " + again);
    }

    @Property(tries = 1000)
    void theStopKeepsItsClosingOrderAndCancelsTheRest(@ForAll("anything") StrategyInput generated) {
        StrategyInput in = stopped(generated);
        StrategyOutput first = StatelessMm.decide(in);
        List<ActiveOrder> after = applied(in, first);
        StrategyOutput again = StatelessMm.decide(in.withActiveOrders(after));
        assertTrue(again.isEmpty(), "a stop that stays on sends nothing more: " + again);
        List<ActiveOrder> withOthers = new java.util.ArrayList<>(after);
        withOthers.add(new ActiveOrder(999_999_999L, Side.BUY, 1, 1.0));
        StrategyOutput cleanup = StatelessMm.decide(in.withActiveOrders(withOthers));
        assertEquals(List.of(999_999_999L), cleanup.cancelOrders(), "every other order is cancelled");
    }

    @Property(tries = 2000)
    void sameInputGivesTheSameOutput(@ForAll("anything") StrategyInput in, @ForAll("anything") StrategyInput other) {
        decideReused(in);
        StrategyOutput first = reusedOut.toOutput();
        decideReused(other);
        decideReused(in);
        assertEquals(first, reusedOut.toOutput());
        assertEquals(first, StatelessMm.decide(in));
        assertEquals(first, StatelessMm.decide(in));
    }

    @Property(tries = 3000)
    void zeroAllocationFormEqualsRecordForm(@ForAll("anything") StrategyInput in) {
        StrategyOutput record = StatelessMm.decide(in);
        decideReused(in);
        assertEquals(record.mode(), reusedOut.mode());
        assertEquals(record.cancelOrders().size(), reusedOut.cancelCount());
        for (int i = 0; i < reusedOut.cancelCount(); i++) {
            assertEquals(record.cancelOrders().get(i), reusedOut.cancelId(i));
        }
        assertEquals(record.newBids().size(), reusedOut.bidCount());
        for (int i = 0; i < reusedOut.bidCount(); i++) {
            assertEquals(
                    record.newBids().get(i),
                    new OrderRequest(reusedOut.bidPriceTicks(i), reusedOut.bidPrice(i), reusedOut.bidQty(i)));
        }
        assertEquals(record.newAsks().size(), reusedOut.askCount());
        for (int i = 0; i < reusedOut.askCount(); i++) {
            assertEquals(
                    record.newAsks().get(i),
                    new OrderRequest(reusedOut.askPriceTicks(i), reusedOut.askPrice(i), reusedOut.askQty(i)));
        }
        assertEquals(record.isEmpty(), reusedOut.isEmpty());
    }

    // ---- stop and halt

    static StrategyInput stopped(StrategyInput in) {
        return new StrategyInput(
                in.alpha(),
                in.volatility(),
                true,
                in.bestBid(),
                in.bestAsk(),
                in.mid(),
                in.position(),
                in.activeOrders(),
                in.params());
    }

    @Property(tries = 3000)
    void stopWithAPositionSendsExactlyOneClosingOrder(@ForAll("anything") StrategyInput generated) {
        // Orders that happen to be the exact closing order are kept (see theStopKeepsItsClosingOrder...);
        // here the active set holds none, so every one must be cancelled.
        StrategyInput stoppedInput = stopped(generated);
        StrategyOutput closing = StatelessMm.decide(stoppedInput.withActiveOrders(List.of()));
        List<ActiveOrder> unrelated = stoppedInput.activeOrders().stream()
                .filter(o -> closing.newBids().stream()
                                .noneMatch(b -> o.side() == Side.BUY && o.priceTicks() == b.priceTicks())
                        && closing.newAsks().stream()
                                .noneMatch(a -> o.side() == Side.SELL && o.priceTicks() == a.priceTicks()))
                .toList();
        StrategyInput in = stoppedInput.withActiveOrders(unrelated);
        StrategyOutput out = StatelessMm.decide(in);
        assertEquals(StrategyMode.STOPPED, out.mode());
        assertEquals(in.activeOrders().stream().map(ActiveOrder::id).toList(), out.cancelOrders(), "cancel all");
        double position = in.position();
        StrategyParams p = in.params();
        if (!(Math.abs(position) > StatelessMm.FLAT_EPSILON)) {
            assertTrue(out.newBids().isEmpty() && out.newAsks().isEmpty(), "flat: nothing to close");
        } else if (position > 0) {
            assertEquals(List.of(), out.newBids(), "long closes with a sell");
            if (in.bestBid() > 0 && in.bestBid() < Double.POSITIVE_INFINITY) {
                long expected = Math.max(1, (long) Math.floor(in.bestBid() / p.tickSize() + 1e-9) - p.flattenTicks());
                assertEquals(List.of(new OrderRequest(expected, p.price(expected), position)), out.newAsks());
                assertTrue(
                        expected == 1 || p.price(expected) <= in.bestBid() - p.flattenTicks() * p.tickSize() * 0.999,
                        "through the bid");
            } else {
                assertEquals(List.of(), out.newAsks(), "no bid to price the sell from");
            }
        } else {
            assertEquals(List.of(), out.newAsks(), "short closes with a buy");
            if (in.bestAsk() > 0 && in.bestAsk() < Double.POSITIVE_INFINITY) {
                long expected = (long) Math.ceil(in.bestAsk() / p.tickSize() - 1e-9) + p.flattenTicks();
                assertEquals(List.of(new OrderRequest(expected, p.price(expected), -position)), out.newBids());
                assertTrue(
                        p.price(expected) >= in.bestAsk() + p.flattenTicks() * p.tickSize() * 0.999, "through the ask");
            } else {
                assertEquals(List.of(), out.newBids(), "no ask to price the buy from");
            }
        }
    }

    @Property(tries = 2000)
    void nonFiniteFactorsCancelEverythingAndQuoteNothing(
            @ForAll("anything") StrategyInput generated, @ForAll boolean alphaBroken, @ForAll boolean nan) {
        double bad = nan ? Double.NaN : (alphaBroken ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        StrategyInput in = new StrategyInput(
                alphaBroken ? bad : generated.alpha(),
                alphaBroken ? generated.volatility() : bad,
                false,
                generated.bestBid(),
                generated.bestAsk(),
                generated.mid(),
                generated.position(),
                generated.activeOrders(),
                generated.params());
        StrategyOutput out = StatelessMm.decide(in);
        assertEquals(StrategyMode.HALTED, out.mode());
        assertEquals(in.activeOrders().stream().map(ActiveOrder::id).toList(), out.cancelOrders());
        assertTrue(out.newBids().isEmpty() && out.newAsks().isEmpty());
    }

    @Property(tries = 2000)
    void aSoundBookAndFactorsAlwaysQuote(@ForAll("quoting") StrategyInput in) {
        // finite factors on a book that is not crossed at tick resolution are never halted; and since
        // the ask is at or above the best ask (it has no lower bound to fall through, unlike the bid,
        // which a wide spread or a long skew may push to zero), the ask side is quoted whenever the
        // position allows it
        StrategyOutput out = StatelessMm.decide(in);
        double tick = in.params().tickSize();
        if (Math.floor(in.bestBid() / tick + 1e-9) < Math.ceil(in.bestAsk() / tick - 1e-9)) {
            assertEquals(StrategyMode.QUOTING, out.mode());
            boolean asks = working(in, out).stream().anyMatch(l -> l.side() == Side.SELL);
            assertEquals(
                    in.position() > -in.params().maxPosition() + StatelessMm.FLAT_EPSILON,
                    asks,
                    "asks quoted at position " + in.position());
        }
    }
}
