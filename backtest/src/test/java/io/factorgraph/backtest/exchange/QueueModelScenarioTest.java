package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.exchange.queue.QueueModel;
import io.factorgraph.runtime.execution.Side;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queue position under every queue model, on scripted markets with the expected queue and fills worked out by hand
 * (in the comments). Venue: {@link Tape#CONFIG} (tick 0.1, lot 0.01, entry 10 ns, response 20 ns). The bid level
 * 100.0 holds 5; our buy joins it.
 */
class QueueModelScenarioTest {
    private static final double EPS = 1e-9;

    private static SimulatorConfig config(String model, FillMode mode) {
        return Tape.CONFIG.withQueueModel(QueueModel.parse(model)).withFillMode(mode);
    }

    @Test
    void riskAverseJoinsBehindFiveAndFillsOnTheSecondTradeOfThree() {
        // 5 ahead; a sell trade of 3 at our price leaves 2 ahead; the next 3 go 1 past us: filled, as a maker at 100.0
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .trade(300, Side.SELL, 100.0, 3)
                .trade(400, Side.SELL, 100.0, 3)
                .simulator(config("risk-averse", FillMode.NO_PARTIAL));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200); // arrives 210
        sim.advanceTo(210);
        assertEquals(5.0, sim.queueAhead(id), EPS);
        sim.advanceTo(300);
        assertEquals(2.0, sim.queueAhead(id), EPS);
        assertEquals(0, sim.fills().size());
        sim.advanceTo(400);
        assertEquals(
                List.of(new Fill(id, Side.BUY, 1000, 100.0, 100, 1.0, 0.0, true, 400, 420)),
                sim.fills().toList());
        assertEquals(0, sim.restingOrders());
    }

    @Test
    void riskAverseNeedsTheTradesToGoAtLeastOneLotPastTheQueue() {
        // 5 ahead; trades of 3 and 2 leave exactly 0 ahead: not filled; one more lot (0.01) goes past us: filled
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .trade(300, Side.SELL, 100.0, 3)
                .trade(400, Side.SELL, 100.0, 2)
                .trade(500, Side.SELL, 100.0, 0.01)
                .simulator(config("risk-averse", FillMode.NO_PARTIAL));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(499);
        assertEquals(0.0, sim.queueAhead(id), EPS);
        assertEquals(0, sim.fills().size());
        sim.advanceTo(500);
        assertEquals(1, sim.fills().size());
        assertEquals(500, sim.fills().exchTime(0));
        assertEquals(100, sim.fills().lots(0)); // no partial fills: the whole order
    }

    @Test
    void riskAverseMovesOnlyWhenTheLevelShrinksBelowTheQueueAhead() {
        // 5 ahead: level 5 -> 4 (cancels) gives min(5, 4) = 4 ahead; 4 -> 9 (joins) keeps 4; trades of 3: 1; then -2
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .depth(300, Side.BUY, 100.0, 4)
                .depth(400, Side.BUY, 100.0, 9)
                .trade(500, Side.SELL, 100.0, 3)
                .trade(600, Side.SELL, 100.0, 3)
                .simulator(config("risk-averse", FillMode.NO_PARTIAL));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(300);
        assertEquals(4.0, sim.queueAhead(id), EPS);
        sim.advanceTo(400);
        assertEquals(4.0, sim.queueAhead(id), EPS);
        sim.advanceTo(500);
        assertEquals(1.0, sim.queueAhead(id), EPS);
        sim.advanceTo(600);
        assertEquals(1, sim.fills().size());
        assertEquals(600, sim.fills().exchTime(0));
    }

    /**
     * Level 5 (we join behind it, 5 ahead), then 5 -> 8 (3 join behind us), then 8 -> 6: a decrease of 2 with nothing
     * traded, front 5 and back 3 (in BTC-like units: lot 0.01). Then a sell trade of 3 at our price and sell trades of
     * 0.5, one per 100 ns; no partial fills: the order fills on the first trade that takes the queue ahead below -0.01.
     *
     * <p>New front {@code = min(front - (1-p) chg + min(back - p chg, 0), 6)} with chg = 2:
     * <ul>
     *   <li>risk-averse: min(5, 6) = 5; after the 3: 2; then 1.5, 1.0, 0.5, 0.0, -0.5: the 5th small trade.
     *   <li>power:2: p = 3²/(3²+5²) = 9/34; front = 5 - (25/34)·2 = 60/17 = 3.5294; after 3: 0.5294; 0.0294, -0.4706: 2nd.
     *   <li>power:3: p = 27/(27+125) = 27/152; front = 5 - (125/152)·2 = 255/76 = 3.3553; 0.3553; -0.1447: 1st.
     *   <li>power2:2: p = 3²/8² = 9/64; front = 5 - (55/64)·2 = 3.28125; 0.28125; -0.21875: 1st.
     *   <li>power3:2: p = 1 - (5/8)² = 39/64; front = 5 - (25/64)·2 + min(3 - 78/64, 0) = 4.21875; 1.21875; 0.71875,
     *       0.21875, -0.28125: 3rd.
     *   <li>log: p = ln4/(ln4+ln6); front = 5 - 2·ln6/ln24 = 5 - 2·0.5637914160 = 3.8724171679; 0.8724; 0.3724, -0.1276:
     *       2nd.
     *   <li>log2: p = ln4/ln9 = 0.6309297536; front = 5 - 2·(1 - 0.6309297536) = 4.2618595071; 1.2619; 0.7619, 0.2619,
     *       -0.2381: 3rd.
     * </ul>
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "risk-averse, 5.0,          5",
        "power:2,     3.5294117647, 2",
        "power:3,     3.3552631579, 1",
        "power2:2,    3.28125,      1",
        "power3:2,    4.21875,      3",
        "log,         3.8724171679, 2",
        "log2,        4.2618595071, 3"
    })
    void aDepthDecreaseMovesTheQueuePerModel(String model, double frontAfterDecrease, int fillingSmallTrade) {
        Tape tape = new Tape()
                .standardBook(100)
                .depth(300, Side.BUY, 100.0, 8)
                .depth(400, Side.BUY, 100.0, 6)
                .trade(500, Side.SELL, 100.0, 3);
        for (int k = 1; k <= 6; k++) {
            tape.trade(500 + 100L * k, Side.SELL, 100.0, 0.5);
        }
        ExchangeSimulator sim = tape.simulator(config(model, FillMode.NO_PARTIAL));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(300);
        assertEquals(5.0, sim.queueAhead(id), EPS, "a level growing behind us does not move us");
        sim.advanceTo(400);
        assertEquals(frontAfterDecrease, sim.queueAhead(id), 1e-9);
        sim.advanceTo(500);
        assertEquals(frontAfterDecrease - 3, sim.queueAhead(id), 1e-9);
        long fillTime = 500 + 100L * fillingSmallTrade;
        sim.advanceTo(fillTime - 1);
        assertEquals(0, sim.fills().size(), "not filled before small trade " + fillingSmallTrade);
        sim.advanceTo(fillTime);
        assertEquals(
                List.of(new Fill(id, Side.BUY, 1000, 100.0, 100, 1.0, 0.0, true, fillTime, fillTime + 20)),
                sim.fills().toList());
    }

    @Test
    void partialFillsUnderPowerThreeTakeOnlyWhatGoesPastTheQueue() {
        // As above under power:3: 255/76 = 3.3553 ahead, 0.3553 after the trade of 3 (35.53 lots). Order 1.0 (100
        // lots).
        // 0.5 at 600: front 35.53 - 50 = -14.47 lots: 14 lots (0.14) execute; we keep the front with 0.86 left.
        // 0.5 at 700: front 0 - 50: 50 lots (0.5) execute, 0.36 left. 0.5 at 800: 36 lots (0.36) execute: filled.
        Tape tape = new Tape()
                .standardBook(100)
                .depth(300, Side.BUY, 100.0, 8)
                .depth(400, Side.BUY, 100.0, 6)
                .trade(500, Side.SELL, 100.0, 3);
        for (int k = 1; k <= 4; k++) {
            tape.trade(500 + 100L * k, Side.SELL, 100.0, 0.5);
        }
        ExchangeSimulator sim = tape.simulator(config("power:3", FillMode.PARTIAL));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(640);
        assertEquals(0.0, sim.queueAhead(id), EPS);
        assertEquals(1, sim.orders().size());
        assertEquals(OrderStatus.PARTIALLY_FILLED, sim.orders().status(0));
        assertEquals(86, sim.orders().leavesLots(0));
        assertEquals(0.14, sim.account().position(), 0.0);
        sim.advanceTo(2000);
        assertEquals(
                List.of(
                        new Fill(id, Side.BUY, 1000, 100.0, 14, 0.14, 0.0, true, 600, 620),
                        new Fill(id, Side.BUY, 1000, 100.0, 50, 0.5, 0.0, true, 700, 720),
                        new Fill(id, Side.BUY, 1000, 100.0, 36, 0.36, 0.0, true, 800, 820)),
                sim.fills().toList());
        assertEquals(0, sim.orders().size());
        assertEquals(100, sim.account().positionLots());
    }

    @Test
    void theProbabilisticModelDoesNotCountATradeTwiceWhenTheDepthShowsIt() {
        // power:2. Level 5 -> 8 (3 behind us). A trade of 2 at our price: front 3, traded 2. Then the level shows 8 ->
        // 6,
        // which is that trade: chg = 8 - 6 - 2 = 0, so nothing more moves: front stays 3.
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .depth(300, Side.BUY, 100.0, 8)
                .trade(400, Side.SELL, 100.0, 2)
                .depth(450, Side.BUY, 100.0, 6)
                .simulator(config("power:2", FillMode.NO_PARTIAL));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(400);
        assertEquals(3.0, sim.queueAhead(id), EPS);
        sim.advanceTo(450);
        assertEquals(3.0, sim.queueAhead(id), EPS);
    }

    @Test
    void aTradeAndTheDepthChangeItCausesAreAppliedTradeFirstWhenStampedAlike() {
        // Level 10 at 100.0 (we join behind 10). A sell trade of 3 and the level's 10 -> 7 carry the same exchange time
        // 300; the depth message is received first. Trade first: 10 - 3 = 7 ahead, then min(7, 7) = 7. (Depth first
        // would give min(10, 7) = 7, then 7 - 3 = 4: the trade counted twice.)
        ExchangeSimulator sim = new Tape()
                .snapshot(100, new double[][] {{100.0, 10}}, new double[][] {{100.1, 4}})
                .depth(300, 301, Side.BUY, 100.0, 7)
                .trade(300, 302, Side.SELL, 100.0, 3)
                .simulator(config("risk-averse", FillMode.NO_PARTIAL));
        long id = sim.submit(Side.BUY, 1000, 1.0, TimeInForce.GTX, 200);
        sim.advanceTo(210);
        assertEquals(10.0, sim.queueAhead(id), EPS);
        sim.advanceTo(400);
        assertEquals(7.0, sim.queueAhead(id), EPS);
    }

    @Test
    void anOrderAtANewLevelIsAtTheFrontAndFillsOnTheFirstTradeThere() {
        // 99.8 has no quantity in the book: nothing ahead of us there; a sell trade of 0.01 at 99.8 fills us.
        ExchangeSimulator sim = new Tape()
                .standardBook(100)
                .trade(300, Side.SELL, 99.8, 0.01)
                .simulator(config("risk-averse", FillMode.NO_PARTIAL));
        long id = sim.submit(Side.BUY, 998, 0.5, TimeInForce.GTX, 200);
        sim.advanceTo(299);
        assertEquals(0.0, sim.queueAhead(id), EPS);
        sim.advanceTo(300);
        assertEquals(1, sim.fills().size());
        assertEquals(50, sim.fills().lots(0));
        assertTrue(sim.fills().maker(0));
        sim.advanceTo(319);
        assertTrue(sim.orders().isActive(id), "the fill report is still on its way");
        sim.advanceTo(320);
        assertFalse(sim.orders().isActive(id));
    }
}
