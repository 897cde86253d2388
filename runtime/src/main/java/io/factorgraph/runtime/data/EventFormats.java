package io.factorgraph.runtime.data;

import io.factorgraph.runtime.data.binance.BinanceFeedFormat;
import io.factorgraph.runtime.data.fgev.FgevFormat;
import io.factorgraph.runtime.data.npz.NpzFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The registry of data formats every command accepts: adding a format is one line in {@link #ALL}. The order
 * is the order in which messages list the formats.
 */
public final class EventFormats {
    private static final List<EventFormat> ALL = List.of(new BinanceFeedFormat(), new NpzFormat(), new FgevFormat());

    private EventFormats() {}

    /** Every registered format. */
    public static List<EventFormat> all() {
        return ALL;
    }

    /** The format {@code file}'s name says it is, if any. */
    public static Optional<EventFormat> of(Path file) {
        return ALL.stream().filter(f -> f.recognises(file)).findFirst();
    }

    /** The formats {@code fg convert} can write. */
    public static List<WritableEventFormat> writable() {
        return ALL.stream()
                .filter(WritableEventFormat.class::isInstance)
                .map(WritableEventFormat.class::cast)
                .toList();
    }

    /** "a, b or c" of the formats' descriptions, for messages naming what was expected. */
    static String describe(List<? extends EventFormat> formats) {
        List<String> names = formats.stream().map(EventFormat::description).toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** {@link #describe} of the formats matching {@code which}. */
    static String describe(Predicate<EventFormat> which) {
        return describe(ALL.stream().filter(which).toList());
    }
}
