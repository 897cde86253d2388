package io.factorgraph.backtest.settings;

/**
 * Durations written back as text a user would write and every parser here reads exactly ({@code LatencyModel.parse},
 * the {@code .fg} language's duration literals): a whole number in the largest unit that is exact.
 */
public final class DurationText {
    private DurationText() {}

    /** {@code 5ms}, {@code 1500us}, {@code 2s}, {@code 7ns}; zero is {@code 0ms}. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0ms";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        if (nanos % 1_000L == 0) {
            return nanos / 1_000L + "us";
        }
        return nanos + "ns";
    }
}
