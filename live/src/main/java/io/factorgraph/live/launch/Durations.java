package io.factorgraph.live.launch;

import io.factorgraph.dsl.parse.Literals;

/** Durations as the {@code .fg} language writes them ({@code 100ms}, {@code 1s}, {@code 5m}), in nanoseconds. */
public final class Durations {
    private Durations() {
    }

    public static long parse(String text) {
        var nanos = Literals.duration(text);
        if (nanos.isEmpty() || nanos.getAsLong() < 0) {
            throw new IllegalArgumentException("expected a duration such as 100ms, 1s or 5m");
        }
        return nanos.getAsLong();
    }

    /** The shortest form that {@link #parse} reads back exactly. */
    public static String format(long nanos) {
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
