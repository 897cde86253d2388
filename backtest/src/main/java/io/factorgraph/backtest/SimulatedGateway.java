package io.factorgraph.backtest;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.OrderTracker;
import io.factorgraph.backtest.exchange.Side;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.runtime.execution.OrderGateway;

/**
 * The strategy's gateway in a backtest: the simulator's local view (position and orders as the
 * execution reports that reached the strategy tell them), and orders sent at the current tick's time.
 * Orders already asked to cancel are not listed as working, so a strategy does not cancel them twice.
 */
final class SimulatedGateway implements OrderGateway {
    private final ExchangeSimulator simulator;
    private int[] working = new int[64];
    private int workingCount;
    private long now;

    SimulatedGateway(ExchangeSimulator simulator) {
        this.simulator = simulator;
    }

    /** Sets the time orders are sent at and takes the list of working orders for this tick. */
    void beginTick(long timeNanos) {
        now = timeNanos;
        final OrderTracker orders = simulator.orders();
        workingCount = 0;
        for (int i = 0, n = orders.size(); i < n; i++) {
            if (!orders.cancelPending(i)) {
                if (workingCount == working.length) {
                    working = java.util.Arrays.copyOf(working, working.length * 2);
                }
                working[workingCount++] = i;
            }
        }
    }

    @Override
    public double position() {
        return simulator.account().position();
    }

    @Override
    public int activeOrderCount() {
        return workingCount;
    }

    @Override
    public long activeOrderId(int index) {
        return simulator.orders().id(working[index]);
    }

    @Override
    public boolean activeOrderIsBid(int index) {
        return simulator.orders().side(working[index]) == Side.BUY;
    }

    @Override
    public double activeOrderPrice(int index) {
        return simulator.orders().price(working[index]);
    }

    @Override
    public double activeOrderQty(int index) {
        return simulator.orders().leaves(working[index]);
    }

    @Override
    public void submit(boolean bid, double price, double qty, boolean postOnly) {
        simulator.submitAtPrice(bid ? Side.BUY : Side.SELL, price, qty, postOnly ? TimeInForce.GTX : TimeInForce.GTC,
                now);
    }

    @Override
    public void cancel(long orderId) {
        simulator.cancel(orderId, now);
    }

    /** The highest working bid (including ones just sent), or NaN: what the strategy is quoting. */
    double quotedBid() {
        final OrderTracker orders = simulator.orders();
        double best = Double.NaN;
        for (int i = 0, n = orders.size(); i < n; i++) {
            if (!orders.cancelPending(i) && orders.side(i) == Side.BUY && !(orders.price(i) <= best)) {
                best = orders.price(i);
            }
        }
        return best;
    }

    /** The lowest working ask (including ones just sent), or NaN. */
    double quotedAsk() {
        final OrderTracker orders = simulator.orders();
        double best = Double.NaN;
        for (int i = 0, n = orders.size(); i < n; i++) {
            if (!orders.cancelPending(i) && orders.side(i) == Side.SELL && !(orders.price(i) >= best)) {
                best = orders.price(i);
            }
        }
        return best;
    }
}
