package io.factorgraph.bench;

import io.factorgraph.bench.ReplayBench.Events;
import io.factorgraph.runtime.compile.FgCompiler;
import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.RecordedData;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.market.OrderBook;
import io.factorgraph.runtime.replay.MergedReplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost per event of merging feeds (docs/DESIGN.md §11), in events per second (the {@code events} counter), on
 * {@code fg run}'s path ({@code ReplayFactorProvider}, every output read at every tick of a 100 ms clock) from the
 * {@code .fgev} files of the USD-M BTCUSDT and ETHUSDT recordings (memory-mapped, so decoding hides the merge least):
 * <ol>
 *   <li>{@code oneFeedBtc}, {@code oneFeedEth}: each feed alone through a one-book graph ({@code mid} and
 *       {@code obi_norm} of its book);</li>
 *   <li>{@code twoFeeds}: both merged through a two-book graph computing the same two factors for each book, so the
 *       merged run does the same work per event as the two single runs together plus the merge;</li>
 *   <li>{@code booksOneFeedBtc}, {@code booksTwoFeeds}: the merge and the books alone ({@code MergedReplay}, no graph),
 *       to tell the merge's cost from the graph's.</li>
 * </ol>
 * The merge's cost per event is {@code 1/rate(twoFeeds)} minus the event-weighted mean of the single runs' costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class MergeBench {
    private static final String ONE_BOOK = """
            clock every 100ms
            mid = mid(book)
            obi = obi_norm(book, 0.001)
            """;
    private static final String TWO_BOOKS = """
            input btc: Book
            input eth: Book
            clock every 100ms
            btc_mid = mid(btc)
            btc_obi = obi_norm(btc, 0.001)
            eth_mid = mid(eth)
            eth_obi = obi_norm(eth, 0.001)
            """;

    private Path directory;
    private List<Path> btc;
    private List<Path> eth;
    private CompiledGraph oneBook;
    private CompiledGraph twoBooks;

    @Setup
    public void setUp() throws IOException, MarketDataException {
        directory = Files.createTempDirectory("fg-merge-bench");
        btc = List.of(convert("usdm_btcusdt_20240808.gz"));
        eth = List.of(convert("usdm_ethusdt_20240808.gz"));
        oneBook = compile("one_book.fg", ONE_BOOK);
        twoBooks = compile("two_books.fg", TWO_BOOKS);
    }

    private Path convert(String recording) throws IOException, MarketDataException {
        Path out = directory.resolve(recording.replace(".gz", ".fgev"));
        DataConverter.convert(List.of(RecordedData.file(recording)), GapPolicy.RESYNC, out, null);
        return out;
    }

    private static CompiledGraph compile(String name, String text) {
        return FgCompiler.standard().compile(name, text).orElseThrow();
    }

    @TearDown
    public void tearDown() throws IOException {
        if (directory != null) {
            Files.deleteIfExists(btc.get(0));
            Files.deleteIfExists(eth.get(0));
            Files.deleteIfExists(directory);
            directory = null;
        }
    }

    @Benchmark
    public double oneFeedBtc(Events counter) throws MarketDataException {
        return run(oneBook, List.of(open(btc)), counter);
    }

    @Benchmark
    public double oneFeedEth(Events counter) throws MarketDataException {
        return run(oneBook, List.of(open(eth)), counter);
    }

    @Benchmark
    public double twoFeeds(Events counter) throws MarketDataException {
        return run(twoBooks, List.of(open(btc), open(eth)), counter);
    }

    /** The merge and the books alone, no graph: {@code MergedReplay} over one feed. */
    @Benchmark
    public long booksOneFeedBtc(Events counter) throws MarketDataException {
        return books(List.of(open(btc)), counter);
    }

    /** The merge and the books alone, no graph: {@code MergedReplay} over both feeds. */
    @Benchmark
    public long booksTwoFeeds(Events counter) throws MarketDataException {
        return books(List.of(open(btc), open(eth)), counter);
    }

    private static long books(List<EventSource> sources, Events counter) throws MarketDataException {
        List<OrderBook> books = sources.stream().map(s -> new OrderBook()).toList();
        long n = 0;
        try (MergedReplay replay = new MergedReplay(sources, books, CrossedBookPolicy.FAIL)) {
            while (replay.read()) {
                replay.apply();
                n++;
            }
        }
        counter.events += n;
        return n;
    }

    private static EventSource open(List<Path> files) throws MarketDataException {
        return EventSources.open(files, GapPolicy.RESYNC);
    }

    private static double run(CompiledGraph graph, List<EventSource> sources, Events counter)
            throws MarketDataException {
        return ReplayBench.fgRun(graph, sources, counter);
    }
}
