package io.factorgraph.cli;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.settings.ExchangeClock;
import io.factorgraph.backtest.settings.FeeSchedule;
import io.factorgraph.backtest.settings.InstrumentSettings;
import io.factorgraph.backtest.settings.LatencySetting;
import io.factorgraph.backtest.settings.LotSize;
import io.factorgraph.backtest.settings.PerInstrument;
import io.factorgraph.backtest.settings.QueueSetting;
import io.factorgraph.backtest.settings.SimulatorSettings;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The simulated venue's options, one mixin for {@code fg backtest} and {@code fg live run}/{@code connector} so that
 * both accept the same options with the same meaning.
 *
 * <p>Latency, fees and lot size may differ by instrument (docs/DESIGN.md §11): each is repeatable, {@code VALUE} for
 * every traded book and {@code BOOK=VALUE} for one ({@link PerInstrument}); {@link #instruments()} has them all. The
 * fields {@link #latency}, {@link #fees} and {@link #lotSize} hold the value for every book, which is the whole
 * setting of a one-instrument venue.
 */
final class SimulatorOptions {
    private static final LatencySetting NO_LATENCY = new LatencySetting.Constant(0, 0);

    /** The latency of every book (the plain {@code --latency VALUE}, else the default). */
    LatencySetting latency = NO_LATENCY;

    /** The fees of every book. */
    FeeSchedule fees = FeeSchedule.BINANCE_USDM_VIP0;

    /** The lot size of every book. */
    double lotSize = LotSize.BINANCE_USDM_BTCUSDT.step();

    private PerInstrument<LatencySetting> latencies = PerInstrument.of(NO_LATENCY);
    private PerInstrument<FeeSchedule> feesByBook = PerInstrument.of(FeeSchedule.BINANCE_USDM_VIP0);
    private PerInstrument<LotSize> lotSizes = PerInstrument.of(LotSize.BINANCE_USDM_BTCUSDT);

    /** A mistake in how the texts of an option go together, reported by {@link #instruments()}. */
    private String problem;

    @Option(
            names = "--latency",
            paramLabel = "[BOOK=]DURATION|FILE",
            converter = OptionTypes.PerBookLatency.class,
            description = "Order entry and response latency: a duration each way (e.g. 5ms), ENTRY/RESPONSE "
                    + "(e.g. 250us/1.5ms), or a latency file (CSV req_ts,exch_ts,resp_ts in ns) to interpolate. "
                    + "BOOK=VALUE sets one traded book (repeatable). Default: 0ms.")
    void latency(List<String> texts) {
        latencies = parse("--latency", texts, NO_LATENCY, LatencySetting::parse, latencies);
        latency = latencies.all();
    }

    @Option(
            names = "--queue",
            paramLabel = "MODEL",
            defaultValue = "risk-averse",
            description = "Queue position model: risk-averse, power:N, power2:N, power3:N, log, log2. "
                    + "Default: ${DEFAULT-VALUE}.")
    QueueSetting queue;

    @Option(
            names = "--fees",
            paramLabel = "[BOOK=]MAKER,TAKER",
            converter = OptionTypes.PerBookFees.class,
            description = "Fees as fractions of traded value (negative = rebate); BOOK=MAKER,TAKER sets one traded "
                    + "book (repeatable). Default: 0.0002,0.0005 (Binance USD-M VIP 0).")
    void fees(List<String> texts) {
        feesByBook = parse("--fees", texts, FeeSchedule.BINANCE_USDM_VIP0, FeeSchedule::parse, feesByBook);
        fees = feesByBook.all();
    }

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
            paramLabel = "[BOOK=]QTY",
            converter = OptionTypes.PerBookLotSize.class,
            description = "The instrument's quantity step; BOOK=QTY sets one traded book (repeatable). Default: 0.001 "
                    + "(USD-M BTCUSDT and ETHUSDT).")
    void lotSize(List<String> texts) {
        lotSizes = parse("--lot-size", texts, LotSize.BINANCE_USDM_BTCUSDT, LotSize::parse, lotSizes);
        lotSize = lotSizes.all().step();
    }

    /**
     * One option's texts as a typed setting. Each text was checked on its own by its converter ({@link OptionTypes},
     * picocli's one-line error); what only the texts together can get wrong (a book, or every book, given twice) is
     * kept for {@link #instruments()} to report, since picocli turns an exception thrown here into a long message.
     */
    private <T> PerInstrument<T> parse(
            String option, List<String> texts, T fallback, Function<String, T> parse, PerInstrument<T> current) {
        try {
            return PerInstrument.parse(texts, fallback, parse);
        } catch (IllegalArgumentException e) {
            problem = option + " " + e.getMessage();
            return current;
        }
    }

    /** The settings of every book alike: a one-instrument venue's. */
    SimulatorSettings settings() {
        return new SimulatorSettings(latency, fees, queue, fill, exchangeClock);
    }

    /**
     * The settings of each traded book, per-book values included (not yet checked against a graph).
     *
     * @throws UserError when an option gives a book, or every book, twice
     */
    InstrumentSettings instruments() {
        if (problem != null) {
            throw new UserError(problem);
        }
        return new InstrumentSettings(latencies, feesByBook, lotSizes, queue, fill, exchangeClock);
    }
}
