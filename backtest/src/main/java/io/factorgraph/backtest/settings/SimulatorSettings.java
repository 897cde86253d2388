package io.factorgraph.backtest.settings;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.runtime.data.MarketDataException;
import java.util.Objects;

/**
 * The options of a simulated venue that {@code fg backtest} and {@code fg live} share, with the same meaning in
 * both: order latency, fees, queue model, fill mode and the exchange clock. The instrument's grid comes from elsewhere (the sink's
 * {@code tick_size}, {@code --lot-size}).
 */
public record SimulatorSettings(
        LatencySetting latency, FeeSchedule fees, QueueSetting queue, FillMode fill, ExchangeClock clock) {
    /**
     * Both commands' defaults: no latency, Binance USD-M VIP 0 fees, risk-averse queue, no partial fills,
     * hftbacktest's constant exchange clock.
     */
    public static final SimulatorSettings DEFAULTS = new SimulatorSettings(
            new LatencySetting.Constant(0, 0),
            FeeSchedule.BINANCE_USDM_VIP0,
            QueueSetting.RISK_AVERSE,
            FillMode.NO_PARTIAL,
            ExchangeClock.CONSTANT);

    public SimulatorSettings {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(clock, "clock");
    }

    /** The settings with hftbacktest's constant exchange clock. */
    public SimulatorSettings(LatencySetting latency, FeeSchedule fees, QueueSetting queue, FillMode fill) {
        this(latency, fees, queue, fill, ExchangeClock.CONSTANT);
    }

    /**
     * The venue for an instrument on this grid; a latency file is read now.
     *
     * @throws MarketDataException naming the latency file's line that is wrong
     */
    public SimulatorConfig config(double tickSize, double lotSize) throws MarketDataException {
        return SimulatorConfig.of(tickSize, lotSize)
                .withFees(fees.maker(), fees.taker())
                .withLatency(latency.model())
                .withQueueModel(queue.model())
                .withFillMode(fill)
                .withTimeline(clock.timeline());
    }

    /** One line for logs: {@code fees 2.0E-4,5.0E-4, latency 5ms, queue risk-averse, no-partial fills}. */
    public String describe() {
        return "fees " + fees.canonical() + ", latency " + latency.canonical() + ", queue " + queue.canonical() + ", "
                + fill.label() + " fills"
                + (clock == ExchangeClock.CONSTANT ? "" : ", exchange clock " + clock.canonical());
    }
}
