package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.runtime.execution.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Order handling on scripted markets, expected results worked out by hand. Venue: {@link Tape#CONFIG} (tick 0.1,
 * lot 0.01, entry 10 ns, response 20 ns, cash 1000) on the standard book: bids 100.0 x 5, 99.9 x 10; asks 100.1 x 4,
 * 100.2 x 8 (in ticks: 1000, 999 / 1001, 1002).
 */
class ExecutionScenarioTest {

    private record Seen(
            ReportType type,
            long orderId,
            OrderStatus status,
            RejectReason reason,
            long leavesLots,
            long exchTime,
            long localTime,
            long now) {}

    private static List<Seen> record(ExchangeSimulator sim) {
        List<Seen> seen = new ArrayList<>();
        sim.setExecutionListener(r -> seen.add(new Seen(
                r.type(),
                r.orderId(),
                r.status(),
                r.reason(),
                r.leavesLots(),
                r.exchTime(),
                r.localTime(),
                sim.now())));
        return seen;
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void aPostOnlyBidThatWouldCrossIsRejected(FillMode mode) {
        ExchangeSimulator sim = new Tape().standardBook(100).simulator(Tape.CONFIG.withFillMode(mode));
        List<Seen> seen = record(sim);
        long id = sim.submit(Side.BUY, 1001, 1.0, TimeInForce.GTX, 200); // at the best ask: would take liquidity
        sim.advanceTo(229);
        assertEquals(List.of(), seen);
        assertEquals(OrderStatus.PENDING_NEW, sim.orders().status(0));
        sim.advanceTo(230);
        assertEquals(
                List.of(new Seen(
                        ReportType.EXPIRED,
                        id,
                        OrderStatus.EXPIRED,
                        RejectReason.POST_ONLY_WOULD_CROSS,
                        0,
                        210,
                        230,
                        230)),
                seen);
        assertEquals(0, sim.orders().size());
        assertEquals(0, sim.fills().size());
        assertEquals(1, sim.stats().expired());
        // a post-only ask at the best bid likewise
        sim.submit(Side.SELL, 1000, 1.0, TimeInForce.GTX, 300);
        sim.advanceTo(400);
        assertEquals(ReportType.EXPIRED, seen.get(1).type());
    }

    @Test
    void aMarketableGtcBuyTakesItsWholeQuantityAtTheBestAskWithoutPartialFills() {
        // 15 wanted, 4 shown at the best ask 100.1: no-partial mode executes all 15 at 100.1, as a taker
        ExchangeSimulator sim = new Tape().standardBook(100).simulator(Tape.CONFIG);
        long id = sim.submit(Side.BUY, 1002, 15.0, TimeInForce.GTC, 200);
        sim.advanceTo(230);
        assertEquals(
                List.of(new Fill(id, Side.BUY, 1001, 100.1, 1500, 15.0, 0.0, false, 210, 230)),
                sim.fills().toList());
        assertEquals(1500, sim.account().positionLots());
    }

    @Test
    void aMarketableGtcBuyWalksTheBookWithPartialFills() {
        // 15 at 100.2: the level strictly better than 100.2 gives 4 at 100.1; the other 11 execute at the order's own
        // price 100.2 (it cannot rest in the asks). 3 at 100.3: 3 at 100.1. 20 at 100.3: 4 at 100.1, 8 at 100.2 and
        // the remaining 8 at 100.3.
        ExchangeSimulator sim = new Tape().standardBook(100).simulator(Tape.CONFIG.withFillMode(FillMode.PARTIAL));
        long a = sim.submit(Side.BUY, 1002, 15.0, TimeInForce.GTC, 200);
        long b = sim.submit(Side.BUY, 1003, 3.0, TimeInForce.GTC, 200);
        long c = sim.submit(Side.BUY, 1003, 20.0, TimeInForce.GTC, 200);
        sim.advanceTo(230);
        assertEquals(
                List.of(
                        new Fill(a, Side.BUY, 1001, 100.1, 400, 4.0, 0.0, false, 210, 230),
                        new Fill(a, Side.BUY, 1002, 100.2, 1100, 11.0, 0.0, false, 210, 230),
                        new Fill(b, Side.BUY, 1001, 100.1, 300, 3.0, 0.0, false, 210, 230),
                        new Fill(c, Side.BUY, 1001, 100.1, 400, 4.0, 0.0, false, 210, 230),
                        new Fill(c, Side.BUY, 1002, 100.2, 800, 8.0, 0.0, false, 210, 230),
                        new Fill(c, Side.BUY, 1003, 100.3, 800, 8.0, 0.0, false, 210, 230)),
                sim.fills().toList());
        assertEquals(0, sim.orders().size());
        assertEquals(3800, sim.account().positionLots());
    }

    @Test
    void aMarketableGtcSellWalksTheBidsDownward() {
        // 12 at 99.9 with partial fills: 5 at 100.0, then the remaining 7 at 99.9
        ExchangeSimulator sim = new Tape().standardBook(100).simulator(Tape.CONFIG.withFillMode(FillMode.PARTIAL));
        long id = sim.submit(Side.SELL, 999, 12.0, TimeInForce.GTC, 200);
        sim.advanceTo(230);
        assertEquals(
                List.of(
                        new Fill(id, Side.SELL, 1000, 100.0, 500, 5.0, 0.0, false, 210, 230),
                        new Fill(id, Side.SELL, 999, 99.9, 700, 7.0, 0.0, false, 210, 230)),
                sim.fills().toList());
        assertEquals(-1200, sim.account().positionLots());
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void aTradeThroughTheOrderPriceFillsItWhateverTheQueue(FillMode mode) {
        // our bid at 100.0 behind 5; a sell trade of 0.01 at 99.9 trades through us: all 2.0 filled, maker at 100.0
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .trade(300, Side.SELL, 99.9, 0.01)
                .simulator(Tape.CONFIG.withFillMode(mode));
        long id = sim.submit(Side.BUY, 1000, 2.0, TimeInForce.GTX, 200);
        sim.advanceTo(400);
        assertEquals(
                List.of(new Fill(id, Side.BUY, 1000, 100.0, 200, 2.0, 0.0, true, 300, 320)),
                sim.fills().toList());
    }

    @ParameterizedTest
    @EnumSource(FillMode.class)
    void theOppositeBestMovingOntoTheOrderFillsIt(FillMode mode) {
        // our ask at 100.3 (above the book). The asks 100.1 and 100.2 go, then a bid appears at 100.3: the best bid
        // has reached our ask: filled as a maker at 100.3. Our bid at 99.8 is filled when the best ask falls to 99.8.
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .depth(300, Side.SELL, 100.1, 0)
                .depth(310, Side.SELL, 100.2, 0)
                .depth(320, Side.BUY, 100.3, 1)
                .depth(400, Side.BUY, 100.3, 0)
                .depth(410, Side.BUY, 100.0, 0)
                .depth(420, Side.BUY, 99.9, 0)
                .depth(430, Side.SELL, 99.8, 1)
                .simulator(Tape.CONFIG.withFillMode(mode));
        long ask = sim.submit(Side.SELL, 1003, 1.0, TimeInForce.GTX, 200);
        long bid = sim.submit(Side.BUY, 998, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(319);
        assertEquals(0, sim.fills().size());
        sim.advanceTo(500);
        assertEquals(
                List.of(
                        new Fill(ask, Side.SELL, 1003, 100.3, 100, 1.0, 0.0, true, 320, 340),
                        new Fill(bid, Side.BUY, 998, 99.8, 100, 1.0, 0.0, true, 430, 450)),
                sim.fills().toList());
    }

    @Test
    void aCancelThatReachesTheExchangeAfterTheFillIsRefusedAndTheFillStands() {
        // order arrives 210; the trade through it at 300 fills it. The cancel sent at 295 arrives at 305: too late.
        // Locally: the fill report at 320 (the order is gone), the cancel's refusal at 325.
        ExchangeSimulator sim =
                new Tape().standardBook(100).trade(300, Side.SELL, 99.9, 1).simulator(Tape.CONFIG);
        List<Seen> seen = record(sim);
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        assertTrue(sim.cancel(id, 295));
        assertTrue(sim.orders().cancelPending(0));
        assertFalse(sim.cancel(id, 296), "a second cancel while one is on its way sends nothing");
        sim.advanceTo(1000);
        assertEquals(
                List.of(
                        new Seen(ReportType.ACCEPTED, id, OrderStatus.NEW, RejectReason.NONE, 100, 210, 230, 230),
                        new Seen(ReportType.FILL, id, OrderStatus.FILLED, RejectReason.NONE, 0, 300, 320, 320),
                        new Seen(
                                ReportType.CANCEL_REJECTED,
                                id,
                                OrderStatus.NOT_ACTIVE,
                                RejectReason.ORDER_NOT_ACTIVE,
                                0,
                                305,
                                325,
                                325)),
                seen);
        assertEquals(100, sim.account().positionLots());
        assertEquals(0, sim.orders().size());
        assertFalse(sim.cancel(id, 1000), "the order is final: nothing to cancel");
    }

    @Test
    void aCancelThatReachesTheExchangeBeforeTheTradeCancels() {
        // cancel sent at 280 arrives at 290, before the trade at 300: cancelled (report at 310), no fill
        ExchangeSimulator sim =
                new Tape().standardBook(100).trade(300, Side.SELL, 99.9, 1).simulator(Tape.CONFIG);
        List<Seen> seen = record(sim);
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.cancel(id, 280);
        sim.advanceTo(1000);
        assertEquals(
                new Seen(ReportType.CANCELED, id, OrderStatus.CANCELED, RejectReason.NONE, 0, 290, 310, 310),
                seen.get(1));
        assertEquals(0, sim.fills().size());
    }

    @Test
    void aPartialFillKeepsTheRestAtTheFrontOfTheQueueUntilCancelled() {
        // partial fills, risk-averse. Bid level 100.0 holds 2. Our buy of 5 joins behind 2. A sell trade of 4 at 100.0:
        // 2 go past us: 2 execute, 3 left, nothing ahead. A trade of 1: 1 executes, 2 left. The level shrinks to 1:
        // min(0, 1) = 0, still at the front. Cancel at 600: cancelled with 3 executed, position 3.
        ExchangeSimulator sim = new Tape()
                .snapshot(100, new double[][] {{100.0, 2}}, new double[][] {{100.1, 4}})
                .trade(300, Side.SELL, 100.0, 4)
                .trade(400, Side.SELL, 100.0, 1)
                .depth(500, Side.BUY, 100.0, 1)
                .simulator(Tape.CONFIG.withFillMode(FillMode.PARTIAL));
        List<Seen> seen = record(sim);
        long id = sim.submit(Side.BUY, 1000, 5.0, TimeInForce.GTX, 200);
        sim.advanceTo(320);
        assertEquals(OrderStatus.PARTIALLY_FILLED, sim.orders().status(0));
        assertEquals(300, sim.orders().leavesLots(0));
        assertEquals(0.0, sim.queueAhead(id), 0.0);
        sim.advanceTo(500);
        assertEquals(0.0, sim.queueAhead(id), 0.0);
        assertTrue(sim.cancel(id, 600));
        sim.advanceTo(700);
        assertEquals(
                List.of(
                        new Fill(id, Side.BUY, 1000, 100.0, 200, 2.0, 0.0, true, 300, 320),
                        new Fill(id, Side.BUY, 1000, 100.0, 100, 1.0, 0.0, true, 400, 420)),
                sim.fills().toList());
        assertEquals(
                new Seen(ReportType.CANCELED, id, OrderStatus.CANCELED, RejectReason.NONE, 0, 610, 630, 630),
                seen.get(seen.size() - 1));
        assertEquals(300, sim.account().positionLots());
        assertEquals(0, sim.orders().size());
    }

    @Test
    void oneTradeIsSharedOutAmongOurOrdersAtItsPriceNeverUsedTwice() {
        // partial fills. Two buys of 3 at 100.0 (level 1 ahead of each). A sell trade of 3: the first takes 2 (3 - 1
        // ahead), the second could take 2 past its queue but only 1 of the trade is left: 1.
        ExchangeSimulator sim = new Tape()
                .snapshot(100, new double[][] {{100.0, 1}}, new double[][] {{100.1, 4}})
                .trade(300, Side.SELL, 100.0, 3)
                .simulator(Tape.CONFIG.withFillMode(FillMode.PARTIAL));
        long a = sim.submit(Side.BUY, 1000, 3.0, TimeInForce.GTX, 200);
        long b = sim.submit(Side.BUY, 1000, 3.0, TimeInForce.GTX, 200);
        sim.advanceTo(400);
        assertEquals(
                List.of(
                        new Fill(a, Side.BUY, 1000, 100.0, 200, 2.0, 0.0, true, 300, 320),
                        new Fill(b, Side.BUY, 1000, 100.0, 100, 1.0, 0.0, true, 300, 320)),
                sim.fills().toList());
    }

    @Test
    void anOrderReachingTheExchangeBeforeItsBookHasASnapshotIsRejected() {
        ExchangeSimulator sim = new Tape().standardBook(500).simulator(Tape.CONFIG);
        List<Seen> seen = record(sim);
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(300);
        assertEquals(
                List.of(new Seen(
                        ReportType.REJECTED, id, OrderStatus.REJECTED, RejectReason.BOOK_NOT_READY, 0, 210, 230, 230)),
                seen);
    }

    @Test
    void feesAreChargedOnTradedValueAtTheMakerOrTakerRateAndCashReconciles() {
        // maker fee -0.0001 (a rebate), taker fee 0.0004, cash 1000.
        // Our bid 2.0 at 100.0 is filled by a trade through it at 300: maker, value 200, fee -0.02.
        // A GTC buy 1.0 at 100.2 at 400 takes the best ask 100.1: taker, value 100.1, fee 0.04004.
        // Cash = 1000 - 200 + 0.02 - 100.1 - 0.04004 = 699.87996; position 3.0; fees 0.02004; traded 300.1.
        // Equity at mid 100.05 = 699.87996 + 3 * 100.05 = 1000.02996.
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .trade(300, Side.SELL, 99.9, 1)
                .simulator(Tape.CONFIG.withFees(-0.0001, 0.0004));
        long maker = sim.submit(Side.BUY, 1000, 2.0, TimeInForce.GTX, 200);
        long taker = sim.submit(Side.BUY, 1002, 1.0, TimeInForce.GTC, 400);
        sim.advanceTo(500);
        List<Fill> fills = sim.fills().toList();
        assertEquals(2, fills.size());
        assertEquals(maker, fills.get(0).orderId());
        assertTrue(fills.get(0).maker());
        assertEquals(-0.02, fills.get(0).fee(), 1e-15);
        assertEquals(taker, fills.get(1).orderId());
        assertFalse(fills.get(1).maker());
        assertEquals(100.1, fills.get(1).price(), 0.0);
        assertEquals(0.04004, fills.get(1).fee(), 1e-15);
        var account = sim.account();
        assertEquals(699.87996, account.cash(), 1e-9);
        assertEquals(3.0, account.position(), 0.0);
        assertEquals(0.02004, account.fees(), 1e-15);
        assertEquals(300.1, account.tradedValue(), 1e-12);
        assertEquals(3.0, account.tradedQty(), 0.0);
        assertEquals(1, account.makerFills());
        assertEquals(1, account.takerFills());
        assertEquals(1000.02996, account.equity(100.05), 1e-9);
        assertEquals(account.snapshot(), sim.exchangeAccount().snapshot());
    }

    @Test
    void theLocalAccountLagsTheExchangeByTheResponseLatency() {
        ExchangeSimulator sim =
                new Tape().standardBook(100).trade(300, Side.SELL, 99.9, 1).simulator(Tape.CONFIG);
        sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(300);
        assertEquals(100, sim.exchangeAccount().positionLots());
        assertEquals(0, sim.account().positionLots());
        sim.advanceTo(319);
        assertEquals(0, sim.account().positionLots());
        sim.advanceTo(320);
        assertEquals(100, sim.account().positionLots());
    }

    @Test
    void aListenerMayActAtTheReportsTime() {
        // on the ACCEPTED report at 230 the strategy cancels: the cancel arrives at 240, reported at 260
        ExchangeSimulator sim = new Tape().standardBook(100).simulator(Tape.CONFIG);
        List<Seen> seen = record(sim);
        List<Seen> recorded = new ArrayList<>();
        sim.setExecutionListener(r -> {
            recorded.add(new Seen(
                    r.type(),
                    r.orderId(),
                    r.status(),
                    r.reason(),
                    r.leavesLots(),
                    r.exchTime(),
                    r.localTime(),
                    sim.now()));
            if (r.type() == ReportType.ACCEPTED) {
                assertTrue(sim.cancel(r.orderId(), r.localTime()));
            }
        });
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(1000);
        assertEquals(List.of(), seen);
        assertEquals(
                List.of(
                        new Seen(ReportType.ACCEPTED, id, OrderStatus.NEW, RejectReason.NONE, 100, 210, 230, 230),
                        new Seen(ReportType.CANCELED, id, OrderStatus.CANCELED, RejectReason.NONE, 0, 240, 260, 260)),
                recorded);
    }
}
