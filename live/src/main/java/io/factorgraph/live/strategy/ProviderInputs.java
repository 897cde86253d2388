package io.factorgraph.live.strategy;

import io.factorgraph.runtime.execution.SinkInputs;

/**
 * A sink's inputs on a live run: its own arguments among the current factor update's sink arguments (every sink's, in
 * the order of the graph's sinks), and the best levels of the book it trades.
 */
final class ProviderInputs implements SinkInputs {
    private final LiveFactorProvider provider;
    private final int argumentOffset;
    private final int book;

    ProviderInputs(LiveFactorProvider provider) {
        this(provider, 0, 0);
    }

    /**
     * @param argumentOffset where this sink's arguments start among the update's sink arguments
     * @param book the index of the book the sink trades
     */
    ProviderInputs(LiveFactorProvider provider, int argumentOffset, int book) {
        this.provider = provider;
        this.argumentOffset = argumentOffset;
        this.book = book;
    }

    @Override
    public double argument(int index) {
        return provider.sinkArgument(argumentOffset + index);
    }

    @Override
    public double bestBid() {
        return provider.current().bestBid(book);
    }

    @Override
    public double bestAsk() {
        return provider.current().bestAsk(book);
    }
}
