package io.factorgraph.venue.binance;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.codec.ExecutionReportWriter;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.sbe.CancelAllAckEncoder;
import io.factorgraph.live.sbe.CancelAllDecoder;
import io.factorgraph.live.sbe.CancelOrderDecoder;
import io.factorgraph.live.sbe.ClockAdvanceDecoder;
import io.factorgraph.live.sbe.ClockAdvancedEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.NewOrderDecoder;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.live.sbe.StrategyDoneDecoder;
import io.factorgraph.live.sbe.VenueClosedEncoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.live.transport.SequencedPublication;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;

/**
 * The strategy's side of a Binance venue, on the connector's thread: the order stream's commands sent through the
 * {@link BinanceOrderGateway}, and the gateway's updates sent back as {@code ExecutionReport}s, in the messages and
 * with the fail-safes of the paper venue: lost order commands, a strategy silent for the peer timeout without having
 * said it is done, and a new strategy instance each cancel every order at the venue; so does the close. A clock
 * advance (lock-step) is acknowledged at once: a real venue's clock is its own.
 */
final class BinanceVenueAgent implements Agent, BinanceOrderGateway.Listener {
    private static final int FRAGMENT_LIMIT = 16;

    private final PriceGrid grid;
    private final long instanceId;
    private final SequencedPublication executions;
    private final Subscription orders;
    private final PeerWatch strategy;
    private final ProcessLog log;
    private final FragmentAssembler assembler = new FragmentAssembler(this::onOrderStream);
    private final SequenceTracker orderSequence = new SequenceTracker();
    private final Envelope envelope = new Envelope();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final CancelAllDecoder cancelAllDecoder = new CancelAllDecoder();
    private final ClockAdvanceDecoder clockAdvance = new ClockAdvanceDecoder();
    private final ExecutionReportWriter reportWriter = new ExecutionReportWriter();
    private final ExecutionReport report;
    private final CancelAllAckEncoder ackEncoder = new CancelAllAckEncoder();
    private final ClockAdvancedEncoder clockAdvancedEncoder = new ClockAdvancedEncoder();
    private final VenueClosedEncoder closedEncoder = new VenueClosedEncoder();
    /** Updates from the gateway's threads, sent on the connector's. */
    private final ConcurrentLinkedQueue<Pending> updates = new ConcurrentLinkedQueue<>();

    private BinanceOrderGateway gateway;
    private boolean strategyDone;
    private boolean strategyDownSwept;
    private long ordersReceived;
    private long cancelsReceived;
    private long cancelAlls;
    private long reportsSent;
    private long fills;
    private double fees;

    private record Pending(long clOrdId, OrderUpdate update) {}

    BinanceVenueAgent(
            PriceGrid grid,
            long instanceId,
            SequencedPublication executions,
            Subscription orders,
            PeerWatch strategy,
            ProcessLog log) {
        this.grid = grid;
        this.instanceId = instanceId;
        this.executions = executions;
        this.orders = orders;
        this.strategy = strategy;
        this.log = log;
        this.report = new ExecutionReport(grid);
    }

