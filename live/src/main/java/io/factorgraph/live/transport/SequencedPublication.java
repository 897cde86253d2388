package io.factorgraph.live.transport;

import io.aeron.Publication;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One outgoing stream of a live process: numbers its messages 1, 2, 3 ... and offers them to Aeron.
 *
 * <p>Use: {@link #nextSequence()}, encode the message into {@link #buffer()} at offset 0 with {@link #header()}, then
 * {@link #send(int)}. Offers that meet back-pressure are retried, running the process's {@code duty} (polling its own
 * subscriptions, heartbeats on other streams) between tries, so a slow consumer of one stream never stops a process
 * from serving the others. A message offered while no subscriber is connected is dropped and counted (live data is not
 * kept for absent readers): its sequence number is used up, so a subscriber that joins later sees a gap and re-syncs.
 *
 * <p>A test hook drops chosen sequence numbers without sending them, to show that receivers detect the gap.
 * Single-threaded: one thread owns a publication.
 */
public final class SequencedPublication implements AutoCloseable {
    private final Publication publication;
    private final IdleStrategy idle;
    private final UnsafeBuffer buffer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private Runnable duty = () -> {};
    private BooleanSupplier abandon = () -> false;
    private LongPredicate drop = seq -> false;
    private long sequence;
    private long sent;
    private long notConnected;
    private long dropped;
    private long backPressured;
    private boolean offering;

    public SequencedPublication(Publication publication, IdleStrategy idle, int capacity) {
        this.publication = publication;
        this.idle = idle;
        this.buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(capacity));
    }

    /** Runs while an offer waits on back-pressure; must not send on this publication. */
    public SequencedPublication duty(Runnable duty) {
        this.duty = duty;
        return this;
    }

    /** When this says true, a back-pressured offer gives up (shutdown). */
    public SequencedPublication abandonWhen(BooleanSupplier abandon) {
        this.abandon = abandon;
        return this;
    }

    /** Test hook: messages whose sequence number matches are counted as sent but never offered. */
    public SequencedPublication dropWhen(LongPredicate drop) {
        this.drop = drop;
        return this;
    }

    public UnsafeBuffer buffer() {
        return buffer;
    }

    public MessageHeaderEncoder header() {
        return header;
    }

    /** The number of the message about to be encoded. */
    public long nextSequence() {
        return ++sequence;
    }

    /** The number of the last message encoded. */
    public long sequence() {
        return sequence;
    }

    /** Whether a message is being offered now (a duty must not send on this publication then). */
    public boolean busy() {
        return offering;
    }

    /**
     * Offers the {@code length} bytes encoded at offset 0. Returns true when Aeron took them (or the test hook ate them),
     * false when no subscriber is connected or the offer was abandoned.
     *
     * @throws IllegalStateException when the publication is closed
     */
    public boolean send(int length) {
        if (drop.test(sequence)) {
            dropped++;
            return true;
        }
        offering = true;
        try {
            while (true) {
                long result = publication.offer(buffer, 0, length);
                if (result > 0) {
                    sent++;
                    return true;
                }
                if (result == Publication.NOT_CONNECTED) {
                    notConnected++;
                    return false;
                }
                if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                    throw new IllegalStateException("publication " + publication.channel() + " stream "
                            + publication.streamId() + " cannot take messages: "
                            + (result == Publication.CLOSED ? "closed" : "max position exceeded"));
                }
                backPressured++;
                duty.run();
                if (abandon.getAsBoolean()) {
                    return false;
                }
                idle.idle();
            }
        } finally {
            offering = false;
            idle.reset();
        }
    }

    public boolean isConnected() {
        return publication.isConnected();
    }

    public Publication publication() {
        return publication;
    }

    public long sentCount() {
        return sent;
    }

    public long notConnectedCount() {
        return notConnected;
    }

    public long droppedCount() {
        return dropped;
    }

    public long backPressureCount() {
        return backPressured;
    }

    @Override
    public void close() {
        publication.close();
    }
}
