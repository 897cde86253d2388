package io.factorgraph.live.strategy;

import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.sbe.CancelAllReason;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The fail-safes that fire between factor updates, on wall time: no factor update for {@code --stale-after} (the
 * engine stalled or died), or no heartbeat from the engine or the connector for the peer timeout. Either halts
 * quoting ({@link Quoting#halt}); the run loop resumes it on the next fresh, warm update.
 */
final class FailSafeWatch implements Agent {
    private final Quoting quoting;
    private final SequencedPublication orders;
    private final LiveFactorProvider updates;
    private final PeerWatch engine;
    private final PeerWatch connector;
    private final long staleAfterNanos;
    private final AtomicCounter staleHalts;
    private final AtomicCounter peerHalts;

    FailSafeWatch(
            Quoting quoting,
            SequencedPublication orders,
            LiveFactorProvider updates,
            PeerWatch engine,
            PeerWatch connector,
            long staleAfterNanos,
            HealthCounters health) {
        this.quoting = quoting;
        this.orders = orders;
        this.updates = updates;
        this.engine = engine;
        this.connector = connector;
        this.staleAfterNanos = staleAfterNanos;
        this.staleHalts = health.get(HealthCounter.STALE_HALTS);
        this.peerHalts = health.get(HealthCounter.PEER_HALTS);
    }

    @Override
    public String roleName() {
        return "fail-safe";
    }

    @Override
    public int doWork() {
        if (!quoting.isQuoting() || orders.busy()) {
            return 0; // nothing to cancel, or a cancel could not be sent now
        }
        long now = System.nanoTime();
        long silence = now - updates.lastReceivedNanos();
        if (silence > staleAfterNanos) {
            staleHalts.incrementRelease();
            quoting.halt(CancelAllReason.STALE_FACTORS, "no factor update for " + silence / 1_000_000 + " ms");
        } else if (!engine.alive(now)) {
            peerHalts.incrementRelease();
            quoting.halt(CancelAllReason.PEER_DOWN, "no heartbeat from the engine");
        } else if (!connector.alive(now)) {
            peerHalts.incrementRelease();
            quoting.halt(CancelAllReason.PEER_DOWN, "no heartbeat from the connector");
        } else {
            return 0;
        }
        return 1;
    }
}