    /** The gateway, once reconciled with the venue: commands are read only from then on. */
    void attach(BinanceOrderGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String roleName() {
        return "binance-venue";
    }

    @Override
    public void onUpdate(long clOrdId, OrderUpdate update) {
        updates.add(new Pending(clOrdId, update));
    }

    @Override
    public void onPosition(long lots) {
        // the position is the gateway's; the strategy keeps its own from the fills
    }

    @Override
    public int doWork() {
        if (gateway == null || executions.busy()) {
            return 0;
        }
        int work = 0;
        Pending p;
        while ((p = updates.poll()) != null) {
            publish(p.clOrdId(), p.update());
            work++;
        }
        work += orders.poll(assembler, FRAGMENT_LIMIT);
        work += sweepIfStrategyDown(System.nanoTime());
        return work;
    }

    private void publish(long clOrdId, OrderUpdate u) {
        if (clOrdId < 0) {
            return; // not an order of this run's strategy
        }
        if ("TRADE".equals(u.execType())) {
            fills++;
            fees += u.fee();
        }
        u.toReport(report, grid, System.currentTimeMillis() * 1_000_000L);
        executions.send(reportWriter.encode(
                executions.buffer(),
                executions.header(),
                executions.nextSequence(),
                instanceId,
                clOrdId,
                report,
                grid));
        reportsSent++;
    }

    private int sweepIfStrategyDown(long now) {
        if (strategyDownSwept
                || !strategy.everHeard()
                || strategy.alive(now)
                || (strategyDone && gateway.workingOrders() == 0)) {
            return 0;
        }
        strategyDownSwept = true;
        log.info("no heartbeat from the strategy for " + strategy.silenceNanos(now) / 1_000_000
                + " ms; cancelling its orders");
        cancelAll(0, "STRATEGY_DOWN");
        return 1;
    }

    boolean strategyDone() {
        return strategyDone;
    }

    private void onOrderStream(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long sequence = Envelope.sequence(buffer, offset);
        long instance = Envelope.instance(buffer, offset);
        boolean newStrategy = strategy.everHeard() && instance != strategy.instance();
        strategy.heard(instance, System.nanoTime());
        strategyDownSwept = false;
        if (newStrategy) {
            log.info("a new strategy instance " + Long.toHexString(instance)
                    + "; cancelling what the previous one left");
            cancelAll(0, "NEW_STRATEGY");
            strategyDone = false;
        }
        SequenceTracker.Result result = orderSequence.onMessage(instance, sequence);
        if (result == SequenceTracker.Result.DUPLICATE) {
            return;
        }
        if (result == SequenceTracker.Result.GAP) {
            log.info("order stream gap: messages " + orderSequence.lastGapFrom() + ".." + orderSequence.lastGapTo()
                    + " lost; cancelling every order of ours");
            cancelAll(0, "COMMANDS_LOST");
        }
        switch (template) {
            case NewOrderDecoder.TEMPLATE_ID -> {
                newOrder.wrapAndApplyHeader(buffer, offset, envelope.header());
                ordersReceived++;
                gateway.submit(
                        newOrder.clOrdId(),
                        newOrder.side() == OrderSide.BUY,
                        newOrder.price(),
                        newOrder.qty(),
                        newOrder.postOnly() == io.factorgraph.live.sbe.BooleanType.TRUE);
            }
            case CancelOrderDecoder.TEMPLATE_ID -> {
                cancelOrder.wrapAndApplyHeader(buffer, offset, envelope.header());
                cancelsReceived++;
                gateway.cancel(cancelOrder.clOrdId());
            }
            case CancelAllDecoder.TEMPLATE_ID -> {
                cancelAllDecoder.wrapAndApplyHeader(buffer, offset, envelope.header());
                cancelAll(
                        cancelAllDecoder.requestId(), cancelAllDecoder.reason().name());
            }
            case ClockAdvanceDecoder.TEMPLATE_ID -> {
                clockAdvance.wrapAndApplyHeader(buffer, offset, envelope.header());
                clockAdvancedEncoder
                        .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                        .sequence(executions.nextSequence())
                        .instanceId(instanceId)
                        .timeNs(clockAdvance.timeNs());
                executions.send(MessageHeaderEncoder.ENCODED_LENGTH + clockAdvancedEncoder.encodedLength());
            }
            case StrategyDoneDecoder.TEMPLATE_ID -> {
                strategyDone = true;
                log.info("strategy done");
            }
            default -> {}
        }
    }

    /** Cancels every order at the venue and acknowledges it ({@code requestId} 0: the connector's own sweep). */
    void cancelAll(long requestId, String reason) {
        cancelAlls++;
        int canceled = gateway.cancelAll(reason);
        ackEncoder
                .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .requestId(requestId)
                .canceledOrders(canceled)
                .venueTimeNs(System.currentTimeMillis() * 1_000_000L);
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + ackEncoder.encodedLength());
    }

    /** The close: every order cancelled at the venue, the strategy told the venue's position ({@code VenueClosed}). */
    void close() {
        if (gateway == null) {
            return;
        }
        gateway.close();
        Pending p;
        while ((p = updates.poll()) != null) {
            publish(p.clOrdId(), p.update());
        }
        long position = gateway.positionLots();
        closedEncoder
                .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .restingOrders(0)
                .positionLots(position)
                .cash(0.0)
                .fees(fees)
                .fills(fills);
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + closedEncoder.encodedLength());
        log.info(String.format(
                "venue closed: %d orders, %d cancels, %d cancel-alls received; %d fills, position %d lots, fees %.4f; "
                        + "%d reports sent",
                ordersReceived, cancelsReceived, cancelAlls, fills, position, fees, reportsSent));
    }
}
