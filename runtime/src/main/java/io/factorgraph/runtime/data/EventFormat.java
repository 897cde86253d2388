package io.factorgraph.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * One kind of recorded market data file: how to recognise it and how to read it as an {@link EventSource}.
 * A format that can also be written ({@code fg convert -o}) implements {@link WritableEventFormat}.
 *
 * <p>Formats are found by file name only ({@link #recognises}), before any file is opened, so that a
 * command can refuse a wrong file before it starts. Each format lives in a package of its own
 * ({@code runtime.data.binance}, {@code .npz}, {@code .fgev}) and is registered once, in {@link EventFormats}.
 */
public interface EventFormat {
    /** The format as one file of it is named in messages, with its extension: "a recorded Binance feed (.gz)". */
    String description();

    /** The format as several files of it are named in messages: "recorded feeds (.gz)". */
    String pluralDescription();

    /** Whether {@code file}'s name says it is of this format (its extension, case-insensitive). */
    boolean recognises(Path file);

    /**
     * Opens {@code files}, all of this format, as one stream in the order given.
     *
     * @param gapPolicy what a sequence gap does, for formats that check sequence numbers ({@link #sequenced})
     * @throws MarketDataException when a file cannot be read, naming the file (and line or row)
     */
    EventSource open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException;

    /**
     * Opens {@code files} as the continuation of a stream another source of this format ended, given what that
     * source's {@link EventSource#continuation()} returned (docs/DESIGN.md §13). A format that carries nothing from
     * file to file accepts only an empty continuation.
     *
     * @throws MarketDataException when a file cannot be read, or the continuation is not this format's
     */
    default EventSource open(List<Path> files, GapPolicy gapPolicy, byte[] continuation) throws MarketDataException {
        if (continuation.length != 0) {
            throw new MarketDataException(
                    String.valueOf(files.get(0)),
                    "the state snapshot continues a feed of another format than " + pluralDescription()
                            + "; continue it with files of the format it was taken on");
        }
        return open(files, gapPolicy);
    }

    /**
     * Whether decoding this format costs about as much as the replay itself (gunzip and text parsing), so that
     * {@link EventSources#open} decodes it on a thread of its own when a second core is available.
     */
    default boolean decodeBound() {
        return false;
    }

    /** Whether the format carries exchange sequence numbers, so that {@link GapPolicy} means something for it. */
    default boolean sequenced() {
        return false;
    }

    /** The instrument's symbol as the file records it, or {@code ""} when it does not (or cannot be read). */
    default String symbol(Path file) {
        return "";
    }

    /**
     * The local time {@code file} starts at, read cheaply (its first line or record), so that files of one feed
     * given out of time order are refused before a replay reads any of them; empty when the format cannot say
     * without reading the whole file (the replay still refuses files out of order when it reaches them).
     */
    default OptionalLong firstLocalTs(Path file) {
        return OptionalLong.empty();
    }
}
