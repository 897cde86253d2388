package io.factorgraph.venue.binance;

import java.net.http.HttpHeaders;
import java.util.function.LongSupplier;

/**
 * The venue's rate-limit accounting as its answers report it ({@code X-MBX-USED-WEIGHT-1M}, {@code
 * X-MBX-ORDER-COUNT-1M}), and the back-off it demands: after a 429 nothing is sent until its {@code Retry-After}
 * (Binance bans an IP that keeps sending, answering 418), after a 418 likewise. While backing off every request is
 * refused locally ({@link BinanceException#LOCAL_BACK_OFF}) without reaching the venue.
 */
public final class RateLimits {
    /** When a 429/418 carries no {@code Retry-After}: a minute, the window of the limits. */
    static final long DEFAULT_RETRY_AFTER_MS = 60_000L;

    private final LongSupplier millis;
    private volatile long usedWeight1m = -1;
    private volatile long orderCount1m = -1;
    private volatile long backOffUntilMs;
    private volatile int lastBackOffStatus;
    private long backOffs;

    public RateLimits(LongSupplier millis) {
        this.millis = millis;
    }

    /** Refuses, without sending, while the venue's back-off lasts. */
    void check(String endpoint) throws BinanceException {
        long now = millis.getAsLong();
        if (now < backOffUntilMs) {
            throw new BinanceException(
                    endpoint,
                    0,
                    BinanceException.LOCAL_BACK_OFF,
                    "not sent: backing off for " + (backOffUntilMs - now) + " ms more after HTTP " + lastBackOffStatus);
        }
    }

    /** Reads the counters of an answer, and starts a back-off on 429/418. */
    synchronized void onResponse(int status, HttpHeaders headers) {
        headers.firstValueAsLong("X-MBX-USED-WEIGHT-1M").ifPresent(v -> usedWeight1m = v);
        headers.firstValueAsLong("X-MBX-ORDER-COUNT-1M").ifPresent(v -> orderCount1m = v);
        if (status == 429 || status == 418) {
            long retryMs = headers.firstValueAsLong("Retry-After").orElse(-1L);
            retryMs = retryMs >= 0 ? retryMs * 1000 : DEFAULT_RETRY_AFTER_MS;
            backOffUntilMs = Math.max(backOffUntilMs, millis.getAsLong() + retryMs);
            lastBackOffStatus = status;
            backOffs++;
        }
    }

    /** The request weight used in the current minute, as last reported; -1 before any answer. */
    public long usedWeight1m() {
        return usedWeight1m;
    }

    /** Orders placed in the current minute, as last reported; -1 before any. */
    public long orderCount1m() {
        return orderCount1m;
    }

    /** Whether requests are refused now. */
    public boolean backingOff() {
        return millis.getAsLong() < backOffUntilMs;
    }

    /** How many 429/418 answers were seen. */
    public synchronized long backOffs() {
        return backOffs;
    }
}
