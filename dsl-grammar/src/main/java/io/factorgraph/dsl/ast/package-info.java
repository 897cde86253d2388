/**
 * The syntax tree of a {@code .fg} file, exactly as written: what the parser hands to the compiler in {@code runtime},
 * and nothing it has decided yet (names are unresolved, calls unchecked, constants unfolded).
 *
 * <p>Start at {@link io.factorgraph.dsl.ast.Program}: a source and its {@link io.factorgraph.dsl.ast.Statement}s in
 * source order. Statements and expressions ({@link io.factorgraph.dsl.ast.Expr}) are sealed interfaces over records, so
 * every phase of the compiler walks them with exhaustive pattern switches and a new form of statement or expression is
 * a compile error wherever it is not yet handled. Every node carries the {@link io.factorgraph.dsl.source.Span} it was
 * written at, because every later diagnostic must point at the user's text; literals keep their text as written for the
 * same reason.
 *
 * <p>Two shapes are deliberate. An operator is not a node kind of its own in the graph:
 * {@link io.factorgraph.dsl.ast.BinaryOperator} and {@link io.factorgraph.dsl.ast.UnaryOperator} name the library
 * function that carries them out, so {@code a + b} and {@code add(a, b)} become one node. And a statement with a syntax
 * error is kept as an {@link io.factorgraph.dsl.ast.InvalidStatement} holding the name it meant to define, so that the
 * compiler does not report that name again as undefined (docs/DESIGN.md §3: every diagnostic, each once).
 *
 * <p>Neighbours: {@code io.factorgraph.dsl.parse} builds these records; {@code io.factorgraph.runtime.compile}
 * resolves, checks and plans them.
 */
package io.factorgraph.dsl.ast;
