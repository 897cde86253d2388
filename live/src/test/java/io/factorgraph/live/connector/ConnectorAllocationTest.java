package io.factorgraph.live.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.logbuffer.FragmentHandler;
import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.SimulationFeed;
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
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        String dir = "/dev/shm/fg-alloc-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (MediaDriver _ = MediaDrivers.launch(dir, IdleMode.BACKOFF);
                Aeron aeron = Aeron.connect(AeronSession.clientContext(dir))) {
            measure(aeron); // warm-up: compiles everything
            List<Long> passes = new ArrayList<>();
            for (int pass = 0; pass < 5; pass++) {
                long bytes = measure(aeron);
                passes.add(bytes);
                assertTrue(bytes < 1024, "bytes allocated from event 300,000 to 598,000: " + passes);
                if (bytes == 0) {
                    return;
                }
            }
            assertEquals(List.of(0L), passes, "no pass of the steady state allocated nothing");
        }
    }

    private static long measure(Aeron aeron) throws Exception {
        ProcessLog log = new ProcessLog("connector", new PrintStream(OutputStream.nullOutputStream()));
        List<Path> data = List.of(RecordedData.file("usdm_btcusdt_20240808.gz"));
        ExchangeSimulator simulator = new ExchangeSimulator(
                ClockShift.resolve(
                        SimulatorSettings.DEFAULTS.config(0.1, 0.001), () -> EventSources.open(data, GapPolicy.FAIL)),
                4096);
        try (HealthCounters health = HealthCounters.allocate(aeron, "connector", 1L, HealthCounter.values());
                Subscription engine = aeron.addSubscription("aeron:ipc", Streams.MARKET_DATA);
                SequencedPublication marketData = new SequencedPublication(
                        aeron.addExclusivePublication("aeron:ipc", Streams.MARKET_DATA),
                        new BusySpinIdleStrategy(),
                        MarketDataWriter.MAX_LENGTH + 1024);
                SequencedPublication executions = new SequencedPublication(
                        aeron.addExclusivePublication("aeron:ipc", Streams.EXECUTIONS),
                        new BusySpinIdleStrategy(),
                        4096);
                Subscription orders = aeron.addSubscription("aeron:ipc", Streams.ORDERS);
                Subscription control = aeron.addSubscription("aeron:ipc", Streams.CONTROL)) {
            while (!marketData.isConnected()) {
                Thread.onSpinWait();
            }
            MarketDataReplay replay =
                    new MarketDataReplay(ReplaySpeed.MAX, false, 1L, marketData, simulator, health, log);
            PeerWatch strategy = new PeerWatch("strategy", 1_000_000_000L);
            CompositeAgent agents = new CompositeAgent(
                    replay,
                    new PaperVenue(simulator, replay, false, 1L, executions, orders, strategy, health, log),
                    new ResyncRequests(control, replay, new PeerWatch("engine", 1_000_000_000L), log));
            FragmentHandler drain = (buffer, offset, length, header) -> {};
            marketData.duty(() -> engine.poll(drain, 64));
            replay.start(new SimulationFeed(EventSources.open(data, GapPolicy.FAIL), simulator));
            long thread = Thread.currentThread().threadId();
            var sent = health.get(HealthCounter.MARKET_DATA_EVENTS_SENT);
            long atFrom = 0;
            long atUntil = 0;
            while (!replay.ended()) {
                agents.doWork();
                engine.poll(drain, 64);
                long events = sent.get();
                long bytes = THREADS.getThreadAllocatedBytes(thread);
                if (events == FROM) {
                    atFrom = bytes;
                } else if (events == UNTIL) {
                    atUntil = bytes;
                }
            }
            assertTrue(atFrom > 0 && atUntil > 0, "the measured part was replayed");
            return atUntil - atFrom;
        }
    }
}
