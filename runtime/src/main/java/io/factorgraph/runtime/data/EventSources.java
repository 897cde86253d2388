package io.factorgraph.runtime.data;

import io.factorgraph.runtime.data.pipeline.PipelinedEventSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Opens recorded market data by its file type ({@link EventFormats}): hftbacktest's raw Binance feed files
 * ({@code .gz}), which continue one stream across files, or hftbacktest {@code .npz} event files or factorgraph
 * {@code .fgev} event files, read one after another. One call, so that every command accepts the same files.
 */
public final class EventSources {
    /**
     * The system property that turns decoding on its own thread off ({@code false}) or on whatever the cores
     * ({@code true}); unset, it is on for decode-bound formats when at least two cores are available. One core would
     * only interleave the two threads' work and add the hand-over; on two, {@code fg run}'s path on the recorded
     * BTCUSDT feed goes from 7.0 to 8.2 M events/s and the full backtest from 4.2 to 5.9 M (BENCHMARKS.md, table 5).
     */
    public static final String PIPELINE_PROPERTY = "factorgraph.decode.pipeline";

    private EventSources() {}

    /**
     * Opens {@code files}. A decode-bound format ({@link EventFormat#decodeBound()}: the gzip Binance feeds) is
     * decoded on a thread of its own ({@link PipelinedEventSource}, one per call, so one per feed of a merged
     * replay) when at least two cores are available and {@value #PIPELINE_PROPERTY} is not {@code false}: the
     * events, positions, gaps and errors are the same, and the book and graph run while the next lines are
     * decoded.
     *
     * @throws MarketDataException when a file cannot be read, the files mix types, or a type is not
     *     recognised (naming the file and the expected endings)
     */
    public static EventSource open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        return open(files, gapPolicy, new byte[0]);
    }

    /**
     * Opens {@code files} as {@link #open(List, GapPolicy)} does, continuing the stream whose source returned
     * {@code continuation} ({@link EventSource#continuation()}; empty for a fresh start), so that files which go on
     * from where a saved run stopped are read without a new sync (docs/DESIGN.md §13).
     *
     * @throws MarketDataException as {@link #open(List, GapPolicy)}, or when the continuation is of another format
     */
    public static EventSource open(List<Path> files, GapPolicy gapPolicy, byte[] continuation)
            throws MarketDataException {
        EventFormat format = formatOf(files);
        EventSource source = format.open(files, gapPolicy, continuation);
        if (!format.decodeBound() || !pipelining()) {
            return source;
        }
        return new PipelinedEventSource(source, "fg-decode " + files.get(0).getFileName());
    }

    /** Whether {@link #open} decodes decode-bound formats on a thread of their own; see {@link #PIPELINE_PROPERTY}. */
    public static boolean pipelining() {
        String setting = System.getProperty(PIPELINE_PROPERTY, "");
        if (setting.equalsIgnoreCase("false")) {
            return false;
        }
        return setting.equalsIgnoreCase("true") || Runtime.getRuntime().availableProcessors() >= 2;
    }

    /**
     * The one format all {@code files} are of.
     *
     * @throws MarketDataException when a type is not recognised or the files mix types, naming the file
     * @throws IllegalArgumentException when no file is given
     */
    public static EventFormat formatOf(List<Path> files) throws MarketDataException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no data files given");
        }
        List<EventFormat> formats = new ArrayList<>(files.size());
        for (Path file : files) {
            formats.add(EventFormats.of(file)
                    .orElseThrow(() -> new MarketDataException(
                            String.valueOf(file),
                            "unknown data file type: expected " + EventFormats.describe(f -> true))));
        }
        EventFormat format = formats.get(0);
        for (EventFormat other : formats) {
            if (other != format) {
                throw new MarketDataException(
                        String.valueOf(files.get(0)),
                        "the data files mix "
                                + format.pluralDescription() + " and " + other.pluralDescription()
                                + "; give files of one kind");
            }
        }
        return format;
    }

    /**
     * Checks, before any of them is read, that {@code files} can be one feed's stream: each exists, all are of one
     * recognised format, none is given twice, and they start in time order (by {@link EventFormat#firstLocalTs},
     * which reads one line or record of each). So that a command refuses a wrong binding at once instead of after
     * minutes of replay.
     *
     * @throws MarketDataException naming the file and what is wrong with it
     * @throws IllegalArgumentException when no file is given
     */
    public static void requireReadable(List<Path> files) throws MarketDataException {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new MarketDataException(
                        String.valueOf(file),
                        Files.isDirectory(file) ? "is a directory, not a data file" : "no such file");
            }
        }
        EventFormat format = formatOf(files);
        long previousStart = Long.MIN_VALUE;
        Path previous = null;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            for (int j = 0; j < i; j++) {
                if (sameFile(files.get(j), file)) {
                    throw new MarketDataException(
                            String.valueOf(file), "given twice for one feed; give each file once, in time order");
                }
            }
            OptionalLong start = format.firstLocalTs(file);
            if (start.isEmpty()) {
                continue;
            }
            if (previous != null && start.getAsLong() < previousStart) {
                throw new MarketDataException(
                        String.valueOf(file),
                        "files out of order: it starts at local time " + start.getAsLong() + ", before " + previous
                                + " (starts at " + previousStart + "); give one feed's files in time order");
            }
            previous = file;
            previousStart = start.getAsLong();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.equals(b);
        }
    }
}
