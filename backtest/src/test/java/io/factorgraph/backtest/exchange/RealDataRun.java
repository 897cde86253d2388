package io.factorgraph.backtest.exchange;

import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The backtest loop the tests run on recorded data: events in local order through a {@link SimulationFeed}, the
 * strategy's own book built from them, a clock ticking every 100 ms from the first tick after the book is ready
 * (at a tick at time t the book holds every event received up to t), the {@link QuotingStrategy} acting at each tick.
 */
final class RealDataRun {
    static final String FILE = "usdm_btcusdt_20240808.gz";
    static final long INTERVAL = 100_000_000L;

    /** USD-M BTCUSDT: tick 0.1, lot 0.001; maker rebate 0.5 bp, taker fee 4 bp; 1 ms entry, 2 ms response. */
    static final SimulatorConfig BTC = SimulatorConfig.of(0.1, 0.001)
            .withFees(-0.00005, 0.0004)
            .withLatency(new ConstantLatency(1_000_000, 2_000_000))
            .withInitialCash(100_000.0);

    /** {@code config} with hftbacktest's constant exchange-clock shift resolved for {@code files}. */
    static SimulatorConfig resolved(SimulatorConfig config, List<Path> files) throws MarketDataException {
        return ClockShift.resolve(config, () -> BinanceFeedReader.open(files));
    }

    /** {@link #BTC}'s variants resolved for the USD-M BTCUSDT file. */
    static SimulatorConfig resolved(SimulatorConfig config) throws MarketDataException {
        return resolved(config, List.of(file()));
    }

    /** Called at each tick after the strategy acted. */
    interface TickHook {
        void onTick(long time, OrderBook localBook);
    }

    /** Called for each event, before it is applied to the local book (for counting, allocation measurements). */
    interface EventHook {
        void onEvent(long index, MarketEvent e);
    }

    static Path file() {
        return RecordedData.file(FILE);
    }

    /** Runs the whole USD-M BTCUSDT file; returns the number of events read. */
    static long run(ExchangeSimulator sim, int offsetTicks, TickHook tickHook, EventHook eventHook)
            throws MarketDataException {
        return run(sim, List.of(file()), offsetTicks, tickHook, eventHook);
    }

    /** Runs recorded files continuing one stream; returns the number of events read. */
    static long run(ExchangeSimulator sim, List<Path> files, int offsetTicks, TickHook tickHook, EventHook eventHook)
            throws MarketDataException {
        OrderBook localBook = new OrderBook(8192); // the file's book reaches 5,018 bid levels
        BookBuilder local = BookBuilder.local(localBook);
        QuotingStrategy strategy = new QuotingStrategy(sim, localBook, offsetTicks, 2, 10, 100);
        long events = 0;
        long nextTick = Long.MIN_VALUE;
        try (SimulationFeed feed = new SimulationFeed(BinanceFeedReader.open(files), sim)) {
            MarketEvent e = feed.event();
            while (feed.next()) {
                long t = e.localTs();
                while (nextTick != Long.MIN_VALUE && nextTick < t) {
                    sim.advanceTo(nextTick);
                    strategy.onTick(nextTick);
                    if (tickHook != null) {
                        tickHook.onTick(nextTick, localBook);
                    }
                    nextTick += INTERVAL;
                }
                if (eventHook != null) {
                    eventHook.onEvent(events, e);
                }
                events++;
                local.apply(e);
                if (nextTick == Long.MIN_VALUE && localBook.isReady() && e.endOfMessage()) {
                    nextTick = (t / INTERVAL + 1) * INTERVAL;
                }
            }
            // the end of the data: cancel what is left, and let everything in flight arrive
            OrderTracker orders = sim.orders();
            for (int i = 0; i < orders.size(); i++) {
                sim.cancel(orders.id(i), sim.now());
            }
            sim.advanceToEnd();
        }
        return events;
    }

    /** Whether an event reaches the exchange side: LOCAL depth, snapshot, clear or trade. */
    static boolean reachesExchange(MarketEvent e) {
        int kind = e.kind();
        return e.isLocal()
                && (kind == EventFlags.DEPTH_EVENT
                        || kind == EventFlags.DEPTH_SNAPSHOT_EVENT
                        || kind == EventFlags.DEPTH_CLEAR_EVENT
                        || kind == EventFlags.TRADE_EVENT);
    }

    private RealDataRun() {}
}
