package io.factorgraph.live.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.FragmentHandler;
import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.backtest.settings.SimulatorSettings;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.MediaDrivers;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.Streams;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.RecordedData;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.CompositeAgent;
import org.junit.jupiter.api.Test;

/**
 * The connector's agents allocate nothing per event once warm: the replay (the simulation feed, the book copy, the
 * batch encoding and the offer to Aeron) and the venue's and the control stream's polls between events, as {@code
 * fg live connector --speed max} runs them. Measured with the thread's allocation counter from event 300,000 to
 * 598,000 of the recorded BTCUSDT file, as the backtest's allocation test measures it (one pass of exactly 0 bytes
 * among a few, never more than a kilobyte: the C2 compiler's own allocations show now and then at random events).
 */
class ConnectorAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long FROM = 300_000;
    private static final long UNTIL = 598_000;

    @Test
    void steadyStateReplayAllocatesNothing() throws Exception {
        assertAllocatesNothing(List.of("usdm_btcusdt_20240808.gz"));
    }

    /** Two feeds merged, each with its venue: still nothing per event (the merge, the per-feed batches). */
    @Test
    void steadyStateReplayOfTwoFeedsAllocatesNothing() throws Exception {
        assertAllocatesNothing(List.of("usdm_btcusdt_20240808.gz", "usdm_ethusdt_20240808.gz"));
    }

    private static void assertAllocatesNothing(List<String> files) throws Exception {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        String dir = "/dev/shm/fg-alloc-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (MediaDriver _ = MediaDrivers.launch(dir, IdleMode.BACKOFF);
                Aeron aeron = Aeron.connect(AeronSession.clientContext(dir))) {
            measure(aeron, files); // warm-up: compiles everything
            List<Long> passes = new ArrayList<>();
            for (int pass = 0; pass < 5; pass++) {
                long bytes = measure(aeron, files);
                passes.add(bytes);
                assertTrue(bytes < 1024, "bytes allocated from event 300,000 to 598,000: " + passes);
                if (bytes == 0) {
                    return;
                }
            }
            assertEquals(List.of(0L), passes, "no pass of the steady state allocated nothing");
        }
    }

    private static long measure(Aeron aeron, List<String> files) throws Exception {
        ProcessLog log = new ProcessLog("connector", new PrintStream(OutputStream.nullOutputStream()));
        int n = files.size();
        ExchangeSimulator[] simulators = new ExchangeSimulator[n];
        List<EventSource> sources = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Path> data = List.of(RecordedData.file(files.get(i)));
            simulators[i] = new ExchangeSimulator(
                    ClockShift.resolve(
                            SimulatorSettings.DEFAULTS.config(files.get(i).contains("eth") ? 0.01 : 0.1, 0.001),
                            () -> EventSources.open(data, GapPolicy.FAIL)),
                    4096);
            sources.add(EventSources.open(data, GapPolicy.FAIL));
        }
        try (HealthCounters health = HealthCounters.allocate(aeron, "connector", 1L, HealthCounter.values());
                Subscription engine = aeron.addSubscription("aeron:ipc", Streams.MARKET_DATA);
                SequencedPublication marketData = new SequencedPublication(
                        aeron.addExclusivePublication("aeron:ipc", Streams.MARKET_DATA),
                        new BusySpinIdleStrategy(),
                        MarketDataWriter.MAX_LENGTH + 1024);
                Subscription control = aeron.addSubscription("aeron:ipc", Streams.CONTROL)) {
            while (!marketData.isConnected()) {
                Thread.onSpinWait();
            }
            MarketDataReplay replay = new MarketDataReplay(
                    ReplaySpeed.MAX, false, 1L, marketData, simulators, MarketDataReplay.FeedDrops.NONE, health, log);
            List<Agent> agents = new ArrayList<>();
            agents.add(replay);
            List<AutoCloseable> streams = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SequencedPublication executions = new SequencedPublication(
                        aeron.addExclusivePublication("aeron:ipc", Streams.executions(i)),
                        new BusySpinIdleStrategy(),
                        4096);
                Subscription orders = aeron.addSubscription("aeron:ipc", Streams.orders(i));
                streams.add(executions);
                streams.add(orders);
                PeerWatch strategy = new PeerWatch("strategy", 1_000_000_000L);
                agents.add(new PaperVenue(
                        simulators[i], replay, i, "", false, 1L, executions, orders, strategy, health, log));
            }
            agents.add(new ResyncRequests(control, replay, new PeerWatch("engine", 1_000_000_000L), log));
            CompositeAgent all = new CompositeAgent(agents);
            FragmentHandler drain = (buffer, offset, length, header) -> {};
            marketData.duty(() -> engine.poll(drain, 64));
            replay.start(sources);
            long thread = Thread.currentThread().threadId();
            var sent = health.get(HealthCounter.MARKET_DATA_EVENTS_SENT);
            long atFrom = 0;
            long atUntil = 0;
            while (!replay.ended()) {
                all.doWork();
                engine.poll(drain, 64);
                long events = sent.get();
                long bytes = THREADS.getThreadAllocatedBytes(thread);
                if (events == FROM) {
                    atFrom = bytes;
                } else if (events == UNTIL) {
                    atUntil = bytes;
                }
            }
            for (AutoCloseable c : streams) {
                c.close();
            }
            assertTrue(atFrom > 0 && atUntil > 0, "the measured part was replayed");
            return atUntil - atFrom;
        }
    }
}
