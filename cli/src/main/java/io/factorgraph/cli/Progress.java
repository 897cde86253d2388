package io.factorgraph.cli;

import io.factorgraph.backtest.BacktestProgress;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A progress line on stderr for runs longer than a couple of seconds: events, the data's clock, and
 * the rate. Short runs print nothing, so scripts and tests see only the result.
 */
final class Progress implements BacktestProgress {
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long EVERY_NANOS = 500_000_000L;
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private boolean printed;

    Progress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onProgress(long events, long localTime) {
        long now = System.nanoTime();
        if (localTime == Long.MIN_VALUE || now - started < QUIET_NANOS || now - lastPrinted < EVERY_NANOS) {
            return;
        }
        lastPrinted = now;
        printed = true;
        double seconds = (now - started) / 1e9;
        err.printf(
                "\r  %,d events  data at %s UTC  %.1f M events/s   ",
                events, CLOCK.format(Instant.ofEpochSecond(0, localTime)), events / seconds / 1e6);
        err.flush();
    }

    void done() {
        if (printed) {
            err.println();
            err.flush();
        }
    }
}
