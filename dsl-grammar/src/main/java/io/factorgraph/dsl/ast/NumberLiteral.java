package io.factorgraph.dsl.ast;

import io.factorgraph.dsl.source.Span;

/** {@code 600}, {@code 1e-4}, {@code 0.5}; {@code text} is as written. */
public record NumberLiteral(double value, String text, Span span) implements Expr {}
