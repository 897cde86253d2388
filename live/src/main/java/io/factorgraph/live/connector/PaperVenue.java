package io.factorgraph.live.connector;

import io.aeron.Subscription;
import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderTracker;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.live.codec.ExecutionReportWriter;
import io.factorgraph.live.health.HealthCounter;
import io.factorgraph.live.health.HealthCounters;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.CancelAllAckEncoder;
import io.factorgraph.live.sbe.CancelAllDecoder;
import io.factorgraph.live.sbe.CancelOrderDecoder;
import io.factorgraph.live.sbe.ClockAdvancedEncoder;
import io.factorgraph.live.sbe.ExecType;
import io.factorgraph.live.sbe.ExecutionReportEncoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.NewOrderDecoder;
import io.factorgraph.live.sbe.OrdStatus;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.live.sbe.Reason;
import io.factorgraph.live.sbe.VenueClosedEncoder;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.execution.Side;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The paper venue: the order stream executed by the backtest's {@link ExchangeSimulator}, every report it delivers
 * sent as an {@code ExecutionReport}. Commands take effect at the replay's current time, or in lock-step at the time
 * of the strategy's tick ({@code ClockAdvance} moves the venue's clock, exactly as the backtest moves it).
 *
 * <p>Fail-safes on the strategy's side of the venue: lost order commands (a gap on the order stream) cancel every order
 * of ours; so does a strategy gone silent for the peer timeout without having said it is done (cancel on disconnect),
 * and a new strategy instance, whose order ids start again at 1 (the old ids are forgotten).
 */
final class PaperVenue implements Agent, OrderStreamReader.Commands {
    private static final int FRAGMENT_LIMIT = 16;

    private final ExchangeSimulator simulator;
    private final MarketDataReplay replay;
    /** The feed this venue trades: its simulator is fed from it. */
    private final int feed;
    /** For the log, when the connector runs several venues: "NAME: "; else empty. */
    private final String label;

    private final boolean lockstep;
    private final long instanceId;
    private final SequencedPublication executions;
    private final PeerWatch strategy;
    private final OrderStreamReader orders;
    private final ProcessLog log;
    private final LatencyProbe orderHop;
    private final Long2LongHashMap clientToVenue = new Long2LongHashMap(-1);
    private final Long2LongHashMap venueToClient = new Long2LongHashMap(-1);
    private final ExecutionReportWriter reportWriter = new ExecutionReportWriter();
    private final ExecutionReportEncoder rejectEncoder = new ExecutionReportEncoder();
    private final CancelAllAckEncoder ackEncoder = new CancelAllAckEncoder();
    private final ClockAdvancedEncoder clockAdvancedEncoder = new ClockAdvancedEncoder();
    private final VenueClosedEncoder closedEncoder = new VenueClosedEncoder();
    private final AtomicCounter ordersReceived;
    private final AtomicCounter cancelsReceived;
    private final AtomicCounter cancelAllsDone;
    private final AtomicCounter orderGaps;
    private final AtomicCounter strategyDownSweeps;
    private final AtomicCounter newStrategies;
    private final AtomicCounter reportsSent;
    private final AtomicCounter resting;

    PaperVenue(
            ExchangeSimulator simulator,
            MarketDataReplay replay,
            int feed,
            String label,
            boolean lockstep,
            long instanceId,
            SequencedPublication executions,
            Subscription orders,
            PeerWatch strategy,
            HealthCounters health,
            ProcessLog log) {
        this.simulator = simulator;
        this.replay = replay;
        this.feed = feed;
        this.label = label;
        this.lockstep = lockstep;
        this.instanceId = instanceId;
        this.executions = executions;
        this.orders = new OrderStreamReader(orders, strategy, this);
        this.strategy = strategy;
        this.log = log;
        this.orderHop =
                new LatencyProbe("strategy -> connector (orders)").maxTo(health.get(HealthCounter.HOP_LATENCY_MAX_NS));
        this.ordersReceived = health.get(HealthCounter.ORDERS_RECEIVED);
        this.cancelsReceived = health.get(HealthCounter.CANCELS_RECEIVED);
        this.cancelAllsDone = health.get(HealthCounter.CANCEL_ALLS_DONE);
        this.orderGaps = health.get(HealthCounter.ORDER_STREAM_GAPS);
        this.strategyDownSweeps = health.get(HealthCounter.STRATEGY_DOWN_SWEEPS);
        this.newStrategies = health.get(HealthCounter.NEW_STRATEGY_INSTANCES);
        this.reportsSent = health.get(HealthCounter.REPORTS_SENT);
        this.resting = health.get(HealthCounter.RESTING_ORDERS);
        simulator.setExecutionListener(this::publishReport);
    }

