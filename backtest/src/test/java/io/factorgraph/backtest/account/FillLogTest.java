package io.factorgraph.backtest.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.execution.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillLogTest {
    private static final PriceGrid GRID = new PriceGrid(0.1, 0.001);

    @Test
    void keepsTicksAndLotsAndGivesTheGridsDoubles() {
        FillLog log = new FillLog(GRID, 0);
        log.add(7, Side.SELL, 618_002, 1_500, -0.25, true, 100, 120);
        log.add(8, Side.BUY, 3, 1, 0.5, false, Fill.UNKNOWN_TIME, 130);
        assertEquals(
                List.of(
                        new Fill(7, Side.SELL, 618_002, 61800.2, 1_500, 1.5, -0.25, true, 100, 120),
                        new Fill(8, Side.BUY, 3, 0.3, 1, 0.001, 0.5, false, Fill.UNKNOWN_TIME, 130)),
                log.toList());
        assertEquals(List.of(61800.2, 0.3), List.of(log.prices()[0], log.prices()[1]));
        assertEquals(120, log.localTimes()[0]);
    }

    @Test
    void anImmutableCopyIsTrimmedUnchangedByLaterAppendsAndRefusesItsOwn() {
        FillLog log = new FillLog(GRID, 4);
        for (int i = 0; i < 40; i++) { // past the capacity: the columns grow
            log.add(i, i % 2 == 0 ? Side.BUY : Side.SELL, 1000 + i, 1 + i, 0.0, i % 3 == 0, i, i + 5);
        }
        FillLog copy = log.immutableCopy();
        log.add(40, Side.BUY, 1, 1, 0.0, true, 50, 55);
        assertEquals(40, copy.size());
        assertEquals(41, log.size());
        assertEquals(log.toList().subList(0, 40), copy.toList());
        assertThrows(UnsupportedOperationException.class, () -> copy.add(1, Side.BUY, 1, 1, 0.0, true, 1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> copy.get(40));
    }
}
