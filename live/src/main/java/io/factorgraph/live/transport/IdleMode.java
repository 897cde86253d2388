package io.factorgraph.live.transport;

import java.util.Locale;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How a live process waits when there is nothing to do. The default backs off (spin, yield, then park up to 1 ms),
 * which costs little CPU on a small machine and adds up to a millisecond of latency when idle; {@link #BUSY_SPIN}
 * burns a core per process for the lowest latency (pin it: {@code taskset -c 2 fg live engine ...}).
 */
public enum IdleMode {
    /** Spin, then yield, then park from 1 µs up to 1 ms. The default. */
    BACKOFF,
    /** Sleep 1 ms between empty polls: the least CPU. */
    SLEEP,
    /** {@link Thread#yield()} between empty polls. */
    YIELD,
    /** Never give up the core. */
    BUSY_SPIN;

    public IdleStrategy newStrategy() {
        return switch (this) {
            case BACKOFF -> new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
            case SLEEP -> new SleepingMillisIdleStrategy(1);
            case YIELD -> new YieldingIdleStrategy();
            case BUSY_SPIN -> new BusySpinIdleStrategy();
        };
    }

    /** Parses {@code backoff}, {@code sleep}, {@code yield}, {@code busy-spin}. */
    public static IdleMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "backoff" -> BACKOFF;
            case "sleep" -> SLEEP;
            case "yield" -> YIELD;
            case "busy-spin", "spin" -> BUSY_SPIN;
            default ->
                throw new IllegalArgumentException(
                        "idle strategy '" + text + "': expected backoff, sleep, yield or busy-spin");
        };
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
