package io.factorgraph.cli;

import io.factorgraph.backtest.exchange.FillMode;
import io.factorgraph.backtest.settings.ExchangeClock;
import io.factorgraph.backtest.settings.FeeSchedule;
import io.factorgraph.backtest.settings.GapSetting;
import io.factorgraph.backtest.settings.LatencySetting;
import io.factorgraph.backtest.settings.LotSize;
import io.factorgraph.backtest.settings.PerInstrument;
import io.factorgraph.backtest.settings.QueueSetting;
import io.factorgraph.backtest.settings.ReplaySpeed;
import io.factorgraph.dsl.parse.Literals;
import io.factorgraph.live.transport.IdleMode;
import io.factorgraph.live.transport.TransportConfig;
import io.factorgraph.runtime.data.GapPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The typed values of {@code fg}'s options: every option is parsed once, by picocli, in the process the user started,
 * into the type the commands use (a {@link LatencySetting}, a {@link FeeSchedule}, ...), so a bad value is a one-line
 * error before anything is read or started ({@link Fg} prints {@code --option 'value': expected ...}). The live
 * processes get the canonical text of the same values.
 */
final class OptionTypes {
    private OptionTypes() {}

    /** Registers the converters on a command line and its subcommands. */
    static void register(CommandLine commandLine) {
        commandLine.registerConverter(LatencySetting.class, converter(LatencySetting::parse));
        commandLine.registerConverter(FeeSchedule.class, converter(FeeSchedule::parse));
        commandLine.registerConverter(QueueSetting.class, converter(QueueSetting::parse));
        commandLine.registerConverter(FillMode.class, converter(OptionTypes::fillMode));
        commandLine.registerConverter(ExchangeClock.class, converter(ExchangeClock::parse));
        commandLine.registerConverter(GapPolicy.class, converter(GapSetting::parse));
        commandLine.registerConverter(ReplaySpeed.class, converter(ReplaySpeed::parse));
        commandLine.registerConverter(IdleMode.class, converter(OptionTypes::idleMode));
        commandLine.registerConverter(Duration.class, converter(OptionTypes::duration));
        commandLine.registerConverter(Long.class, converter(OptionTypes::wholeNumber));
        commandLine.registerConverter(long.class, converter(OptionTypes::wholeNumber));
    }

    private static <T> ITypeConverter<T> converter(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    private static FillMode fillMode(String text) {
        try {
            return FillMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': expected no-partial or partial");
        }
    }

    private static IdleMode idleMode(String text) {
        try {
            return IdleMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': expected backoff, sleep, yield or busy-spin");
        }
    }

    /** A positive duration as the {@code .fg} language writes it. */
    private static Duration duration(String text) {
        var nanos = Literals.duration(text == null ? "" : text.strip());
        if (nanos.isEmpty() || nanos.getAsLong() <= 0) {
            throw new IllegalArgumentException("'" + text + "': expected a positive duration such as 100ms, 1s or 5m");
        }
        return Duration.ofNanos(nanos.getAsLong());
    }

    private static Long wholeNumber(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': expected a whole number such as 600");
        }
    }

    /** {@code --udp HOST:PORT}, checked here and passed on as written. */
    static final class UdpEndpoint implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            try {
                TransportConfig.udp(text);
                return text;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A quantity or price step: finite and {@code > 0}. */
    static final class PositiveStep implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                double value = Double.parseDouble(text.strip());
                if (value > 0 && Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + text + "': expected a positive step such as 0.001");
        }
    }

    /**
     * One text of a per-instrument option ({@code VALUE} or {@code BOOK=VALUE}), checked on its own and passed on as
     * written; {@link SimulatorOptions} puts the texts together.
     */
    private static String perBook(String text, Function<String, Object> parse) {
        try {
            PerInstrument.parse(List.of(text), new Object(), v -> parse.apply(v));
            return text;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code --latency [BOOK=]VALUE}. */
    static final class PerBookLatency implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            return perBook(text, LatencySetting::parse);
        }
    }

    /** {@code --fees [BOOK=]MAKER,TAKER}. */
    static final class PerBookFees implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            return perBook(text, FeeSchedule::parse);
        }
    }

    /** {@code --lot-size [BOOK=]QTY}. */
    static final class PerBookLotSize implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            return perBook(text, LotSize::parse);
        }
    }
}
