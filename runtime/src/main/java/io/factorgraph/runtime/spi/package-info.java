/**
 * The contract between the compiler and the functions a {@code .fg} file calls: what a library declares, and what a
 * node is given and must do. Implement these to add functions; nothing else in {@code runtime} needs to change.
 *
 * <p>Start at {@link io.factorgraph.runtime.spi.Node} (the per-instance state, with {@code update()} and
 * {@code reset()}), {@link io.factorgraph.runtime.spi.Signature} (parameters, result type, one-line description) and
 * {@link io.factorgraph.runtime.spi.Functions}, which makes a {@link io.factorgraph.runtime.spi.FunctionDefinition}
 * from a signature and a link-time factory. A {@link io.factorgraph.runtime.spi.FunctionLibrary} listed for
 * {@link java.util.ServiceLoader} adds its functions to every file; {@link io.factorgraph.runtime.spi.SinkFunction} is
 * the terminal kind, bound to a strategy sink rather than linked as a node.
 *
 * <p>The split between the two times is the point. At compile time a function is described, never run: its signature
 * lets the compiler bind, type-check and range-check every call ({@link io.factorgraph.runtime.spi.Range},
 * {@link io.factorgraph.runtime.spi.ArgumentProblems}), so a bad window or a zero baseline is a diagnostic in the
 * user's file, not NaNs at run time. At link time, once per instance, the
 * {@link io.factorgraph.runtime.spi.LinkContext} tells a node which slots are its inputs and output and what its
 * constants are. Per tick there is only {@link io.factorgraph.runtime.spi.Node#update()}: O(1) (O(levels in band) for
 * book scans), no allocation, no exception for any input value (NaN in, NaN or a defined value out), and deterministic
 * (docs/DESIGN.md §4). Definitions are stateless and shared; all state lives in the nodes.
 *
 * <p>A window argument is a count of ticks or a duration ({@link io.factorgraph.runtime.spi.Parameter#window},
 * {@link io.factorgraph.runtime.spi.WindowLength}); a node reads it with {@code LinkContext.window}, the tick's time
 * from {@link io.factorgraph.runtime.spi.TickTime}, and states its memory per sample
 * ({@code Functions.Retention.perSample}), which for a duration depends on the graph's clock.
 *
 * <p>Implemented by {@code io.factorgraph.nodes} (the standard library) and {@code io.factorgraph.examples.custom} (a
 * user's node); consumed by {@code io.factorgraph.runtime.registry}, {@code io.factorgraph.runtime.compile} and
 * {@code io.factorgraph.runtime.graph}.
 */
package io.factorgraph.runtime.spi;
