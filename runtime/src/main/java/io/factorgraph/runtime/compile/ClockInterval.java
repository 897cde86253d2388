package io.factorgraph.runtime.compile;

import java.util.Optional;

/**
 * The finest sampling clock a graph may ask for. A clock ticks at every multiple of its interval whatever
 * the data does, so {@code clock every 1ns} over a six-minute recording is 3.6e11 ticks: a run that never
 * ends and a CSV that fills the disk. Below a microsecond no recording has anything to sample (the venue's
 * clocks are milliseconds, receive clocks microseconds at best), so such an interval is refused.
 */
public final class ClockInterval {
    /** One microsecond. */
    public static final long MIN_NANOS = 1_000;

    static final String HELP = "sample at 1us or coarser, e.g. clock every 100ms; without a clock the graph "
            + "ticks at every book change";

    private ClockInterval() {}

    /** What is wrong with a positive {@code nanos} as a clock interval, if anything. */
    public static Optional<String> problem(long nanos) {
        if (nanos < MIN_NANOS) {
            return Optional.of("a clock of " + nanos + "ns is finer than any recorded data: it would tick "
                    + String.format(java.util.Locale.ROOT, "%.1e", 3.6e12 / nanos)
                    + " times per hour of data; the finest clock is 1us");
        }
        return Optional.empty();
    }
}
