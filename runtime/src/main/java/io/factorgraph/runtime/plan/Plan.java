package io.factorgraph.runtime.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.graph.ElementOrder;
import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.ImmutableGraph;
import com.google.common.graph.MutableGraph;
import io.factorgraph.dsl.source.SourceText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The public model of a compiled graph: the order in which the nodes run, which node feeds which (each
 * node's inputs, and as a Guava graph {@link #graph()}), and the names the file gave them. Immutable.
 *
 * @param order every node, each after its inputs; ties in source order, so the order is reproducible
 * @param names for each node, the names the file gave it (several when definitions alias)
 * @param outputs the exposed streams, in output order
 * @param sinks the sinks, in source order: one per traded instrument
 * @param params the final param values
 */
public record Plan(
        SourceText source,
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

    /**
     * Which node feeds which: a Guava graph of the nodes in run order, edges from input to consumer, in a
     * stable order. Made on each call from the order and the nodes' inputs: compiling needs only the order,
     * and a Guava graph of a 10,000-node plan, which hashes every node record several times, was most of
     * planning one; the DOT picture and tools ask for it.
     */
    public ImmutableGraph<PlanNode> graph() {
        MutableGraph<PlanNode> graph = GraphBuilder.directed()
                .allowsSelfLoops(false)
                .nodeOrder(ElementOrder.insertion())
                .incidentEdgeOrder(ElementOrder.stable())
                .expectedNodeCount(order.size())
                .build();
        Map<Integer, PlanNode> byId = new HashMap<>();
        for (PlanNode node : order) {
            byId.put(node.id(), node);
            graph.addNode(node);
            for (int input : node.inputs()) {
                graph.putEdge(byId.get(input), node);
            }
        }
        // The induced copy adds the edges source by source, which is the incident edge order documented above.
        return ImmutableGraph.copyOf(Graphs.inducedSubgraph(graph, graph.nodes()));
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
