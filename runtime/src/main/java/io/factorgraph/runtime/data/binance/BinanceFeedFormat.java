package io.factorgraph.runtime.data.binance;

import io.factorgraph.runtime.data.EventFormat;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.GapPolicy;
import io.factorgraph.runtime.data.MarketDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/**
 * hftbacktest's raw Binance feed recordings ({@code .gz}): several files continue one stream, synchronised
 * with the REST snapshot and checked for sequence gaps by {@link BinanceFeedReader}.
 */
public final class BinanceFeedFormat implements EventFormat {
    @Override
    public String description() {
        return "a recorded Binance feed (.gz)";
    }

    @Override
    public String pluralDescription() {
        return "recorded feeds (.gz)";
    }

    @Override
    public boolean recognises(Path file) {
        return String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    @Override
    public EventSource open(List<Path> files, GapPolicy gapPolicy) throws MarketDataException {
        return BinanceFeedReader.open(files, gapPolicy);
    }

    @Override
    public EventSource open(List<Path> files, GapPolicy gapPolicy, byte[] continuation) throws MarketDataException {
        return BinanceFeedReader.open(files, gapPolicy, continuation);
    }

    @Override
    public boolean decodeBound() {
        return true;
    }

    @Override
    public boolean sequenced() {
        return true;
    }

    /** The symbol of the first {@code "stream":"<symbol>@..."} in the first lines of a recorded feed, or "". */
    @Override
    public String symbol(Path feed) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(feed), 1 << 16), StandardCharsets.UTF_8))) {
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

    /** The receive time at the start of the first line: {@code <local ns> <JSON>}. */
    @Override
    public OptionalLong firstLocalTs(Path feed) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(feed), 1 << 12), StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            int space = line == null ? -1 : line.indexOf(' ');
            return space > 0 ? OptionalLong.of(Long.parseLong(line.substring(0, space))) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // the replay reads the file again and reports what is wrong with it
        }
    }
}
