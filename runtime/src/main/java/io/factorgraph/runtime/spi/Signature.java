package io.factorgraph.runtime.spi;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a library function takes and gives: the compiler binds, type-checks and range-checks every
 * call against it, and prints it when a call does not fit.
 *
 * @param name the function's name; calls match it case-insensitively
 * @param parameters in positional order
 * @param returns the stream type it produces, or empty for a sink (a terminal consumer)
 * @param description one line for listings and help
 */
public record Signature(String name, List<Parameter> parameters, Optional<ValueType> returns, String description) {
    public Signature {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z_0-9]*")) {
            throw new IllegalArgumentException("function name must be an identifier, was '" + name + "'");
        }
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!seen.add(parameter.name())) {
                throw new IllegalArgumentException(
                        "function " + name + " declares parameter '" + parameter.name() + "' twice");
            }
        }
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(description, "description");
    }

    public static Signature of(String name, ValueType returns, String description, Parameter... parameters) {
        return new Signature(name, List.of(parameters), Optional.of(returns), description);
    }

    public static Signature sink(String name, String description, Parameter... parameters) {
        return new Signature(name, List.of(parameters), Optional.empty(), description);
    }

    public boolean isSink() {
        return returns.isEmpty();
    }

    /** The key calls are matched by. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    public Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** E.g. {@code zscore(x: double, window: ticks >= 1 or duration > 0) -> double}. */
    public String render() {
        return name + "(" + parameters.stream().map(Parameter::describe).collect(Collectors.joining(", ")) + ")"
                + returns.map(t -> " -> " + t.displayName()).orElse(" (sink)");
    }
}
