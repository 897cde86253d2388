package io.factorgraph.backtest.exchange;

/**
 * The same entry and response latency for every request and report (hftbacktest's {@code ConstantLatency}).
 *
 * @param entryNanos from the strategy sending a request to the exchange processing it, ns, {@code >= 0}
 * @param responseNanos from the exchange acting to the strategy receiving the report, ns, {@code >= 0}
 */
public record ConstantLatency(long entryNanos, long responseNanos) implements LatencyModel {
    public ConstantLatency {
        if (entryNanos < 0) {
            throw new IllegalArgumentException("entry latency must be >= 0 ns, was " + entryNanos);
        }
        if (responseNanos < 0) {
            throw new IllegalArgumentException("response latency must be >= 0 ns, was " + responseNanos);
        }
    }

    @Override
    public long entry(long localTime) {
        return entryNanos;
    }

    @Override
    public long response(long exchTime) {
        return responseNanos;
    }
}
