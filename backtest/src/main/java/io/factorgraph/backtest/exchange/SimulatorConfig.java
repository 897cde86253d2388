package io.factorgraph.backtest.exchange;

import io.factorgraph.backtest.exchange.queue.QueueModel;

/**
 * Everything that defines a simulated venue for one instrument.
 *
 * @param tickSize price step, {@code > 0} (USD-M BTCUSDT: 0.1)
 * @param lotSize quantity step, {@code > 0} (USD-M BTCUSDT: 0.001)
 * @param makerFee fee of a maker fill as a fraction of its traded value ({@code price * qty}); negative is a rebate
 * @param takerFee fee of a taker fill as a fraction of its traded value; negative is a rebate
 * @param latency order entry and response latency
 * @param queueModel how a resting order's queue position moves
 * @param fillMode whether an order can be partly filled
 * @param initialCash cash at the start, in the quote currency
 * @param timeline how exchange times are corrected (see {@link TimelineCorrection})
 */
public record SimulatorConfig(
        double tickSize,
        double lotSize,
        double makerFee,
        double takerFee,
        LatencyModel latency,
        QueueModel queueModel,
        FillMode fillMode,
        double initialCash,
        TimelineCorrection timeline) {

    public SimulatorConfig {
        if (!(tickSize > 0) || !Double.isFinite(tickSize)) {
            throw new IllegalArgumentException("tick size must be finite and > 0, was " + tickSize);
        }
        if (!(lotSize > 0) || !Double.isFinite(lotSize)) {
            throw new IllegalArgumentException("lot size must be finite and > 0, was " + lotSize);
        }
        if (!(Math.abs(makerFee) < 1)) {
            throw new IllegalArgumentException("maker fee is a fraction of traded value in (-1, 1), was " + makerFee);
        }
        if (!(Math.abs(takerFee) < 1)) {
            throw new IllegalArgumentException("taker fee is a fraction of traded value in (-1, 1), was " + takerFee);
        }
        if (!Double.isFinite(initialCash)) {
            throw new IllegalArgumentException("initial cash must be finite, was " + initialCash);
        }
        if (latency == null) {
            throw new NullPointerException("latency");
        }
        if (queueModel == null) {
            throw new NullPointerException("queueModel");
        }
        if (fillMode == null) {
            throw new NullPointerException("fillMode");
        }
        if (timeline == null) {
            throw new NullPointerException("timeline");
        }
    }

    /**
     * A venue with the given grid and otherwise hftbacktest's usual starting point: no fees, no latency, the
     * risk-averse queue model, no partial fills, no initial cash, and hftbacktest's constant exchange-time shift
     * ({@link TimelineCorrection#constant()}), which must be resolved for the input before a simulator runs on it
     * ({@link io.factorgraph.backtest.exchange.timeline.ClockShift#resolve}; {@code Backtest} does it).
     */
    public static SimulatorConfig of(double tickSize, double lotSize) {
        return new SimulatorConfig(
                tickSize,
                lotSize,
                0.0,
                0.0,
                new ConstantLatency(0, 0),
                new QueueModel.RiskAverse(),
                FillMode.NO_PARTIAL,
                0.0,
                TimelineCorrection.constant());
    }

    public SimulatorConfig withFees(double maker, double taker) {
        return new SimulatorConfig(
                tickSize, lotSize, maker, taker, latency, queueModel, fillMode, initialCash, timeline);
    }

    public SimulatorConfig withLatency(LatencyModel model) {
        return new SimulatorConfig(
                tickSize, lotSize, makerFee, takerFee, model, queueModel, fillMode, initialCash, timeline);
    }

    public SimulatorConfig withQueueModel(QueueModel model) {
        return new SimulatorConfig(
                tickSize, lotSize, makerFee, takerFee, latency, model, fillMode, initialCash, timeline);
    }

    public SimulatorConfig withFillMode(FillMode mode) {
        return new SimulatorConfig(
                tickSize, lotSize, makerFee, takerFee, latency, queueModel, mode, initialCash, timeline);
    }

    public SimulatorConfig withInitialCash(double cash) {
        return new SimulatorConfig(
                tickSize, lotSize, makerFee, takerFee, latency, queueModel, fillMode, cash, timeline);
    }

    public SimulatorConfig withTimeline(TimelineCorrection correction) {
        return new SimulatorConfig(
                tickSize, lotSize, makerFee, takerFee, latency, queueModel, fillMode, initialCash, correction);
    }
}
