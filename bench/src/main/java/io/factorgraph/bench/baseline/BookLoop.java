package io.factorgraph.bench.baseline;

import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.L2Book;

/**
 * Every event of a source applied to a book through a {@link BookBuilder}, and nothing else: the same
 * loop for the tick-indexed book and the first-round baseline, so that their replay rates differ by the
 * book alone.
 */
public final class BookLoop {
    private BookLoop() {}

    /** Applies every event of {@code source} (closing it) to {@code book}; returns how many there were. */
    public static long replay(EventSource source, L2Book book) throws MarketDataException {
        BookBuilder builder = BookBuilder.local(book);
        long n = 0;
        try (source) {
            while (source.next()) {
                builder.apply(source.event());
                n++;
            }
        }
        return n;
    }
}
