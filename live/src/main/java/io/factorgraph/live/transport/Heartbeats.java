package io.factorgraph.live.transport;

import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.HeartbeatEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.Role;
import java.time.Clock;
import java.time.Instant;

/**
 * Sends a process's heartbeat on every stream it publishes, at most every {@code interval} (monotonic clock), so each
 * of its consumers can tell it is alive from the stream it already reads. A publication in the middle of an offer
 * (this is called from back-pressure duties) is skipped that round, and so is one nobody reads yet: a heartbeat
 * would use up a sequence number and make the first real reader think it joined late.
 */
public final class Heartbeats {
    private final Role role;
    private final long instanceId;
    private final long intervalNanos;
    private final SequencedPublication[] publications;
    private final HeartbeatEncoder encoder = new HeartbeatEncoder();
    private final Clock wall = Clock.systemUTC();
    private long lastSent = Long.MIN_VALUE;

    public Heartbeats(Role role, long instanceId, long intervalNanos, SequencedPublication... publications) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("heartbeat interval must be > 0, was " + intervalNanos);
        }
        this.role = role;
        this.instanceId = instanceId;
        this.intervalNanos = intervalNanos;
        this.publications = publications.clone();
    }

    /** Whether a heartbeat is due at {@code nowNanos}. */
    public boolean due(long nowNanos) {
        return lastSent == Long.MIN_VALUE || nowNanos - lastSent >= intervalNanos;
    }

    /** Sends one heartbeat on every publication not busy now. */
    public void send(
            long nowNanos, long replayTimeNs, boolean ready, int restingOrders, int workingOrders, double position) {
        lastSent = nowNanos;
        Instant now = wall.instant();
        long wallNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        for (SequencedPublication publication : publications) {
            if (publication.busy() || !publication.isConnected()) {
                continue;
            }
            encoder.wrapAndApplyHeader(publication.buffer(), 0, publication.header())
                    .sequence(publication.nextSequence())
                    .instanceId(instanceId)
                    .role(role)
                    .wallTimeNs(wallNs)
                    .replayTimeNs(replayTimeNs)
                    .ready(ready ? BooleanType.TRUE : BooleanType.FALSE)
                    .restingOrders(restingOrders)
                    .workingOrders(workingOrders)
                    .position(position);
            publication.send(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
        }
    }

    public long intervalNanos() {
        return intervalNanos;
    }
}
