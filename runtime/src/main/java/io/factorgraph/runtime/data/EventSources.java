package io.factorgraph.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Opens recorded market data by its file type: hftbacktest's raw Binance feed files ({@code .gz}),
 * which continue one stream across files, or hftbacktest {@code .npz} event files or factorgraph
 * {@code .fgev} event files ({@link EventFile}), read one after another. One call, so that every command
 * accepts the same files.
 */
public final class EventSources {
    private EventSources() {
    }

    /**
     * @throws MarketDataException when a file cannot be read, the files mix types, or a type is not
     *     recognised (naming the file and the expected endings)
     */
    public static EventSource open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no data files given");
        }
        boolean gz = false;
        boolean npz = false;
        boolean fgev = false;
        for (Path file : files) {
            String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
            if (name.endsWith(".gz")) {
                gz = true;
            } else if (name.endsWith(".npz")) {
                npz = true;
            } else if (EventFile.hasExtension(name)) {
                fgev = true;
            } else {
                throw new MarketDataException(String.valueOf(file), "unknown data file type: expected a recorded "
                        + "Binance feed (.gz), an hftbacktest event file (.npz) or a factorgraph event file (.fgev)");
            }
        }
        if (gz && npz) {
            throw new MarketDataException(String.valueOf(files.get(0)),
                    "the data files mix recorded feeds (.gz) and event files (.npz); give files of one kind");
        }
        if (fgev && (gz || npz)) {
            throw new MarketDataException(String.valueOf(files.get(0)), "the data files mix factorgraph event files "
                    + "(" + EventFile.EXTENSION + ") and " + (gz ? "recorded feeds (.gz)" : "event files (.npz)")
                    + "; give files of one kind");
        }
        if (gz) {
            return BinanceFeedReader.open(files, gapPolicy);
        }
        List<EventSource> sources = new ArrayList<>();
        try {
            for (Path file : files) {
                sources.add(fgev ? EventFileReader.open(file) : NpzEventReader.open(file));
            }
        } catch (MarketDataException e) {
            sources.forEach(EventSource::close);
            throw e;
        }
        return sources.size() == 1 ? sources.get(0) : new ChainedEventSource(sources);
    }
}
