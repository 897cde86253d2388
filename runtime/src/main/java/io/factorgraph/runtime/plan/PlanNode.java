package io.factorgraph.runtime.plan;

import io.factorgraph.dsl.source.Span;
import io.factorgraph.runtime.spi.Constant;
import io.factorgraph.runtime.spi.FunctionDefinition;
import io.factorgraph.runtime.spi.NodeFunction;
import io.factorgraph.runtime.spi.SinkFunction;
import io.factorgraph.runtime.spi.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A vertex of a compiled graph's plan. Ids are dense, assigned in source order, and unique within
 * one plan; equal sub-expressions share one node.
 */
public sealed interface PlanNode permits PlanNode.Input, PlanNode.ConstantValue, PlanNode.Function, PlanNode.Sink {
    int id();

    /** The stream type it produces; empty for a sink. */
    Optional<ValueType> type();

    /** How the node reads in a graph picture or a message: {@code zscore(window=600)}. */
    String label();

    /** The ids of the nodes it reads, in order; none for an input or a constant. */
    List<Integer> inputs();

    /** A stream the host feeds: a book, or a double. */
    record Input(int id, String name, ValueType valueType) implements PlanNode {
        @Override
        public List<Integer> inputs() {
            return List.of();
        }

        @Override
        public Optional<ValueType> type() {
            return Optional.of(valueType);
        }

        @Override
        public String label() {
            return "input " + name + ": " + valueType.displayName();
        }
    }

    /** A constant used as a stream; its slot is set once when an instance is made. */
    record ConstantValue(int id, Constant value, ValueType valueType) implements PlanNode {
        @Override
        public List<Integer> inputs() {
            return List.of();
        }

        @Override
        public Optional<ValueType> type() {
            return Optional.of(valueType);
        }

        @Override
        public String label() {
            return value.toString();
        }
    }

    /**
     * A call of a library function.
     *
     * @param inputs ids of the stream arguments, in the order of the signature's stream parameters
     */
    record Function(
            int id,
            NodeFunction function,
            List<Integer> inputs,
            Map<String, Constant> constants,
            ValueType valueType,
            Span span)
            implements PlanNode {
        public Function {
            inputs = List.copyOf(inputs);
            constants = Map.copyOf(constants);
        }

        @Override
        public Optional<ValueType> type() {
            return Optional.of(valueType);
        }

        @Override
        public String label() {
            return PlanNode.callLabel(function, constants);
        }
    }

    /** The graph's terminal consumer, such as a strategy. */
    record Sink(int id, SinkFunction function, List<Integer> inputs, Map<String, Constant> constants, Span span)
            implements PlanNode {
        public Sink {
            inputs = List.copyOf(inputs);
            constants = Map.copyOf(constants);
        }

        @Override
        public Optional<ValueType> type() {
            return Optional.empty();
        }

        @Override
        public String label() {
            return "sink " + PlanNode.callLabel(function, constants);
        }
    }

    private static String callLabel(FunctionDefinition function, Map<String, Constant> constants) {
        String arguments = function.signature().parameters().stream()
                .filter(p -> constants.containsKey(p.name()))
                .map(p -> p.name() + "=" + constants.get(p.name()))
                .collect(Collectors.joining(", "));
        return function.signature().name() + "(" + arguments + ")";
    }
}
