package io.factorgraph.runtime.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.graph.ImmutableGraph;
import io.factorgraph.dsl.source.SourceText;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The public model of a compiled graph: which node feeds which (a Guava graph, edges from input to
 * consumer), the order in which they run, and the names the file gave them. Immutable.
 *
 * @param order every node, each after its inputs; ties in source order, so the order is reproducible
 * @param names for each node, the names the file gave it (several when definitions alias)
 * @param outputs the exposed streams, in output order
 * @param sinks the sinks, in source order: one per traded instrument
 * @param params the final param values
 */
public record Plan(
        SourceText source,
        ImmutableGraph<PlanNode> graph,
        ImmutableList<PlanNode> order,
        ImmutableListMultimap<Integer, String> names,
        List<NamedStream> outputs,
        List<PlanNode.Sink> sinks,
        OptionalLong clockNanos,
        Map<String, io.factorgraph.runtime.spi.Constant> params) {
    public Plan {
        outputs = List.copyOf(outputs);
        sinks = List.copyOf(sinks);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    public List<String> namesOf(PlanNode node) {
        return names.get(node.id());
    }

    /** The nodes of library functions, in run order: what a linked instance holds. */
    public List<PlanNode.Function> functionNodes() {
        return order.stream()
                .filter(n -> n instanceof PlanNode.Function)
                .map(n -> (PlanNode.Function) n)
                .toList();
    }

    public List<PlanNode.Input> inputs() {
        return order.stream()
                .filter(n -> n instanceof PlanNode.Input)
                .map(n -> (PlanNode.Input) n)
                .toList();
    }
}
