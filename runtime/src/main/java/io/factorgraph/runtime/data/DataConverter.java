package io.factorgraph.runtime.data;

import io.factorgraph.runtime.market.MarketEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * {@code fg convert}: replays recorded data through {@link EventSources} (so a Binance feed is
 * synchronised exactly as for a replay, under the given {@link GapPolicy}) and writes the event stream to
 * an {@code .fgev} file ({@link EventFileWriter}) or an hftbacktest {@code .npz} ({@link NpzEventWriter}),
 * chosen by the output's extension.
 *
 * <p>The output must not be one of the inputs; it is written atomically, so a failed conversion leaves
 * whatever was at the output's path untouched. The {@code .fgev} header records the symbol (given, else
 * the Binance stream's, else an {@code .fgev} input's, else none) and the inputs and options as the
 * source description.
 */
public final class DataConverter {
    private static final int MAX_DESCRIPTION_CHARS = 4096;

    private DataConverter() {
    }

    /**
     * What a conversion wrote.
     *
     * @param output the file written
     * @param events events written
     * @param bytes the output's size
     * @param symbol the symbol recorded ({@code .fgev}) or found; may be empty
     * @param gaps sequence gaps a Binance feed was re-synchronised over (empty unless {@link GapPolicy#RESYNC})
     */
    public record Result(Path output, long events, long bytes, String symbol, List<SequenceGap> gaps) {
        public Result {
            gaps = List.copyOf(gaps);
        }
    }

    /** Whether {@code output}'s name ends in an extension {@link #convert} writes ({@code .fgev}, {@code .npz}). */
    public static boolean isWritable(Path output) {
        String name = String.valueOf(output.getFileName());
        return EventFile.hasExtension(name) || name.toLowerCase(Locale.ROOT).endsWith(".npz");
    }

    /**
     * Converts {@code inputs} (any files {@link EventSources#open} reads) into {@code output}.
     *
     * @param symbol the symbol to record, or null to find it in the data
     * @throws IllegalArgumentException when the output's type is not {@code .fgev} or {@code .npz}, the
     *     output is one of the inputs or a directory
     * @throws MarketDataException when the input cannot be read, naming file and line
     * @throws IOException when the output cannot be written
     */
    public static Result convert(List<Path> inputs, GapPolicy gapPolicy, Path output, String symbol)
            throws MarketDataException, IOException {
        if (!isWritable(output)) {
            throw new IllegalArgumentException(output + ": unknown output type: expected a factorgraph event file "
                    + "(" + EventFile.EXTENSION + ") or an hftbacktest event file (.npz)");
        }
        for (Path input : inputs) {
            if (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output)) {
                throw new IllegalArgumentException(output + " is also an input file; write the conversion to "
                        + "another file");
            }
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException(output + " is a directory");
        }
        String sym = symbol != null ? symbol : findSymbol(inputs);
        try (EventSource source = EventSources.open(inputs, gapPolicy)) {
            MarketEvent e = source.event();
            long events;
            long bytes;
            if (EventFile.hasExtension(String.valueOf(output.getFileName()))) {
                try (EventFileWriter writer = EventFileWriter.create(output, sym, description(inputs, gapPolicy))) {
                    while (source.next()) {
                        try {
                            writer.write(e);
                        } catch (IllegalArgumentException bad) {
                            throw new MarketDataException(source.position(), bad.getMessage(), bad);
                        }
                    }
                    EventFileHeader header = writer.finish();
                    events = header.eventCount();
                    bytes = header.fileSize();
                }
            } else {
                try (NpzEventWriter writer = NpzEventWriter.create(output)) {
                    while (source.next()) {
                        writer.write(e);
                    }
                    events = writer.eventCount();
                    bytes = writer.finish();
                }
            }
            List<SequenceGap> gaps = source instanceof BinanceFeedReader feed ? feed.stats().gaps() : List.of();
            return new Result(output, events, bytes, sym, gaps);
        }
    }

    /** {@code fg convert --data a.gz --data b.gz --on-gap fail}, with file names only, capped in length. */
    static String description(List<Path> inputs, GapPolicy gapPolicy) {
        boolean feed = inputs.stream().anyMatch(p -> String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT)
                .endsWith(".gz"));
        String text = "fg convert " + inputs.stream().map(p -> "--data " + p.getFileName())
                .collect(Collectors.joining(" ")) + (feed ? " --on-gap " + gapPolicy.name().toLowerCase(Locale.ROOT)
                : "");
        return text.length() <= MAX_DESCRIPTION_CHARS ? text : text.substring(0, MAX_DESCRIPTION_CHARS - 3) + "...";
    }

    /** An {@code .fgev} input's symbol, else the first Binance stream name's symbol part, else {@code ""}. */
    static String findSymbol(List<Path> inputs) {
        for (Path input : inputs) {
            String name = String.valueOf(input.getFileName()).toLowerCase(Locale.ROOT);
            if (EventFile.hasExtension(name)) {
                try (EventFileReader reader = EventFileReader.open(input)) {
                    if (!reader.header().symbol().isEmpty()) {
                        return reader.header().symbol();
                    }
                } catch (MarketDataException e) {
                    return ""; // converting reports it
                }
            } else if (name.endsWith(".gz")) {
                return binanceSymbol(input);
            }
        }
        return "";
    }

    /** The symbol of the first {@code "stream":"<symbol>@..."} in the first lines of a recorded feed, or "". */
    private static String binanceSymbol(Path feed) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(feed), 1 << 16), StandardCharsets.UTF_8))) {
            String key = "\"stream\":\"";
            String line;
            for (int n = 0; n < 10_000 && (line = lines.readLine()) != null; n++) {
                int at = line.indexOf(key);
                if (at >= 0) {
                    int start = at + key.length();
                    int end = line.indexOf('@', start);
                    int quote = line.indexOf('"', start);
                    if (end > start && (quote < 0 || end < quote) && end - start <= 64) {
                        return line.substring(start, end);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // converting reads the file again and reports what is wrong with it
        }
        return "";
    }
}
