package io.factorgraph.runtime.data.fgev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading an {@code .fgev} file allocates nothing per event, through the cursor and with the book applied:
 * a whole pass over a real converted file (598,755 events) is measured with the thread's allocation
 * counter after warm-up passes, the least of a few measured passes (a JIT event landing in one pass is
 * not the reader's doing; per-event allocation shows in every pass).
 */
class EventFileAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    static Path dir;

    private static Path file;

    @BeforeAll
    static void convert() throws IOException, MarketDataException {
        file = dir.resolve("usdm.fgev");
        DataConverter.convert(RecordedData.files("usdm_btcusdt_20240808.gz"), GapPolicy.FAIL, file, null);
    }

    /** Something measured; returns a checksum so that the work is not dead code. */
    private interface Pass {
        double run(EventFileReader reader) throws MarketDataException;
    }

    @Test
    void readingThroughTheCursorAllocatesNothing() throws MarketDataException {
        assertEquals(
                0,
                leastAllocatedInAPass(0, reader -> {
                    MarketEvent e = reader.event();
                    double sum = 0;
                    while (reader.next()) {
                        sum += e.px() + e.localTs() + (e.endOfMessage() ? 1 : 0);
                    }
                    return sum;
                }),
                "bytes allocated reading 598,755 events after open");
    }

    @Test
    void replayingIntoABookAllocatesNothing() throws MarketDataException {
        OrderBook book = new OrderBook();
        assertEquals(
                0,
                leastAllocatedInAPass(WRAPPER_BYTES, reader -> {
                    book.clear();
                    BookReplay replay = new BookReplay(reader, book);
                    double sum = 0;
                    while (replay.next()) {
                        sum += book.isReady() ? book.bestBid() : 0;
                    }
                    return sum;
                }),
                "bytes allocated replaying 598,755 events into the book, beyond the BookReplay wrapper");
    }

    /**
     * Opens the file (not measured), then measures one pass; warm-up passes first. The least of the
     * measured passes, less {@code allowance} bytes for objects made once per pass.
     */
    private static long leastAllocatedInAPass(long allowance, Pass pass) throws MarketDataException {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        for (int i = 0; i < 3; i++) {
            try (EventFileReader reader = EventFileReader.open(file)) {
                assertTrue(pass.run(reader) != 0);
            }
        }
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5 && least > 0; i++) {
            try (EventFileReader reader = EventFileReader.open(file)) {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                double checksum = pass.run(reader);
                long after = THREADS.getCurrentThreadAllocatedBytes();
                assertTrue(checksum != 0);
                least = Math.min(least, Math.max(0, after - before - allowance));
            }
        }
        return least;
    }

    /** Allowance for per-pass (not per-event) objects: one {@link BookReplay} and its builder. */
    private static final long WRAPPER_BYTES = 256;
}
