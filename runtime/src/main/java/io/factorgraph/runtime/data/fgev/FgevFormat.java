package io.factorgraph.runtime.data.fgev;

import io.factorgraph.runtime.data.ChainedEventSource;
import io.factorgraph.runtime.data.Conversion;
import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.EventFormats;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.WritableEventFormat;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * factorgraph's own event file ({@link EventFile}): read as a binary scan, one file after another; written by
 * replaying the inputs through {@link EventSources} (so a Binance feed is synchronised exactly as for a replay,
 * under the conversion's {@link GapPolicy}) with the symbol and the conversion's description in the header.
 */
public final class FgevFormat implements WritableEventFormat {
    private static final int MAX_DESCRIPTION_CHARS = 4096;

    @Override
    public String description() {
        return "a factorgraph event file (" + EventFile.EXTENSION + ")";
    }

    @Override
    public String pluralDescription() {
        return "factorgraph event files (" + EventFile.EXTENSION + ")";
    }

    @Override
    public boolean recognises(Path file) {
        return EventFile.hasExtension(String.valueOf(file.getFileName()));
    }

    @Override
    public EventSource open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        return ChainedEventSource.openEach(files, EventFileReader::open);
    }

    @Override
    public String symbol(Path file) {
        try (EventFileReader reader = EventFileReader.open(file)) {
            return reader.header().symbol();
        } catch (MarketDataException e) {
            return ""; // converting reports it
        }
    }

    /** The first record's local time: this reads the header and the first batch of records. */
    @Override
    public OptionalLong firstLocalTs(Path file) {
        try (EventFileReader reader = EventFileReader.open(file)) {
            return reader.next() ? OptionalLong.of(reader.event().localTs()) : OptionalLong.empty();
        } catch (MarketDataException e) {
            return OptionalLong.empty(); // the replay reports it
        }
    }

    @Override
    public DataConverter.Result write(Conversion c) throws MarketDataException, IOException {
        try (EventSource source = EventSources.open(c.inputs(), c.gapPolicy());
                EventFileWriter writer = EventFileWriter.create(c.output(), c.symbol(), description(c))) {
            MarketEvent e = source.event();
            while (source.next()) {
                try {
                    writer.write(e);
                } catch (IllegalArgumentException bad) {
                    throw new MarketDataException(source.position(), bad.getMessage(), bad);
                }
            }
            EventFileHeader header = writer.finish();
            return new DataConverter.Result(
                    c.output(), header.eventCount(), header.fileSize(), c.symbol(), source.gaps(), 0);
        }
    }

    /** {@code fg convert --data a.gz --data b.gz --on-gap fail}, with file names only, capped in length. */
    static String description(Conversion c) {
        boolean sequenced = c.inputs().stream()
                .anyMatch(p -> EventFormats.of(p).map(f -> f.sequenced()).orElse(false));
        String text = "fg convert "
                + c.inputs().stream().map(p -> "--data " + p.getFileName()).collect(Collectors.joining(" "))
                + (sequenced ? " --on-gap " + c.gapPolicy().name().toLowerCase(Locale.ROOT) : "");
        return text.length() <= MAX_DESCRIPTION_CHARS ? text : text.substring(0, MAX_DESCRIPTION_CHARS - 3) + "...";
    }
}
