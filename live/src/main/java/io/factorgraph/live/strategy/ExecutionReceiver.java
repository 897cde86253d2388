package io.factorgraph.live.strategy;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.CancelAllAckDecoder;
import io.factorgraph.live.sbe.CancelAllReason;
import io.factorgraph.live.sbe.ClockAdvancedDecoder;
import io.factorgraph.live.sbe.ExecutionReportDecoder;
import io.factorgraph.live.sbe.VenueClosedDecoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.live.transport.SequencedPublication;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The execution stream from the venue: reports to the gateway (position and working orders), cancel-all acks, the
 * lock-step clock's {@code ClockAdvanced} and the venue's close. Lost reports (a sequence gap) leave position and
 * orders unknown: the strategy cancels everything and trades no more.
 */
final class ExecutionReceiver implements Agent {
    private static final int FRAGMENT_LIMIT = 16;

    private final Subscription executions;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onExecutionStream);
    private final LiveOrderGateway gateway;
    private final Quoting quoting;
    private final SequencedPublication orders;
    private final PeerWatch connector;
    private final ProcessLog log;
    private final LatencyProbe reportHop;
    private final Envelope envelope = new Envelope();
    private final SequenceTracker sequence = new SequenceTracker();
    private final ExecutionReportDecoder reportDecoder = new ExecutionReportDecoder();
    private final CancelAllAckDecoder ackDecoder = new CancelAllAckDecoder();
    private final ClockAdvancedDecoder clockDecoder = new ClockAdvancedDecoder();
    private final VenueClosedDecoder venueDecoder = new VenueClosedDecoder();
    private final AtomicCounter gaps;
    private final AtomicCounter reports;

    private boolean reportsLost;
    private long lastAcked;
    private long clockAdvancedTo = Long.MIN_VALUE;
    private boolean venueClosed;

    ExecutionReceiver(
            Subscription executions,
            LiveOrderGateway gateway,
            Quoting quoting,
            SequencedPublication orders,
            PeerWatch connector,
            HealthCounters health,
            ProcessLog log) {
        this.executions = executions;
        this.gateway = gateway;
        this.quoting = quoting;
        this.orders = orders;
        this.connector = connector;
        this.log = log;
        this.reportHop = new LatencyProbe("connector -> strategy (reports)")
                .maxTo(health.get(HealthCounter.REPORT_HOP_LATENCY_MAX_NS));
        this.gaps = health.get(HealthCounter.EXECUTION_GAPS);
        this.reports = health.get(HealthCounter.REPORTS_RECEIVED);
    }

    @Override
    public String roleName() {
        return "executions";
    }

    @Override
    public int doWork() {
        return executions.poll(assembler, FRAGMENT_LIMIT);
    }

    /** Reports were lost: position and orders are unknown for the rest of the run. */
    boolean reportsLost() {
        return reportsLost;
    }

    /** The highest cancel-all request id the venue has acknowledged. */
    long lastAcked() {
        return lastAcked;
    }

    /** Lock-step: the venue's clock has reached this time and every report due by then has been received. */
    long clockAdvancedTo() {
        return clockAdvancedTo;
    }

    boolean venueClosed() {
        return venueClosed;
    }

    LatencyProbe hop() {
        return reportHop;
    }

    private void onExecutionStream(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long instance = Envelope.instance(buffer, offset);
        connector.heard(instance, System.nanoTime());
        SequenceTracker.Result result = sequence.onMessage(instance, Envelope.sequence(buffer, offset));
        if (result == SequenceTracker.Result.DUPLICATE) {
            return;
        }
        if (result == SequenceTracker.Result.GAP && !reportsLost) {
            reportsLost = true;
            gaps.incrementRelease();
            log.error("execution stream gap: messages " + sequence.lastGapFrom() + ".." + sequence.lastGapTo()
                    + " lost; position and orders unknown: cancelling everything and trading no more");
            if (!orders.busy()) {
                quoting.halt(CancelAllReason.REPORTS_LOST, "execution reports lost");
            }
        }
        switch (template) {
            case ExecutionReportDecoder.TEMPLATE_ID -> {
                reportDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                reportHop.record(reportDecoder.sendNanos());
                reports.incrementRelease();
                gateway.onReport(reportDecoder);
            }
            case CancelAllAckDecoder.TEMPLATE_ID -> {
                ackDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                lastAcked = Math.max(lastAcked, ackDecoder.requestId());
            }
            case ClockAdvancedDecoder.TEMPLATE_ID -> {
                clockDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                clockAdvancedTo = Math.max(clockAdvancedTo, clockDecoder.timeNs());
            }
            case VenueClosedDecoder.TEMPLATE_ID -> {
                venueDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                venueClosed = true;
            }
            default -> {}
        }
    }
}
