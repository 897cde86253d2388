package io.factorgraph.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
