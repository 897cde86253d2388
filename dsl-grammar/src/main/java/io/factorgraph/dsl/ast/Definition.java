package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code NAME = EXPR}. */
public record Definition(Identifier name, Expr value, Span span) implements Statement {}
