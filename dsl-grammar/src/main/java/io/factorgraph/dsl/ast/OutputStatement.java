package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;
import java.util.List;

/** {@code output a, b, c}: the streams the graph exposes, in this order. */
public record OutputStatement(List<Identifier> names, Span span) implements Statement {
    public OutputStatement {
        names = List.copyOf(names);
    }
}
