package io.factorgraph.venue.binance;

import java.util.function.LongSupplier;

/**
 * The venue's clock as this machine estimates it: the local wall clock plus an offset measured against
 * {@code GET /fapi/v1/time} (the server's time taken to be at the middle of the round trip). A SIGNED request is
 * stamped with it, so that a local clock that runs fast or slow by more than the receive window does not get every
 * order refused ({@code -1021}).
 */
public final class ServerClock {
    private final LongSupplier localMillis;
    private volatile long offsetMs;
    private volatile long lastRoundTripMs = -1;

    public ServerClock(LongSupplier localMillis) {
        this.localMillis = localMillis;
    }

    public static ServerClock system() {
        return new ServerClock(System::currentTimeMillis);
    }

    /** The local clock, in ms since the epoch. */
    public long localMillis() {
        return localMillis.getAsLong();
    }

    /** The estimated server time, in ms since the epoch. */
    public long nowMillis() {
        return localMillis.getAsLong() + offsetMs;
    }

    /** Takes a measurement: the server said {@code serverMs} between local times {@code sentMs} and {@code receivedMs}. */
    public void update(long serverMs, long sentMs, long receivedMs) {
        offsetMs = serverMs - (sentMs + (receivedMs - sentMs) / 2);
        lastRoundTripMs = receivedMs - sentMs;
    }

    /** Server minus local, in ms (0 until measured). */
    public long offsetMillis() {
        return offsetMs;
    }

    /** The round trip of the last measurement, -1 before any. */
    public long lastRoundTripMillis() {
        return lastRoundTripMs;
    }
}