    @Override
    public String roleName() {
        return "venue";
    }

    /** Executes the order commands that arrived and sweeps a silent strategy's orders. */
    @Override
    public int doWork() {
        if (executions.busy()) {
            return 0; // a report is being offered: commands wait, their reports could not be sent now
        }
        int work = orders.poll(FRAGMENT_LIMIT);
        work += sweepIfStrategyDown(System.nanoTime());
        resting.setRelease(simulator.restingOrders());
        return work;
    }

    /** Cancel on disconnect: a strategy silent without having said it is done cannot manage its quotes any more. */
    private int sweepIfStrategyDown(long now) {
        if (!orders.strategyDown(now, simulator.orders().size() == 0)) {
            return 0;
        }
        // logged whether or not one of its orders rests at this moment
        strategyDownSweeps.incrementRelease();
        log.info(label + "no heartbeat from the strategy for " + strategy.silenceNanos(now) / 1_000_000
                + " ms; cancelling its orders");
        cancelAll(0, "STRATEGY_DOWN");
        return 1;
    }

    boolean strategyDone() {
        return orders.strategyDone();
    }

    @Override
    public void onNewStrategy(long instance) {
        // its order ids start again at 1: what the previous instance left goes, and its ids are forgotten so
        // that no late report about an old order can be taken for one of the new instance's
        newStrategies.incrementRelease();
        log.info(label + "a new strategy instance " + Long.toHexString(instance) + "; cancelling what the previous one "
                + "left");
        cancelAll(0, "NEW_STRATEGY");
        clientToVenue.clear();
        venueToClient.clear();
    }

    @Override
    public void onCommandsLost(long from, long to) {
        // lost commands may have been cancels: what rests may no longer be wanted, so none of it stays
        orderGaps.incrementRelease();
        log.info(label + "order stream gap: messages " + from + ".." + to + " lost; cancelling every order of ours");
        cancelAll(0, "COMMANDS_LOST");
    }

    @Override
    public void onNewOrder(NewOrderDecoder newOrder) {
        orderHop.record(newOrder.sendNanos());
        ordersReceived.incrementRelease();
        long clientId = newOrder.clOrdId();
        Side side = newOrder.side() == OrderSide.BUY ? Side.BUY : Side.SELL;
        boolean postOnly = newOrder.postOnly() == BooleanType.TRUE;
        long time = commandTime(newOrder.decisionTimeNs());
        long venueId;
        try {
            venueId = simulator.submitAtPrice(
                    side, newOrder.price(), newOrder.qty(), postOnly ? TimeInForce.GTX : TimeInForce.GTC, time);
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.error(label + "rejected order " + clientId + ": " + e.getMessage());
            reject(clientId, side, postOnly, ExecType.REJECTED, OrdStatus.REJECTED, Reason.INVALID_ORDER, time);
            return;
        }
        clientToVenue.put(clientId, venueId);
        venueToClient.put(venueId, clientId);
        settle(time);
    }

    @Override
    public void onCancel(CancelOrderDecoder cancelOrder) {
        onCancel(cancelOrder.clOrdId(), cancelOrder.decisionTimeNs());
    }

    @Override
    public void onCancelAll(CancelAllDecoder cancelAll) {
        cancelAll(cancelAll.requestId(), cancelAll.reason().name());
    }

    @Override
    public void onStrategyDone() {
        log.info(label + "strategy done");
    }

    /** The venue time a command takes effect at: now, or in lock-step the strategy's tick when later. */
    private long commandTime(long decisionTime) {
        long now = simulator.now();
        if (lockstep && decisionTime > now) {
            feedTo(decisionTime);
            return decisionTime;
        }
        return now == Long.MIN_VALUE ? Math.max(decisionTime, replay.lastLocalTs()) : now;
    }

