package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.SinkFunction;
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
 * @param sinks the checked sinks, in source order; no two trade the same book
 * @param clockNanos the sampling interval of {@code clock every}, if any
 */
public record CheckedProgram(
        Resolution resolution,
        Map<String, Constant> params,
        Map<String, Typed> definitions,
        List<NamedValue> outputs,
        List<SinkCall> sinks,
        OptionalLong clockNanos) {

    public record NamedValue(String name, Typed value) {}

    /**
     * The checked {@code sink} call.
     *
     * @param streams its stream arguments (factors and the traded book, defaulted when left out), in the
     *     order of its signature's stream parameters
     * @param constants its constant arguments after defaults, by parameter name
     * @param argumentSpans where each written argument is, by parameter name
     */
    public record SinkCall(
            SinkFunction function,
            List<StreamExpr> streams,
            Map<String, Constant> constants,
            Span span,
            Map<String, Span> argumentSpans) {
        public SinkCall {
            streams = List.copyOf(streams);
            constants = Map.copyOf(constants);
            argumentSpans = Map.copyOf(argumentSpans);
        }

        /** The name of the book input this sink trades, when it trades one. */
        public Optional<String> tradedBook() {
            return function.declaration().tradedBook().flatMap(traded -> {
                List<String> streamNames = function.signature().parameters().stream()
                        .filter(p -> p instanceof io.factorgraph.runtime.spi.Parameter.Stream)
                        .map(io.factorgraph.runtime.spi.Parameter::name)
                        .toList();
                int index = streamNames.indexOf(traded.name());
                return index >= 0 && index < streams.size() && streams.get(index) instanceof StreamExpr.InputRef ref
                        ? Optional.of(ref.name())
                        : Optional.empty();
            });
        }
    }

    public CheckedProgram {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        definitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definitions));
        outputs = List.copyOf(outputs);
        sinks = List.copyOf(sinks);
    }
}
