package io.factorgraph.bench.ipc;

import io.aeron.Publication;
import io.aeron.Subscription;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The baseline: {@code length} raw bytes offered to a plain Aeron publication and copied out of the subscription's
 * fragment on arrival, no codec, no sequence numbers. What a hop costs above this (at the same size) is ours.
 */
final class RawPingEnd extends PolledEnd {
    private final Publication out;
    private final int length;
    private final UnsafeBuffer outgoing;
    private final UnsafeBuffer incoming;

    RawPingEnd(Publication out, Subscription in, int length, IdleStrategy idle, BooleanSupplier stop, boolean echo) {
        super(in, idle, stop, echo);
        this.out = out;
        this.length = length;
        this.incoming = new UnsafeBuffer(ByteBuffer.allocateDirect(length));
        if (echo) {
            outgoing = incoming;
        } else {
            outgoing = new UnsafeBuffer(ByteBuffer.allocateDirect(length));
            for (int i = 0; i < length; i++) {
                outgoing.putByte(i, (byte) (31 * i + 7));
            }
        }
    }

    @Override
    public void send() {
        while (out.offer(outgoing, 0, length) < 0) {
            if (stop.getAsBoolean()) {
                return;
            }
            idle.idle();
        }
        idle.reset();
    }

    @Override
    protected boolean onMessage(DirectBuffer buffer, int offset, int messageLength) {
        incoming.putBytes(0, buffer, offset, Math.min(messageLength, length));
        return true;
    }

    @Override
    protected long fingerprint(boolean received) {
        return fingerprint(received ? incoming : outgoing);
    }

    private long fingerprint(UnsafeBuffer bytes) {
        long hash = length;
        for (int i = 0; i < length; i++) {
            hash = mix(hash, (long) bytes.getByte(i));
        }
        return hash;
    }
}