    private void feedTo(long time) {
        try {
            if (replay.feed(feed) != null) {
                replay.feed(feed).advanceTo(time);
            } else {
                simulator.advanceTo(time);
            }
        } catch (MarketDataException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Processes what is due by {@code time} now: with no entry latency a request reaches the exchange at once (as in
     * the backtest, where nothing else can happen on the exchange between the request and the next market event).
     */
    private void settle(long time) {
        if (time >= simulator.now()) {
            simulator.advanceTo(time);
        }
    }

    private void onCancel(long clientId, long decisionTime) {
        cancelsReceived.incrementRelease();
        long time = commandTime(decisionTime);
        long venueId = clientToVenue.get(clientId);
        if (venueId == -1) {
            reject(
                    clientId,
                    Side.BUY,
                    false,
                    ExecType.CANCEL_REJECTED,
                    OrdStatus.NOT_ACTIVE,
                    Reason.ORDER_NOT_ACTIVE,
                    time);
            return;
        }
        simulator.cancel(venueId, time);
        settle(time);
    }

    /** Cancels every order of ours and acknowledges it ({@code requestId} 0: the venue's own sweep). */
    void cancelAll(long requestId, String reason) {
        cancelAllsDone.incrementRelease();
        long time = simulator.now() == Long.MIN_VALUE ? replay.lastLocalTs() : simulator.now();
        OrderTracker active = simulator.orders();
        int canceled = 0;
        for (int i = active.size() - 1; i >= 0; i--) {
            if (!active.cancelPending(i) && simulator.cancel(active.id(i), time)) {
                canceled++;
            }
        }
        if (simulator.now() != Long.MIN_VALUE) {
            if (simulator.isEndOfData()) {
                simulator.advanceToEnd();
            } else {
                settle(time);
            }
        }
        ackEncoder
                .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .requestId(requestId)
                .canceledOrders(canceled)
                .venueTimeNs(time);
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + ackEncoder.encodedLength());
        resting.setRelease(simulator.restingOrders());
        log.info(label + "cancel all (" + reason + "): " + canceled + " orders cancelled, " + simulator.restingOrders()
                + " still resting");
    }

    @Override
    public void onClockAdvance(long time) {
        if (time > simulator.now()) {
            feedTo(time);
        }
        clockAdvancedEncoder
                .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .timeNs(time);
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + clockAdvancedEncoder.encodedLength());
    }

    /**
     * The close: the simulator runs to the end of everything in flight, what still rests is cancelled, and the
     * strategy is told the venue's own account ({@code VenueClosed}).
     */
    void close() {
        if (!simulator.isEndOfData()) {
            simulator.endOfData();
        }
        simulator.advanceToEnd();
        OrderTracker active = simulator.orders();
        int swept = 0;
        for (int i = active.size() - 1; i >= 0; i--) {
            if (!active.cancelPending(i) && simulator.cancel(active.id(i), simulator.now())) {
                swept++;
            }
        }
        simulator.advanceToEnd();
        var account = simulator.exchangeAccount();
        closedEncoder
                .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .restingOrders(simulator.restingOrders())
                .positionLots(account.positionLots())
                .cash(account.cash())
                .fees(account.fees())
                .fills(account.fills());
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + closedEncoder.encodedLength());
        resting.setRelease(simulator.restingOrders());
        log.info(label
                + String.format(
                        "venue closed: %d orders, %d cancels, %d cancel-alls received; %d swept at close; "
                                + "%d fills, position %.6g, cash %.4f, fees %.4f; %d resting",
                        ordersReceived.get(),
                        cancelsReceived.get(),
                        cancelAllsDone.get(),
                        swept,
                        account.fills(),
                        account.position(),
                        account.cash(),
                        account.fees(),
                        simulator.restingOrders()));
        log.info(label + "latency " + orderHop.summary());
    }

    private void publishReport(ExecutionReport r) {
        long clientId = venueToClient.get(r.orderId());
        executions.send(reportWriter.encode(
                executions.buffer(),
                executions.header(),
                executions.nextSequence(),
                instanceId,
                clientId == -1 ? 0 : clientId,
                r,
                simulator.grid()));
        reportsSent.incrementRelease();
    }

    private void reject(
            long clientId, Side side, boolean postOnly, ExecType type, OrdStatus status, Reason reason, long time) {
        rejectEncoder
                .wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .clOrdId(clientId)
                .execType(type)
                .side(side == Side.BUY ? OrderSide.BUY : OrderSide.SELL)
                .postOnly(postOnly ? BooleanType.TRUE : BooleanType.FALSE)
                .ordStatus(status)
                .reason(reason)
                .maker(BooleanType.FALSE)
                .priceTicks(0)
                .qtyLots(0)
                .leavesLots(0)
                .cumExecLots(0)
                .execLots(0)
                .execPriceTicks(0)
                .fee(0.0)
                .exchTimeNs(time)
                .localTimeNs(time)
                .tickSize(simulator.grid().tickSize())
                .lotSize(simulator.grid().lotSize())
                .sendNanos(System.nanoTime());
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + rejectEncoder.encodedLength());
        reportsSent.incrementRelease();
    }
}
