package io.factorgraph.runtime.compile;

import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;
import java.util.Map;

/** A type-checked stream expression: what the planner turns into nodes. */
public sealed interface StreamExpr permits StreamExpr.InputRef, StreamExpr.ConstantStream, StreamExpr.Apply {
    ValueType type();

    /** A stream the host feeds. */
    record InputRef(String name, ValueType type) implements StreamExpr {}

    /** A constant used where a stream is expected, as in {@code 0.5 * alpha}. */
    record ConstantStream(Constant value, ValueType type) implements StreamExpr {}

    /**
     * A call of a library function.
     *
     * @param streams the stream arguments, in the order of the signature's stream parameters
     * @param constants the constant arguments after defaults, by parameter name
     * @param type the result type
     * @param argumentSpans where each written argument is, by parameter name (defaults have none), so that
     *     a later phase can point at the argument a problem comes from
     */
    record Apply(
            NodeFunction function,
            List<StreamExpr> streams,
            Map<String, Constant> constants,
            ValueType type,
            Span span,
            Map<String, Span> argumentSpans)
            implements StreamExpr {
        public Apply {
            streams = List.copyOf(streams);
            constants = Map.copyOf(constants);
            argumentSpans = Map.copyOf(argumentSpans);
        }
    }
}
