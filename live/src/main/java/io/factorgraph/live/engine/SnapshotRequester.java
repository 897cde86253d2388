package io.factorgraph.live.engine;

import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.ResyncRequestEncoder;
import io.factorgraph.live.transport.SequencedPublication;
import org.agrona.concurrent.Agent;

/**
 * After a market data gap, asks the connector for a snapshot of its book on the control stream, and again every half
 * second until the snapshot comes (the first request may find no connector yet, or be lost).
 */
final class SnapshotRequester implements Agent {
    static final long RETRY_NANOS = 500_000_000L;

    private final SequencedPublication control;
    private final long instanceId;
    private final ResyncRequestEncoder encoder = new ResyncRequestEncoder();
    private boolean wanted;
    private long expectedSequence;
    private long receivedSequence;
    private long lastRequest = Long.MIN_VALUE;

    SnapshotRequester(SequencedPublication control, long instanceId) {
        this.control = control;
        this.instanceId = instanceId;
    }

    @Override
    public String roleName() {
        return "snapshot-requester";
    }

    /** A gap: message {@code expected} was due, {@code received} came; asks at once when the stream is free. */
    void onGap(long expected, long received) {
        expectedSequence = expected;
        receivedSequence = received;
        wanted = true;
        lastRequest = Long.MIN_VALUE;
        doWork();
    }

    /** The snapshot was applied: no more requests. */
    void onResynced() {
        wanted = false;
    }

    @Override
    public int doWork() {
        long now = System.nanoTime();
        if (!wanted || control.busy() || (lastRequest != Long.MIN_VALUE && now - lastRequest <= RETRY_NANOS)) {
            return 0;
        }
        lastRequest = now;
        encoder.wrapAndApplyHeader(control.buffer(), 0, control.header())
                .sequence(control.nextSequence())
                .instanceId(instanceId)
                .expectedSequence(expectedSequence)
                .receivedSequence(receivedSequence);
        control.send(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
        return 1;
    }
}
