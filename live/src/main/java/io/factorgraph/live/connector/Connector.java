package io.factorgraph.live.connector;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderTracker;
import io.factorgraph.runtime.execution.Side;
import io.factorgraph.backtest.exchange.SimulationFeed;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.live.codec.Envelope;
import io.factorgraph.live.codec.ExecutionReportWriter;
import io.factorgraph.live.codec.MarketDataWriter;
import io.factorgraph.live.launch.ProcessLog;
import io.factorgraph.live.launch.ShutdownSignal;
import io.factorgraph.live.launch.TestHooks;
import io.factorgraph.live.probe.LatencyProbe;
import io.factorgraph.live.sbe.BooleanType;
import io.factorgraph.live.sbe.CancelAllAckEncoder;
import io.factorgraph.live.sbe.CancelAllDecoder;
import io.factorgraph.live.sbe.CancelOrderDecoder;
import io.factorgraph.live.sbe.ClockAdvanceDecoder;
import io.factorgraph.live.sbe.ClockAdvancedEncoder;
import io.factorgraph.live.sbe.EndOfDataEncoder;
import io.factorgraph.live.sbe.ExecType;
import io.factorgraph.live.sbe.ExecutionReportEncoder;
import io.factorgraph.live.sbe.HeartbeatDecoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.sbe.NewOrderDecoder;
import io.factorgraph.live.sbe.OrdStatus;
import io.factorgraph.live.sbe.OrderSide;
import io.factorgraph.live.sbe.Reason;
import io.factorgraph.live.sbe.ResyncRequestDecoder;
import io.factorgraph.live.sbe.Role;
import io.factorgraph.live.sbe.StrategyDoneDecoder;
import io.factorgraph.live.sbe.VenueClosedEncoder;
import io.factorgraph.live.transport.AeronSession;
import io.factorgraph.live.transport.Heartbeats;
import io.factorgraph.live.transport.Instances;
import io.factorgraph.live.transport.PeerWatch;
import io.factorgraph.live.transport.SequenceTracker;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.live.transport.Streams;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.EventSource;
import io.factorgraph.runtime.data.EventSources;
import io.factorgraph.runtime.data.MarketDataException;
import io.factorgraph.runtime.market.BookBuilder;
import io.factorgraph.runtime.market.EventFlags;
import io.factorgraph.runtime.market.MarketEvent;
import io.factorgraph.runtime.market.OrderBook;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.IdleStrategy;

/**
 * The connector: replays a recorded feed on the market data stream and runs the paper venue, the backtest's
 * {@link ExchangeSimulator} fed the same events.
 *
 * <ul>
 *   <li>Replay: events go out in batches that end at message boundaries, paced against the wall clock at
 *       {@code --speed} (or as fast as the engine takes them). The connector keeps its own copy of the book (the same
 *       {@link BookBuilder} on the local timeline) to answer re-sync requests: a snapshot of both sides, sent at a
 *       message boundary, on the market data stream itself, so it is ordered with the events around it.
 *   <li>Venue: order commands are executed at the connector's current replay time ({@link ExchangeSimulator#now()},
 *       moved to each event's time as it goes out), or, in lock-step mode, at the time of the strategy's tick: the
 *       venue's clock then moves only when the strategy says so ({@code ClockAdvance}), exactly as the backtest moves
 *       it. Every report the simulator delivers becomes an {@code ExecutionReport}.
 *   <li>End: after the data, {@code EndOfData}; then the venue serves the strategy until it says it is done, runs to
 *       the end of everything in flight, cancels what still rests, and says {@code VenueClosed}. On SIGTERM it stops
 *       the replay and does the same.
 * </ul>
 */
public final class Connector {
    private static final long SIGTERM_SERVE_NANOS = 2_000_000_000L;
    private static final int MESSAGE_CAPACITY = MarketDataWriter.MAX_LENGTH + 1024;

    private final ConnectorConfig config;
    private final ProcessLog log;
    private final ShutdownSignal shutdown;
    private final long instanceId = Instances.newInstanceId();

