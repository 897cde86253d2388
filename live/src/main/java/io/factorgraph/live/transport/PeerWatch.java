package io.factorgraph.live.transport;

/**
 * When a peer was last heard from (any message counts, heartbeats included), on the monotonic clock, and whether it
 * still counts as alive. A peer never heard from is not alive.
 */
public final class PeerWatch {
    private final String name;
    private final long timeoutNanos;
    private long lastHeard = Long.MIN_VALUE;
    private long instance;

    public PeerWatch(String name, long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("peer timeout must be > 0, was " + timeoutNanos);
        }
        this.name = name;
        this.timeoutNanos = timeoutNanos;
    }

    public void heard(long instanceId, long nowNanos) {
        instance = instanceId;
        lastHeard = nowNanos;
    }

    public boolean everHeard() {
        return lastHeard != Long.MIN_VALUE;
    }

    public boolean alive(long nowNanos) {
        return lastHeard != Long.MIN_VALUE && nowNanos - lastHeard <= timeoutNanos;
    }

    /** Nanoseconds since the peer was last heard from; {@link Long#MAX_VALUE} when never. */
    public long silenceNanos(long nowNanos) {
        return lastHeard == Long.MIN_VALUE ? Long.MAX_VALUE : nowNanos - lastHeard;
    }

    public long instance() {
        return instance;
    }

    public String name() {
        return name;
    }

    public long timeoutNanos() {
        return timeoutNanos;
    }
}
