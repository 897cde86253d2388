package io.factorgraph.runtime.spi;

import java.util.Map;
import java.util.Optional;

/**
 * The constant arguments of one call, after defaults, for a function's own cross-argument checks
 * (e.g. "grid_interval must be a multiple of tick_size").
 */
public record ConstantArguments(Map<String, Constant> values) {
    public ConstantArguments {
        values = Map.copyOf(values);
    }

    public Optional<Constant> get(String parameter) {
        return Optional.ofNullable(values.get(parameter));
    }

    public double number(String parameter) {
        return switch (values.get(parameter)) {
            case Constant.Number n -> n.value();
            case null -> throw new IllegalArgumentException("no constant argument '" + parameter + "'");
            default -> throw new IllegalArgumentException("argument '" + parameter + "' is not a number");
        };
    }
}
