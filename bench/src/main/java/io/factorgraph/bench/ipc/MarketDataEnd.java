package io.factorgraph.bench.ipc;

import io.aeron.Subscription;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.engine.MarketDataSource;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.market.MarketEvent;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.IdleStrategy;

/**
 * The connector-to-engine hop. Sending is the connector's: each event added to a {@link MarketDataWriter}, the batch
 * encoded into the market data publication's buffer and offered. Receiving is the engine's: a
 * {@link MarketDataSource} (envelope, sequence check, {@code MarketDataReader}, the engine's event queue) handing the
 * events out one by one, each copied here as the engine's replay would read it.
 */
final class MarketDataEnd extends HopEnd {
    private final SequencedPublication out;
    private final MarketDataSource in;
    private final MarketDataWriter writer = new MarketDataWriter();
    private final long instanceId = Instances.newInstanceId();
    private final MarketEvent[] outgoing;
    private final MarketEvent[] incoming;

    MarketDataEnd(
            SequencedPublication out,
            Subscription in,
            MarketEvent[] batch,
            IdleStrategy idle,
            BooleanSupplier stop,
            boolean echo) {
        super(idle, stop, echo);
        this.out = out;
        this.in = new MarketDataSource(
                in,
                idle,
                MarketDataEnd::noDuty,
                stop,
                new FailOnGap(),
                new PeerWatch("connector", TransportConfig.DEFAULT_PEER_TIMEOUT),
                new LatencyProbe("connector -> engine (market data)"));
        this.incoming = new MarketEvent[batch.length];
        for (int i = 0; i < batch.length; i++) {
            incoming[i] = new MarketEvent();
        }
        this.outgoing = echo ? incoming : batch;
    }

    private static void noDuty() {}

    @Override
    public void send() {
        writer.clear();
        for (MarketEvent e : outgoing) {
            writer.add(e);
        }
        offer(out, writer.encode(out.buffer(), out.header(), out.nextSequence(), instanceId, false));
    }

    @Override
    public boolean receive() {
        for (MarketEvent e : incoming) {
            if (!in.next()) {
                return false;
            }
            e.copyFrom(in.event());
        }
        return true;
    }

    @Override
    protected long fingerprint(boolean received) {
        return fingerprint(received ? incoming : outgoing);
    }

    private static long fingerprint(MarketEvent[] events) {
        long hash = events.length;
        for (MarketEvent e : events) {
            hash = mix(mix(mix(mix(mix(hash, e.ev()), e.exchTs()), e.localTs()), e.px()), e.qty());
            hash = mix(mix(mix(mix(hash, e.orderId()), e.ival()), e.fval()), e.endOfMessage() ? 1L : 0L);
        }
        return hash;
    }

    /** Every message of the link arrives in order: a gap would be a broken benchmark. */
    private static final class FailOnGap implements MarketDataSource.Listener {
        @Override
        public void onGap(long expected, long received, boolean joinedLate) {
            throw new IllegalStateException("market data gap: expected message " + expected + ", received " + received);
        }

        @Override
        public void onResynced() {}
    }
}
