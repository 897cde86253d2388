/**
 * The harness a node's author uses to hold a streaming node to its definition:
 * {@link io.factorgraph.testkit.harness.NodeCheck} runs an expression tick by tick through the real compiler and
 * runtime and compares every value with a naive {@link io.factorgraph.testkit.harness.BatchFunction}, within a
 * {@link io.factorgraph.testkit.harness.Tolerance}.
 *
 * <p>Why through the compiler rather than by calling the node directly: what a user's file runs is the linked node,
 * with its signature's checks, its slots and the graph's tick order, and that is what the check should cover. The
 * reference is a function of the whole input up to the tick, computed from scratch, so it is obviously right rather
 * than fast. Tolerances never let NaN match a number or an infinity match anything but itself, because a node's NaN
 * rule is part of its contract (docs/DESIGN.md §4). On a mismatch the failure names the tick, both values, the
 * difference and the last inputs, which is what one needs to debug it.
 *
 * <p>Pair it with the generators of {@code io.factorgraph.testkit.streams}, and the references there
 * ({@link io.factorgraph.testkit.streams.BatchReference}) for the standard statistics; the custom node in
 * {@code io.factorgraph.examples.custom} shows a complete property test.
 */
package io.factorgraph.testkit.harness;
