package io.factorgraph.backtest;

import io.factorgraph.backtest.exchange.ExchangeMarket;
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
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.execution.StrategySink;
import io.factorgraph.runtime.graph.BookHandle;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.InstanceSinkInputs;
import io.factorgraph.runtime.graph.SinkBinding;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.MergedReplay;
import io.factorgraph.runtime.replay.ReplaySnapshot;
import io.factorgraph.runtime.replay.SamplingClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a compiled graph with its sinks over recorded (or synthetic) market data, each sink against an exchange
 * simulator of its own: hftbacktest's multi-asset backtest, one clock and each asset its own exchange (docs/DESIGN.md
 * §7, §11). One pass over the feeds merged on the local clock ({@link MergedReplay}): each event is applied to its
 * book (the strategy's local view), and a traded book's feed also feeds its simulator (its exchange timeline, through
 * a {@link SimulationFeed}); the graph ticks by the same {@link SamplingClock} as {@code fg run}, so the factors are
 * bit for bit those of {@code fg run}. At a tick every simulator catches up to the tick's time, the graph computes
 * once, then every sink decides and works its orders through its own simulator, at the tick's time. A graph of one
 * book and one sink runs exactly as it did before several instruments existed.
 *
 * <p>The run stops when the first feed ends (§11). A simulator whose feed ended processes everything still in flight;
 * one whose feed goes on is caught up to the last event the run read, so nothing after the run's end counts.
 * Deterministic: the same inputs give the same result to the bit.
 */
public final class Backtest {
    /** Progress is reported this often, in events. */
    private static final int PROGRESS_EVERY = 1 << 16;

    private final CompiledGraph graph;
    private final List<SinkBinding> sinks;
    private final List<SimulatorConfig> configs;
    private final long intervalNanos;
    /** Where the next run starts from (docs/DESIGN.md §13); null for a fresh start. */
    private ReplaySnapshot restore;

    private boolean keepState;
    private byte[] savedState;

    /**
     * A backtest of a graph with one sink.
     *
     * @param intervalNanos the sampling interval, or 0 to tick on every book change
     * @throws IllegalArgumentException when the graph has no sink or several, a sink that cannot be run, or double
     *     inputs that recorded data cannot feed
     */
    public Backtest(CompiledGraph graph, SimulatorConfig simulatorConfig, long intervalNanos) {
        this(graph, List.of(simulatorConfig), intervalNanos);
    }

    /**
     * A backtest of a graph with one or several sinks.
     *
     * @param configs one simulator per sink, in the order of {@link CompiledGraph#sinks()}
     * @param intervalNanos the sampling interval, or 0 to tick on every book change
     * @throws IllegalArgumentException when the graph cannot be backtested ({@link #requireRunnable}), the number of
     *     simulators is not that of the sinks, or the interval is negative
     */
    public Backtest(CompiledGraph graph, List<SimulatorConfig> configs, long intervalNanos) {
        requireRunnable(graph);
        if (intervalNanos < 0) {
            throw new IllegalArgumentException(
                    "interval must be positive, or 0 for every book change, was " + intervalNanos);
        }
        if (configs.size() != graph.sinks().size()) {
            throw new IllegalArgumentException("one simulator per sink: the graph has "
                    + graph.sinks().size() + " sinks, but " + configs.size() + " simulators were given");
        }
        this.graph = graph;
        this.sinks = graph.sinks();
        this.configs = List.copyOf(configs);
        this.intervalNanos = intervalNanos;
    }

    /**
     * Starts the next run from {@code snapshot}'s graph state and clock phase (docs/DESIGN.md §13); its feeds must
     * be opened with {@link ReplaySnapshot#open}. Only the graph travels: every simulator starts flat, with no
     * working orders, no position and no cash, as a new trading day does.
     */
    public void restoreState(ReplaySnapshot snapshot) {
        this.restore = snapshot;
    }

    /** Makes the next run keep its state after its last tick, for {@link #savedState()}. */
    public void keepState() {
        this.keepState = true;
    }

    /**
     * The state the last run kept ({@link #keepState()}): the graph, the clock's phase and the feeds' sync state, as
     * {@code fg run --save-state} writes it; the simulators' orders and accounts are not part of it.
     *
     * @throws IllegalStateException when no run kept its state
     */
    public byte[] savedState() {
        if (savedState == null) {
            throw new IllegalStateException("no run kept its state; call keepState() before run");
        }
        return savedState.clone();
    }

    /**
     * Checks that a graph can be backtested: it has at least one sink, reads at least one book, each sink names the
     * book it trades when there are several, and it has no double inputs that recorded data cannot feed.
     *
     * @throws IllegalArgumentException saying what is missing and what is expected
     */
    public static void requireRunnable(CompiledGraph graph) {
        if (graph.sinks().isEmpty()) {
            throw new IllegalArgumentException(
                    "the graph has no sink: a backtest needs a strategy, e.g. `sink stateless_mm(alpha, vol, stop, ...)`");
        }
        if (graph.books().isEmpty()) {
            throw new IllegalArgumentException("a backtest replays books, but the graph reads none");
        }
        if (graph.books().size() > 1) {
            for (SinkBinding sink : graph.sinks()) {
                if (sink.tradedBook().isEmpty()) {
                    throw new IllegalArgumentException(
                            "the sink " + sink.function().signature().name()
                                    + " names no book, but the graph reads "
                                    + graph.books().keySet()
                                    + ": say which it trades with `book = NAME`");
                }
            }
        }
        if (!graph.inputs().isEmpty()) {
            throw new IllegalArgumentException("a backtest feeds only the books, but the graph also has double inputs "
                    + graph.inputs().keySet() + " that would stay NaN");
        }
    }

    /**
     * The names of the books the sinks trade, in the order of the sinks; a sink that names none in a graph of one book
     * trades that book.
     */
    public static List<String> tradedBooks(CompiledGraph graph) {
        List<String> names = new ArrayList<>(graph.sinks().size());
        for (SinkBinding sink : graph.sinks()) {
            names.add(tradedBook(graph, sink).name());
        }
        return List.copyOf(names);
    }

    private static BookHandle tradedBook(CompiledGraph graph, SinkBinding sink) {
        return sink.tradedBook()
                .orElseGet(() -> graph.books().values().iterator().next());
    }

    /**
     * Replays the input of a one-book graph to its end: first measures its exchange-clock shift when the simulator's
     * timeline is hftbacktest's constant one (docs/DESIGN.md §7), which takes one extra read of the input, then runs
     * on it. Records the timeline rule used in the metadata ({@code extra.exchange_timeline}).
     *
     * @throws MarketDataException when the data is broken, naming where
     */
    public BacktestResult run(ClockShift.Opener input, RunMetadata.Builder metadata, BacktestProgress progress)
            throws MarketDataException {
        return only(run(List.of(input), List.of(metadata), progress));
    }

    /**
     * Replays {@code source}, the feed of a one-book graph, to its end. Closes it. The simulator's timeline must be
     * resolved (a {@link TimelineCorrection#fixed fixed} or {@link TimelineCorrection#runningMax running-max} one, or
     * a constant one resolved for this input); {@link #run(ClockShift.Opener, RunMetadata.Builder, BacktestProgress)}
     * resolves it.
     *
     * @throws MarketDataException when the data is broken, naming where
     */
    public BacktestResult run(EventSource source, RunMetadata.Builder metadata, BacktestProgress progress)
            throws MarketDataException {
        return only(portfolio(runResolved(configs, List.of(source), List.of(metadata), progress, false)));
    }

    private static BacktestResult only(PortfolioResult result) {
        return result.instruments().values().iterator().next();
    }

    /**
     * Replays the graph's feeds until the first of them ends: first resolves each simulator's exchange-clock shift
     * over its own feed (one extra read of each traded input, when the timeline is the constant one), then runs.
     *
     * @param inputs one per {@code Book} input, in the order of {@link CompiledGraph#books()}
     * @param metadata one per sink, in the order of {@link CompiledGraph#sinks()}: how each instrument was run
     * @throws MarketDataException when the data is broken, naming where
     */
    public PortfolioResult run(
            List<ClockShift.Opener> inputs, List<RunMetadata.Builder> metadata, BacktestProgress progress)
            throws MarketDataException {
        return portfolio(runEach(inputs, metadata, progress, false));
    }

    /**
     * Replays the graph's feeds as {@link #run(List, List, BacktestProgress)} does and gives each sink's own result, in
     * the order of {@link CompiledGraph#sinks()}. Several sinks may trade the same book (the points of a sweep,
     * docs/DESIGN.md §12): the book's feed is read once and fanned out to each sink's own simulator. The exchange-clock
     * shift is measured once per traded book, however many simulators it feeds.
     *
     * @param isolateFailures when true, a sink that throws while it decides stops trading and its outcome says why;
     *     the other sinks go on. When false the exception ends the run, as in a plain backtest.
     * @throws MarketDataException when the data is broken, naming where
     */
    public List<SinkOutcome> runEach(
            List<ClockShift.Opener> inputs,
            List<RunMetadata.Builder> metadata,
            BacktestProgress progress,
            boolean isolateFailures)
            throws MarketDataException {
        requireOnePerBook(inputs.size());
        List<SimulatorConfig> resolved = new ArrayList<>(configs.size());
        long[] leads = new long[inputs.size()];
        boolean[] measured = new boolean[inputs.size()];
        for (int i = 0; i < sinks.size(); i++) {
            SimulatorConfig config = configs.get(i);
            int book = bookIndex(i);
            if (config.timeline().resolved()) {
                resolved.add(config);
                continue;
            }
            if (!measured[book]) {
                try (EventSource source = inputs.get(book).open()) {
                    leads[book] = ClockShift.largestLead(source);
                }
                measured[book] = true;
            }
            resolved.add(config.withTimeline(config.timeline().resolved(leads[book])));
        }
        List<EventSource> sources = new ArrayList<>(inputs.size());
        try {
            for (ClockShift.Opener input : inputs) {
                sources.add(input.open());
            }
        } catch (MarketDataException | RuntimeException e) {
            sources.forEach(EventSource::close);
            throw e;
        }
        return runResolved(resolved, sources, metadata, progress, isolateFailures);
    }

    /**
     * One sink's outcome: its result, or why it stopped (it threw while deciding, with failures isolated).
     *
     * @param book the name of the book the sink trades
     */
    public record SinkOutcome(String book, Optional<BacktestResult> result, Optional<String> failure) {
        public SinkOutcome {
            if (result.isPresent() == failure.isPresent()) {
                throw new IllegalArgumentException("a sink's outcome is a result or a failure");
            }
        }
    }

    private PortfolioResult portfolio(List<SinkOutcome> outcomes) {
        Map<String, BacktestResult> instruments = new LinkedHashMap<>();
        long events = 0;
        long ticks = 0;
        for (SinkOutcome outcome : outcomes) {
            BacktestResult result = outcome.result().orElseThrow();
            instruments.put(outcome.book(), result);
            events = result.events();
            ticks = result.ticks();
        }
        return PortfolioResult.of(instruments, events, ticks);
    }

    private void requireOnePerBook(int count) {
        if (count != graph.books().size()) {
            throw new IllegalArgumentException("one feed per Book input: the graph reads "
                    + graph.books().keySet() + ", but " + count + " feeds were given");
        }
    }

    private int bookIndex(int sink) {
        return tradedBook(graph, sinks.get(sink)).index();
    }

    private List<SinkOutcome> runResolved(
            List<SimulatorConfig> resolved,
            List<EventSource> sources,
            List<RunMetadata.Builder> metadata,
            BacktestProgress progress,
            boolean isolateFailures)
            throws MarketDataException {
        requireOnePerBook(sources.size());
        if (metadata.size() != sinks.size()) {
            sources.forEach(EventSource::close);
            throw new IllegalArgumentException(
                    "one metadata per sink: " + sinks.size() + " sinks, " + metadata.size() + " given");
        }
        long started = System.nanoTime();
        GraphInstance instance = graph.newInstance();
        List<BookHandle> handles = List.copyOf(graph.books().values());
        List<OrderBook> books = new ArrayList<>(handles.size());
        for (BookHandle handle : handles) {
            books.add(instance.book(handle));
        }
        List<List<ExchangeSimulator>> simulatorsByBook = new ArrayList<>(handles.size());
        for (int b = 0; b < handles.size(); b++) {
            simulatorsByBook.add(new ArrayList<>());
        }
        ExchangeSimulator[] simulators = newSimulators(resolved);
        for (int i = 0; i < simulators.length; i++) {
            simulatorsByBook.get(bookIndex(i)).add(simulators[i]);
        }
        // One feed per traded book, fanned out to the simulators of every sink trading it, in the order of the books.
        List<EventSource> feeds = new ArrayList<>(sources);
        SimulationFeed[] byBook = new SimulationFeed[handles.size()];
        List<SimulationFeed> simulationFeeds = new ArrayList<>();
        for (int b = 0; b < handles.size(); b++) {
            if (!simulatorsByBook.get(b).isEmpty()) {
                byBook[b] = new SimulationFeed(sources.get(b), simulatorsByBook.get(b));
                feeds.set(b, byBook[b]);
                simulationFeeds.add(byBook[b]);
            }
        }
        Trader[] traders = new Trader[sinks.size()];
        for (int i = 0; i < traders.length; i++) {
            int book = bookIndex(i);
            traders[i] = new Trader(sinks.get(i), instance, simulators[i], books.get(book), isolateFailures);
        }
        SamplingClock clock = new SamplingClock(intervalNanos);
        if (restore != null) {
            restore.restore(instance, clock);
            List<ExchangeMarket> seeded = new ArrayList<>();
            for (int i = 0; i < simulators.length; i++) {
                ExchangeMarket market = simulators[i].market();
                if (!seeded.contains(market)) {
                    seeded.add(market);
                    ContinuedDay.seed(market, books.get(bookIndex(i)), clock.lastEventNanos());
                }
            }
        }
        Ticker ticker = new Ticker(instance, simulationFeeds.toArray(new SimulationFeed[0]), traders);
        long events = 0;
        long lastTs = Long.MIN_VALUE;
        try (MergedReplay replay = new MergedReplay(feeds, books, CrossedBookPolicy.FAIL)) {
            while (replay.read()) {
                final MarketEvent event = replay.event();
                final long ts = event.localTs();
                for (long t = clock.tickBefore(ts); t != SamplingClock.NONE; t = clock.tickBefore(ts)) {
                    ticker.tick(t);
                }
                replay.apply();
                long t = clock.afterEvent(ts, event.endOfMessage(), replay.bookChanged(), replay.allReady());
                if (t != SamplingClock.NONE) {
                    ticker.tick(t);
                }
                lastTs = ts;
                if ((++events & (PROGRESS_EVERY - 1)) == 0) {
                    progress.onProgress(events, ts);
                }
            }
            for (long t = clock.tickAtEnd(); t != SamplingClock.NONE; t = clock.tickAtEnd()) {
                ticker.tick(t);
            }
            for (SimulationFeed feed : simulationFeeds) {
                finish(feed, lastTs);
            }
            if (keepState) {
                savedState = ReplaySnapshot.save(instance, clock, replay);
            }
        }
        progress.onProgress(events, Long.MIN_VALUE);
        Duration wallTime = Duration.ofNanos(System.nanoTime() - started);
        List<SinkOutcome> outcomes = new ArrayList<>(traders.length);
        for (int i = 0; i < traders.length; i++) {
            Trader trader = traders[i];
            String book = tradedBook(graph, sinks.get(i)).name();
            if (trader.failure != null) {
                outcomes.add(new SinkOutcome(book, Optional.empty(), Optional.of(trader.failure)));
                continue;
            }
            Recording recording = trader.recorder.finish(metadata.get(i)
                    .extra("exchange_timeline", resolved.get(i).timeline().describe())
                    .wallTime(wallTime)
                    .eventsProcessed(events)
                    .build());
            double maxPosition = sinks.get(i).terms().maxPosition();
            PerformanceSummary summary =
                    PerformanceSummary.of(recording, PerformanceSummary.capitalBase(maxPosition, recording));
            outcomes.add(new SinkOutcome(
                    book,
                    Optional.of(new BacktestResult(recording, summary, trader.simulator.stats(), events, ticker.ticks)),
                    Optional.empty()));
        }
        return outcomes;
    }

    /**
     * One simulator per sink. The sinks trading one book on one exchange timeline (the points of a sweep) share one
     * {@link ExchangeMarket}: that book's exchange-side depth is built once for them all, each keeping its own orders,
     * latency and account (docs/DESIGN.md §12). A sink alone on its book has a market of its own.
     */
    private ExchangeSimulator[] newSimulators(List<SimulatorConfig> resolved) {
        ExchangeSimulator[] simulators = new ExchangeSimulator[sinks.size()];
        List<ExchangeMarket> markets = new ArrayList<>();
        List<Integer> marketBooks = new ArrayList<>();
        for (int i = 0; i < simulators.length; i++) {
            SimulatorConfig config = resolved.get(i);
            int book = bookIndex(i);
            boolean shared = false;
            for (int j = i + 1; j < simulators.length && !shared; j++) {
                shared = bookIndex(j) == book && ExchangeMarket.canShare(config, resolved.get(j));
            }
            ExchangeMarket market = null;
            for (int m = 0; m < markets.size() && market == null; m++) {
                if (marketBooks.get(m) == book && markets.get(m).accepts(config)) {
                    market = markets.get(m);
                }
            }
            if (market == null && !shared) {
                simulators[i] = new ExchangeSimulator(config, 1 << 12);
                continue;
            }
            if (market == null) {
                market = new ExchangeMarket(config);
                markets.add(market);
                marketBooks.add(book);
            }
            simulators[i] = market.newSimulator(config, 1 << 12);
        }
        return simulators;
    }

    /**
     * After the last tick: everything in flight when this feed ended, or, when the run stopped on another feed's end,
     * the exchanges caught up to the last event the run read. The simulators of one feed are all at the same time.
     */
    private static void finish(SimulationFeed feed, long lastTs) throws MarketDataException {
        ExchangeSimulator first = feed.simulator();
        if (first.isEndOfData()) {
            feed.advanceToEnd();
        } else if (lastTs != Long.MIN_VALUE) {
            feed.advanceTo(Math.max(lastTs, first.now()));
        }
    }

    /** One sink and its venue: the simulator fed by its book's feed, the gateway it trades through, its recorder. */
    private static final class Trader {
        final StrategySink sink;
        final InstanceSinkInputs inputs;
        final ExchangeSimulator simulator;
        final SimulatedGateway gateway;
        final OrderBook book;
        final BacktestRecorder recorder;
        final boolean isolateFailures;
        /** Why the sink stopped, when it threw with failures isolated; null while it trades. */
        String failure;

        Trader(
                SinkBinding binding,
                GraphInstance instance,
                ExchangeSimulator simulator,
                OrderBook book,
                boolean isolateFailures) {
            this.sink = binding.bind();
            this.inputs = new InstanceSinkInputs(instance, binding);
            this.simulator = simulator;
            this.gateway = new SimulatedGateway(simulator);
            this.book = book;
            this.isolateFailures = isolateFailures;
            this.recorder = new BacktestRecorder(simulator.grid(), 1 << 14, 1 << 12);
            BacktestRecorder fills = recorder;
            simulator.setExecutionListener(report -> {
                if (report.type() == ReportType.FILL) {
                    fills.fill(
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
        }

        /** The sink acts on the graph's values of this tick and the state is recorded. */
        void act(long time) {
            if (failure != null) {
                return;
            }
            if (isolateFailures) {
                try {
                    decide(time);
                } catch (RuntimeException e) {
                    failure = "at " + time + " ns: " + (e.getMessage() == null ? e.toString() : e.getMessage());
                }
            } else {
                decide(time);
            }
        }

        private void decide(long time) {
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

    /** One tick: every exchange catches up, the graph computes once, every sink acts on its own gateway. */
    private static final class Ticker {
        private final GraphInstance instance;
        private final SimulationFeed[] feeds;
        private final Trader[] traders;
        long ticks;

        Ticker(GraphInstance instance, SimulationFeed[] feeds, Trader[] traders) {
            this.instance = instance;
            this.feeds = feeds;
            this.traders = traders;
        }

        void tick(long time) throws MarketDataException {
            for (SimulationFeed feed : feeds) {
                feed.advanceTo(time);
            }
            instance.onTick(time);
            for (Trader trader : traders) {
                trader.act(time);
            }
            ticks++;
        }
    }
}
