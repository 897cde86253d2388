package io.factorgraph.backtest.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.exchange.queue.QueueModel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backtest loop allocates nothing per event once warm: reading the recorded feed, feeding the simulator ahead,
 * the exchange side (timeline sort, book, queues, matching), reports to the strategy, the strategy quoting and
 * cancelling every 100 ms, accounting. Measured with the thread's allocation counter from event 300,000 to 598,000 of
 * the file (the first half grows the buffers to their working size and gets the code compiled); a first whole run
 * compiles the paths that only the second half would otherwise reach.
 *
 * <p>With the C2 compiler at work, a pass now and then shows a few dozen to a few hundred bytes at a random event,
 * differing from pass to pass; with C1 alone ({@code -XX:TieredStopAtLevel=1}) every pass measures 0, and with escape
 * analysis off as well, so these are the JIT's, not allocations of this code (which would show at the same events in
 * every pass). So the test asks for one pass of exactly 0 bytes among a few, and never more than a kilobyte in any:
 * allocating even one small object per event would cost megabytes in every pass.
 */
class AllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long FROM = 300_000;
    private static final long UNTIL = 598_000;

    @Test
    void steadyStateSimulationAllocatesNothing() throws Exception {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        measure(); // warm-up: compiles everything
        List<Long> passes = new ArrayList<>();
        for (int pass = 0; pass < 5; pass++) {
            long[] bytes = measure();
            passes.add(bytes[0]);
            assertTrue(
                    bytes[0] < 1024,
                    "bytes allocated from event 300,000 to 598,000 (with " + bytes[1] + " fills): " + passes);
            if (bytes[0] == 0) {
                return;
            }
        }
        assertEquals(List.of(0L), passes, "no pass of the steady state allocated nothing");
    }

    private static long[] measure() throws Exception {
        SimulatorConfig config =
                RealDataRun.BTC.withQueueModel(QueueModel.parse("power:3")).withFillMode(FillMode.PARTIAL);
        ExchangeSimulator sim = new ExchangeSimulator(RealDataRun.resolved(config), 1 << 14);
        long thread = Thread.currentThread().threadId();
        // slot 1 holds the reading at event FROM, slot 2 at UNTIL, slot 0 every other one: the hook reads the counter
        // at every event on one path, so that reaching UNTIL takes no branch never taken before (whose first run
        // would deoptimise the compiled hook, and the deoptimisation itself can allocate a few bytes)
        long[] at = new long[3];
        long[] fills = new long[3];
        RealDataRun.run(sim, 0, null, (i, e) -> {
            long bytes = THREADS.getThreadAllocatedBytes(thread);
            int slot = (i == FROM ? 1 : 0) + (i == UNTIL ? 2 : 0);
            at[slot] = bytes;
            fills[slot] = sim.fills().size();
        });
        assertTrue(fills[2] - fills[1] > 100, "the measured part has fills: " + (fills[2] - fills[1]));
        return new long[] {at[2] - at[1], fills[2] - fills[1]};
    }
}
