/**
 * The standard library of {@code .fg} functions: the specification's nodes, operators, series transforms, rolling and
 * exponential statistics, and the {@code stateless_mm} sink (docs/DESIGN.md §4, §6).
 *
 * <p>{@link io.factorgraph.nodes.StandardLibrary} lists every function and is the one class the runtime finds, through
 * {@code META-INF/services/io.factorgraph.runtime.spi.FunctionLibrary}; the runtime knows no node of this module by
 * name, so the library is a plug-in like any user's. The sub-packages are by feature, each function family a class that
 * returns its definitions: {@code operator} (arithmetic, comparison, logic, elementwise), {@code series} (tick-to-tick
 * transforms), {@code window} (windowed and exponential statistics and the numerics behind them), {@code book} (values
 * read off the order book), {@code signal} (the stop-loss), {@code strategy} (the sink).
 *
 * <p>Every node here keeps the rules of {@link io.factorgraph.runtime.spi.Node}: O(1) state per update, no allocation,
 * no exception for any input, {@code reset()}, deterministic; a NaN input occupies its tick and is left out of sums.
 * Each is held by property tests to a naive batch reference from {@code io.factorgraph.testkit}.
 */
package io.factorgraph.nodes;
