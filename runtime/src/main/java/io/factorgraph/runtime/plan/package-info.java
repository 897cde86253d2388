/**
 * The public model of a compiled graph, before it is linked: which node feeds which, the order they run in, and the
 * names the file gave them. What tools read ({@code fg dot}, tests, an embedding program that wants to inspect a
 * graph); the runtime links it into slots and nodes in {@code io.factorgraph.runtime.graph}.
 *
 * <p>Start at {@link io.factorgraph.runtime.plan.Plan}, then {@link io.factorgraph.runtime.plan.PlanNode}, a sealed
 * hierarchy of inputs, constants, function applications and the sink. The plan is immutable, so it can be handed out
 * freely, and gives its nodes as Guava's {@code ImmutableGraph} on request; the run order is the node ids' (a node is
 * made after its inputs), and the resolver's cycle reports use JGraphT. Node ids are dense and in source order, equal sub-expressions share one node (one
 * {@link io.factorgraph.runtime.plan.PlanNode} may carry several names), and ties in the run order are broken by source
 * order, so the same file always gives the same plan and the same node numbering.
 *
 * <p>Built by {@link io.factorgraph.runtime.compile.Planner}; linked by
 * {@link io.factorgraph.runtime.graph.CompiledGraph#link}.
 */
package io.factorgraph.runtime.plan;
