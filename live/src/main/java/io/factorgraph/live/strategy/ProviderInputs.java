package io.factorgraph.live.strategy;

import io.factorgraph.runtime.execution.SinkInputs;

/** The sink's inputs on a live run: the current factor update's sink arguments and best levels. */
final class ProviderInputs implements SinkInputs {
    private final LiveFactorProvider provider;

    ProviderInputs(LiveFactorProvider provider) {
        this.provider = provider;
    }

    @Override
    public double argument(int index) {
        return provider.sinkArgument(index);
    }

    @Override
    public double bestBid() {
        return provider.current().bestBid();
    }

    @Override
    public double bestAsk() {
        return provider.current().bestAsk();
    }
}
