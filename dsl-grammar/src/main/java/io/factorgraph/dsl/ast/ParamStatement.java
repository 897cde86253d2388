package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code param NAME = EXPR}: a named constant that a run may override. */
public record ParamStatement(Identifier name, Expr value, Span span) implements Statement {}
