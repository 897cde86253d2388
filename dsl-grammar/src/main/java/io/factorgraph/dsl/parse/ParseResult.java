package io.factorgraph.dsl.parse;

import io.factorgraph.dsl.ast.Program;
import io.factorgraph.dsl.diagnostic.Diagnostic;
import java.util.List;

/**
 * What the parser made of a source: the program (statements with syntax errors appear as
 * {@link io.factorgraph.dsl.ast.InvalidStatement}) and the syntax diagnostics, in source order.
 */
public record ParseResult(Program program, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
