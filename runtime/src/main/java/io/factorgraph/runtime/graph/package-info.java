/**
 * The linked graph and its running copies: a {@link io.factorgraph.runtime.plan.Plan} turned into a flat array of O(1)
 * incremental nodes over one shared {@code double[]} of slots (docs/DESIGN.md §1).
 *
 * <p>Start at {@link io.factorgraph.runtime.graph.CompiledGraph} (immutable, shareable across threads: the plan and
 * where every value lives) and {@link io.factorgraph.runtime.graph.GraphInstance} (the mutable per-instrument state:
 * slots, books, nodes in run order; one thread at a time). A host resolves handles once
 * ({@link io.factorgraph.runtime.graph.InputHandle}, {@link io.factorgraph.runtime.graph.OutputHandle},
 * {@link io.factorgraph.runtime.graph.BookHandle}) and then, per tick, sets inputs, calls
 * {@link io.factorgraph.runtime.graph.GraphInstance#onTick} and reads outputs, all by slot index.
 *
 * <p>Why this shape: a tick must touch each node once, allocate nothing and cost little more than a hand-fused loop
 * (docs/DESIGN.md §10). Values flow through slots rather than through objects, so a node's update is a few array reads
 * and one write; constants are slots filled at link time; the order is the plan's topological one, so each node runs
 * after its inputs. How the nodes are called is chosen by {@link io.factorgraph.runtime.graph.Execution}: by default a
 * class generated per graph gives every node a call site of its own, so the JIT inlines each node instead of making one
 * megamorphic call per node; the interpreted loop remains, and a property test holds the two bit-identical. The sink is
 * not a node: its arguments' slots are recorded in a {@link io.factorgraph.runtime.graph.SinkBinding} for an execution
 * context to run. A {@link io.factorgraph.runtime.graph.FusedGraph} is a sweep's points in one graph: one instance
 * ticks every point, and each point's sinks are a range of the graph's.
 *
 * <p>Neighbours: {@code io.factorgraph.runtime.compile} makes the plan; {@code io.factorgraph.runtime.spi} is the
 * contract nodes implement; {@code io.factorgraph.runtime.replay} ticks instances over recorded data.
 */
package io.factorgraph.runtime.graph;
