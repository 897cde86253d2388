package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code left op right}; {@code operatorSpan} is where the operator itself stands. */
public record Binary(BinaryOperator operator, Expr left, Expr right, Span operatorSpan, Span span) implements Expr {}
