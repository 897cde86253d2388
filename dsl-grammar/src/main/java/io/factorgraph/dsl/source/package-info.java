/**
 * Source text and positions in it: the one place that knows how offsets, lines and columns relate, so that every
 * diagnostic, from the parser or from the compiler, points at the same character the user sees.
 *
 * <p>{@link io.factorgraph.dsl.source.SourceText} holds a source with the name the user knows it by (a path, or a label
 * such as {@code <string>}) and its line starts, so quoting a diagnostic's line is a binary search rather than a
 * rescan. {@link io.factorgraph.dsl.source.Span} is a run of characters: offsets and lengths in UTF-16 units, as Java
 * strings index the text, while lines and columns are 1-based and columns count code points, as editors and compilers
 * print them.
 *
 * <p>Used by every other package of the grammar module ({@code ast}, {@code parse}, {@code diagnostic}) and by the
 * compiler's diagnostics in {@code io.factorgraph.runtime.compile}.
 */
package io.factorgraph.dsl.source;
