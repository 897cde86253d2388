package io.factorgraph.nodes.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InputHandle;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.spi.WindowCapacityException;
import io.factorgraph.runtime.spi.WindowLength;
import io.factorgraph.testkit.allocation.AllocationMeter;
import org.junit.jupiter.api.Test;

/** Memory of duration windows (docs/DESIGN.md §11): sized from the clock, bounded without one, no allocation per tick. */
class DurationWindowRuntimeTest {
    private static final long MS = 1_000_000L;
    private static final String EVERY_WINDOW = """
            input x: double
            a = rolling_mean(x, 60s)
            b = rolling_std(x, 60s)
            c = rolling_sum(x, 60s)
            d = rolling_min(x, 60s)
            e = rolling_max(x, 60s)
            f = zscore(x, 60s)
            g = volatility(x, 60s)
            h = ewm_mean_halflife(x, 10s)
            i = ewm_std_halflife(x, 10s)
            out = a + b + c + d + e + f + g + h + i
            output out
            """;

    @Test
    void onItsClockADurationWindowIsSizedOnceAndNeverGrows() {
        SampleRing ring = new SampleRing(WindowLength.nanos(60_000 * MS), 100 * MS, "test");
        assertEquals(601, ring.capacity());
        long t = 1_723_161_300_000_000_000L;
        for (int i = 0; i < 5_000; i++, t += 100 * MS) {
            while (ring.hasExpired(t)) {
                ring.removeOldest();
            }
            ring.add(t, i);
        }
        assertEquals(600, ring.size(), "(t - 60s, t] holds 600 ticks of 100ms");
        assertEquals(601, ring.capacity());
        assertEquals(4_400.0, ring.fromOldest(0));
    }

    /** A run may sample faster than the file's clock ({@code --interval}): the ring then grows, it does not fail. */
    @Test
    void onAFinerClockThanTheFilesTheRingGrows() {
        SampleRing ring = new SampleRing(WindowLength.nanos(60_000 * MS), 100 * MS, "test");
        long t = 0;
        for (int i = 0; i < 7_000; i++, t += 10 * MS) {
            while (ring.hasExpired(t)) {
                ring.removeOldest();
            }
            ring.add(t, i);
        }
        assertEquals(6_000, ring.size());
        assertTrue(ring.capacity() >= 6_000, "capacity " + ring.capacity());
        assertEquals(1_000.0, ring.fromOldest(0));
    }

    @Test
    void aDurationWindowAllocatesNothingPerTickOnAClock() {
        assertEquals(0, bytesPerRun("clock every 100ms\n", new long[] {100 * MS}));
    }

    /** Without a clock the rings grow to the densest window seen, once; after that a tick allocates nothing. */
    @Test
    void withoutAClockADurationWindowAllocatesNothingOnceItHasGrown() {
        // Bursts of equal times, short gaps, and a silence longer than the window.
        assertEquals(0, bytesPerRun("", new long[] {0, 0, 0, 3 * MS, 0, 250 * MS, 1, 70_000 * MS, 40 * MS}));
    }

    private static long bytesPerRun(String clock, long[] gaps) {
        CompiledGraph graph = FgCompiler.standard()
                .compile("every.fg", EVERY_WINDOW.replace("input x: double\n", "input x: double\n" + clock))
                .orElseThrow();
        GraphInstance instance = graph.newInstance();
        InputHandle x = graph.input("x");
        OutputHandle out = graph.output("out");
        long[] time = {1_723_161_300_000_000_000L};
        double[] checksum = new double[1];
        long bytes = AllocationMeter.bytesAllocatedBy(3, () -> {
            for (int i = 0; i < 100_000; i++) {
                instance.set(x, i % 97 == 0 ? Double.NaN : 61800 + (i % 17) * 0.1);
                time[0] += gaps[i % gaps.length];
                instance.onTick(time[0]);
                checksum[0] += instance.value(out);
            }
        });
        assertTrue(checksum[0] != 0);
        return bytes;
    }

    @Test
    void aWindowOverItsCapStopsTheRunWithOneLineNamingTheNodeTheWindowAndTheCap() {
        CompiledGraph graph = FgCompiler.standard()
                .compile("w.fg", "input x: double\nslow = rolling_mean(x, 60s)\n")
                .orElseThrow();
        GraphInstance instance = graph.newInstance();
        InputHandle x = graph.input("x");
        WindowCapacityException e = assertThrows(WindowCapacityException.class, () -> {
            for (int i = 0; i <= WindowLength.MAX_SAMPLES_WITHOUT_CLOCK; i++) {
                instance.set(x, i);
                instance.onTick(1_000 + i); // a million samples within one microsecond of each other
            }
        });
        assertEquals(
                "rolling_mean(window=1m) 'slow' at 2:8: more than 1048576 samples within its window of 1m (the cap of"
                        + " a duration window); add a clock (clock every D) or use a shorter window",
                e.getMessage());
        assertEquals(WindowLength.MAX_SAMPLES_WITHOUT_CLOCK, e.cap());
    }

    @Test
    void minAndMaxStopAtTheCapToo() {
        RollingMax max = new RollingMax(WindowLength.nanos(1_000), 0, "rolling_max(window=1us)");
        assertThrows(WindowCapacityException.class, () -> {
            for (int i = 0; i <= WindowLength.MAX_SAMPLES_WITHOUT_CLOCK; i++) {
                max.onValue(5, -i); // decreasing: every value stays a candidate
            }
        });
    }
}
