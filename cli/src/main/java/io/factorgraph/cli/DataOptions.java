package io.factorgraph.cli;

import io.factorgraph.backtest.settings.DurationText;
import io.factorgraph.runtime.compile.ClockInterval;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.graph.CompiledGraph;
import io.factorgraph.runtime.registry.Suggestions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** The recorded data to replay and how to sample it, shared by {@code fg run} and {@code fg backtest}. */
final class DataOptions {
    @Option(
            names = "--data",
            paramLabel = "[NAME=]FILE",
            description = {
                "Recorded data: hftbacktest's raw Binance feed files (.gz), .npz event files, or .fgev files "
                        + "made by fg convert (fastest).",
                "NAME=FILE feeds the graph's `input NAME: Book`; a graph with several books needs each bound by "
                        + "name. A graph with one book also takes a plain FILE.",
                "Repeat for files that continue one stream, in time order: repeating NAME=... appends its files "
                        + "in the order given."
            })
    List<String> data = new ArrayList<>();

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            description = "Sample every DURATION (e.g. 100ms), overriding the file's `clock every`; "
                    + "without either the graph ticks after every book change.")
    Duration interval;

    @Option(
            names = "--on-gap",
            paramLabel = "fail|resync",
            defaultValue = "fail",
            description = "A sequence gap in the feed: fail (default) or resync (clear the book, wait for the "
                    + "next snapshot, count the gap).")
    GapPolicy onGap;

    /** The sampling interval in ns: {@code --interval}, else the graph's clock, else 0 (every book change). */
    long intervalNanos(CompiledGraph graph) {
        if (interval != null) {
            long nanos = interval.toNanos();
            ClockInterval.problem(nanos).ifPresent(problem -> {
                throw new UserError("--interval '" + DurationText.format(nanos) + "': " + problem);
            });
            return nanos;
        }
        return graph.clockNanos().orElse(0);
    }

    /**
     * Binds the {@code --data} files to the graph's books (docs/DESIGN.md §11 "Binding"), checking every file's
     * existence, kind and time order by reading at most its first line or record: every mistake is a
     * {@link UserError} before any data is read.
     */
    DataBindings bind(CompiledGraph graph) {
        List<String> books = List.copyOf(graph.books().keySet());
        if (data.isEmpty()) {
            throw new UserError("Missing required option: '--data=[NAME=]FILE': the recorded data to replay");
        }
        if (books.isEmpty()) {
            throw new UserError(
                    "the graph reads no book, so recorded market data cannot drive it; use `book` in a definition");
        }
        List<Binding> bindings = data.stream().map(Binding::parse).toList();
        List<List<Path>> files = new ArrayList<>();
        books.forEach(b -> files.add(new ArrayList<>()));
        boolean named = bindings.stream().anyMatch(b -> b.name() != null);
        for (Binding binding : bindings) {
            if (binding.name() == null) {
                if (named) {
                    throw new UserError("--data " + binding.text() + ": a plain FILE among NAME=FILE bindings; write "
                            + "it as " + (books.size() == 1 ? books.get(0) : "NAME") + "=" + binding.text());
                }
                if (books.size() > 1) {
                    throw new UserError("--data " + binding.text() + ": the graph reads " + books.size() + " books ("
                            + String.join(", ", books) + "); bind each to its files by name: "
                            + String.join(
                                    " ",
                                    books.stream()
                                            .map(b -> "--data " + b + "=FILE")
                                            .toList()));
                }
                files.get(0).add(binding.file());
                continue;
            }
            int book = books.indexOf(binding.name());
            if (book < 0) {
                String guess = Suggestions.closest(binding.name(), books, false)
                        .map(g -> "; did you mean '" + g + "'?")
                        .orElse(";");
                throw new UserError("--data " + binding.text() + ": '" + binding.name() + "' is not a Book input "
                        + "the graph reads" + guess + " its books are " + String.join(", ", books));
            }
            files.get(book).add(binding.file());
        }
        List<String> unbound = new ArrayList<>();
        for (int i = 0; i < books.size(); i++) {
            if (files.get(i).isEmpty()) {
                unbound.add(books.get(i));
            }
        }
        if (!unbound.isEmpty()) {
            throw new UserError((unbound.size() == 1
                            ? "book '" + unbound.get(0) + "' has"
                            : "books "
                                    + String.join(
                                            ", ",
                                            unbound.stream()
                                                    .map(b -> "'" + b + "'")
                                                    .toList()) + " have")
                    + " no data; add "
                    + String.join(
                            " ",
                            unbound.stream().map(b -> "--data " + b + "=FILE").toList()));
        }
        for (int i = 0; i < books.size(); i++) {
            requireReadable(named ? books.get(i) + "=" : "", files.get(i));
        }
        return new DataBindings(books, files, onGap);
    }

    /**
     * The files of a one-book replay without the graph at hand: every {@code --data} as a plain FILE (or all of one
     * NAME), checked as {@link #bind} checks them.
     */
    EventSource open() {
        List<Path> files = oneFeed(data, "this command replays one book");
        try {
            return EventSources.open(files, onGap);
        } catch (MarketDataException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * The files of {@code --data} arguments that must be one feed: plain FILEs, or NAME=FILEs of one NAME; checked as
     * {@link #bind} checks them.
     *
     * @param why what the command does, for the message when the arguments name several feeds
     */
    static List<Path> oneFeed(List<String> data, String why) {
        List<Binding> bindings = data.stream().map(Binding::parse).toList();
        List<String> names =
                bindings.stream().map(b -> String.valueOf(b.name())).distinct().toList();
        if (names.size() > 1) {
            throw new UserError("--data " + bindings.get(bindings.size() - 1).text() + ": " + why + ", but the "
                    + "--data options name " + names.size() + " feeds (" + String.join(", ", names) + "); give the "
                    + "files of one feed");
        }
        List<Path> files = bindings.stream().map(Binding::file).toList();
        requireReadable(bindings.get(0).name() == null ? "" : bindings.get(0).name() + "=", files);
        return files;
    }

    private static void requireReadable(String prefix, List<Path> files) {
        try {
            EventSources.requireReadable(files);
        } catch (MarketDataException e) {
            throw new UserError("--data " + prefix + e.getMessage());
        }
    }

    /** One {@code --data}: {@code NAME=FILE} when it starts with an identifier and '=', else a plain FILE. */
    record Binding(String name, Path file, String text) {
        private static final Pattern NAMED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

        static Binding parse(String text) {
            Matcher m = NAMED.matcher(text);
            if (!m.matches()) {
                if (text.isEmpty()) {
                    throw new UserError("--data '': expected [NAME=]FILE");
                }
                return new Binding(null, Path.of(text), text);
            }
            if (m.group(2).isEmpty()) {
                throw new UserError("--data " + text + ": expected NAME=FILE, with a file after '='");
            }
            return new Binding(m.group(1), Path.of(m.group(2)), text);
        }
    }
}
