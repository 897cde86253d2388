/**
 * The public model of a compiled graph, before it is linked: which node feeds which, the order they run in, and the
 * names the file gave them. What tools read ({@code fg dot}, tests, an embedding program that wants to inspect a
 * graph); the runtime links it into slots and nodes in {@code io.factorgraph.runtime.graph}.
 *
 * <p>Start at {@link io.factorgraph.runtime.plan.Plan}, then {@link io.factorgraph.runtime.plan.PlanNode}, a sealed
 * hierarchy of inputs, constants, function applications and the sink. The plan is immutable and built on Guava's
 * {@code ImmutableGraph}, so it can be handed out freely; the graph algorithms (topological order, cycles) are
 * JGraphT's, run by the planner. Node ids are dense and in source order, equal sub-expressions share one node (one
 * {@link io.factorgraph.runtime.plan.PlanNode} may carry several names), and ties in the run order are broken by source
 * order, so the same file always gives the same plan and the same node numbering.
 *
 * <p>Built by {@link io.factorgraph.runtime.compile.Planner}; linked by
 * {@link io.factorgraph.runtime.graph.CompiledGraph#link}.
 */
package io.factorgraph.runtime.plan;
