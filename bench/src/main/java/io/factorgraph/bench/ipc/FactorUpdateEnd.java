package io.factorgraph.bench.ipc;

import io.aeron.Subscription;
import io.factorgraph.live.codec.FactorUpdateWriter;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.strategy.LiveFactorProvider;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.replay.FactorUpdate;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * The engine-to-strategy hop. Sending is the engine's ({@link FactorUpdateWriter} into the factor publication's
 * buffer); receiving is the strategy's {@link LiveFactorProvider} (envelope, sequence check, graph fingerprint check,
 * outputs and sink arguments decoded into its {@code FactorUpdate}). The echo sends back the provider's update.
 */
final class FactorUpdateEnd extends HopEnd {
    private final SequencedPublication out;
    private final LiveFactorProvider in;
    private final FactorUpdateWriter writer = new FactorUpdateWriter();
    private final long instanceId = Instances.newInstanceId();
    private final long graphHash;
    private final long ticks;
    private final FactorUpdate outgoing;
    private final double[] outgoingSink;
    private boolean outgoingWarm = true;

    FactorUpdateEnd(
            SequencedPublication out,
            Subscription in,
            HopMessages messages,
            IdleStrategy idle,
            BooleanSupplier stop,
            boolean echo) {
        super(idle, stop, echo);
        this.out = out;
        this.graphHash = messages.graphHash();
        this.ticks = messages.ticks();
        this.outgoingSink = messages.sinkArguments();
        this.in = new LiveFactorProvider(
                in,
                messages.outputNames(),
                outgoingSink.length,
                graphHash,
                idle,
                FactorUpdateEnd::noDuty,
                stop,
                new PeerWatch("engine", TransportConfig.DEFAULT_PEER_TIMEOUT),
                new LatencyProbe("engine -> strategy (factors)"));
        this.outgoing = echo ? this.in.current() : messages.update();
    }

    private static void noDuty() {}

    @Override
    public void send() {
        offer(
                out,
                writer.encode(
                        out.buffer(),
                        out.header(),
                        out.nextSequence(),
                        instanceId,
                        outgoing,
                        graphHash,
                        outgoingWarm,
                        ticks,
                        ticks,
                        outgoingSink,
                        outgoingSink.length,
                        HopMessages.SYMBOL));
    }

    @Override
    public boolean receive() {
        if (!in.next()) {
            return false;
        }
        if (echo) {
            for (int i = 0; i < outgoingSink.length; i++) {
                outgoingSink[i] = in.sinkArgument(i);
            }
            outgoingWarm = in.warm();
        }
        return true;
    }

    @Override
    protected long fingerprint(boolean received) {
        long hash = received ? fingerprint(in.current(), in.warm()) : fingerprint(outgoing, outgoingWarm);
        for (int i = 0; i < outgoingSink.length; i++) {
            hash = mix(hash, received ? in.sinkArgument(i) : outgoingSink[i]);
        }
        return hash;
    }

    private static long fingerprint(FactorUpdate u, boolean warm) {
        long hash = mix(mix(mix(mix(u.size(), u.timestampNanos()), u.bestBid()), u.bestAsk()), warm ? 1L : 0L);
        for (int i = 0; i < u.size(); i++) {
            hash = mix(hash, u.value(i));
        }
        return hash;
    }
}