    private ExchangeSimulator simulator;
    private SimulationFeed feed;
    private SequencedPublication marketData;
    private SequencedPublication executions;
    private Subscription orders;
    private Subscription control;
    private Heartbeats heartbeats;
    private IdleStrategy idle;
    private final OrderBook book = new OrderBook(2048);
    private final BookBuilder builder = BookBuilder.local(book);
    private final MarketDataWriter writer = new MarketDataWriter();
    private final Long2LongHashMap clientToVenue = new Long2LongHashMap(-1);
    private final Long2LongHashMap venueToClient = new Long2LongHashMap(-1);
    private final Envelope envelope = new Envelope();
    private final SequenceTracker orderSequence = new SequenceTracker();
    private final SequenceTracker controlSequence = new SequenceTracker();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final CancelAllDecoder cancelAll = new CancelAllDecoder();
    private final ClockAdvanceDecoder clockAdvance = new ClockAdvanceDecoder();
    private final ResyncRequestDecoder resyncRequest = new ResyncRequestDecoder();
    private final HeartbeatDecoder heartbeat = new HeartbeatDecoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final ExecutionReportWriter reportWriter = new ExecutionReportWriter();
    private final LatencyProbe orderHop = new LatencyProbe("strategy -> connector (orders)");
    private PeerWatch strategy;
    private PeerWatch engine;

    private boolean pendingResync;
    private boolean strategyDownSwept;
    private boolean strategyDone;
    private long lastLocalTs;
    private long events;
    private long snapshotsSent;
    private long ordersReceived;
    private long cancelsReceived;
    private long cancelAllsReceived;
    private long engineReplayTime = Long.MIN_VALUE;

    public Connector(ConnectorConfig config, ProcessLog log, ShutdownSignal shutdown) {
        this.config = config;
        this.log = log;
        this.shutdown = shutdown;
    }

    /** Replays the data and serves the venue; returns the exit code. */
    public int run() throws MarketDataException {
        TransportConfig transport = config.transport();
        idle = transport.idle().newStrategy();
        // the exchange clock's shift is one constant over the whole file, as in the backtest (docs/DESIGN.md §7)
        io.factorgraph.backtest.exchange.SimulatorConfig venue = io.factorgraph.backtest.exchange.timeline.ClockShift
                .resolve(config.simulatorConfig(), () -> EventSources.open(config.data(), config.gapPolicy()));
        simulator = new ExchangeSimulator(venue, 4096);
        simulator.setExecutionListener(this::publishReport);
        strategy = new PeerWatch("strategy", transport.peerTimeoutNanos());
        engine = new PeerWatch("engine", transport.peerTimeoutNanos());
        try (AeronSession session = transport.connect()) {
            marketData = new SequencedPublication(session.publication(transport.channels().marketData(),
                    Streams.MARKET_DATA), transport.idle().newStrategy(), MESSAGE_CAPACITY)
                    .dropWhen(TestHooks.dropSequences(config.testDropMarketData()))
                    .abandonWhen(shutdown::raised);
            // A report to a strategy that has gone silent is not waited for: it cannot be delivered, and waiting
            // would hold off the sweep that cancels the dead strategy's orders.
            executions = new SequencedPublication(session.publication(transport.channels().executions(),
                    Streams.EXECUTIONS), transport.idle().newStrategy(), 4096)
                    .abandonWhen(() -> shutdown.raised()
                            || (strategy.everHeard() && !strategy.alive(System.nanoTime())));
            marketData.duty(this::duty);
            executions.duty(this::heartbeatDuty);
            heartbeats = new Heartbeats(Role.CONNECTOR, instanceId, transport.heartbeatNanos(), marketData, executions);
            orders = session.subscription(transport.channels().orders(), Streams.ORDERS);
            control = session.subscription(transport.channels().control(), Streams.CONTROL);
            FragmentAssembler orderAssembler = new FragmentAssembler(this::onOrderStream);
            FragmentAssembler controlAssembler = new FragmentAssembler(this::onControlStream);
            this.orderPoller = () -> orders.poll(orderAssembler, 16);
            this.controlPoller = () -> control.poll(controlAssembler, 4);
            log.info("venue " + venue.tickSize() + " tick, " + config.lotSize() + " lot, fees "
                    + config.fees() + ", latency " + config.latency() + ", queue " + config.queue()
                    + (config.lockstep() ? ", lock-step clock" : "") + "; instance " + Long.toHexString(instanceId)
                    + "; " + transport.channels().describe() + (transport.embeddedDriver() ? " (own media driver)" : ""));
            if (!awaitPeers()) {
                return shutdown.raised() ? 0 : 1;
            }
            replay();
            finish();
            return 0;
        } finally {
            shutdown.finished();
        }
    }

