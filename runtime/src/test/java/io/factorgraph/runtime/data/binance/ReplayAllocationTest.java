package io.factorgraph.runtime.data.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Replay allocates nothing per event once warm: reading the gzip feed, parsing, synchronising and
 * applying to the book, measured with the thread's allocation counter over the second half of a real
 * file (the first half grows the buffers and the book to their working size and gets the code compiled).
 */
class ReplayAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final long MEASURED_UNTIL = 598_000;

    @Test
    void steadyStateReplayOfARealFileAllocatesNothing() throws MarketDataException {
        // A first pass compiles the whole path and grows the book's arrays to the file's depth (5,018 bid
        // levels): growing them is warm-up, not per-event allocation.
        OrderBook book = new OrderBook();
        replay(book, Long.MAX_VALUE);
        book.clear();
        long allocated = replay(book, 300_000);
        assertEquals(0, allocated, "bytes allocated from event 300,000 to 598,000 of usdm_btcusdt_20240808.gz");
    }

    /**
     * Replays the file and returns the bytes this thread allocated from event {@code warmup} to event
     * {@value #MEASURED_UNTIL} (of 598,755): the end of the file, where the reader closes it, is not per-event work.
     */
    private static long replay(OrderBook book, long warmup) throws MarketDataException {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        long thread = Thread.currentThread().threadId();
        long events = 0;
        long before = 0;
        long after = 0;
        double checksum = 0;
        try (BookReplay replay =
                new BookReplay(BinanceFeedReader.open(RecordedData.file("usdm_btcusdt_20240808.gz")), book)) {
            MarketEvent e = replay.event();
            while (replay.next()) {
                if (++events == warmup) {
                    before = THREADS.getThreadAllocatedBytes(thread);
                } else if (events == MEASURED_UNTIL) {
                    after = THREADS.getThreadAllocatedBytes(thread);
                }
                checksum += e.px() + (book.isReady() ? book.bestBid() : 0);
            }
        }
        assertTrue(checksum > 0);
        return warmup < MEASURED_UNTIL && MEASURED_UNTIL <= events ? after - before : 0;
    }
}
