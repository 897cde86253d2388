package io.factorgraph.live.connector;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.sbe.CatchUpRequestDecoder;
import io.factorgraph.live.sbe.HeartbeatDecoder;
import io.factorgraph.live.sbe.ResyncRequestDecoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;

/**
 * The control stream from the engine: re-sync requests (a snapshot of the connector's book, sent by the replay at
 * its next message boundary), catch-up requests (a restarted engine's: every event after its restored snapshot) and the engine's heartbeats (how far it has read, so the connector knows when the engine
 * has taken everything).
 */
public final class ResyncRequests implements Agent {
    private static final int FRAGMENT_LIMIT = 4;

    private final Subscription control;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onControlStream);
    private final MarketDataReplay replay;
    private final PeerWatch engine;
    private final ProcessLog log;
    private final Envelope envelope = new Envelope();
    private final SequenceTracker sequence = new SequenceTracker();
    private final ResyncRequestDecoder request = new ResyncRequestDecoder();
    private final HeartbeatDecoder heartbeat = new HeartbeatDecoder();
    private final CatchUpRequestDecoder catchUp = new CatchUpRequestDecoder();

    private long engineReplayTime = Long.MIN_VALUE;

    public ResyncRequests(Subscription control, MarketDataReplay replay, PeerWatch engine, ProcessLog log) {
        this.control = control;
        this.replay = replay;
        this.engine = engine;
        this.log = log;
    }

    @Override
    public String roleName() {
        return "resync";
    }

    @Override
    public int doWork() {
        return control.poll(assembler, FRAGMENT_LIMIT);
    }

    /** The replay time of the engine's last heartbeat: how far it has read. */
    public long engineReplayTime() {
        return engineReplayTime;
    }

    private void onControlStream(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long instance = Envelope.instance(buffer, offset);
        engine.heard(instance, System.nanoTime());
        sequence.onMessage(instance, Envelope.sequence(buffer, offset));
        if (template == ResyncRequestDecoder.TEMPLATE_ID) {
            request.wrapAndApplyHeader(buffer, offset, envelope.header());
            int feed = request.instrument();
            if (!replay.snapshotWanted(feed)) {
                log.info("engine asks for a snapshot" + (replay.feedCount() > 1 ? " of feed " + feed : "")
                        + " (expected market data message " + request.expectedSequence() + ", received "
                        + request.receivedSequence() + ")");
            }
            replay.requestSnapshot(feed);
        } else if (template == CatchUpRequestDecoder.TEMPLATE_ID) {
            catchUp.wrapAndApplyHeader(buffer, offset, envelope.header());
            replay.requestCatchUp(instance, catchUp.afterTimeNs(), catchUp.maxAgeNs());
        } else if (template == HeartbeatDecoder.TEMPLATE_ID) {
            heartbeat.wrapAndApplyHeader(buffer, offset, envelope.header());
            engineReplayTime = heartbeat.replayTimeNs();
        }
    }
}
