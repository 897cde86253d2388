package io.factorgraph.backtest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.testkit.allocation.AllocationMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyntheticMarketAllocationTest {
    private static final int CALLS = 50_000;

    /**
     * In steady state, {@code next()} allocates nothing. Steady state here means that the opening snapshot has
     * sized the buffers and every code path, down to the rare recentring of the model's price window, has run
     * once (the first run of a path can cost the JVM a one-off allocation as it links it). The best of three
     * measurements must be 0: one may catch a one-off allocation of the JVM's own (a deoptimisation), while an
     * allocation per event would show in all three as at least {@value #CALLS} × 16 bytes.
     */
    @Test
    void nextAllocatesNothingInSteadyState() {
        SyntheticMarket market = new SyntheticMarket(SyntheticMarket.Config.defaults()
                .withDuration(Duration.ofHours(6))
                .withShocks(s -> s.withRate(0.05).withMeanTicks(2000.0)));
        long base = market.ladder().base();
        long warmup = 0;
        while ((market.ladder().base() == base || warmup < CALLS) && market.next()) {
            warmup++;
        }
        assertTrue(market.ladder().base() != base && market.shockCount() > 0, "the warm-up recentred the window");
        AllocationMeter.Body calls = () -> {
            for (int i = 0; i < CALLS; i++) {
                if (!market.next()) {
                    throw new AssertionError("the stream ended early");
                }
            }
        };
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && best > 0; attempt++) {
            best = Math.min(best, AllocationMeter.bytesAllocatedBy(attempt == 0 ? 3 : 0, calls));
        }
        assertEquals(0, best, "bytes allocated by " + CALLS + " calls of next()");
    }
}
