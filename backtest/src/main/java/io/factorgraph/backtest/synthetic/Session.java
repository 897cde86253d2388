package io.factorgraph.backtest.synthetic;

import java.time.Duration;
import java.time.Instant;

/**
 * When the synthetic market runs: the span of market time it publishes, and the warm-up it simulates first
 * (unpublished and without shocks) so that the opening book has the shape of the flow rather than of its seed.
 *
 * @param start the exchange time of the opening snapshot
 * @param duration market time covered after {@code start}
 * @param warmup market time simulated before {@code start}
 */
public record Session(Instant start, Duration duration, Duration warmup) {
    private static final Instant LATEST_START = Instant.parse("2200-01-01T00:00:00Z");

    /** Checks each field; a bad one is named {@code session.<field>}. */
    public Session {
        if (start == null) {
            throw new IllegalArgumentException("session.start must not be null");
        }
        if (start.isBefore(Instant.EPOCH) || start.isAfter(LATEST_START)) {
            throw new IllegalArgumentException("session.start must lie between 1970 and 2200, was " + start);
        }
        ConfigChecks.duration("session.duration", duration, false, Duration.ofDays(366));
        ConfigChecks.duration("session.warmup", warmup, true, Duration.ofDays(1));
        if (Duration.between(Instant.EPOCH, start).compareTo(warmup) < 0) {
            throw new IllegalArgumentException(
                    "session.warmup must not reach back before 1970 from start " + start + ", was " + warmup);
        }
    }

    public Session withStart(Instant newStart) {
        return new Session(newStart, duration, warmup);
    }

    public Session withDuration(Duration newDuration) {
        return new Session(start, newDuration, warmup);
    }

    public Session withWarmup(Duration newWarmup) {
        return new Session(start, duration, newWarmup);
    }
}
