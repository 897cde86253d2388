package io.factorgraph.runtime.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.SequenceGap;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipelined source is the plain reader on another thread: on every recorded feed (and on damaged copies)
 * it yields the same events field by field, the same message ends, positions, gaps and errors at the same
 * event; it allocates nothing per event on either thread; closing it mid-file ends its thread.
 */
class PipelinedEventSourceTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    static Stream<String> recordedFeeds() throws IOException {
        try (Stream<Path> files = Files.list(RecordedData.directory().resolve("binance"))) {
            return files
                    .map(f -> String.valueOf(f.getFileName()))
                    .filter(n -> n.endsWith(".gz"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("recordedFeeds")
    void yieldsThePlainReadersEventsOnEveryRecordedFeed(String name) throws MarketDataException {
        List<Path> files = List.of(RecordedData.file(name));
        long events = assertSame(files, GapPolicy.RESYNC);
        assertTrue(events > 10_000, name + ": " + events + " events");
        assertSame(files, GapPolicy.FAIL);
    }

    @Test
    void yieldsThePlainReadersEventsAcrossFilesOfOneStream() throws MarketDataException {
        assertSame(RecordedData.files("spot_btcusdt_20240808.gz", "spot_btcusdt_20240809.gz"), GapPolicy.RESYNC);
    }

    /** A source without a bulk read of its own goes through {@link EventSource#drainTo}'s one-event default. */
    @Test
    void aSourceWithoutBulkReadsGivesTheSameEventsOneByOne() throws IOException, MarketDataException {
        long events =
                assertSame(List.of(truncated("spot_ethusdt_20240808.gz", 2)), GapPolicy.RESYNC, EventByEvent::new);
        assertTrue(events > 10_000, events + " events");
    }

    /** Forwards everything but {@link EventSource#drainTo}, which it leaves to the interface's default. */
    private record EventByEvent(EventSource source) implements EventSource {
        @Override
        public boolean next() throws MarketDataException {
            return source.next();
        }

        @Override
        public MarketEvent event() {
            return source.event();
        }

        @Override
        public String position() {
            return source.position();
        }

        @Override
        public long positionMark() {
            return source.positionMark();
        }

        @Override
        public String positionAt(long mark) {
            return source.positionAt(mark);
        }

        @Override
        public int gapCount() {
            return source.gapCount();
        }

        @Override
        public List<SequenceGap> gaps() {
            return source.gaps();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    @Test
    void aTruncatedGzipFailsAtTheSameEventWithTheSameMessage() throws IOException, MarketDataException {
        assertSame(List.of(truncated("usdm_btcusdt_20240808.gz", 3)), GapPolicy.RESYNC);
    }

    @Test
    void aCorruptedLineFailsAtTheSameEventWithTheSameMessage() throws IOException, MarketDataException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(RecordedData.file("spot_btcusdt_20240808.gz"))),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && lines.size() < 20_000; line = in.readLine()) {
                lines.add(line);
            }
        }
        String victim = lines.get(15_000);
        lines.set(15_000, victim.substring(0, victim.length() / 2));
        Path bad = dir.resolve("bad.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bad));
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
        String error = errorOf(List.of(bad));
        assertTrue(error.startsWith("bad.gz:15001:"), "error: " + error);
        assertSame(List.of(bad), GapPolicy.RESYNC);
    }

    @Test
    void eventSourcesOpenPipelinesGzipFeedsUnlessTurnedOff() throws MarketDataException {
        List<Path> files = List.of(RecordedData.file("spot_ethusdt_20240808.gz"));
        try (EventSource source = EventSources.open(files, GapPolicy.RESYNC)) {
            assertEquals(EventSources.pipelining(), source instanceof PipelinedEventSource);
        }
        String before = System.getProperty(EventSources.PIPELINE_PROPERTY);
        System.setProperty(EventSources.PIPELINE_PROPERTY, "false");
        try (EventSource source = EventSources.open(files, GapPolicy.RESYNC)) {
            assertInstanceOf(BinanceFeedReader.class, source);
        } finally {
            if (before == null) {
                System.clearProperty(EventSources.PIPELINE_PROPERTY);
            } else {
                System.setProperty(EventSources.PIPELINE_PROPERTY, before);
            }
        }
    }

    @Test
    void closeMidFileEndsTheDecoderThread() throws MarketDataException, InterruptedException {
        for (int stopAt : new int[] {0, 1, 5_000, 100_000}) {
            PipelinedEventSource source = pipelined(List.of(RecordedData.file("usdm_btcusdt_20240808.gz")));
            Thread decoder = source.decoderThread();
            for (int i = 0; i < stopAt; i++) {
                assertTrue(source.next());
            }
            long start = System.nanoTime();
            source.close();
            assertFalse(decoder.isAlive(), "decoder still running after close at event " + stopAt);
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "close took too long");
        }
    }

    @Test
    void steadyStateAllocatesNothingOnEitherThread() throws MarketDataException {
        List<Path> files = List.of(RecordedData.file("usdm_btcusdt_20240808.gz"));
        measure(files, Long.MAX_VALUE); // compiles both threads' paths
        // the least of a few runs, as AllocationMeter does: a deoptimisation landing in one run is not per-event work
        long[] allocated = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int run = 0; run < 3; run++) {
            long[] bytes = measure(files, 300_000);
            allocated[0] = Math.min(allocated[0], bytes[0]);
            allocated[1] = Math.min(allocated[1], bytes[1]);
        }
        assertEquals(0, allocated[0], "bytes the consumer allocated from event 300,000 to 598,000");
        assertEquals(0, allocated[1], "bytes the decoder thread allocated while the consumer read 300,000 to 450,000");
    }

