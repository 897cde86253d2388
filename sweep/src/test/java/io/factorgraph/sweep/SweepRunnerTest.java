package io.factorgraph.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner on the recorded BTCUSDT feed: the rows do not depend on how the points are split over threads (each
 * chunk its own fused program and read), and the fused loop of 16 points allocates nothing per event or tick.
 */
class SweepRunnerTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final DataSpan SPAN = RecordedSweeps.SPAN;

    private static SweepRunner runner(Grid grid) {
        return RecordedSweeps.runner(grid, 5_000_000);
    }

    @Test
    void theRowsDoNotDependOnTheChunks() throws Exception {
        Grid grid = Grid.parse(List.of("half_spread=0.00001,0.00003", "c1=0,0.00002,0.00004"), 100, false);
        SweepRunner runner = runner(grid);
        List<SweepRow> one = runner.run(runner.compile(1), SPAN, SweepRunner.Progress.NONE);
        List<SweepRow> three = runner.run(runner.compile(3), SPAN, SweepRunner.Progress.NONE);
        assertEquals(6, one.size());
        for (int i = 0; i < one.size(); i++) {
            assertEquals(i, one.get(i).point().index());
            assertEquals(one.get(i).point(), three.get(i).point());
            assertEquals(
                    one.get(i).instruments().get(0).summary(),
                    three.get(i).instruments().get(0).summary(),
                    "point " + i);
        }
        assertTrue(
                one.get(0).instruments().get(0).summary().pnl()
                        != one.get(5).instruments().get(0).summary().pnl(),
                "the points differ");
    }

    @Test
    void sixteenFusedPointsAllocateNothingPerEventOrTick() throws Exception {
        Grid grid =
                Grid.parse(List.of("half_spread=0.00001:0.00004:0.00001", "skew=0.00001:0.00004:0.00001"), 100, false);
        SweepRunner runner = runner(grid);
        SweepRunner.Compiled compiled = runner.compile(1);
        List<Long> stretches = List.of();
        for (int i = 0; i < 3; i++) {
            stretches = measure(runner, compiled);
        }
        assertTrue(stretches.size() >= 6, "enough 65,536-event stretches: " + stretches);
        // The first stretch holds this run's warm-up, the last the end of the run; in between a buffer may double
        // once in a while (amortised, a few tens of KB in a run). One object per tick and point would be ~1 MB per
        // stretch here (65,536 events hold ~375 ticks, times 16 points, times even 16 bytes); per event, ~17 MB.
        List<Long> middle = stretches.subList(1, stretches.size() - 1);
        long clean = middle.stream().filter(b -> b == 0).count();
        long total = middle.stream().mapToLong(Long::longValue).sum();
        assertTrue(clean * 2 >= middle.size(), "most stretches allocate nothing: " + stretches);
        assertTrue(total < 100_000, "bytes per 65,536 events of 16 points: " + stretches);
    }

    /**
     * The bytes allocated between the runner's progress calls (every 65,536 events, on the chunk's thread: with one
     * chunk, this one), so setup and the summaries are outside the measured stretches.
     */
    private static List<Long> measure(SweepRunner runner, SweepRunner.Compiled compiled) throws Exception {
        long[] marks = new long[64];
        int[] count = {0};
        runner.run(compiled, SPAN, (points, events) -> {
            if (points < 0 && count[0] < marks.length) {
                marks[count[0]++] = THREADS.getCurrentThreadAllocatedBytes();
            }
        });
        List<Long> stretches = new ArrayList<>();
        for (int i = 1; i < count[0]; i++) {
            stretches.add(marks[i] - marks[i - 1]);
        }
        return stretches;
    }
}
