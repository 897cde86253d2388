package io.factorgraph.bench;

import io.factorgraph.backtest.Backtest;
import io.factorgraph.backtest.BacktestProgress;
import io.factorgraph.backtest.BacktestResult;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.backtest.report.RunMetadata;
import io.factorgraph.bench.baseline.BookLoop;
import io.factorgraph.bench.data.BenchData;
import io.factorgraph.bench.data.RecordedTicks;
import io.factorgraph.runtime.data.BookReplay;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.data.binance.BinanceFeedReader;
import io.factorgraph.runtime.data.fgev.EventFile;
import io.factorgraph.runtime.data.gzip.WholeGzip;
import io.factorgraph.runtime.data.pipeline.PipelinedEventSource;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.graph.GraphInstance;
import io.factorgraph.runtime.graph.OutputHandle;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.market.TieredOrderBook;
import io.factorgraph.runtime.replay.FactorUpdate;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay throughput on the real files, in events per second (the {@code events} counter; an op is
 * one pass over the whole file). The layers, each including the ones before it:
 * <ol>
 *   <li>{@code gunzip}: only inflating the gzip files, through the JDK's {@link GZIPInputStream} with the reader's
 *       chunk size; {@code wholeGunzip}: the same through libdeflate, whole files at once ({@link WholeGzip}, what
 *       the reader uses when the system has libdeflate). Their rates count the events those bytes hold. Every gzip
 *       row is bound by the inflater (on one thread it is their floor, pipelined their ceiling);</li>
 *   <li>{@code decode}: gunzip, scan the JSON, synchronise the depth stream (the reader alone);
 *       {@code fgevDecode}: read the same events from the {@code .fgev} file {@code fg convert} makes of
 *       the recording (64-byte records), converted into a temporary file at set-up;</li>
 *   <li>{@code book}, {@code fgevBook}: and apply every event to the order book ({@code BookReplay});
 *       {@code fgevBookLoop} and {@code fgevBookLoopTiered}: the same through a bare builder loop, into
 *       the tick-indexed book and into the first-round {@code TieredOrderBook} (the baseline);</li>
 *   <li>{@code fgRun}, {@code fgevFgRun}: and tick {@code obi_mm}'s factors on its 100 ms clock, reading
 *       every output as {@code fg run} does ({@code ReplayFactorProvider}; the CSV formatting is left out);</li>
 *   <li>{@code backtest}, {@code fgevBacktest}: the full {@code Backtest} of {@code examples/obi_mm.fg} with its
 *       sink, the exchange simulator and the recorder, as {@code fg backtest} runs it with default options;</li>
 *   <li>{@code pipelinedDecode}, {@code pipelinedBook}, {@code pipelinedFgRun}, {@code pipelinedBacktest}: the
 *       gzip rows with the decoding on a thread of its own ({@code PipelinedEventSource}, which
 *       {@code EventSources.open} uses for gzip feeds on more than one core): the rate is then the slower of the
 *       decoder and the consumer, not their sum;</li>
 *   <li>{@code memoryBookAndGraph}: no file at all: the recorded depth edits applied from memory, and
 *       the {@code obi_mm} graph ticked after every book message. The events counter counts depth edits.
 *       The bound for a replay whose decoding costs nothing (what a binary event file approaches).</li>
 * </ol>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ReplayBench {
    @Param(BenchData.DEFAULT_FILE)
    public String data;

    private List<Path> files;
    private Path fgevDirectory;
    private List<Path> fgev;
    private CompiledGraph factors;
    private CompiledGraph obiMm;
    private RecordedTicks ticks;
    private GraphInstance memoryInstance;
    private OrderBook memoryBook;
    /** The events the gzip files decode to, counted once at set-up: what {@link #gunzip} credits per pass. */
    private long fileEvents;

    private final byte[] inflated = new byte[1 << 16];

    /** Events processed, reported by JMH as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            events = 0;
        }
    }

    @Setup
    public void setUp() throws IOException, MarketDataException {
        files = RecordedData.commaSeparated(data);
        fgevDirectory = Files.createTempDirectory("fg-replay-bench");
        Path converted = fgevDirectory.resolve("replay" + EventFile.EXTENSION);
        DataConverter.convert(files, GapPolicy.RESYNC, converted, null); // what `fg convert --on-gap resync` does
        fgev = List.of(converted);
        factors = ObiMmGraphs.compile("obi_mm_factors.fg", ObiMmGraphs.OBI_MM_FACTORS);
        obiMm = ObiMmGraphs.compile("obi_mm.fg", ObiMmGraphs.OBI_MM);
        ticks = RecordedTicks.of(files, ObiMmGraphs.DEPTH);
        memoryInstance = obiMm.newInstance();
        memoryBook = memoryInstance.book(obiMm.book("book"));
        fileEvents = decode(gzip(), new Events());
    }

    @TearDown
    public void tearDown() throws IOException {
        if (fgevDirectory != null) {
            Files.deleteIfExists(fgev.get(0));
            Files.deleteIfExists(fgevDirectory);
            fgevDirectory = null;
        }
    }

    /** The {@code .fgev} file made at set-up, for tests. */
    Path fgevFile() {
        return fgev.get(0);
    }

    private EventSource gzip() throws MarketDataException {
        return BinanceFeedReader.open(files, GapPolicy.RESYNC);
    }

    /** The gzip feed decoded on a thread of its own, as {@code EventSources.open} opens it on more than one core. */
    private EventSource pipelined() throws MarketDataException {
        return new PipelinedEventSource(gzip(), "fg-decode bench");
    }

    /** The converted file, opened by its extension as every command opens data. */
    private EventSource fgev() throws MarketDataException {
        return EventSources.open(fgev, GapPolicy.RESYNC);
    }

    @Benchmark
    public long gunzip(Events counter) throws IOException {
        long bytes = 0;
        for (Path file : files) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file), inflated.length)) {
                for (int n; (n = in.read(inflated, 0, inflated.length)) >= 0; ) {
                    bytes += n;
                }
            }
        }
        counter.events += fileEvents;
        return bytes;
    }

    @Benchmark
    public long wholeGunzip(Events counter) throws IOException {
        long bytes = 0;
        for (Path file : files) {
            bytes += WholeGzip.inflate(file)
                    .orElseThrow(() -> new IllegalStateException("libdeflate did not inflate " + file))
                    .length();
        }
        counter.events += fileEvents;
        return bytes;
    }

    @Benchmark
    public long decode(Events counter) throws MarketDataException {
        return decode(gzip(), counter);
    }

    @Benchmark
    public long pipelinedDecode(Events counter) throws MarketDataException {
        return decode(pipelined(), counter);
    }

    @Benchmark
    public long fgevDecode(Events counter) throws MarketDataException {
        return decode(fgev(), counter);
    }

    @Benchmark
    public long book(Events counter) throws MarketDataException {
        return book(gzip(), counter);
    }

    @Benchmark
    public long pipelinedBook(Events counter) throws MarketDataException {
        return book(pipelined(), counter);
    }

    @Benchmark
    public long fgevBook(Events counter) throws MarketDataException {
        return book(fgev(), counter);
    }

    /** {@code .fgev} into the tick-indexed book through a bare {@link BookLoop}. */
    @Benchmark
    public long fgevBookLoop(Events counter) throws MarketDataException {
        long n = BookLoop.replay(fgev(), new OrderBook());
        counter.events += n;
        return n;
    }

    /** Baseline: {@code .fgev} into the first-round book through the same loop. */
    @Benchmark
    public long fgevBookLoopTiered(Events counter) throws MarketDataException {
        long n = BookLoop.replay(fgev(), new TieredOrderBook());
        counter.events += n;
        return n;
    }

    @Benchmark
    public double fgRun(Events counter) throws MarketDataException {
        return fgRun(gzip(), counter);
    }

    @Benchmark
    public double pipelinedFgRun(Events counter) throws MarketDataException {
        return fgRun(pipelined(), counter);
    }

    @Benchmark
    public double fgevFgRun(Events counter) throws MarketDataException {
        return fgRun(fgev(), counter);
    }

    private static long decode(EventSource source, Events counter) throws MarketDataException {
        long n = 0;
        try (source) {
            while (source.next()) {
                n++;
            }
        }
        counter.events += n;
        return n;
    }

    private static long book(EventSource source, Events counter) throws MarketDataException {
        long n = 0;
        try (BookReplay replay = new BookReplay(source, new OrderBook())) {
            while (replay.next()) {
                n++;
            }
        }
        counter.events += n;
        return n;
    }

    private double fgRun(EventSource source, Events counter) throws MarketDataException {
        return fgRun(factors, List.of(source), counter);
    }

    /** {@code fg run}'s path without the CSV: ticks {@code graph} over one source per book, reading every output. */
    static double fgRun(CompiledGraph graph, List<EventSource> sources, Events counter) throws MarketDataException {
        double checksum = 0;
        try (ReplayFactorProvider provider = new ReplayFactorProvider(
                sources, graph.newInstance(), graph.clockNanos().orElse(0), CrossedBookPolicy.FAIL)) {
            while (provider.next()) {
                FactorUpdate update = provider.current();
                for (int k = 0, n = update.size(); k < n; k++) {
                    checksum += update.value(k);
                }
            }
            counter.events += provider.eventCount();
        }
        return checksum;
    }

    /** The venue, its exchange-clock shift measured once (outside the timed replay). */
    private SimulatorConfig venue;

    /** The full backtest reading the gzip feed on this thread. */
    @Benchmark
    public double backtest(Events counter) throws MarketDataException {
        return backtest(gzip(), counter);
    }

    /** The full backtest with the gzip feed decoded on a thread of its own. */
    @Benchmark
    public double pipelinedBacktest(Events counter) throws MarketDataException {
        return backtest(pipelined(), counter);
    }

    /** The full backtest reading the {@code .fgev} file. */
    @Benchmark
    public double fgevBacktest(Events counter) throws MarketDataException {
        return backtest(fgev(), counter);
    }

    private double backtest(EventSource source, Events counter) throws MarketDataException {
        if (venue == null) {
            venue = io.factorgraph.backtest.exchange.timeline.ClockShift.resolve(
                    SimulatorConfig.of(0.1, 0.001).withFees(0.0002, 0.0005),
                    () -> BinanceFeedReader.open(files, GapPolicy.RESYNC));
        }
        Backtest backtest = new Backtest(obiMm, venue, obiMm.clockNanos().orElse(0));
        BacktestResult result = backtest.run(source, RunMetadata.builder(), BacktestProgress.NONE);
        counter.events += result.events();
        return result.summary().pnl();
    }

    @Benchmark
    public double memoryBookAndGraph(Events counter) {
        final RecordedTicks ticks = this.ticks;
        final GraphInstance instance = memoryInstance;
        final OrderBook book = memoryBook;
        final OutputHandle out = obiMm.outputs().get(0);
        ticks.loadFirst(book);
        double checksum = 0;
        for (int k = 1, n = ticks.ticks(); k < n; k++) {
            ticks.apply(k, book);
            instance.onTick(ticks.time(k));
            checksum += instance.value(out);
        }
        counter.events += ticks.bookOps();
        return checksum;
    }
}
