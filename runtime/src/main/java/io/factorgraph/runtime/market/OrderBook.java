package io.factorgraph.runtime.market;

/** Placeholder until the market model lands; replaced by the full L2 book. */
public final class OrderBook {
    public void clear() {
    }
}
