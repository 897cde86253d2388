package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code input NAME: TYPE}: a stream the host feeds. */
public record InputStatement(Identifier name, Identifier type, Span span) implements Statement {}