    /** Bytes allocated by the consumer and by the decoder from event {@code warmup} to event 598,000. */
    private static long[] measure(List<Path> files, long warmup) throws MarketDataException {
        long consumer = Thread.currentThread().threadId();
        long[] before = new long[2];
        long[] after = new long[2];
        long events = 0;
        double checksum = 0;
        try (PipelinedEventSource source = pipelined(files)) {
            long producer = source.decoderThread().threadId();
            MarketEvent e = source.event();
            while (source.next()) {
                // the decoder runs at most SLOTS * BATCH events ahead, so it is still running at event 450,000
                if (++events == warmup) {
                    before[0] = THREADS.getThreadAllocatedBytes(consumer);
                    before[1] = THREADS.getThreadAllocatedBytes(producer);
                } else if (events == 450_000) {
                    after[1] = THREADS.getThreadAllocatedBytes(producer);
                    assertTrue(after[1] >= 0, "the decoder thread ended early");
                } else if (events == 598_000) {
                    after[0] = THREADS.getThreadAllocatedBytes(consumer);
                }
                checksum += e.px();
            }
        }
        assertTrue(checksum > 0);
        return warmup < 598_000 && events >= 598_000
                ? new long[] {after[0] - before[0], after[1] - before[1]}
                : new long[2];
    }

    /** A copy of the recorded file cut to its first {@code 1 / parts}: a gzip stream that ends mid-member. */
    private Path truncated(String name, int parts) throws IOException {
        byte[] bytes = Files.readAllBytes(RecordedData.file(name));
        return Files.write(dir.resolve("cut-" + name), Arrays.copyOf(bytes, bytes.length / parts));
    }

    private static PipelinedEventSource pipelined(List<Path> files) throws MarketDataException {
        return new PipelinedEventSource(BinanceFeedReader.open(files, GapPolicy.RESYNC), "test-decoder");
    }

    private static String errorOf(List<Path> files) {
        try (EventSource source = BinanceFeedReader.open(files, GapPolicy.RESYNC)) {
            while (source.next()) {
                // to the error
            }
            return "";
        } catch (MarketDataException e) {
            return e.getMessage();
        }
    }

    /**
     * Reads {@code files} with the plain reader and the pipelined one side by side and checks every event's
     * fields, message end, position and gap count, the errors and the end; returns the event count.
     */
    private static long assertSame(List<Path> files, GapPolicy policy) throws MarketDataException {
        return assertSame(files, policy, source -> source);
    }

    /** As {@link #assertSame(List, GapPolicy)}, with the pipeline reading {@code wrap} of the reader. */
    private static long assertSame(List<Path> files, GapPolicy policy, UnaryOperator<EventSource> wrap)
            throws MarketDataException {
        EventSource plain;
        EventSource piped;
        try {
            plain = BinanceFeedReader.open(files, policy);
            piped = new PipelinedEventSource(wrap.apply(BinanceFeedReader.open(files, policy)), "test-decoder");
        } catch (MarketDataException e) {
            throw new AssertionError(e);
        }
        long n = 0;
        try (plain;
                piped) {
            assertEquals(plain.position(), piped.position(), "position before the first event");
            MarketEvent a = plain.event();
            MarketEvent b = piped.event();
            while (true) {
                String plainError = null;
                String pipedError = null;
                boolean hasA = false;
                boolean hasB = false;
                try {
                    hasA = plain.next();
                } catch (MarketDataException e) {
                    plainError = e.getMessage();
                }
                try {
                    hasB = piped.next();
                } catch (MarketDataException e) {
                    pipedError = e.getMessage();
                }
                assertEquals(plainError, pipedError, "error after event " + n);
                assertEquals(hasA, hasB, "end of data after event " + n);
                if (!hasA) {
                    assertEquals(plain.position(), piped.position(), "position at the end");
                    assertEquals(plain.gaps(), piped.gaps(), "gaps at the end");
                    return n;
                }
                n++;
                assertEquals(a.ev(), b.ev(), "ev at event " + n);
                assertEquals(a.exchTs(), b.exchTs(), "exch_ts at event " + n);
                assertEquals(a.localTs(), b.localTs(), "local_ts at event " + n);
                assertEquals(Double.doubleToRawLongBits(a.px()), Double.doubleToRawLongBits(b.px()), "px " + n);
                assertEquals(Double.doubleToRawLongBits(a.qty()), Double.doubleToRawLongBits(b.qty()), "qty " + n);
                assertEquals(a.orderId(), b.orderId(), "order_id at event " + n);
                assertEquals(a.ival(), b.ival(), "ival at event " + n);
                assertEquals(Double.doubleToRawLongBits(a.fval()), Double.doubleToRawLongBits(b.fval()), "fval " + n);
                assertEquals(a.endOfMessage(), b.endOfMessage(), "endOfMessage at event " + n);
                assertEquals(plain.positionMark(), piped.positionMark(), "position at event " + n);
                assertEquals(plain.gapCount(), piped.gapCount(), "gap count at event " + n);
                if (n % 9_973 == 1 || a.endOfMessage() && n % 101 == 0) {
                    assertEquals(plain.position(), piped.position(), "position text at event " + n);
                    assertEquals(plain.gaps(), piped.gaps(), "gaps at event " + n);
                }
            }
        }
    }
}
