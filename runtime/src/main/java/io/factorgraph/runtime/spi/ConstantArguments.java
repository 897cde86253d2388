package io.factorgraph.runtime.spi;

import java.util.Map;
import java.util.Optional;

/**
 * The constant arguments of one call, after defaults: for a function's own cross-argument checks
 * (e.g. "grid_interval must be a multiple of tick_size"), its memory need, and a sink's binding.
 *
 * @param values by parameter name
 * @param clockNanos the interval of the graph's clock ({@code clock every D}), 0 when it has none: what a
 *     duration window's memory need depends on ({@link WindowLength#maxSamples})
 */
public record ConstantArguments(Map<String, Constant> values, long clockNanos) {
    public ConstantArguments {
        values = Map.copyOf(values);
        if (clockNanos < 0) {
            throw new IllegalArgumentException("clock interval must be >= 0 (0: no clock), was " + clockNanos);
        }
    }

    /** The arguments of a call in a graph without a clock. */
    public ConstantArguments(Map<String, Constant> values) {
        this(values, 0);
    }

    public Optional<Constant> get(String parameter) {
        return Optional.ofNullable(values.get(parameter));
    }

    /** A number argument. @throws IllegalArgumentException naming the parameter when it is absent or not a number */
    public double number(String parameter) {
        return switch (values.get(parameter)) {
            case Constant.Number n -> n.value();
            case null -> throw new IllegalArgumentException("no constant argument '" + parameter + "'");
            default -> throw new IllegalArgumentException("argument '" + parameter + "' is not a number");
        };
    }

    /**
     * An {@link ConstantKind#INTEGER} argument as a long (the compiler has checked it whole and within
     * {@code int}), so that sizes computed from it do not overflow.
     */
    public long integer(String parameter) {
        return (long) number(parameter);
    }

    /** A {@link ConstantKind#WINDOW} argument. */
    public WindowLength window(String parameter) {
        Constant value = values.get(parameter);
        if (value == null) {
            throw new IllegalArgumentException("no constant argument '" + parameter + "'");
        }
        return WindowLength.of(value);
    }

    /** A duration argument in nanoseconds. */
    public long durationNanos(String parameter) {
        return switch (values.get(parameter)) {
            case Constant.Duration d -> d.nanos();
            case null -> throw new IllegalArgumentException("no constant argument '" + parameter + "'");
            default -> throw new IllegalArgumentException("argument '" + parameter + "' is not a duration");
        };
    }
}
