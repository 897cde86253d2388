package io.factorgraph.venue.binance;

import io.aeron.Subscription;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.live.codec.ExecutionReportWriter;
import io.factorgraph.live.connector.OrderStreamReader;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.sbe.CancelAllAckEncoder;
import io.factorgraph.live.sbe.CancelAllDecoder;
import io.factorgraph.live.sbe.CancelOrderDecoder;
import io.factorgraph.live.sbe.ClockAdvancedEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.NewOrderDecoder;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.live.sbe.VenueClosedEncoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agrona.concurrent.Agent;

/**
 * The strategy's side of a Binance venue, on the connector's thread: the order stream's commands sent through the
 * {@link BinanceOrderGateway}, and the gateway's updates sent back as {@code ExecutionReport}s, in the messages and
 * with the fail-safes of the paper venue: lost order commands, a strategy silent for the peer timeout without having
 * said it is done, and a new strategy instance each cancel every order at the venue; so does the close. A clock
 * advance (lock-step) is acknowledged at once: a real venue's clock is its own.
 */
final class BinanceVenueAgent implements Agent, BinanceOrderGateway.Listener, OrderStreamReader.Commands {
    private static final int FRAGMENT_LIMIT = 16;

    private final PriceGrid grid;
    private final long instanceId;
    private final SequencedPublication executions;
    private final PeerWatch strategy;
    private final OrderStreamReader orders;
    private final ProcessLog log;
    private final ExecutionReportWriter reportWriter = new ExecutionReportWriter();
    private final ExecutionReport report;
    private final CancelAllAckEncoder ackEncoder = new CancelAllAckEncoder();
    private final ClockAdvancedEncoder clockAdvancedEncoder = new ClockAdvancedEncoder();
    private final VenueClosedEncoder closedEncoder = new VenueClosedEncoder();
    /** Updates from the gateway's threads, sent on the connector's. */
    private final ConcurrentLinkedQueue<Pending> updates = new ConcurrentLinkedQueue<>();

    private BinanceOrderGateway gateway;
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
        this.orders = new OrderStreamReader(orders, strategy, this);
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
        work += orders.poll(FRAGMENT_LIMIT);
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
        if (!orders.strategyDown(now, gateway.workingOrders() == 0)) {
            return 0;
        }
        log.info("no heartbeat from the strategy for " + strategy.silenceNanos(now) / 1_000_000
                + " ms; cancelling its orders");
        cancelAll(0, "STRATEGY_DOWN");
        return 1;
    }

    boolean strategyDone() {
        return orders.strategyDone();
    }

    @Override
    public void onNewStrategy(long instance) {
        log.info("a new strategy instance " + Long.toHexString(instance) + "; cancelling what the previous one left");
        cancelAll(0, "NEW_STRATEGY");
    }

    @Override
    public void onCommandsLost(long from, long to) {
        log.info("order stream gap: messages " + from + ".." + to + " lost; cancelling every order of ours");
        cancelAll(0, "COMMANDS_LOST");
    }

    @Override
    public void onNewOrder(NewOrderDecoder order) {
        ordersReceived++;
        gateway.submit(
                order.clOrdId(),
                order.side() == OrderSide.BUY,
                order.price(),
                order.qty(),
                order.postOnly() == io.factorgraph.live.sbe.BooleanType.TRUE);
    }

    @Override
    public void onCancel(CancelOrderDecoder cancel) {
        cancelsReceived++;
        gateway.cancel(cancel.clOrdId());
    }

    @Override
    public void onCancelAll(CancelAllDecoder cancelAll) {
        cancelAll(cancelAll.requestId(), cancelAll.reason().name());
    }

    /** A real venue's clock is its own: a lock-step advance is acknowledged at once. */
    @Override
    public void onClockAdvance(long timeNs) {
        clockAdvancedEncoder
                .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .timeNs(timeNs);
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + clockAdvancedEncoder.encodedLength());
    }

    @Override
    public void onStrategyDone() {
        log.info("strategy done");
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
