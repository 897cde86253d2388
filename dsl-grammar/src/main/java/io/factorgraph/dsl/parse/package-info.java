/**
 * From {@code .fg} text to the {@link io.factorgraph.dsl.ast.Program} syntax tree, on top of the ANTLR 4 parser
 * generated from {@code FactorGraph.g4}.
 *
 * <p>Start at {@link io.factorgraph.dsl.parse.FgParser#parse}. The design goal is docs/DESIGN.md §3's: every mistake of
 * a file in one pass, no input however malformed escaping as anything but a diagnostic, nothing printed. Hence the
 * shape: the file is lexed once and cut into statements at newlines and {@code ;} outside parentheses, and each
 * statement is parsed on its own, so a syntax error costs exactly its statement. ANTLR's own error messages speak in
 * token names; they are caught here, only the first of a statement is kept (the rest are mostly its echoes) and
 * reworded into what the user would have had to write ("expected ')' or ','"). Trees nested deeper than a fixed bound
 * are refused, because every later phase recurses over them and must end with a diagnostic, not a
 * {@code StackOverflowError}. Spans count UTF-16 units like Java strings, where ANTLR counts code points; the
 * conversion lives in one place.
 *
 * <p>The generated lexer and parser ({@code io.factorgraph.dsl.grammar}) are compiled apart and are not an API; only
 * {@link io.factorgraph.dsl.parse.FgParser}, {@link io.factorgraph.dsl.parse.ParseResult} and
 * {@link io.factorgraph.dsl.parse.Literals} (single literals given outside a file, such as {@code --interval 100ms})
 * are public. Neighbours: {@code io.factorgraph.dsl.ast} (the output), {@code io.factorgraph.dsl.diagnostic} (the
 * errors), {@code io.factorgraph.runtime.compile} (the caller).
 */
package io.factorgraph.dsl.parse;
