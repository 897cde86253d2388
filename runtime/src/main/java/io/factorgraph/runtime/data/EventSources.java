package io.factorgraph.runtime.data;

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
    private EventSources() {}

    /**
     * @throws MarketDataException when a file cannot be read, the files mix types, or a type is not
     *     recognised (naming the file and the expected endings)
     */
    public static EventSource open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        return formatOf(files).open(files, gapPolicy);
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
