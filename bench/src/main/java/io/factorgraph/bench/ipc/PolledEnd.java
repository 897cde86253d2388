package io.factorgraph.bench.ipc;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.sbe.MessageHeaderDecoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.live.transport.TransportConfig;
import java.util.function.BooleanSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * An end whose receiving side in the live processes is a fragment handler inside a process class (the connector's
 * order stream, the strategy's execution stream), not a class of its own: it polls its subscription one fragment at a
 * time through a {@link FragmentAssembler}, as they do, and {@link #open} reads the envelope as they do (template id,
 * sequence check, peer liveness) before the subclass decodes the body.
 */
abstract class PolledEnd extends HopEnd {
    private final Subscription in;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    private final Envelope envelope = new Envelope();
    private final SequenceTracker tracker = new SequenceTracker();
    private final PeerWatch peer = new PeerWatch("sender", TransportConfig.DEFAULT_PEER_TIMEOUT);
    private boolean arrived;

    PolledEnd(Subscription in, IdleStrategy idle, BooleanSupplier stop, boolean echo) {
        super(idle, stop, echo);
        this.in = in;
    }

    @Override
    public final boolean receive() {
        arrived = false;
        while (!arrived) {
            if (stop.getAsBoolean()) {
                return false;
            }
            idle.idle(in.poll(assembler, 1));
        }
        idle.reset();
        return true;
    }

    private void onFragment(DirectBuffer buffer, int offset, int length, Header header) {
        arrived |= onMessage(buffer, offset, length);
    }

    /** Decodes one message; true when it was the one awaited. */
    protected abstract boolean onMessage(DirectBuffer buffer, int offset, int length);

    /** The live receivers' first steps: returns the template id, or -1 for a message to skip (foreign, duplicate). */
    protected final int open(DirectBuffer buffer, int offset, int length) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return -1;
        }
        long sequence = Envelope.sequence(buffer, offset);
        long instance = Envelope.instance(buffer, offset);
        peer.heard(instance, System.nanoTime());
        if (tracker.onMessage(instance, sequence) == SequenceTracker.Result.DUPLICATE) {
            return -1;
        }
        return template;
    }

    /** The SBE header {@link #open} read. */
    protected final MessageHeaderDecoder header() {
        return envelope.header();
    }
}
