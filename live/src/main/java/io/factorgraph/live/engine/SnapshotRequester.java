package io.factorgraph.live.engine;

import io.factorgraph.live.sbe.CatchUpRequestEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.ResyncRequestEncoder;
import io.factorgraph.live.transport.SequencedPublication;
import org.agrona.concurrent.Agent;

/**
 * After a market data gap in a feed, asks the connector for a snapshot of that feed's book on the control stream, and
 * again every half second until the snapshot comes (the first request may find no connector yet, or be lost). Each
 * feed is asked for on its own: a gap in one does not re-sync the others. After a restored snapshot it asks, the same
 * way, for the connector's catch-up: every event after the snapshot's tick.
 */
final class SnapshotRequester implements Agent {
    static final long RETRY_NANOS = 500_000_000L;

    private final SequencedPublication control;
    private final long instanceId;
    private final ResyncRequestEncoder encoder = new ResyncRequestEncoder();
    private final boolean[] wanted;
    private final long[] expectedSequence;
    private final long[] receivedSequence;
    private final long[] lastRequest;
    private final CatchUpRequestEncoder catchUp = new CatchUpRequestEncoder();
    private boolean catchUpWanted;
    private long catchUpAfter;
    private long catchUpMaxAge;
    private long lastCatchUpRequest;

    SnapshotRequester(SequencedPublication control, long instanceId, int feeds) {
        this.control = control;
        this.instanceId = instanceId;
        this.wanted = new boolean[feeds];
        this.expectedSequence = new long[feeds];
        this.receivedSequence = new long[feeds];
        this.lastRequest = new long[feeds];
    }

    @Override
    public String roleName() {
        return "snapshot-requester";
    }

    /**
     * A gap in feed {@code feed}: message {@code expected} was due, {@code received} came; asks at once when the stream
     * is free.
     */
    void onGap(int feed, long expected, long received) {
        expectedSequence[feed] = expected;
        receivedSequence[feed] = received;
        wanted[feed] = true;
        lastRequest[feed] = Long.MIN_VALUE;
        doWork();
    }

    /** The snapshot of feed {@code feed} was applied: no more requests for it. */
    void onResynced(int feed) {
        wanted[feed] = false;
    }

    /**
     * A restored snapshot at tick time {@code afterTimeNs}: asks the connector for every event after it (again every
     * half second until it answers), unless it is more than {@code maxAgeNanos} behind.
     */
    void requestCatchUp(long afterTimeNs, long maxAgeNanos) {
        catchUpWanted = true;
        catchUpAfter = afterTimeNs;
        catchUpMaxAge = maxAgeNanos;
        lastCatchUpRequest = Long.MIN_VALUE;
        doWork();
    }

    /** The connector answered the catch-up request (or it was given up). */
    void onCatchUpAnswered() {
        catchUpWanted = false;
    }

    @Override
    public int doWork() {
        int work = requestCatchUp();
        for (int feed = 0; feed < wanted.length; feed++) {
            work += request(feed);
        }
        return work;
    }

    private int requestCatchUp() {
        long now = System.nanoTime();
        if (!catchUpWanted
                || control.busy()
                || (lastCatchUpRequest != Long.MIN_VALUE && now - lastCatchUpRequest <= RETRY_NANOS)) {
            return 0;
        }
        lastCatchUpRequest = now;
        catchUp.wrapAndApplyHeader(control.buffer(), 0, control.header())
                .sequence(control.nextSequence())
                .instanceId(instanceId)
                .afterTimeNs(catchUpAfter)
                .maxAgeNs(catchUpMaxAge);
        control.send(MessageHeaderEncoder.ENCODED_LENGTH + catchUp.encodedLength());
        return 1;
    }

    private int request(int feed) {
        long now = System.nanoTime();
        if (!wanted[feed]
                || control.busy()
                || (lastRequest[feed] != Long.MIN_VALUE && now - lastRequest[feed] <= RETRY_NANOS)) {
            return 0;
        }
        lastRequest[feed] = now;
        encoder.wrapAndApplyHeader(control.buffer(), 0, control.header())
                .sequence(control.nextSequence())
                .instanceId(instanceId)
                .expectedSequence(expectedSequence[feed])
                .receivedSequence(receivedSequence[feed])
                .instrument(feed);
        control.send(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
        return 1;
    }
}
