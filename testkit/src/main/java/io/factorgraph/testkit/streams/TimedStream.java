package io.factorgraph.testkit.streams;

import java.util.Arrays;

/**
 * A stream of samples with their tick times (local clock, nanoseconds, never decreasing; equal times allowed),
 * for nodes whose result depends on time: duration windows and decays by elapsed time (docs/DESIGN.md §11).
 *
 * @param times the tick time of each sample
 * @param values the samples
 */
public record TimedStream(long[] times, double[] values) {
    public TimedStream {
        if (times.length != values.length) {
            throw new IllegalArgumentException(
                    "times and values differ in length: " + times.length + " and " + values.length);
        }
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                throw new IllegalArgumentException(
                        "times decrease at " + i + ": " + times[i - 1] + " then " + times[i]);
            }
        }
        times = times.clone();
        values = values.clone();
    }

    @Override
    public long[] times() {
        return times.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimedStream that
                && Arrays.equals(times, that.times)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(times) + Arrays.hashCode(values);
    }

    /** The gaps between samples and the first values, which is what one reads to debug a failure. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("TimedStream[" + values.length + " samples");
        for (int i = 0; i < Math.min(values.length, 12); i++) {
            out.append(i == 0 ? ": " : ", ")
                    .append(i == 0 ? "t0" : "+" + (times[i] - times[i - 1]) + "ns")
                    .append('=')
                    .append(values[i]);
        }
        return out.append(values.length > 12 ? ", ...]" : "]").toString();
    }
}
