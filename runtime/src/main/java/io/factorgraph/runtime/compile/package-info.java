/**
 * The {@code .fg} compiler: from a parsed program to a {@link io.factorgraph.runtime.plan.Plan}, then linked into a
 * {@link io.factorgraph.runtime.graph.CompiledGraph}.
 *
 * <p>Start at {@link io.factorgraph.runtime.compile.FgCompiler}. It runs the phases in order, each a class with one
 * static entry point and an immutable result: parse ({@code io.factorgraph.dsl.parse}), then
 * {@link io.factorgraph.runtime.compile.Resolver} (names to declarations, cycles as their path, evaluation order),
 * {@link io.factorgraph.runtime.compile.Checker} (types, constant folding, {@code --param} overrides, argument binding
 * and range checks against each function's signature) and {@link io.factorgraph.runtime.compile.Planner} (common
 * sub-expressions merged into one node, unused names warned about, run order from JGraphT's topological sort with ties
 * in source order, so a plan is reproducible).
 *
 * <p>The rule that shapes it is docs/DESIGN.md §3's: a user sees every problem of a file in one compile, each reported
 * once, where it is, and no input escapes as anything but a diagnostic. So a phase never stops at the first error; it
 * runs on whatever the earlier ones could make sense of, reports into the shared
 * {@link io.factorgraph.runtime.compile.DiagnosticSink}, and marks what failed ({@code poisoned} names,
 * {@link io.factorgraph.runtime.compile.Typed#INVALID}) so its users stay quiet about it. A graph is linked only when
 * there is no error; {@link io.factorgraph.runtime.compile.CompileResult} carries both the graph and every diagnostic.
 * The compiler knows no concrete function: it sees the library only through the
 * {@link io.factorgraph.runtime.registry.FunctionRegistry} and {@code io.factorgraph.runtime.spi} signatures. Nothing
 * here runs per tick: clarity wins over allocation.
 *
 * <p>A sweep (docs/DESIGN.md §12, {@link io.factorgraph.runtime.compile.FgCompiler#compileSweep}) compiles each point
 * as above, then plans the compiled points' checked programs through one {@code Planner}, whose interning of equal
 * calls is what makes a node shared by several points exist once in the
 * {@link io.factorgraph.runtime.graph.FusedGraph}.
 */
package io.factorgraph.runtime.compile;
