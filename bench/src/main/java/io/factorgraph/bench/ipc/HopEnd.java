package io.factorgraph.bench.ipc;

import io.factorgraph.live.transport.SequencedPublication;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * One side of a {@link HopLink}: sends its outgoing message, encoded by the live code of the hop, and receives and
 * decodes the incoming one, again with the live code. The originator's outgoing message is the recorded one
 * ({@link HopMessages}); the echo's is what it received last. So a round trip is the hop twice, once each way, each
 * leg encode, Aeron, decode, and half a round trip is one hop.
 *
 * <p>Each end belongs to one thread. Nothing is allocated after construction: the fragment handlers are made once,
 * messages are encoded into the publication's buffer and decoded by flyweights into fields and arrays made here.
 */
public abstract class HopEnd {
    /** How both ends wait: the live processes' idle strategy for latency figures ({@code --idle yield}). */
    protected final IdleStrategy idle;
    /** Says true when the link closes (or the other end failed): a waiting end then gives up. */
    protected final BooleanSupplier stop;
    /** Whether this end sends back what it received, rather than the recorded message. */
    protected final boolean echo;

    protected HopEnd(IdleStrategy idle, BooleanSupplier stop, boolean echo) {
        this.idle = idle;
        this.stop = stop;
        this.echo = echo;
    }

    /** Encodes the outgoing message and offers it, waiting out back-pressure as the live processes do. */
    public abstract void send();

    /** Waits for the next message and decodes it; false when told to stop before one came. */
    public abstract boolean receive();

    /** A hash of every field of the outgoing message (not the sequence or send time): for tests, off the hot path. */
    public final long sentFingerprint() {
        return fingerprint(false);
    }

    /** A hash of every field of the last message received, as {@link #sentFingerprint()} hashes them. */
    public final long receivedFingerprint() {
        return fingerprint(true);
    }

    /** A hash of every field of the outgoing message, or of the last one received. */
    protected abstract long fingerprint(boolean received);

    /** Sends what the live code encoded into {@code out}'s buffer. */
    protected static void offer(SequencedPublication out, int length) {
        if (!out.send(length)) {
            throw new IllegalStateException("stream " + out.publication().streamId() + ": no subscriber connected");
        }
    }

    /** Folds one field into a fingerprint. */
    protected static long mix(long hash, long value) {
        return (hash ^ value) * 0x100000001B3L + 0x9E3779B97F4A7C15L;
    }

    protected static long mix(long hash, double value) {
        return mix(hash, Double.doubleToRawLongBits(value));
    }
}
