package io.factorgraph.backtest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.backtest.account.Fill;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.runtime.execution.Side;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BacktestRecorderTest {

    @Test
    void keepsEveryRowThroughGrowthAndComputesEquity() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE, 0, 0);
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            // position 2, cash 1000 − i, mid 100 + i/100 → equity 1000 − i + 2 × (100 + i/100)
            r.record(i * 10L, 100 + i / 100.0, 99, 101, 98, Double.NaN, 2, 1000 - i, i * 0.5);
            r.fill(i * 10L + 5, i % 2 == 0, 100 + i, 0.5, -0.01, i % 3 == 0, i);
        }
        assertEquals(n, r.recordCount());
        assertEquals(n, r.fillCount());
        Recording rec = r.finish(RunMetadata.empty());
        TimeSeries s = rec.series();
        assertEquals(n, s.size());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i * 10L, s.ts(i));
            assertEquals(100 + i / 100.0, s.mid(i));
            assertEquals(98, s.quoteBid(i));
            assertTrue(Double.isNaN(s.quoteAsk(i)));
            assertEquals(i * 0.5, s.fees(i));
            assertEquals(1000 - i + 2 * (100 + i / 100.0), s.equity(i));
            Fill f = rec.fills().get(i);
            assertEquals(
                    new Fill(
                            i,
                            i % 2 == 0 ? Side.BUY : Side.SELL,
                            (100 + i) * 10_000L,
                            100 + i,
                            5_000,
                            0.5,
                            -0.01,
                            i % 3 == 0,
                            Fill.UNKNOWN_TIME,
                            i * 10L + 5),
                    f);
            assertEquals(f.price() * 0.5, f.value());
        }
    }

    /** A recorder sized up front allocates nothing per record or fill (thread allocation counter). */
    @Test
    void presizedAppendsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        int n = 200_000;
        long thread = Thread.currentThread().threadId();
        for (int warm = 0; warm < 3; warm++) {
            // warm-up: get the appends and the counter compiled
            appendAll(new BacktestRecorder(TestGrid.FINE, n, n), n);
            threads.getThreadAllocatedBytes(thread);
        }
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE, n, n);
        long before = threads.getThreadAllocatedBytes(thread);
        appendAll(r, n);
        long after = threads.getThreadAllocatedBytes(thread);
        assertEquals(0, after - before, "bytes allocated by " + n + " records and fills");
        assertEquals(n, r.recordCount());
    }

    private static void appendAll(BacktestRecorder r, int n) {
        for (int i = 0; i < n; i++) {
            r.record(i, 100, 99.5, 100.5, 99, 101, i % 7, -i, 0.01 * i);
            r.fill(i, (i & 1) == 0, 100, 1, 0.01, true, i);
        }
    }

    @Test
    void finishIsASnapshotThatLaterAppendsDoNotChange() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE, 1, 1);
        r.record(1, 10, 9, 11, 9, 11, 0, 0, 0);
        r.fill(1, true, 10, 1, 0, true, 1);
        Recording first = r.finish(RunMetadata.empty());
        r.record(2, 12, 11, 13, 11, 13, 1, -10, 0);
        r.fill(2, false, 12, 1, 0, true, 2);
        Recording second = r.finish(RunMetadata.empty());
        assertEquals(1, first.series().size());
        assertEquals(1, first.fills().size());
        assertEquals(2, second.series().size());
        assertEquals(2, second.fills().size());
        assertEquals(
                List.of(first.series().sample(0), second.series().sample(1)),
                second.series().samples());
    }

    @Test
    void rejectsTimeGoingBackwardsWithinAStream() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        r.record(100, 1, 1, 1, 1, 1, 0, 0, 0);
        r.record(100, 1, 1, 1, 1, 1, 0, 0, 0); // equal times are fine
        assertThrows(IllegalArgumentException.class, () -> r.record(99, 1, 1, 1, 1, 1, 0, 0, 0));
        r.fill(50, true, 1, 1, 0, true, 1); // fills are their own stream: may be before the last record
        assertThrows(IllegalArgumentException.class, () -> r.fill(49, true, 1, 1, 0, true, 2));
        assertEquals(2, r.recordCount());
        assertEquals(1, r.fillCount());
    }

    @Test
    void rejectsMeaninglessFills() {
        BacktestRecorder r = new BacktestRecorder(TestGrid.FINE);
        assertThrows(IllegalArgumentException.class, () -> r.fill(1, true, Double.NaN, 1, 0, true, 1));
        assertThrows(IllegalArgumentException.class, () -> r.fill(1, true, 1, 0, 0, true, 1));
        assertThrows(IllegalArgumentException.class, () -> r.fill(1, true, 1, -1, 0, true, 1));
        assertThrows(IllegalArgumentException.class, () -> r.fill(1, true, 1, Double.POSITIVE_INFINITY, 0, true, 1));
        assertThrows(IllegalArgumentException.class, () -> r.fill(1, true, 1, 1, Double.NaN, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new BacktestRecorder(TestGrid.FINE, -1, 0));
        IllegalArgumentException offGrid =
                assertThrows(IllegalArgumentException.class, () -> new BacktestRecorder(new PriceGrid(0.1, 0.001))
                        .fill(1, true, 100.05, 1, 0, true, 1));
        assertTrue(offGrid.getMessage().contains("100.05"), offGrid.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.fill(1, 1, 1, Side.BUY, 1000, 0, 0.0, true));
        assertEquals(0, r.fillCount());
        assertEquals(0, r.fillCount());
    }

    @Test
    void metadataIsFrozenAndOrdered() {
        RunMetadata m = RunMetadata.builder()
                .graphFile("a.fg")
                .dataFile("x.gz")
                .dataFile("y.gz")
                .param("z", "1")
                .param("a", "2")
                .fees(-0.0001, 0.0004)
                .seed(9)
                .wallTime(Duration.ofSeconds(3))
                .eventsProcessed(12)
                .extra("symbol", "BTCUSDT")
                .build();
        assertEquals(List.of("x.gz", "y.gz"), m.dataFiles());
        assertEquals(List.of("z", "a"), List.copyOf(m.params().keySet()));
        assertEquals(OptionalLong.of(9), m.seed());
        assertThrows(UnsupportedOperationException.class, () -> m.params().put("b", "3"));
        assertThrows(UnsupportedOperationException.class, () -> m.dataFiles().add("w"));
        RunMetadata empty = RunMetadata.empty();
        assertEquals("", empty.graphFile());
        assertFalse(empty.seed().isPresent());
        assertEquals(Duration.ZERO, empty.wallTime());
    }
}
