package io.factorgraph.backtest;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.SimulationFeed;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.exchange.TimelineCorrection;
import io.factorgraph.backtest.exchange.timeline.ClockShift;
import io.factorgraph.backtest.report.BacktestRecorder;
import io.factorgraph.backtest.report.PerformanceSummary;
import io.factorgraph.backtest.report.Recording;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InstanceSinkInputs;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.SamplingClock;
import java.time.Duration;
import java.util.List;

/**
 * Runs a compiled graph with its {@code sink} over recorded (or synthetic) market data against the
 * exchange simulator. One pass over the events: each is applied to the graph's book (the strategy's
 * local view) and fed to the simulator (its exchange timeline); the graph ticks by the same
 * {@link SamplingClock} as {@code fg run}, so the factors are bit for bit those of {@code fg run};
 * after each tick the sink decides and works its orders through the simulator, at the tick's time.
 * Deterministic: the same inputs give the same result to the bit.
 */
public final class Backtest {
    /** Progress is reported this often, in events. */
    private static final int PROGRESS_EVERY = 1 << 16;

    private final CompiledGraph graph;
    private final SimulatorConfig simulatorConfig;
    private final long intervalNanos;

    /**
     * @param intervalNanos the sampling interval, or 0 to tick on every book change
     * @throws IllegalArgumentException when the graph has no sink, a sink that cannot be run, no book,
     *     or double inputs that recorded data cannot feed
     */
    public Backtest(CompiledGraph graph, SimulatorConfig simulatorConfig, long intervalNanos) {
        requireRunnable(graph);
        if (intervalNanos < 0) {
            throw new IllegalArgumentException(
                    "interval must be positive, or 0 for every book change, was " + intervalNanos);
        }
        this.graph = graph;
        this.simulatorConfig = simulatorConfig;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Checks that a graph can be backtested: it has a runnable sink, reads one book, and has no double
     * inputs that recorded data cannot feed.
     *
     * @throws IllegalArgumentException saying what is missing and what is expected
     */
    public static void requireRunnable(CompiledGraph graph) {
        SinkBinding binding = graph.sink()
                .orElseThrow(
                        () -> new IllegalArgumentException(
                                "the graph has no sink: a backtest needs a strategy, e.g. `sink stateless_mm(alpha, vol, stop, ...)`"));
        if (graph.books().size() != 1) {
            throw new IllegalArgumentException("a backtest of one instrument drives one book, but the graph reads "
                    + graph.books().size());
        }
        if (!graph.inputs().isEmpty()) {
            throw new IllegalArgumentException("a backtest feeds only the book, but the graph also has double inputs "
                    + graph.inputs().keySet() + " that would stay NaN");
        }
    }

    /** The sink's {@code max_position}, which with the first mid makes the capital a return is measured on. */
    private double maxPosition() {
        return graph.sink().orElseThrow().terms().maxPosition();
    }

    /**
     * Replays the input to its end: first measures its exchange-clock shift when the simulator's timeline is
     * hftbacktest's constant one (docs/DESIGN.md §7), which takes one extra read of the input, then runs on it. Records
     * the timeline rule used in the metadata ({@code extra.exchange_timeline}).
     *
     * @throws MarketDataException when the data is broken, naming where
     */
    public BacktestResult run(ClockShift.Opener input, RunMetadata.Builder metadata, BacktestProgress progress)
            throws MarketDataException {
        Backtest resolved = new Backtest(graph, ClockShift.resolve(simulatorConfig, input), intervalNanos);
        return resolved.run(input.open(), metadata, progress);
    }

    /**
     * Replays {@code source} to its end. Closes it. The simulator's timeline must be resolved (a {@link
     * TimelineCorrection#fixed fixed} or {@link TimelineCorrection#runningMax running-max} one, or a constant one
     * resolved for this input); {@link #run(ClockShift.Opener, RunMetadata.Builder, BacktestProgress)} resolves it.
     *
     * @throws MarketDataException when the data is broken, naming where
     */
    public BacktestResult run(EventSource source, RunMetadata.Builder metadata, BacktestProgress progress)
            throws MarketDataException {
        long started = System.nanoTime();
        SinkBinding binding = graph.sink().orElseThrow();
        StrategySink sink = binding.bind();
        GraphInstance instance = graph.newInstance();
        OrderBook book = instance.book(List.copyOf(graph.books().values()).get(0));
        InstanceSinkInputs inputs = new InstanceSinkInputs(instance, binding);
        ExchangeSimulator simulator = new ExchangeSimulator(simulatorConfig, 1 << 12);
        SimulatedGateway gateway = new SimulatedGateway(simulator);
        BacktestRecorder recorder = new BacktestRecorder(simulator.grid(), 1 << 14, 1 << 12);
        simulator.setExecutionListener(report -> {
            if (report.type() == ReportType.FILL) {
                recorder.fill(
                        report.exchTime(),
                        report.localTime(),
                        report.orderId(),
                        report.side(),
                        report.execPriceTicks(),
                        report.execLots(),
                        report.fee(),
                        report.maker());
            }
        });
        SamplingClock clock = new SamplingClock(intervalNanos);
        long events = 0;
        long ticks = 0;
        try (SimulationFeed feed = new SimulationFeed(source, simulator);
                BookReplay replay = new BookReplay(feed, book, CrossedBookPolicy.FAIL)) {
            MarketEvent event = replay.event();
            Ticker ticker = new Ticker(feed, instance, sink, inputs, gateway, simulator, book, recorder);
            while (replay.read()) {
                final long ts = event.localTs();
                for (long t = clock.tickBefore(ts); t != SamplingClock.NONE; t = clock.tickBefore(ts)) {
                    ticker.tick(t);
                    ticks++;
                }
                replay.apply();
                long t = clock.afterEvent(ts, event.endOfMessage(), replay.bookChanged(), book.isReady());
                if (t != SamplingClock.NONE) {
                    ticker.tick(t);
                    ticks++;
                }
                if ((++events & (PROGRESS_EVERY - 1)) == 0) {
                    progress.onProgress(events, ts);
                }
            }
            for (long t = clock.tickAtEnd(); t != SamplingClock.NONE; t = clock.tickAtEnd()) {
                ticker.tick(t);
                ticks++;
            }
            simulator.advanceToEnd();
        }
        progress.onProgress(events, Long.MIN_VALUE);
        Recording recording = recorder.finish(
                metadata.extra("exchange_timeline", simulatorConfig.timeline().describe())
                        .wallTime(Duration.ofNanos(System.nanoTime() - started))
                        .eventsProcessed(events)
                        .build());
        PerformanceSummary summary =
                PerformanceSummary.of(recording, PerformanceSummary.capitalBase(maxPosition(), recording));
        return new BacktestResult(recording, summary, simulator.stats(), events, ticks);
    }

    /** One tick: the exchange catches up, the graph computes, the sink acts, the state is recorded. */
    private static final class Ticker {
        private final SimulationFeed feed;
        private final GraphInstance instance;
        private final StrategySink sink;
        private final InstanceSinkInputs inputs;
        private final SimulatedGateway gateway;
        private final ExchangeSimulator simulator;
        private final OrderBook book;
        private final BacktestRecorder recorder;

        Ticker(
                SimulationFeed feed,
                GraphInstance instance,
                StrategySink sink,
                InstanceSinkInputs inputs,
                SimulatedGateway gateway,
                ExchangeSimulator simulator,
                OrderBook book,
                BacktestRecorder recorder) {
            this.feed = feed;
            this.instance = instance;
            this.sink = sink;
            this.inputs = inputs;
            this.gateway = gateway;
            this.simulator = simulator;
            this.book = book;
            this.recorder = recorder;
        }

        void tick(long time) throws MarketDataException {
            feed.advanceTo(time);
            instance.onTick(time);
            gateway.beginTick(time);
            sink.onTick(time, inputs, gateway);
            final double mid = book.mid();
            recorder.record(
                    time,
                    mid,
                    book.bestBid(),
                    book.bestAsk(),
                    gateway.quotedBid(),
                    gateway.quotedAsk(),
                    simulator.account().position(),
                    simulator.account().cash(),
                    simulator.account().fees());
        }
    }
}
