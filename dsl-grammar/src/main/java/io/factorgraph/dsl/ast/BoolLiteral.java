package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code true} or {@code false}. */
public record BoolLiteral(boolean value, Span span) implements Expr {}
