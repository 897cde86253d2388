package io.factorgraph.testkit.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllocationMeterTest {
    static Object sink;

    @Test
    void codeThatAllocatesEveryRunIsCaught() {
        long bytes = AllocationMeter.bytesAllocatedBy(2, () -> {
            for (int i = 0; i < 1000; i++) {
                sink = new long[8];
            }
        });
        assertTrue(bytes >= 1000 * 64, "1000 arrays of 8 longs are at least 64 KB, measured " + bytes);
    }

    @Test
    void arithmeticAllocatesNothing() {
        long[] acc = new long[1];
        assertEquals(0, AllocationMeter.bytesAllocatedBy(2, () -> {
            for (int i = 0; i < 100_000; i++) {
                acc[0] += i * 31L;
            }
        }));
    }
}