    private Runnable orderPoller;
    private Runnable controlPoller;

    private boolean awaitPeers() {
        long deadline = System.nanoTime() + config.awaitNanos();
        while (!marketData.isConnected() || (config.awaitStrategy() && !executions.isConnected())) {
            if (shutdown.raised()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                log.info("error: " + (!marketData.isConnected() ? "no engine subscribed to market data ("
                        + config.transport().channels().marketData() + ")" : "no strategy subscribed to executions ("
                        + config.transport().channels().executions() + ")") + " within the wait");
                return false;
            }
            duty();
            idle.idle();
        }
        log.info("engine" + (executions.isConnected() ? " and strategy" : "") + " connected; replaying "
                + config.data() + " at " + (Double.isInfinite(config.speed()) ? "max speed" : config.speed() + "x"));
        return true;
    }

    private void replay() throws MarketDataException {
        EventSource source = EventSources.open(config.data(), config.gapPolicy());
        feed = new SimulationFeed(source, simulator);
        long started = System.nanoTime();
        long firstTs = Long.MIN_VALUE;
        long startWall = 0;
        double speed = config.speed();
        try {
            MarketEvent e = feed.event();
            while (!shutdown.raised() && feed.next()) {
                final long ts = e.localTs();
                if (firstTs == Long.MIN_VALUE) {
                    firstTs = ts;
                    startWall = System.nanoTime();
                }
                if (!Double.isInfinite(speed)) {
                    long target = startWall + (long) ((ts - firstTs) / speed);
                    if (System.nanoTime() < target) {
                        flush(false);
                        while (System.nanoTime() < target && !shutdown.raised()) {
                            duty();
                            idle.idle();
                        }
                    }
                }
                if (!config.lockstep() && ts > simulator.now()) {
                    simulator.advanceTo(ts);
                }
                try {
                    builder.apply(e);
                } catch (IllegalArgumentException ex) {
                    throw new MarketDataException(feed.position(), ex.getMessage(), ex);
                }
                if (writer.isFull()) {
                    flush(false);
                }
                writer.add(e);
                lastLocalTs = ts;
                events++;
                if (e.endOfMessage()) {
                    flush(false);
                    if (pendingResync) {
                        sendSnapshot();
                    }
                }
                duty();
            }
            flush(false);
        } finally {
            feed.close();
        }
        if (shutdown.raised()) {
            log.info("stopped by signal after " + events + " events");
            return;
        }
        EndOfDataEncoder end = new EndOfDataEncoder();
        end.wrapAndApplyHeader(marketData.buffer(), 0, marketData.header())
                .sequence(marketData.nextSequence())
                .instanceId(instanceId)
                .lastLocalTs(lastLocalTs)
                .events(events);
        marketData.send(MessageHeaderEncoder.ENCODED_LENGTH + end.encodedLength());
        log.info(String.format("end of data: %d events in %.2f s, %d snapshots sent", events,
                (System.nanoTime() - started) / 1e9, snapshotsSent));
    }

    private void flush(boolean snapshot) {
        if (writer.isEmpty()) {
            return;
        }
        int length = writer.encode(marketData.buffer(), marketData.header(), marketData.nextSequence(), instanceId,
                snapshot);
        writer.clear();
        marketData.send(length);
    }

