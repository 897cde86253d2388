package io.factorgraph.live.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.factorgraph.live.GraphSpec;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.EndOfDataEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.MediaDrivers;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.Streams;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of two feeds allocates nothing per event once warm: the market data stream split per feed
 * ({@link MarketDataStream}), the merged replay over the two sources, the two books and the graph's ticks, as the engine
 * runs them. The recorded BTCUSDT and ETHUSDT events are sent over Aeron IPC in batches of one feed each, as the
 * connector sends them, by the same thread between polls; measured with the thread's allocation counter from event
 * 300,000 to 598,000 (one pass of exactly 0 bytes among a few, as the connector's test).
 */
class EngineAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long FROM = 300_000;
    private static final long UNTIL = 598_000;
    private static final Path GRAPH = Path.of("src/test/resources/btc_eth_mm.fg");

    @Test
    void twoFeedsThroughTheEngineAllocateNothingPerEvent() throws Exception {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        String dir = "/dev/shm/fg-alloc-test-" + UUID.randomUUID().toString().substring(0, 8);
        CompiledGraph graph = new GraphSpec(GRAPH, List.of(), -1).compile();
        try (MediaDriver _ = MediaDrivers.launch(dir, IdleMode.BACKOFF);
                Aeron aeron = Aeron.connect(AeronSession.clientContext(dir))) {
            measure(aeron, graph); // warm-up: compiles everything
            List<Long> passes = new ArrayList<>();
            for (int pass = 0; pass < 5; pass++) {
                long bytes = measure(aeron, graph);
                passes.add(bytes);
                assertTrue(bytes < 1024, "bytes allocated from event 300,000 to 598,000: " + passes);
                if (bytes == 0) {
                    return;
                }
            }
            assertEquals(List.of(0L), passes, "no pass of the steady state allocated nothing");
        }
    }

    private static long measure(Aeron aeron, CompiledGraph graph) throws Exception {
        try (Subscription subscription = aeron.addSubscription("aeron:ipc", Streams.MARKET_DATA);
                SequencedPublication out = new SequencedPublication(
                        aeron.addExclusivePublication("aeron:ipc", Streams.MARKET_DATA),
                        new BusySpinIdleStrategy(),
                        MarketDataWriter.MAX_LENGTH + 1024)) {
            while (!out.isConnected()) {
                Thread.onSpinWait();
            }
            Sender sender = new Sender(out);
            MarketDataStream stream = new MarketDataStream(
                    subscription,
                    2,
                    NoOpIdleStrategy.INSTANCE,
                    sender::sendOne,
                    () -> false,
                    new FailOnGap(),
                    new PeerWatch("connector", 1_000_000_000L),
                    new LatencyProbe("connector -> engine (market data)"));
            long thread = Thread.currentThread().threadId();
            long atFrom = 0;
            long atUntil = 0;
            try (ReplayFactorProvider provider = new ReplayFactorProvider(
                    stream.sources(), graph.newInstance(), 100_000_000L, CrossedBookPolicy.FAIL)) {
                while (provider.next()) {
                    long events = provider.eventCount();
                    long bytes = THREADS.getThreadAllocatedBytes(thread);
                    if (events >= FROM && atFrom == 0) {
                        atFrom = bytes;
                    } else if (events >= UNTIL && atUntil == 0) {
                        atUntil = bytes;
                    }
                }
            }
            sender.close();
            assertTrue(atFrom > 0 && atUntil > 0, "the measured part was replayed");
            return atUntil - atFrom;
        }
    }

    /**
     * The connector's side, reduced to what the engine receives: the two files merged on the local clock (by
     * timestamp, as the merge does), each message in a batch of its feed. Sends one batch per call.
     */
    private static final class Sender {
        private final SequencedPublication out;
        private final io.factorgraph.runtime.data.EventSource[] feeds = new io.factorgraph.runtime.data.EventSource[2];
        private final boolean[] pending = new boolean[2];
        private final boolean[] done = new boolean[2];
        private final long[] numbers = new long[2];
        private final MarketDataWriter writer = new MarketDataWriter();
        private final EndOfDataEncoder endOfData = new EndOfDataEncoder();
        private boolean ended;

        Sender(SequencedPublication out) throws Exception {
            this.out = out;
            feeds[0] = EventSources.open(List.of(RecordedData.file("usdm_btcusdt_20240808.gz")), GapPolicy.FAIL);
            feeds[1] = EventSources.open(List.of(RecordedData.file("usdm_ethusdt_20240808.gz")), GapPolicy.FAIL);
        }

        void sendOne() {
            if (ended) {
                return;
            }
            try {
                for (int i = 0; i < 2; i++) {
                    if (!pending[i] && !done[i]) {
                        done[i] = !feeds[i].next();
                        pending[i] = !done[i];
                    }
                }
                if (done[0] || done[1]) {
                    // the merge stops at the first end: every feed's end of data goes out
                    ended = true;
                    for (int i = 0; i < 2; i++) {
                        endOfData
                                .wrapAndApplyHeader(out.buffer(), 0, out.header())
                                .sequence(out.nextSequence())
                                .instanceId(1L)
                                .lastLocalTs(0)
                                .events(0)
                                .instrument(i);
                        out.send(MessageHeaderEncoder.ENCODED_LENGTH + endOfData.encodedLength());
                    }
                    return;
                }
                int feed = done[0]
                        ? 1
                        : done[1]
                                ? 0
                                : feeds[1].event().localTs() < feeds[0].event().localTs() ? 1 : 0;
                MarketEvent e = feeds[feed].event();
                writer.add(e);
                pending[feed] = false;
                while (!e.endOfMessage() && !writer.isFull()) {
                    if (!feeds[feed].next()) {
                        done[feed] = true;
                        break;
                    }
                    e = feeds[feed].event();
                    writer.add(e);
                }
                out.send(writer.encode(
                        out.buffer(), out.header(), out.nextSequence(), 1L, false, feed, ++numbers[feed]));
                writer.clear();
            } catch (io.factorgraph.runtime.data.MarketDataException ex) {
                throw new IllegalStateException(ex.getMessage(), ex);
            }
        }

        void close() {
            feeds[0].close();
            feeds[1].close();
        }
    }

    private static final class FailOnGap implements MarketDataSource.Listener {
        @Override
        public void onGap(long expected, long received, boolean joinedLate) {
            throw new AssertionError("gap: expected " + expected + ", received " + received);
        }

        @Override
        public void onResynced() {}
    }
}
