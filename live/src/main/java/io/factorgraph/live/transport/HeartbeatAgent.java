package io.factorgraph.live.transport;

import org.agrona.concurrent.Agent;

/** Sends the process's heartbeat ({@link Heartbeats}) when one is due, with what its {@link Status} says now. */
public final class HeartbeatAgent implements Agent {
    /** What a heartbeat says about its process. */
    public interface Status {
        /** How far the process has got on the replayed clock. */
        long replayTimeNs();

        /** Book ready (connector), warm (engine), quoting (strategy). */
        boolean ready();

        /** Our orders resting at the venue; -1 when this process cannot know. */
        int restingOrders();

        /** Orders working (sent and not done); -1 when this process cannot know. */
        int workingOrders();

        double position();
    }

    private final Heartbeats heartbeats;
    private final Status status;

    public HeartbeatAgent(Heartbeats heartbeats, Status status) {
        this.heartbeats = heartbeats;
        this.status = status;
    }

    @Override
    public String roleName() {
        return "heartbeat";
    }

    @Override
    public int doWork() {
        long now = System.nanoTime();
        if (!heartbeats.due(now)) {
            return 0;
        }
        heartbeats.send(
                now,
                status.replayTimeNs(),
                status.ready(),
                status.restingOrders(),
                status.workingOrders(),
                status.position());
        return 1;
    }
}
