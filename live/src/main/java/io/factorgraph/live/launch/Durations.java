package io.factorgraph.live.launch;

import io.factorgraph.backtest.settings.DurationText;
import io.factorgraph.dsl.parse.Literals;

/** Durations as the {@code .fg} language writes them ({@code 100ms}, {@code 1s}, {@code 5m}), in nanoseconds. */
public final class Durations {
    private Durations() {}

    public static long parse(String text) {
        var nanos = Literals.duration(text);
        if (nanos.isEmpty() || nanos.getAsLong() < 0) {
            throw new IllegalArgumentException("expected a duration such as 100ms, 1s or 5m");
        }
        return nanos.getAsLong();
    }

    /** The shortest form that {@link #parse} reads back exactly. */
    public static String format(long nanos) {
        return DurationText.format(nanos);
    }
}
