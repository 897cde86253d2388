package io.factorgraph.nodes.strategy;

import static io.factorgraph.nodes.strategy.StatelessMmExamplesTest.DESIGN;
import static io.factorgraph.nodes.strategy.StatelessMmExamplesTest.input;
import static io.factorgraph.nodes.strategy.StatelessMmExamplesTest.ticks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.execution.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/DESIGN.md §6 items 1 and 6, as hftbacktest's {@code obi_mm} treats orders in flight: an order awaiting its
 * acknowledgement, or with a cancel in flight, holds its (side, price) and is not cancelled; at most one closing order
 * exists at a time. The book and parameters are {@link StatelessMmExamplesTest}'s (desired grid with alpha 1.5, vol
 * 0.0002, position 0.02: bids 499825, 499820, 499815; asks 500226, 500231, 500236).
 */
class OrdersInFlightTest {

    private static ActiveOrder awaitingAck(long id, Side side, long ticks) {
        return new ActiveOrder(id, side, ticks, 0.01, false, true);
    }

    @Test
    void anOrderNotYetAcknowledgedIsCancelledOnlyOnceAcknowledged() {
        // a bid at 499800 is off the grid: not cancellable while its ack is on its way, so it is left alone
        StrategyInput sent = input(1.5, 0.0002, false, 0.02, List.of(awaitingAck(1, Side.BUY, 499800)), DESIGN);
        StrategyOutput early = StatelessMm.decide(sent);
        assertEquals(List.of(), early.cancelOrders());
        assertEquals(List.of(499825L, 499820L, 499815L), ticks(early.newBids()));
        // once acknowledged it is cancelled
        StrategyOutput acked =
                StatelessMm.decide(sent.withActiveOrders(List.of(new ActiveOrder(1, Side.BUY, 499800, 0.01))));
        assertEquals(List.of(1L), acked.cancelOrders());
        // the halted path too leaves an unacknowledged order for later
        StrategyOutput halted = StatelessMm.decide(input(
                Double.NaN,
                0.0002,
                false,
                0.02,
                List.of(awaitingAck(1, Side.BUY, 499800), new ActiveOrder(2, Side.SELL, 500226, 0.01)),
                DESIGN));
        assertEquals(StrategyMode.HALTED, halted.mode());
        assertEquals(List.of(2L), halted.cancelOrders());
    }

    @Test
    void aCancelInFlightHoldsItsPriceWhileTheGridKeepsWantingIt() {
        // order 1 at the top bid level has a cancel in flight (sent on an earlier tick when the grid had moved away);
        // the grid is back at 499825: nothing new is sent there until the venue answers, and it is not cancelled again
        List<ActiveOrder> active = List.of(new ActiveOrder(1, Side.BUY, 499825, 0.01, false, true));
        StrategyOutput out = StatelessMm.decide(input(1.5, 0.0002, false, 0.02, active, DESIGN));
        assertEquals(List.of(), out.cancelOrders());
        assertEquals(List.of(499820L, 499815L), ticks(out.newBids()));
        assertEquals(List.of(500226L, 500231L, 500236L), ticks(out.newAsks()));
    }

    @Test
    void twoStopTicksInsideOneRoundTripSendOneClose() {
        // tick 1: short 0.018, stop on: one buy at ceil(50000.1) + 100 ticks = 500101
        StrategyOutput first = StatelessMm.decide(input(0, 0.0002, true, -0.018, List.of(), DESIGN));
        assertEquals(List.of(500101L), ticks(first.newBids()));
        // tick 2, 100 ms later, the close still in flight (not acknowledged, a plain limit): the ask has moved, so the
        // close it would send now is at another price; it must not send a second one, nor cancel the first
        ActiveOrder close = new ActiveOrder(7, Side.BUY, 500101, 0.018, false, false);
        StrategyInput second = new StrategyInput(
                0,
                0.0002,
                true,
                50010.0,
                50010.1,
                50010.05,
                -0.018,
                List.of(close, new ActiveOrder(8, Side.SELL, 500226, 0.01)),
                DESIGN);
        StrategyOutput out = StatelessMm.decide(second);
        assertEquals(List.of(), out.newBids());
        assertEquals(List.of(), out.newAsks());
        assertEquals(List.of(8L), out.cancelOrders());
        // acknowledged and still resting (the market ran away from it), it is still the one close: kept, none sent
        StrategyOutput acked = StatelessMm.decide(
                second.withActiveOrders(List.of(new ActiveOrder(7, Side.BUY, 500101, 0.018, true, false))));
        assertTrue(acked.isEmpty(), acked.toString());
        // a post-only quote on the closing side is not a close: it is cancelled and the close is sent
        StrategyOutput quote =
                StatelessMm.decide(second.withActiveOrders(List.of(new ActiveOrder(9, Side.BUY, 500090, 0.01))));
        assertEquals(List.of(9L), quote.cancelOrders());
        assertEquals(List.of(500201L), ticks(quote.newBids()));
        // fills of quotes in flight turned a long over to this short while its sell close is still on its way: that
        // close is the one closing order; no buy goes out until the venue has answered for it
        StrategyOutput turned = StatelessMm.decide(
                second.withActiveOrders(List.of(new ActiveOrder(5, Side.SELL, 499900, 0.018, false, false))));
        assertTrue(turned.isEmpty(), turned.toString());
    }
}
