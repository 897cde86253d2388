package io.factorgraph.runtime.compile;

import io.factorgraph.runtime.spi.Constant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of type checking: every param's final value, every definition's typed value, and the
 * typed outputs and sink.
 *
 * @param params final values after {@code --param} overrides, in source order
 * @param definitions typed values of the definitions that checked cleanly, in evaluation order
 * @param outputs the exposed names and their typed values, in output order
 * @param clockNanos the sampling interval of {@code clock every}, if any
 */
public record CheckedProgram(
        Resolution resolution,
        Map<String, Constant> params,
        Map<String, Typed> definitions,
        List<NamedValue> outputs,
        Optional<StreamExpr.Apply> sink,
        OptionalLong clockNanos) {

    public record NamedValue(String name, Typed value) {
    }

    public CheckedProgram {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        definitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definitions));
        outputs = List.copyOf(outputs);
    }
}
