package io.factorgraph.backtest;

import io.factorgraph.backtest.exchange.ExchangeSimulator;
import io.factorgraph.backtest.exchange.TimeInForce;
import io.factorgraph.backtest.exchange.TrackedOrderGateway;
import io.factorgraph.runtime.execution.Side;

/**
 * The strategy's gateway in a backtest: the simulator's local view (position and orders as the
 * execution reports that reached the strategy tell them), and orders sent at the current tick's time.
 * Every active order is listed, with whether it may be cancelled now ({@link WorkingOrders}).
 */
final class SimulatedGateway extends TrackedOrderGateway {
    private final ExchangeSimulator simulator;
    private long now;

    SimulatedGateway(ExchangeSimulator simulator) {
        super(simulator.orders());
        this.simulator = simulator;
    }

    /** Sets the time orders are sent at and takes the list of working orders for this tick. */
    void beginTick(long timeNanos) {
        now = timeNanos;
        refreshWorkingOrders();
    }

    @Override
    public double position() {
        return simulator.account().position();
    }

    @Override
    public void submit(boolean bid, double price, double qty, boolean postOnly) {
        simulator.submitAtPrice(
                bid ? Side.BUY : Side.SELL, price, qty, postOnly ? TimeInForce.GTX : TimeInForce.GTC, now);
    }

    @Override
    public void cancel(long orderId) {
        simulator.cancel(orderId, now);
    }

    /** The highest working bid (including ones just sent), or NaN: what the strategy is quoting. */
    double quotedBid() {
        return working().quotedBid();
    }

    /** The lowest working ask (including ones just sent), or NaN. */
    double quotedAsk() {
        return working().quotedAsk();
    }
}
