package io.factorgraph.live.connector;

import io.factorgraph.runtime.data.EventSource;

/**
 * The connector's seam for market data that comes from a venue rather than a file: an {@link EventSource} whose next
 * event may not have arrived yet. The replay reads it only when {@link #ready()}, so that its thread, which also serves
 * the orders and the heartbeats, never waits on the network. A recorded file is always ready.
 */
public interface LiveMarketData extends EventSource {
    /** Whether {@link #next()} would return without waiting (an event is here, or the data has ended). */
    boolean ready();
}
