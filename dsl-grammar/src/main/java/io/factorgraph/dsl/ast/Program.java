package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.SourceText;
import java.util.List;

/** A parsed {@code .fg} file: its statements in source order. */
public record Program(SourceText source, List<Statement> statements) {
    public Program {
        statements = List.copyOf(statements);
    }
}
