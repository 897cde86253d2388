package io.factorgraph.runtime.data;

import java.io.IOException;

/**
 * An {@link EventFormat} that {@code fg convert} can write. {@link DataConverter} has already checked the
 * request (the output is not an input, not a directory, and of this format); the writer replaces the output
 * only when the whole conversion succeeded ({@link PartFiles}).
 */
public interface WritableEventFormat extends EventFormat {
    /**
     * Writes {@code conversion.inputs()} into {@code conversion.output()}.
     *
     * @throws MarketDataException when an input cannot be read or cannot be expressed in this format, naming
     *     the file and line
     * @throws IOException when the output cannot be written
     */
    DataConverter.Result write(Conversion conversion) throws MarketDataException, IOException;
}
