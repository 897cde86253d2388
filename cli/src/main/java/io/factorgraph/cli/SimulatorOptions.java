package io.factorgraph.cli;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.settings.ExchangeClock;
import io.factorgraph.backtest.settings.FeeSchedule;
import io.factorgraph.backtest.settings.LatencySetting;
import io.factorgraph.backtest.settings.QueueSetting;
import io.factorgraph.backtest.settings.SimulatorSettings;
import picocli.CommandLine.Option;

/**
 * The simulated venue's options, one mixin for {@code fg backtest} and {@code fg live run}/{@code connector} so that
 * both accept the same options with the same meaning.
 */
final class SimulatorOptions {
    @Option(
            names = "--latency",
            paramLabel = "DURATION|FILE",
            defaultValue = "0ms",
            description = "Order entry and response latency: a duration each way (e.g. 5ms), ENTRY/RESPONSE "
                    + "(e.g. 250us/1.5ms), or a latency file (CSV req_ts,exch_ts,resp_ts in ns) to interpolate. "
                    + "Default: ${DEFAULT-VALUE}.")
    LatencySetting latency;

    @Option(
            names = "--queue",
            paramLabel = "MODEL",
            defaultValue = "risk-averse",
            description = "Queue position model: risk-averse, power:N, power2:N, power3:N, log, log2. "
                    + "Default: ${DEFAULT-VALUE}.")
    QueueSetting queue;

    @Option(
            names = "--fees",
            paramLabel = "MAKER,TAKER",
            defaultValue = "0.0002,0.0005",
            description = "Fees as fractions of traded value (negative = rebate). Default: ${DEFAULT-VALUE} "
                    + "(Binance USD-M VIP 0).")
    FeeSchedule fees;

    @Option(
            names = "--fill",
            paramLabel = "no-partial|partial",
            defaultValue = "no-partial",
            description = "Whether a trade at an order's price can fill part of it. Default: ${DEFAULT-VALUE}.")
    FillMode fill;

    @Option(
            names = "--exchange-clock",
            paramLabel = "constant|running-max",
            defaultValue = "constant",
            description = "How exchange times are made from the recorder's stamps: constant (hftbacktest's one shift "
                    + "over the whole input) or running-max (this project's earlier rule, for comparing old results). "
                    + "Default: ${DEFAULT-VALUE}.")
    ExchangeClock exchangeClock;

    @Option(
            names = "--lot-size",
            paramLabel = "QTY",
            defaultValue = "0.001",
            converter = OptionTypes.PositiveStep.class,
            description = "The instrument's quantity step. Default: ${DEFAULT-VALUE} (USD-M BTCUSDT).")
    double lotSize;

    SimulatorSettings settings() {
        return new SimulatorSettings(latency, fees, queue, fill, exchangeClock);
    }
}
