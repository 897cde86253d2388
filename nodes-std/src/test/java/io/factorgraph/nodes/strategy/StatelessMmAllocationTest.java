package io.factorgraph.nodes.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.allocation.AllocationMeter;
import org.junit.jupiter.api.Test;

/** The reusable form allocates nothing per decision, measured in bytes over 10^5 decisions. */
class StatelessMmAllocationTest {

    @Test
    void decidingIntoAReusedOutputAllocatesNothing() {
        StrategyParams params = new StrategyParams(0.1, 0.01, 0.1, 0.0002, 0.00005, 0.0001, 1.0, 0.0001, 5, 0.5, 100);
        ActiveOrders active = new ActiveOrders(32);
        OrderDiff out = new OrderDiff(params.gridNum(), 32);
        long[] checksum = new long[1];
        int[] modes = new int[StrategyMode.values().length];
        long bytes = AllocationMeter.bytesAllocatedBy(3, () -> {
            for (int i = 0; i < 100_000; i++) {
                // a moving book and factors, a position walking across both limits, a stop now and
                // then, an occasional NaN, and an active set that overlaps the grid with duplicates
                double bestBid = 50_000.0 + (i % 37) * 0.1;
                double bestAsk = bestBid + 0.1 * (1 + i % 3);
                double mid = (bestBid + bestAsk) * 0.5;
                double alpha = i % 101 == 0 ? Double.NaN : ((i % 29) - 14) * 0.2;
                double vol = 0.0001 * (1 + (i % 7));
                double position = ((i % 25) - 12) * 0.01;
                boolean stop = i % 53 == 0;
                active.clear();
                for (int k = 0; k < 24; k++) {
                    boolean bid = (k & 1) == 0;
                    long ticks = bid ? 499_800 + (i + k * 5) % 300 : 500_100 + (i + k * 5) % 300;
                    active.add(i * 32L + k, bid, ticks, 0.01);
                }
                StatelessMm.decide(alpha, vol, stop, bestBid, bestAsk, mid, position, active, params, out);
                modes[out.mode().ordinal()]++;
                checksum[0] += out.cancelCount() + out.keepCount() * 3L + out.bidCount() * 7L + out.askCount() * 11L;
                if (out.bidCount() > 0) {
                    checksum[0] += out.bidPriceTicks(0);
                }
            }
        });
        assertEquals(0, bytes, "bytes allocated over 10^5 decisions");
        assertTrue(checksum[0] != 0);
        for (StrategyMode mode : StrategyMode.values()) {
            assertTrue(modes[mode.ordinal()] > 0, "the loop exercises " + mode);
        }
    }
}
