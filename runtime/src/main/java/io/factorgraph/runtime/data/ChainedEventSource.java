package io.factorgraph.runtime.data;

import io.factorgraph.runtime.market.MarketEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several event sources read one after another as one stream, on one cursor: how formats whose files stand
 * alone ({@code .npz}, {@code .fgev}) read several files. The local clock must not go back across a boundary:
 * files given out of order are an error, not a silent reordering.
 */
public final class ChainedEventSource implements EventSource {
    private final List<EventSource> sources;
    private final MarketEvent event = new MarketEvent();
    private int current;
    private long lastLocalTs = Long.MIN_VALUE;

    ChainedEventSource(List<EventSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Opens one file of a format. */
    @FunctionalInterface
    public interface FileOpener {
        EventSource open(Path file) throws MarketDataException;
    }

    /**
     * Opens each file with {@code opener} and reads them in order: the file's own source when there is one,
     * else a chain. A file that fails to open closes those already open.
     */
    public static EventSource openEach(List<Path> files, FileOpener opener) throws MarketDataException {
        List<EventSource> sources = new ArrayList<>();
        try {
            for (Path file : files) {
                sources.add(opener.open(file));
            }
        } catch (MarketDataException e) {
            sources.forEach(EventSource::close);
            throw e;
        }
        return sources.size() == 1 ? sources.get(0) : new ChainedEventSource(sources);
    }

    @Override
    public boolean next() throws MarketDataException {
        while (current < sources.size()) {
            EventSource source = sources.get(current);
            if (source.next()) {
                MarketEvent read = source.event();
                if (read.localTs() < lastLocalTs && read.isLocal()) {
                    throw new MarketDataException(
                            source.position(),
                            "files out of order: this file starts at local "
                                    + "time " + read.localTs() + ", before the previous file's last event at "
                                    + lastLocalTs
                                    + "; give the files in time order");
                }
                lastLocalTs = Math.max(lastLocalTs, read.localTs());
                event.copyFrom(read);
                return true;
            }
            current++;
        }
        return false;
    }

    @Override
    public MarketEvent event() {
        return event;
    }

    @Override
    public String position() {
        return sources.get(Math.min(current, sources.size() - 1)).position();
    }

    @Override
    public void close() {
        sources.forEach(EventSource::close);
    }
}
