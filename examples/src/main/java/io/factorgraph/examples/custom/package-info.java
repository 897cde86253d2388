/**
 * A function written outside the framework, as a user would write one: {@code rsi(x, W)}
 * ({@link io.factorgraph.examples.custom.RelativeStrength}), made available to every {@code .fg} file by its library
 * ({@link io.factorgraph.examples.custom.ExampleLibrary}).
 *
 * <p>It is the template for extending the language, with no change to the compiler: a
 * {@link io.factorgraph.runtime.spi.Node} that takes its slots and constants from the
 * {@link io.factorgraph.runtime.spi.LinkContext} once, at link time, and then does O(1) work per tick with no
 * allocation (here, on two {@link io.factorgraph.nodes.window.RollingSum}s of the standard library rather than numerics
 * of its own); a {@link io.factorgraph.runtime.spi.Signature} that lets the compiler check every call; and one line in
 * {@code META-INF/services/io.factorgraph.runtime.spi.FunctionLibrary}. Its property test, beside it under
 * {@code src/test}, holds it to a naive batch reference on the testkit's adversarial streams with
 * {@code io.factorgraph.testkit.harness.NodeCheck}: the way to test any new node (docs/DESIGN.md §1).
 */
package io.factorgraph.examples.custom;
