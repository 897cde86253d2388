/**
 * The stateless per-tick functions: {@code + - * /}, unary minus and {@code abs}
 * ({@link io.factorgraph.nodes.operator.Arithmetic}), comparisons ({@link io.factorgraph.nodes.operator.Comparison}),
 * {@code and}/{@code or}/{@code not} ({@link io.factorgraph.nodes.operator.Logic}) and {@code log}, {@code sqrt},
 * {@code clip} ({@link io.factorgraph.nodes.operator.Elementwise}).
 *
 * <p>The parser turns every operator into a call of one of these functions, so {@code a + b} and {@code add(a, b)} are
 * one node. Semantics are IEEE's, never an exception: NaN propagates, {@code x/0} is an infinity or NaN, every
 * comparison with NaN is false except {@code !=}; bools are 1.0 and 0.0 in a slot, any non-zero slot reading as true.
 * One small final class per operator, so that each {@code update()} is one instruction between two slot reads and a
 * slot write, and the JIT, seeing one class per call site in a generated tick, inlines it whole. The package-private
 * {@code UnaryNode} and {@code BinaryNode} hold the slot wiring they share.
 */
package io.factorgraph.nodes.operator;
