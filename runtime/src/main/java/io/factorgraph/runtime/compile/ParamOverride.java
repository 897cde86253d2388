package io.factorgraph.runtime.compile;

/**
 * A run-time value for a {@code param}, as the user wrote it ({@code --param depth=0.002}). The
 * value is read as a {@code .fg} constant expression: {@code 600}, {@code 1e-4}, {@code 100ms},
 * {@code true}.
 */
public record ParamOverride(String name, String value) {
    public ParamOverride {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(value, "value");
    }

    /**
     * Parses {@code name=value}.
     *
     * @throws IllegalArgumentException naming the expected form when there is no '=' or no name
     */
    public static ParamOverride parse(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("'" + assignment + "' is not of the form NAME=VALUE, e.g. window=600");
        }
        return new ParamOverride(
                assignment.substring(0, equals).trim(),
                assignment.substring(equals + 1).trim());
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