    /** The book as it stands (a message boundary), as one snapshot: a clear of both sides, then every level. */
    private void sendSnapshot() {
        pendingResync = false;
        flush(false);
        long ts = lastLocalTs;
        long clear = EventFlags.DEPTH_CLEAR_EVENT | EventFlags.LOCAL_EVENT;
        boolean ready = book.isReady() && book.bidDepth() + book.askDepth() > 0;
        writer.add(clear, ts, ts, Double.NaN, 0.0, 0L, 0L, 0.0, !ready);
        if (ready) {
            long snap = EventFlags.DEPTH_SNAPSHOT_EVENT | EventFlags.LOCAL_EVENT;
            int bids = book.bidDepth();
            int asks = book.askDepth();
            for (int i = 0; i < bids; i++) {
                if (writer.isFull()) {
                    flush(true);
                }
                writer.add(snap | EventFlags.BUY_EVENT, ts, ts, book.bidPrice(i), book.bidQty(i), 0L, 0L, 0.0,
                        asks == 0 && i == bids - 1);
            }
            for (int i = 0; i < asks; i++) {
                if (writer.isFull()) {
                    flush(true);
                }
                writer.add(snap | EventFlags.SELL_EVENT, ts, ts, book.askPrice(i), book.askQty(i), 0L, 0L, 0.0,
                        i == asks - 1);
            }
        }
        flush(true);
        snapshotsSent++;
        log.info("sent a snapshot of " + book.bidDepth() + " bids and " + book.askDepth() + " asks"
                + (ready ? "" : " (book not ready: an empty one)") + " at " + ts);
    }

