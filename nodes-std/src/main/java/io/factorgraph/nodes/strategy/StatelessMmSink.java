package io.factorgraph.nodes.strategy;

import io.factorgraph.runtime.execution.OrderGateway;
import io.factorgraph.runtime.execution.SinkInputs;
import io.factorgraph.runtime.execution.StrategySink;

/**
 * {@code stateless_mm} bound as a graph's sink: each tick it reads alpha, volatility and stop from
 * the graph, the best levels from the book, position and working orders from the gateway, decides
 * with {@link StatelessMm#decide} and sends the difference. Quotes go out post-only (a quote that
 * would cross is the venue's to reject, not to fill as a taker); the stop's closing order goes out as
 * a plain limit so it can take liquidity. Reuses its buffers: nothing is allocated per tick.
 */
public final class StatelessMmSink implements StrategySink {
    private final StrategyParams params;
    private final ActiveOrders active = new ActiveOrders();
    private final OrderDiff diff;

    public StatelessMmSink(StrategyParams params) {
        this.params = params;
        this.diff = new OrderDiff(params.gridNum(), 16);
    }

    public StrategyParams params() {
        return params;
    }

    @Override
    public void onTick(long timeNanos, SinkInputs inputs, OrderGateway gateway) {
        final double tick = params.tickSize();
        active.clear();
        for (int i = 0, n = gateway.activeOrderCount(); i < n; i++) {
            active.add(
                    gateway.activeOrderId(i),
                    gateway.activeOrderIsBid(i),
                    Ticks.nearest(gateway.activeOrderPrice(i), tick),
                    gateway.activeOrderQty(i),
                    gateway.activeOrderCancellable(i),
                    gateway.activeOrderPostOnly(i));
        }
        final double bestBid = inputs.bestBid();
        final double bestAsk = inputs.bestAsk();
        StatelessMm.decide(
                inputs.argument(0),
                inputs.argument(1),
                inputs.argument(2) != 0.0,
                bestBid,
                bestAsk,
                (bestBid + bestAsk) / 2.0,
                gateway.position(),
                active,
                params,
                diff);
        for (int i = 0, n = diff.cancelCount(); i < n; i++) {
            gateway.cancel(diff.cancelId(i));
        }
        final boolean postOnly = diff.mode() != StrategyMode.STOPPED;
        for (int i = 0, n = diff.bidCount(); i < n; i++) {
            gateway.submit(true, diff.bidPrice(i), diff.bidQty(i), postOnly);
        }
        for (int i = 0, n = diff.askCount(); i < n; i++) {
            gateway.submit(false, diff.askPrice(i), diff.askQty(i), postOnly);
        }
    }

    /** The last decision, for recording what the strategy meant to quote. */
    public OrderDiff lastDecision() {
        return diff;
    }
}
