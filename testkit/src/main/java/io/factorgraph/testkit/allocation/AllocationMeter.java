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

    private AllocationMeter() {
    }

    /** Something to measure; a plain interface so that measuring it adds no allocation of its own. */
    @FunctionalInterface
    public interface Body {
        void run();
    }

    /**
     * Runs {@code body} {@code warmups} times (so class loading and lazy initialisation are done),
     * then once more, and returns the bytes that last run allocated.
     */
    public static long bytesAllocatedBy(int warmups, Body body) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        body.run();
        long after = THREADS.getCurrentThreadAllocatedBytes();
        long calibration = THREADS.getCurrentThreadAllocatedBytes() - after;
        return Math.max(0, after - before - calibration);
    }
}
