package io.factorgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.ipc.Hop;
import io.factorgraph.bench.ipc.HopEnd;
import io.factorgraph.bench.ipc.HopLink;
import io.factorgraph.bench.ipc.HopMessages;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The IPC hop benchmark without JMH: every hop's echo decodes to exactly what was sent (every field, doubles to the
 * bit), round trip after round trip; neither the calling thread nor the echo thread allocates on a round trip (a byte
 * count, not a timing); the driver's directory is gone afterwards. No timing is asserted.
 */
class IpcHopBenchTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static HopMessages messages;

    @BeforeAll
    static void load() {
        messages = HopMessages.load(BenchData.DEFAULT_FILE);
    }

    /**
     * Bytes allocated by the calling thread and by the echo thread over 2,000 round trips, the least of 5 runs after 3
     * warm-up runs each: a JIT event that lands in one run (a deoptimisation re-materialising an object) is not the
     * code's own doing, code that allocates per message allocates in every run.
     */
    private static long[] leastAllocated(HopLink link) {
        THREADS.setThreadAllocatedMemoryEnabled(true);
        long caller = Thread.currentThread().threadId();
        long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int run = 0; run < 8; run++) {
            long callerBefore = THREADS.getThreadAllocatedBytes(caller);
            long echoBefore = THREADS.getThreadAllocatedBytes(link.echoThreadId());
            for (int i = 0; i < 2_000; i++) {
                link.roundTrip();
            }
            long callerBytes = THREADS.getThreadAllocatedBytes(caller) - callerBefore;
            long echoBytes = THREADS.getThreadAllocatedBytes(link.echoThreadId()) - echoBefore;
            if (run >= 3) {
                least[0] = Math.min(least[0], callerBytes);
                least[1] = Math.min(least[1], echoBytes);
            }
        }
        return least;
    }

    @Test
    void theMessagesAreRealOnes() {
        assertTrue(messages.batch().length > 10, "a recorded message's events: " + messages.batch().length);
        assertTrue(messages.batch()[messages.batch().length - 1].endOfMessage(), "the batch ends a message");
        assertEquals(3, messages.update().size(), "obi_mm's outputs");
        assertEquals(3, messages.sinkArguments().length, "stateless_mm's stream arguments");
        assertTrue(messages.update().bestBid() > 10_000
                && messages.update().bestAsk() > messages.update().bestBid());
        assertTrue(messages.length(Hop.MARKET_DATA) > 10 * messages.length(Hop.ORDER));
        assertEquals(messages.length(Hop.MARKET_DATA), messages.length(Hop.PING_BATCH));
        assertEquals(
                Math.max(
                        messages.length(Hop.FACTORS),
                        Math.max(messages.length(Hop.ORDER), messages.length(Hop.REPORT))),
                messages.length(Hop.PING));
    }

    @ParameterizedTest
    @EnumSource(Hop.class)
    void theEchoDecodesToWhatWasSentAndNothingIsAllocated(Hop hop) {
        Path directory;
        try (HopLink link = HopLink.open(hop, messages)) {
            directory = Path.of(link.directory());
            assertTrue(Files.isDirectory(directory), "the driver's directory " + directory);
            HopEnd end = link.originator();
            long sent = end.sentFingerprint();
            assertNotEquals(sent, end.receivedFingerprint(), "nothing received yet");
            for (int i = 0; i < 200; i++) {
                link.roundTrip();
                assertEquals(sent, end.receivedFingerprint(), "round trip " + i + " of " + hop);
            }
            assertEquals(sent, end.sentFingerprint(), "the message sent is still the recorded one");

            long[] least = leastAllocated(link);
            assertEquals(0, least[0], "bytes the caller allocated over 2,000 round trips of " + hop);
            assertEquals(0, least[1], "bytes the echo thread allocated over 2,000 round trips of " + hop);
        }
        assertFalse(Files.exists(directory), "the driver's directory is deleted");
    }
}
