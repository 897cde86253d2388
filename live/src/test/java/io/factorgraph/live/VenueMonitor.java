package io.factorgraph.live;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.sbe.CancelAllAckDecoder;
import io.factorgraph.live.sbe.ExecType;
import io.factorgraph.live.sbe.ExecutionReportDecoder;
import io.factorgraph.live.sbe.HeartbeatDecoder;
import io.factorgraph.live.sbe.Role;
import io.factorgraph.live.transport.Channels;
import io.factorgraph.live.transport.Streams;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's view of the venue: it listens to the execution stream (untethered, so it never slows the connector) for
 * the connector's heartbeats, which say how many of our orders rest at the venue, and for reports and cancel-all acks.
 */
final class VenueMonitor implements AutoCloseable {
    record Beat(long receivedNanos, int resting) {}

    record Report(long receivedNanos, ExecType type, long clOrdId, long localTime) {}

    private final Subscription subscription;
    private final Thread poller;
    private final List<Beat> beats = new ArrayList<>();
    private final List<Report> reports = new ArrayList<>();
    private final List<Long> acks = new ArrayList<>();
    private volatile boolean closed;

    VenueMonitor(LiveTestCluster cluster, String channel) {
        subscription = cluster.aeron.addSubscription(Channels.untethered(channel), Streams.EXECUTIONS);
        Envelope envelope = new Envelope();
        HeartbeatDecoder hb = new HeartbeatDecoder();
        ExecutionReportDecoder report = new ExecutionReportDecoder();
        CancelAllAckDecoder ack = new CancelAllAckDecoder();
        FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) -> {
            long now = System.nanoTime();
            switch (envelope.wrap(buffer, offset, length)) {
                case HeartbeatDecoder.TEMPLATE_ID -> {
                    hb.wrapAndApplyHeader(buffer, offset, envelope.header());
                    if (hb.role() == Role.CONNECTOR) {
                        synchronized (this) {
                            beats.add(new Beat(now, hb.restingOrders()));
                        }
                    }
                }
                case ExecutionReportDecoder.TEMPLATE_ID -> {
                    report.wrapAndApplyHeader(buffer, offset, envelope.header());
                    synchronized (this) {
                        reports.add(new Report(now, report.execType(), report.clOrdId(), report.localTimeNs()));
                    }
                }
                case CancelAllAckDecoder.TEMPLATE_ID -> {
                    ack.wrapAndApplyHeader(buffer, offset, envelope.header());
                    synchronized (this) {
                        acks.add(now);
                    }
                }
                default -> {}
            }
        });
        poller = new Thread(
                () -> {
                    while (!closed) {
                        if (subscription.poll(assembler, 64) == 0) {
                            try {
                                Thread.sleep(0, 200_000);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                },
                "venue-monitor");
        poller.setDaemon(true);
        poller.start();
    }

    /** Our orders resting at the venue, by the connector's last heartbeat; -1 before the first. */
    synchronized int resting() {
        return beats.isEmpty() ? -1 : beats.get(beats.size() - 1).resting();
    }

    synchronized List<Beat> beatsSince(long nanos) {
        return beats.stream().filter(b -> b.receivedNanos() >= nanos).toList();
    }

    synchronized List<Report> reportsSince(long nanos) {
        return reports.stream().filter(r -> r.receivedNanos() >= nanos).toList();
    }

    synchronized List<Long> acks() {
        return List.copyOf(acks);
    }

    @Override
    public void close() {
        closed = true;
        try {
            poller.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
    }
}
