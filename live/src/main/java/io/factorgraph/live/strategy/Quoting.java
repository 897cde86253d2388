package io.factorgraph.live.strategy;

import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.sbe.CancelAllReason;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Whether the strategy quotes, and why not: every fail-safe halts here (cancel every order, each one known and a
 * venue-side sweep for any still unacknowledged, and quote nothing) and the run loop resumes here.
 */
final class Quoting {
    private final LiveOrderGateway gateway;
    private final ProcessLog log;
    private final AtomicCounter halts;
    private final AtomicCounter cancelAlls;
    private final AtomicCounter quotingGauge;
    private boolean quoting;
    private String haltReason = "";

    Quoting(LiveOrderGateway gateway, HealthCounters health, ProcessLog log) {
        this.gateway = gateway;
        this.log = log;
        this.halts = health.get(HealthCounter.HALTS);
        this.cancelAlls = health.get(HealthCounter.CANCEL_ALLS_SENT);
        this.quotingGauge = health.get(HealthCounter.QUOTING);
    }

    boolean isQuoting() {
        return quoting;
    }

    /**
     * Cancels every order and stops quoting, once per halt; returns whether this call halted (false when already
     * halted with nothing working).
     */
    boolean halt(CancelAllReason reason, String why) {
        if (!quoting && !gateway.hasUncancelledOrders()) {
            return false;
        }
        gateway.cancelAll(reason);
        cancelAlls.incrementRelease();
        if (quoting) {
            halts.incrementRelease();
            log.info("halted (" + why + "): cancelled every order, "
                    + gateway.orders().size() + " awaiting their cancel acks");
        }
        haltReason = why;
        setQuoting(false);
        return true;
    }

    /** Quotes from tick {@code t} on (logged when it was halted). */
    void resume(long t) {
        if (!quoting) {
            log.info("quoting" + (haltReason.isEmpty() ? "" : " again (was halted: " + haltReason + ")") + " at tick "
                    + t);
            haltReason = "";
        }
        setQuoting(true);
    }

    /** The run is over (or SIGTERM): cancels everything; returns the cancel-all's request id. */
    long cancelAllAndStop(CancelAllReason reason) {
        long request = gateway.cancelAll(reason);
        cancelAlls.incrementRelease();
        setQuoting(false);
        return request;
    }

    void stop() {
        setQuoting(false);
    }

    long cancelAlls() {
        return cancelAlls.get();
    }

    private void setQuoting(boolean on) {
        quoting = on;
        quotingGauge.setRelease(on ? 1 : 0);
    }
}
