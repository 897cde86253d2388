package io.factorgraph.backtest.settings;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.exchange.SimulatorConfig;
import io.factorgraph.runtime.data.MarketDataException;
import java.util.Collection;
import java.util.Objects;

/**
 * The simulated venue of every instrument a graph trades (docs/DESIGN.md §11: each sink has its own simulator):
 * latency, fees and lot size may differ by book ({@link PerInstrument}); the queue model, fill mode and exchange clock
 * are the run's. {@link #settings(String)} gives one book's {@link SimulatorSettings}, the settings of a one-instrument
 * run, so a graph of one book runs exactly as before.
 */
public record InstrumentSettings(
        PerInstrument<LatencySetting> latency,
        PerInstrument<FeeSchedule> fees,
        PerInstrument<LotSize> lotSize,
        QueueSetting queue,
        FillMode fill,
        ExchangeClock clock) {
    public InstrumentSettings {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(clock, "clock");
    }

    /** The same settings for every book. */
    public static InstrumentSettings of(SimulatorSettings settings, LotSize lotSize) {
        return new InstrumentSettings(
                PerInstrument.of(settings.latency()),
                PerInstrument.of(settings.fees()),
                PerInstrument.of(lotSize),
                settings.queue(),
                settings.fill(),
                settings.clock());
    }

    /**
     * Checks that every book named by a per-book value is traded.
     *
     * @param traded the books with a sink, in the graph's order
     * @param declared every {@code Book} input
     * @throws IllegalArgumentException {@code --OPTION 'TEXT': ...}, one line
     */
    public InstrumentSettings check(Collection<String> traded, Collection<String> declared) {
        check("--latency", latency, traded, declared);
        check("--fees", fees, traded, declared);
        check("--lot-size", lotSize, traded, declared);
        return this;
    }

    private static void check(
            String option, PerInstrument<?> setting, Collection<String> traded, Collection<String> declared) {
        try {
            setting.check(traded, declared);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }

    /** The settings of {@code book}'s simulator. */
    public SimulatorSettings settings(String book) {
        return new SimulatorSettings(latency.of(book), fees.of(book), queue, fill, clock);
    }

    /**
     * The simulator of {@code book}, on the grid its sink quotes on; a latency file is read now.
     *
     * @throws MarketDataException naming the latency file's line that is wrong
     */
    public SimulatorConfig config(String book, double tickSize) throws MarketDataException {
        return settings(book).config(tickSize, lotSize.of(book).step());
    }
}
