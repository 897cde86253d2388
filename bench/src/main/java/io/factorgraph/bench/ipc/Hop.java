package io.factorgraph.bench.ipc;

import io.factorgraph.live.transport.Streams;
import java.util.Arrays;
import java.util.Locale;

/**
 * What {@link HopLink} sends: a raw Aeron ping (the baseline), or one message of a live hop, encoded and decoded by
 * the live processes' own code. Each hop goes out on its live stream id and comes back on that id + 100.
 */
public enum Hop {
    /** Raw bytes, as many as the largest of the factor update, order and report messages. */
    PING("raw Aeron ping, small message", 9001),
    /** Raw bytes, as many as the market data batch. */
    PING_BATCH("raw Aeron ping, market data batch size", 9003),
    /** Connector to engine: one recorded message's events in a {@code MarketDataBatch}. */
    MARKET_DATA("connector → engine: market data batch", Streams.MARKET_DATA),
    /** Engine to strategy: a {@code FactorUpdate}. */
    FACTORS("engine → strategy: factor update", Streams.FACTORS),
    /** Strategy to connector: a {@code NewOrder}. */
    ORDER("strategy → connector: new order", Streams.ORDERS),
    /** Connector to strategy: an {@code ExecutionReport}. */
    REPORT("connector → strategy: execution report", Streams.EXECUTIONS);

    private final String label;
    private final int stream;

    Hop(String label, int stream) {
        this.label = label;
        this.stream = stream;
    }

    /** The benchmark's {@code @Param} value: {@code ping}, {@code ping-batch}, {@code market-data}, ... */
    public String param() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Hop of(String param) {
        return Arrays.stream(values())
                .filter(h -> h.param().equals(param))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("hop '" + param + "': expected one of "
                        + Arrays.stream(values()).map(Hop::param).toList()));
    }

    public String label() {
        return label;
    }

    public boolean raw() {
        return this == PING || this == PING_BATCH;
    }

    /** The raw ping of this hop's message size. */
    public Hop baseline() {
        return this == MARKET_DATA || this == PING_BATCH ? PING_BATCH : PING;
    }

    /** The stream the message goes out on. */
    public int outStream() {
        return stream;
    }

    /** The stream the echo comes back on. */
    public int backStream() {
        return stream + 100;
    }
}
