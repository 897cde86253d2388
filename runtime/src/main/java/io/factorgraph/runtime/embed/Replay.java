package io.factorgraph.runtime.embed;

import io.factorgraph.runtime.data.CrossedBookPolicy;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.registry.Suggestions;
import io.factorgraph.runtime.replay.ReplayFactorProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A replay of recorded market data through a compiled graph, for a Java program: one feed per {@code Book} input of
 * the graph, each bound by the input's name to the files that continue its stream (or to an {@link EventSource} of
 * the caller's), merged on the local clock (docs/DESIGN.md §11). What {@code fg run --data NAME=FILE} does, with the
 * same checks before any data is read: every book bound, no unknown name, each feed's files existing, of one kind and
 * in time order.
 *
 * <pre>{@code
 * CompiledGraph graph = FgCompiler.standard().compile(Path.of("examples/basis_mm.fg"), List.of()).orElseThrow();
 * try (ReplayFactorProvider replay = Replay.builder(graph)
 *         .feed("perp", Path.of("usdm_btcusdt_20240808.gz"))
 *         .feed("spot", Path.of("spot_btcusdt_20240808.gz"), Path.of("spot_btcusdt_20240809.gz"))
 *         .open()) {
 *     while (replay.next()) {
 *         FactorUpdate u = replay.current();   // u.timestampNanos(), u.value(i), u.mid(book)
 *     }
 * }
 * }</pre>
 *
 * <p>A builder, because a replay has several optional settings and one required binding per book; misuse (an unknown
 * book, a book bound twice to different kinds of feed, a book left unbound) is an {@link IllegalArgumentException}
 * saying what to call instead, data that cannot be read a {@link MarketDataException} naming the file.
 */
public final class Replay {
    private Replay() {}

    /** A replay of {@code graph}: bind each of {@code graph.books()} with {@link Builder#feed}, then {@link Builder#open}. */
    public static Builder builder(CompiledGraph graph) {
        return new Builder(graph);
    }

    /** The settings of one replay; not thread-safe, meant to be used once. */
    public static final class Builder {
        private final CompiledGraph graph;
        private final List<String> books;
        private final List<List<Path>> files = new ArrayList<>();
        private final EventSource[] sources;
        private long intervalNanos = -1;
        private GapPolicy gapPolicy = GapPolicy.FAIL;
        private CrossedBookPolicy crossedPolicy = CrossedBookPolicy.FAIL;

        private Builder(CompiledGraph graph) {
            this.graph = graph;
            this.books = List.copyOf(graph.books().keySet());
            this.sources = new EventSource[books.size()];
            books.forEach(b -> files.add(new ArrayList<>()));
        }

        /**
         * Feeds {@code book} from recorded files that continue one stream, in time order; calling it again for the
         * same book appends files.
         *
         * @throws IllegalArgumentException when the graph has no such {@code Book} input (with the closest name), or
         *     the book already has a source
         */
        public Builder feed(String book, Path... files) {
            return feed(book, Arrays.asList(files));
        }

        /** As {@link #feed(String, Path...)}. */
        public Builder feed(String book, List<Path> files) {
            int i = index(book);
            if (sources[i] != null) {
                throw new IllegalArgumentException(
                        "book '" + book + "' already has an EventSource; give it files or " + "a source, not both");
            }
            this.files.get(i).addAll(files);
            return this;
        }

        /**
         * Feeds {@code book} from a source of the caller's (a live subscriber, synthetic data); the replay closes it.
         *
         * @throws IllegalArgumentException when the graph has no such {@code Book} input, or the book is already fed
         */
        public Builder feed(String book, EventSource source) {
            int i = index(book);
            if (sources[i] != null || !files.get(i).isEmpty()) {
                throw new IllegalArgumentException("book '" + book + "' is already fed; give each book one feed");
            }
            sources[i] = source;
            return this;
        }

        /** Samples every {@code interval}, overriding the graph's {@code clock every}; zero ticks on every change. */
        public Builder interval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("interval must be >= 0, was " + interval);
            }
            this.intervalNanos = interval.toNanos();
            return this;
        }

        /** What a sequence gap in a recorded feed does; {@link GapPolicy#FAIL} unless set. */
        public Builder onGap(GapPolicy policy) {
            this.gapPolicy = policy;
            return this;
        }

        /** What a crossed book does; {@link CrossedBookPolicy#FAIL} unless set. */
        public Builder onCrossedBook(CrossedBookPolicy policy) {
            this.crossedPolicy = policy;
            return this;
        }

        /**
         * Checks every binding, opens the feeds and returns the replay, ready for {@code next()}; the caller closes
         * it (which closes every feed).
         *
         * @throws IllegalArgumentException when a book has no feed, or the graph reads no book or has double inputs
         * @throws MarketDataException when a feed's files are missing, of mixed or unknown kinds, or out of order
         */
        public ReplayFactorProvider open() throws MarketDataException {
            List<String> unbound = new ArrayList<>();
            for (int i = 0; i < books.size(); i++) {
                if (sources[i] == null && files.get(i).isEmpty()) {
                    unbound.add(books.get(i));
                }
            }
            if (!unbound.isEmpty()) {
                throw new IllegalArgumentException("no feed for book " + String.join(", ", unbound)
                        + "; call feed(NAME, files) for each of " + books);
            }
            for (int i = 0; i < books.size(); i++) {
                if (sources[i] == null) {
                    EventSources.requireReadable(files.get(i));
                }
            }
            List<EventSource> opened = new ArrayList<>(books.size());
            try {
                for (int i = 0; i < books.size(); i++) {
                    opened.add(sources[i] != null ? sources[i] : EventSources.open(files.get(i), gapPolicy));
                }
                long interval =
                        intervalNanos >= 0 ? intervalNanos : graph.clockNanos().orElse(0);
                return new ReplayFactorProvider(opened, graph.newInstance(), interval, crossedPolicy);
            } catch (MarketDataException | RuntimeException e) {
                opened.forEach(EventSource::close);
                throw e;
            }
        }

        private int index(String book) {
            int i = books.indexOf(book);
            if (i < 0) {
                throw new IllegalArgumentException("no Book input '" + book + "' in " + graph
                        + Suggestions.closest(book, books, false)
                                .map(g -> "; did you mean '" + g + "'?")
                                .orElse("")
                        + " (its books: " + books + ")");
            }
            return i;
        }
    }
}
