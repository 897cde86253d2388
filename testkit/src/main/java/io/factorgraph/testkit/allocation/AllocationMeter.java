package io.factorgraph.testkit.allocation;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes the current thread allocates while it runs some code, so that a test can hold a
 * hot path to zero allocation by count rather than by timing. Uses HotSpot's per-thread allocation
 * counter ({@code com.sun.management.ThreadMXBean}), which is exact for TLAB allocations.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {}

    /** Something to measure; a plain interface so that measuring it adds no allocation of its own. */
    @FunctionalInterface
    public interface Body {
        void run();
    }

    /** Measured runs per call: the least is reported. */
    public static final int MEASURED_RUNS = 5;

    /**
     * Runs {@code body} {@code warmups} times (so class loading, lazy initialisation and most JIT
     * compilation are done), then measures up to {@link #MEASURED_RUNS} more runs and returns the
     * least any of them allocated. The least, because a JIT event that lands inside one run (a
     * deoptimisation re-materialising an object escape analysis had removed) allocates on this thread
     * without being the code's own doing; code that allocates per tick allocates in every run.
     */
    public static long bytesAllocatedBy(int warmups, Body body) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        long least = Long.MAX_VALUE;
        for (int run = 0; run < MEASURED_RUNS && least > 0; run++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            body.run();
            long after = THREADS.getCurrentThreadAllocatedBytes();
            long calibration = THREADS.getCurrentThreadAllocatedBytes() - after;
            least = Math.min(least, Math.max(0, after - before - calibration));
        }
        return least;
    }
}
