/**
 * State snapshots of a running graph (docs/DESIGN.md §13): the byte streams nodes and books write their state to
 * ({@link io.factorgraph.runtime.state.StateWriter}, {@link io.factorgraph.runtime.state.StateReader}) and the one
 * error a bad snapshot raises ({@link io.factorgraph.runtime.state.SnapshotException}). The file format itself is
 * {@link io.factorgraph.runtime.graph.GraphInstance#saveState()}.
 */
package io.factorgraph.runtime.state;
