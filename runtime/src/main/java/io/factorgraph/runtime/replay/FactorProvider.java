package io.factorgraph.runtime.replay;

import io.factorgraph.runtime.data.MarketDataException;

/**
 * "The next factor update", whether it is computed here from recorded data or received from a live
 * factor engine. Strategy-running code is written once against this interface, so the backtest and
 * live paths cannot drift apart.
 */
public interface FactorProvider extends AutoCloseable {
    /**
     * Advances to the next update; false when the stream has ended.
     *
     * @throws MarketDataException when the data behind the stream is broken, naming where
     */
    boolean next() throws MarketDataException;

    /** The current update; the same instance for the life of the provider. */
    FactorUpdate current();

    @Override
    void close();
}
