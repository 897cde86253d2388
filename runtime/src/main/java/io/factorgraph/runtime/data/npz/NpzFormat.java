package io.factorgraph.runtime.data.npz;

import io.factorgraph.runtime.data.ChainedEventSource;
import io.factorgraph.runtime.data.Conversion;
import io.factorgraph.runtime.data.DataConverter;
import io.factorgraph.runtime.data.EventFormat;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.data.WritableEventFormat;
import io.factorgraph.runtime.data.binance.BinanceFeedFormat;
import io.factorgraph.runtime.market.MarketEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * hftbacktest's {@code .npz} event file: read by {@link NpzEventReader}, written by {@link NpzEventWriter}; a
 * recorded Binance feed is exported as hftbacktest's own converter exports it ({@link FeedExport}).
 */
public final class NpzFormat implements WritableEventFormat {
    @Override
    public String description() {
        return "an hftbacktest event file (.npz)";
    }

    @Override
    public String pluralDescription() {
        return "hftbacktest event files (.npz)";
    }

    @Override
    public boolean recognises(Path file) {
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".npz");
    }

    @Override
    public EventSource open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        return ChainedEventSource.openEach(files, NpzEventReader::open);
    }

    /**
     * A recorded Binance feed is written as hftbacktest's own converter writes it ({@link FeedExport}); an
     * {@code .npz} is copied row for row. An {@code .fgev} is refused: it holds the synchronised local stream
     * only, without the exchange timeline hftbacktest needs.
     */
    @Override
    public DataConverter.Result write(Conversion c) throws MarketDataException, IOException {
        EventFormat input = c.inputFormat();
        if (input instanceof BinanceFeedFormat) {
            return FeedExport.convert(c);
        }
        if (!(input instanceof NpzFormat)) {
            throw new MarketDataException(
                    String.valueOf(c.inputs().get(0)),
                    "cannot write " + input.description()
                            + " as an hftbacktest .npz: it holds the synchronised local stream only, without the exchange "
                            + "timeline hftbacktest needs; convert the recorded feed (.gz) instead");
        }
        try (EventSource source = EventSources.open(c.inputs(), c.gapPolicy());
                NpzEventWriter writer = NpzEventWriter.create(c.output())) {
            MarketEvent e = source.event();
            while (source.next()) {
                writer.write(e);
            }
            long events = writer.eventCount();
            long bytes = writer.finish();
            return new DataConverter.Result(c.output(), events, bytes, c.symbol(), source.gaps(), 0);
        }
    }
}