    private void finish() {
        // serve the strategy until it is done: after the data, up to the linger; on SIGTERM (which a terminal sends to
        // every process of the group at once) up to 2 s, so that the strategy's own cancel-all still finds a venue
        long deadline = System.nanoTime() + (shutdown.raised() ? SIGTERM_SERVE_NANOS : config.lingerNanos());
        while (!strategyDone && System.nanoTime() < deadline) {
            boolean strategyHere = executions.isConnected();
            boolean engineHere = marketData.isConnected();
            if (!strategyHere && (shutdown.raised() || !engineHere || engineReplayTime >= lastLocalTs)) {
                break;
            }
            if (pendingResync && !shutdown.raised()) {
                sendSnapshot(); // past the last event: a message boundary
            }
            duty();
            idle.idle();
        }
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
        VenueClosedEncoder closed = new VenueClosedEncoder();
        closed.wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .restingOrders(simulator.restingOrders())
                .positionLots(simulator.exchangeAccount().positionLots())
                .cash(simulator.exchangeAccount().cash())
                .fees(simulator.exchangeAccount().fees())
                .fills(simulator.exchangeAccount().fills());
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + closed.encodedLength());
        log.info(String.format("venue closed: %d orders, %d cancels, %d cancel-alls received; %d swept at close; "
                        + "%d fills, position %.6g, cash %.4f, fees %.4f; %d resting", ordersReceived,
                cancelsReceived, cancelAllsReceived, swept, simulator.exchangeAccount().fills(),
                simulator.exchangeAccount().position(), simulator.exchangeAccount().cash(),
                simulator.exchangeAccount().fees(), simulator.restingOrders()));
        log.info("latency " + orderHop.summary());
        long lingerUntil = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < lingerUntil) {
            idle.idle();
        }
    }

    /** Polls commands and re-sync requests, and sends heartbeats; runs between events and while waiting. */
    private void duty() {
        if (!executions.busy()) {
            orderPoller.run();
            controlPoller.run();
        }
        heartbeatDuty();
    }

    private void heartbeatDuty() {
        long now = System.nanoTime();
        if (!strategyDownSwept && strategy.everHeard() && !strategy.alive(now) && !executions.busy()
                && (!strategyDone || simulator.orders().size() > 0)) {
            // cancel on disconnect: a strategy that went silent without saying it is done cannot manage its quotes
            // any more, whether or not one of them rests at this moment
            strategyDownSwept = true;
            log.info("no heartbeat from the strategy for " + strategy.silenceNanos(now) / 1_000_000
                    + " ms; cancelling its orders");
            onCancelAll(0, "STRATEGY_DOWN");
        }
        if (heartbeats.due(now)) {
            heartbeats.send(now, lastLocalTs, book.isReady(), simulator.restingOrders(), simulator.orders().size(),
                    simulator.account().position());
        }
    }

    // ---------------------------------------------------------------------------------------------- orders stream

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
            // its order ids start again at 1: what the previous instance left goes, and its ids are forgotten so
            // that no late report about an old order can be taken for one of the new instance's
            log.info("a new strategy instance " + Long.toHexString(instance) + "; cancelling what the previous one "
                    + "left");
            onCancelAll(0, "NEW_STRATEGY");
            clientToVenue.clear();
            venueToClient.clear();
            strategyDone = false;
        }
        SequenceTracker.Result result = orderSequence.onMessage(instance, sequence);
        if (result == SequenceTracker.Result.DUPLICATE) {
            return;
        }
        if (result == SequenceTracker.Result.GAP) {
            // lost commands may have been cancels: what rests may no longer be wanted, so none of it stays
            log.info("order stream gap: messages " + orderSequence.lastGapFrom() + ".." + orderSequence.lastGapTo()
                    + " lost; cancelling every order of ours");
            onCancelAll(0, "COMMANDS_LOST");
        }
        switch (template) {
            case NewOrderDecoder.TEMPLATE_ID -> {
                newOrder.wrapAndApplyHeader(buffer, offset, envelope.header());
                orderHop.record(newOrder.sendNanos());
                onNewOrder();
            }
            case CancelOrderDecoder.TEMPLATE_ID -> {
                cancelOrder.wrapAndApplyHeader(buffer, offset, envelope.header());
                onCancel(cancelOrder.clOrdId(), cancelOrder.decisionTimeNs());
            }
            case CancelAllDecoder.TEMPLATE_ID -> {
                cancelAll.wrapAndApplyHeader(buffer, offset, envelope.header());
                onCancelAll(cancelAll.requestId(), cancelAll.reason().name());
            }
            case ClockAdvanceDecoder.TEMPLATE_ID -> {
                clockAdvance.wrapAndApplyHeader(buffer, offset, envelope.header());
                onClockAdvance(clockAdvance.timeNs());
            }
            case StrategyDoneDecoder.TEMPLATE_ID -> {
                strategyDone = true;
                log.info("strategy done");
            }
            default -> {
            }
        }
    }

    /** The venue time a command takes effect at: now, or in lock-step the strategy's tick when later. */
    private long commandTime(long decisionTime) {
        long now = simulator.now();
        if (config.lockstep() && decisionTime > now) {
            feedTo(decisionTime);
            return decisionTime;
        }
        return now == Long.MIN_VALUE ? Math.max(decisionTime, lastLocalTs) : now;
    }

    private void feedTo(long time) {
        try {
            if (feed != null) {
                feed.advanceTo(time);
            } else {
                simulator.advanceTo(time);
            }
        } catch (MarketDataException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void onNewOrder() {
        ordersReceived++;
        long clientId = newOrder.clOrdId();
        Side side = newOrder.side() == OrderSide.BUY ? Side.BUY : Side.SELL;
        boolean postOnly = newOrder.postOnly() == BooleanType.TRUE;
        double price = newOrder.price();
        double qty = newOrder.qty();
        long time = commandTime(newOrder.decisionTimeNs());
        long venueId;
        try {
            venueId = simulator.submitAtPrice(side, price, qty, postOnly ? TimeInForce.GTX : TimeInForce.GTC, time);
        } catch (IllegalArgumentException | IllegalStateException e) {
            log.info("rejected order " + clientId + ": " + e.getMessage());
            rejectUnknown(clientId, side, postOnly, ExecType.REJECTED, OrdStatus.REJECTED, Reason.INVALID_ORDER, time);
            return;
        }
        clientToVenue.put(clientId, venueId);
        venueToClient.put(venueId, clientId);
        settle(time);
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
        cancelsReceived++;
        long time = commandTime(decisionTime);
        long venueId = clientToVenue.get(clientId);
        if (venueId == -1) {
            rejectUnknown(clientId, Side.BUY, false, ExecType.CANCEL_REJECTED, OrdStatus.NOT_ACTIVE,
                    Reason.ORDER_NOT_ACTIVE, time);
            return;
        }
        simulator.cancel(venueId, time);
        settle(time);
    }

    private void onCancelAll(long requestId, String reason) {
        cancelAllsReceived++;
        long time = simulator.now() == Long.MIN_VALUE ? lastLocalTs : simulator.now();
        OrderTracker active = simulator.orders();
        int canceled = 0;
        for (int i = active.size() - 1; i >= 0; i--) {
            if (!active.cancelPending(i)) {
                long id = active.id(i);
                if (simulator.cancel(id, time)) {
                    canceled++;
                }
            }
        }
        if (simulator.now() != Long.MIN_VALUE) {
            if (simulator.isEndOfData()) {
                simulator.advanceToEnd();
            } else {
                settle(time);
            }
        }
        CancelAllAckEncoder ack = new CancelAllAckEncoder();
        ack.wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .requestId(requestId)
                .canceledOrders(canceled)
                .venueTimeNs(time);
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + ack.encodedLength());
        log.info("cancel all (" + reason + "): " + canceled + " orders cancelled, " + simulator.restingOrders()
                + " still resting");
    }

    private void onClockAdvance(long time) {
        if (time > simulator.now()) {
            feedTo(time);
        }
        ClockAdvancedEncoder done = new ClockAdvancedEncoder();
        done.wrapAndApplyHeader(executions.buffer(), 0, executions.header())
                .sequence(executions.nextSequence())
                .instanceId(instanceId)
                .timeNs(time);
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + done.encodedLength());
    }

    // ---------------------------------------------------------------------------------------------- control stream

    private void onControlStream(DirectBuffer buffer, int offset, int length, Header header) {
        int template = envelope.wrap(buffer, offset, length);
        if (template < 0) {
            return;
        }
        long sequence = Envelope.sequence(buffer, offset);
        long instance = Envelope.instance(buffer, offset);
        engine.heard(instance, System.nanoTime());
        controlSequence.onMessage(instance, sequence);
        if (template == ResyncRequestDecoder.TEMPLATE_ID) {
            resyncRequest.wrapAndApplyHeader(buffer, offset, envelope.header());
            if (!pendingResync) {
                log.info("engine asks for a snapshot (expected market data message "
                        + resyncRequest.expectedSequence() + ", received " + resyncRequest.receivedSequence() + ")");
            }
            pendingResync = true;
        } else if (template == HeartbeatDecoder.TEMPLATE_ID) {
            heartbeat.wrapAndApplyHeader(buffer, offset, envelope.header());
            engineReplayTime = heartbeat.replayTimeNs();
        }
    }

    // ---------------------------------------------------------------------------------------------- reports

    private void publishReport(ExecutionReport r) {
        long clientId = venueToClient.get(r.orderId());
        executions.send(reportWriter.encode(executions.buffer(), executions.header(), executions.nextSequence(),
                instanceId, clientId == -1 ? 0 : clientId, r, simulator.grid()));
    }

    private void rejectUnknown(long clientId, Side side, boolean postOnly, ExecType type, OrdStatus status,
            Reason reason, long time) {
        reportEncoder.wrapAndApplyHeader(executions.buffer(), 0, executions.header())
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
        executions.send(MessageHeaderEncoder.ENCODED_LENGTH + reportEncoder.encodedLength());
    }
}
