/**
 * Problems found in a {@code .fg} source, and how they are printed: one model for syntax errors from the parser and for
 * the name, type and cycle errors of the compiler, so a user sees them all at once, in one form.
 *
 * <p>A {@link io.factorgraph.dsl.diagnostic.Diagnostic} is data (a record: severity, span, message, notes), never an
 * exception and never printed where it is found; phases collect them and the caller decides what to show.
 * {@link io.factorgraph.dsl.diagnostic.DiagnosticRenderer} prints them in the gcc/rustc form editors and eyes already
 * parse ({@code file:line:col: error: message}, the source line, a caret under the column, then {@code help:} and
 * {@code note:} lines), as docs/DESIGN.md §3 fixes it. The caret is placed by terminal cells, not by characters, so it
 * stays under a name after wide or combining characters.
 *
 * <p>Start with {@link io.factorgraph.dsl.diagnostic.Diagnostic} and {@link io.factorgraph.dsl.diagnostic.Note} (a "did
 * you mean", the expected form, or a pointer to a related place such as the other definition or a step of a cycle).
 * Spans come from {@code io.factorgraph.dsl.source}; producers are {@code io.factorgraph.dsl.parse} and
 * {@code io.factorgraph.runtime.compile}.
 */
package io.factorgraph.dsl.diagnostic;
