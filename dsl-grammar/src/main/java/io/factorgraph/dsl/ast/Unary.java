package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code -x} or {@code not x}. */
public record Unary(UnaryOperator operator, Expr operand, Span span) implements Expr {}
