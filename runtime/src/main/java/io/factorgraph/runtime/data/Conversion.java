package io.factorgraph.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code fg convert} was asked to do, as a {@link WritableEventFormat} receives it.
 *
 * @param inputs the files to read, in time order
 * @param inputFormat the one format of all the inputs
 * @param output the file to write
 * @param gapPolicy what a sequence gap in a feed does
 * @param symbol the symbol to record where the format has a place for it; empty for none
 * @param bookTicker whether a writer that leaves best bid/offer messages out by default (the hftbacktest
 *     {@code .npz} export, as hftbacktest's converter does) should keep them
 */
public record Conversion(
        List<Path> inputs,
        EventFormat inputFormat,
        Path output,
        GapPolicy gapPolicy,
        String symbol,
        boolean bookTicker) {
    public Conversion {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(inputFormat, "inputFormat");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(gapPolicy, "gapPolicy");
        Objects.requireNonNull(symbol, "symbol");
    }
}
