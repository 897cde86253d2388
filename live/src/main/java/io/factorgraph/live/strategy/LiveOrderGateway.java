package io.factorgraph.live.strategy;

import io.factorgraph.backtest.account.Account;
import io.factorgraph.backtest.exchange.ExecutionReport;
import io.factorgraph.backtest.exchange.OrderTracker;
import io.factorgraph.backtest.exchange.PriceGrid;
import io.factorgraph.backtest.exchange.ReportType;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.backtest.exchange.TrackedOrderGateway;
import io.factorgraph.live.codec.ExecutionReportReader;
import io.factorgraph.live.codec.NewOrderWriter;
import io.factorgraph.live.sbe.CancelAllEncoder;
import io.factorgraph.live.sbe.CancelAllReason;
import io.factorgraph.live.sbe.CancelOrderEncoder;
import io.factorgraph.live.sbe.ExecutionReportDecoder;
import io.factorgraph.live.sbe.MessageHeaderEncoder;
import io.factorgraph.live.transport.SequencedPublication;
import io.factorgraph.runtime.execution.Side;

/**
 * The strategy's gateway to the venue over Aeron: what the sink sees of its position and working orders, kept only
 * from what it sent and the execution reports it received (the backtest's own {@link OrderTracker} and {@link Account},
 * so the two keep books the same way), and the orders and cancels it sends as messages.
 *
 * <p>As in the backtest's gateway ({@link WorkingOrders}), every active order is listed, and only acknowledged ones with
 * no cancel on its way are cancellable; a cancel for an order not active here sends nothing. Client order ids count 1, 2, 3 ... per
 * strategy process. Allocation-free per tick.
 */
public final class LiveOrderGateway extends TrackedOrderGateway {
    /** Receives each order event as it is sent or reported, for logs and recordings. */
    public interface Listener {
        default void onSubmit(long timeNanos, long orderId, boolean bid, double price, double qty, boolean postOnly) {}

        default void onCancel(long timeNanos, long orderId) {}

        default void onCancelAll(long timeNanos, long requestId, CancelAllReason reason) {}

        default void onReport(ExecutionReport report) {}
    }

    private final SequencedPublication orders;
    private final long instanceId;
    private final PriceGrid grid;
    private final OrderTracker tracker;
    private final Account account;
    private final ExecutionReport report;
    private final NewOrderWriter newOrder = new NewOrderWriter();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final CancelAllEncoder cancelAll = new CancelAllEncoder();
    private Listener listener = new Listener() {};
    private long now;
    private long nextOrderId = 1;
    private long nextRequestId = 1;
    private long submitted;
    private long cancels;
    private long reports;
    private long fills;

    public LiveOrderGateway(SequencedPublication orders, long instanceId, PriceGrid grid) {
        this(orders, instanceId, grid, new OrderTracker(grid, 32));
    }

    private LiveOrderGateway(SequencedPublication orders, long instanceId, PriceGrid grid, OrderTracker tracker) {
        super(tracker);
        this.orders = orders;
        this.instanceId = instanceId;
        this.grid = grid;
        this.tracker = tracker;
        this.account = new Account(grid, 0.0);
        this.report = new ExecutionReport(grid);
    }

    public LiveOrderGateway listener(Listener l) {
        this.listener = l;
        return this;
    }

    /** Sets the tick's time and takes the list of working orders for it. */
    public void beginTick(long timeNanos) {
        now = timeNanos;
        refreshWorkingOrders();
    }

    @Override
    public double position() {
        return account.position();
    }

    @Override
    public void submit(boolean bid, double price, double qty, boolean postOnly) {
        long id = nextOrderId++;
        Side side = bid ? Side.BUY : Side.SELL;
        tracker.onSubmit(
                id, side, grid.ticks(price), grid.lots(qty), postOnly ? TimeInForce.GTX : TimeInForce.GTC, now);
        orders.send(newOrder.encode(
                orders.buffer(),
                orders.header(),
                orders.nextSequence(),
                instanceId,
                id,
                now,
                bid,
                price,
                qty,
                postOnly));
        submitted++;
        listener.onSubmit(now, id, bid, price, qty, postOnly);
    }

    @Override
    public void cancel(long orderId) {
        listener.onCancel(now, orderId);
        if (tracker.onCancelRequest(orderId)) {
            sendCancel(orderId);
        }
    }

    private void sendCancel(long orderId) {
        cancelOrder
                .wrapAndApplyHeader(orders.buffer(), 0, orders.header())
                .sequence(orders.nextSequence())
                .instanceId(instanceId)
                .clOrdId(orderId)
                .decisionTimeNs(now);
        orders.send(MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength());
        cancels++;
    }

    /**
     * Cancels every order working as far as we know, one by one, and asks the venue to sweep whatever else of ours
     * rests there (orders whose acknowledgement is still on its way). Returns the request id its ack will carry.
     */
    public long cancelAll(CancelAllReason reason) {
        for (int i = tracker.size() - 1; i >= 0; i--) {
            long id = tracker.id(i);
            if (tracker.onCancelRequest(id)) {
                sendCancel(id);
            }
        }
        long requestId = nextRequestId++;
        listener.onCancelAll(now, requestId, reason);
        cancelAll
                .wrapAndApplyHeader(orders.buffer(), 0, orders.header())
                .sequence(orders.nextSequence())
                .instanceId(instanceId)
                .requestId(requestId)
                .reason(reason);
        orders.send(MessageHeaderEncoder.ENCODED_LENGTH + cancelAll.encodedLength());
        return requestId;
    }

    /**
     * Applies an execution report.
     *
     * @throws IllegalStateException when the venue's price or lot grid is not ours
     */
    public void onReport(ExecutionReportDecoder r) {
        if (r.tickSize() != grid.tickSize() || r.lotSize() != grid.lotSize()) {
            throw new IllegalStateException("the venue trades on tick " + r.tickSize() + ", lot " + r.lotSize()
                    + " but the strategy on tick " + grid.tickSize() + ", lot " + grid.lotSize()
                    + ": give the same --lot-size to both and the sink's tick_size to the connector");
        }
        ExecutionReportReader.read(r, report);
        tracker.onReport(report);
        if (report.type() == ReportType.FILL) {
            account.onFill(report.side(), report.execPriceTicks(), report.execLots(), report.fee(), report.maker());
            fills++;
        }
        reports++;
        listener.onReport(report);
    }

    /** The highest working bid (including ones just sent), or NaN: what the strategy is quoting. */
    public double quotedBid() {
        return working().quotedBid();
    }

    /** The lowest working ask (including ones just sent), or NaN. */
    public double quotedAsk() {
        return working().quotedAsk();
    }

    /** Whether an order is working that no cancel has been sent for. */
    public boolean hasUncancelledOrders() {
        return working().hasUncancelled();
    }

    public OrderTracker orders() {
        return tracker;
    }

    public Account account() {
        return account;
    }

    public PriceGrid grid() {
        return grid;
    }

    public long submittedCount() {
        return submitted;
    }

    public long cancelCount() {
        return cancels;
    }

    public long reportCount() {
        return reports;
    }

    public long fillCount() {
        return fills;
    }
}
