package io.factorgraph.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code fg convert}: reads recorded data of any {@link EventFormat} and writes it in the
 * {@link WritableEventFormat} the output's extension names ({@link EventFormats#writable()}).
 *
 * <p>The output must not be one of the inputs; it is written atomically, so a failed conversion leaves
 * whatever was at the output's path untouched. The symbol recorded (where the output has a place for one) is
 * the one given, else the one the first input records ({@link EventFormat#symbol}), else none.
 */
public final class DataConverter {
    private DataConverter() {}

    /**
     * What a conversion wrote.
     *
     * @param output the file written
     * @param events events (rows) written
     * @param bytes the output's size
     * @param symbol the symbol recorded or found; may be empty
     * @param gaps sequence gaps a Binance feed was re-synchronised over (empty unless {@link GapPolicy#RESYNC})
     * @param localShiftNs how far every local timestamp was moved later so that no feed latency is negative
     *     (the hftbacktest {@code .npz} export of a feed, as hftbacktest's {@code correct_local_timestamp}); 0
     *     when the timestamps were kept
     */
    public record Result(
            Path output, long events, long bytes, String symbol, List<SequenceGap> gaps, long localShiftNs) {
        public Result {
            gaps = List.copyOf(gaps);
        }
    }

    /** Whether {@code output}'s name ends in an extension {@link #convert} writes. */
    public static boolean isWritable(Path output) {
        return writerFor(output).isPresent();
    }

    /**
     * The writable types, as messages name them: "an hftbacktest event file (.npz) or a factorgraph event file
     * (.fgev)".
     */
    public static String writableTypes() {
        return EventFormats.describe(EventFormats.writable());
    }

    /**
     * Converts as {@link #convert(List, GapPolicy, Path, String, boolean)} does, leaving best bid/offer to the
     * format's default.
     */
    public static Result convert(List<Path> inputs, GapPolicy gapPolicy, Path output, String symbol)
            throws MarketDataException, IOException {
        return convert(inputs, gapPolicy, output, symbol, false);
    }

    /**
     * Converts {@code inputs} (any files {@link EventSources#open} reads) into {@code output}.
     *
     * @param symbol the symbol to record, or null to find it in the data
     * @param bookTicker keep best bid/offer messages where the output format leaves them out by default
     * @throws IllegalArgumentException when the output's type is not writable, the output is one of the inputs
     *     or a directory
     * @throws MarketDataException when the input cannot be read, naming file and line
     * @throws IOException when the output cannot be written
     */
    public static Result convert(List<Path> inputs, GapPolicy gapPolicy, Path output, String symbol, boolean bookTicker)
            throws MarketDataException, IOException {
        WritableEventFormat writer = writerFor(output)
                .orElseThrow(() ->
                        new IllegalArgumentException(output + ": unknown output type: expected " + writableTypes()));
        for (Path input : inputs) {
            if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output)) {
                throw new IllegalArgumentException(
                        output + " is also an input file; write the conversion to " + "another file");
            }
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException(output + " is a directory");
        }
        EventFormat inputFormat = EventSources.formatOf(inputs);
        String sym = symbol != null ? symbol : inputFormat.symbol(inputs.get(0));
        return writer.write(new Conversion(inputs, inputFormat, output, gapPolicy, sym, bookTicker));
    }

    private static Optional<WritableEventFormat> writerFor(Path output) {
        return EventFormats.writable().stream()
                .filter(f -> f.recognises(output))
                .findFirst();
    }
}
